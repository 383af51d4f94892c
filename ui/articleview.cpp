#include "articleview.h"

#include "annotationhighlighter.h"
#include "model/document.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>

namespace annotator {

namespace {
/// Above this many characters the text shows first and the highlights follow.
constexpr qsizetype LargeArticle = 256 * 1024;
}

ArticleView::ArticleView(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
{
    setReadOnly(true);
    // Read-only, but the cursor still moves and selects from the keyboard.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    setCenterOnScroll(false);
    document()->setDocumentMargin(14);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    setFont(f);
    m_highlighter = new AnnotationHighlighter(document());
    m_highlighter->setDefinition(m_repository.definitionForName(QStringLiteral("Markdown")));
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] { Q_EMIT cursorOffsetChanged(cursorOffset()); });
}

ArticleView::~ArticleView() = default;

void ArticleView::showDocument(const Document &document, const AnnotationSet *set)
{
    if (document.text().size() > LargeArticle) {
        showText(document);
        showAnnotations(set);
        return;
    }
    m_positions = ViewPositions(document);
    // Setting the text highlights every block once, annotations included.
    m_highlighter->setAnnotations(set, &m_positions);
    setPlainText(document.text());
}

void ArticleView::showText(const Document &document)
{
    m_positions = ViewPositions(document);
    m_highlighter->setAnnotations(nullptr, nullptr);
    m_highlighter->setPaused(true);
    setPlainText(document.text());
    m_highlighter->setPaused(false);
}

void ArticleView::showAnnotations(const AnnotationSet *set)
{
    m_highlighter->setAnnotations(set, &m_positions);
    if (m_highlighter->isLarge())
        m_highlighter->highlightInSlices(0);
    else
        m_highlighter->rehighlight();
}

qint64 ArticleView::selectionStart() const
{
    return m_positions.toCodePoint(textCursor().selectionStart());
}

qint64 ArticleView::selectionEnd() const
{
    return m_positions.toCodePoint(textCursor().selectionEnd());
}

bool ArticleView::hasSelection() const
{
    return textCursor().hasSelection();
}

qint64 ArticleView::cursorOffset() const
{
    return m_positions.toCodePoint(textCursor().position());
}

void ArticleView::selectRange(qint64 start, qint64 end)
{
    QTextCursor c = textCursor();
    c.setPosition(m_positions.toView(end));
    c.setPosition(m_positions.toView(start), QTextCursor::KeepAnchor);
    setTextCursor(c);
    ensureCursorVisible();
}

bool ArticleView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_toolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFrom(this, help->pos());
        const QTextCursor c = cursorForPosition(inViewport);
        // cursorForPosition rounds to the nearest gap; the character under
        // the mouse is the one whose box holds the point.
        int pos = c.position();
        if (cursorRect(c).left() > inViewport.x() && pos > 0)
            --pos;
        const QString text = m_toolTip(m_positions.toCodePoint(pos));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void ArticleView::moveCursorTo(qint64 offset)
{
    QTextCursor c = textCursor();
    c.setPosition(m_positions.toView(offset));
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace annotator
