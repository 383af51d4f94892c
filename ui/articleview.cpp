#include "articleview.h"

#include "annotationhighlighter.h"
#include "quotelist.h"
#include "model/document.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QDropEvent>
#include <QHelpEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QTextBlock>
#include <QToolTip>

namespace annotator {

ArticleView::ArticleView(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
{
    setReadOnly(true);
    // Read-only, but the cursor still moves and selects from the keyboard.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Only quotes dragged from the quote list land here; files dropped on
    // the view go on to the main window, which opens them.
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
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
    m_positions = ViewPositions(document);
    // Setting the text highlights every block once, annotations included.
    m_highlighter->setAnnotations(set, &m_positions);
    setPlainText(document.text());
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
        const QString text = m_toolTip(offsetAt(inViewport));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

qint64 ArticleView::offsetAt(const QPoint &pos) const
{
    const QTextCursor c = cursorForPosition(pos);
    // cursorForPosition rounds to the nearest gap; the character under
    // the mouse is the one whose box holds the point.
    int at = c.position();
    if (cursorRect(c).left() > pos.x() && at > 0)
        --at;
    return m_positions.toCodePoint(at);
}

void ArticleView::mousePressEvent(QMouseEvent *event)
{
    // Alt+drag draws a link instead of a selection.
    if (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::AltModifier)) {
        m_linkFrom = offsetAt(event->position().toPoint());
        viewport()->setCursor(Qt::DragLinkCursor);
        event->accept();
        return;
    }
    QPlainTextEdit::mousePressEvent(event);
}

void ArticleView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_linkFrom >= 0) {
        event->accept();
        return;
    }
    QPlainTextEdit::mouseMoveEvent(event);
}

void ArticleView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_linkFrom >= 0 && event->button() == Qt::LeftButton) {
        const qint64 from = m_linkFrom;
        m_linkFrom = -1;
        viewport()->setCursor(Qt::IBeamCursor);
        event->accept();
        Q_EMIT linkDragged(from, offsetAt(event->position().toPoint()));
        return;
    }
    QPlainTextEdit::mouseReleaseEvent(event);
}

void ArticleView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QuoteList::mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ArticleView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QuoteList::mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ArticleView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QuoteList::mimeType())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT annotationDropped(QString::fromUtf8(event->mimeData()->data(QuoteList::mimeType())), offsetAt(event->position().toPoint()));
}

void ArticleView::moveCursorTo(qint64 offset)
{
    QTextCursor c = textCursor();
    c.setPosition(m_positions.toView(offset));
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace annotator
