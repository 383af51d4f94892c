#include "articleview.h"

#include "annotationhighlighter.h"
#include "quotelist.h"
#include "model/document.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QHelpEvent>
#include <QMimeData>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTextBlock>
#include <QToolTip>

namespace annotator {

namespace {

/// A long article is shown several lines to a block: QPlainTextEdit makes a
/// QTextLayout (about 260 bytes) for every block of the document whenever
/// the width changes, the first show included, and the document keeps a
/// block record for each; one block per line cost a 5 MB article some 16 MB.
/// A block ends after this many lines, or sooner once it holds
/// BlockCharacters.
constexpr int LinesPerBlock = 16;
constexpr qsizetype BlockCharacters = 4096;

/// Puts @p text into @p document with several lines to a block. A line
/// break inside a block becomes a line separator (U+2028), which is drawn as
/// a line break and takes one position, as the paragraph separator it
/// replaces does: view positions stay those of one block per line (and a
/// CRLF is one position, as always in the view). The text goes in a block
/// at a time, so no second copy of the whole article is made on the way.
void setLongText(QPlainTextEdit *edit, const QString &text)
{
    edit->setPlainText(QString());
    QTextDocument *document = edit->document();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    QString block;
    block.reserve(BlockCharacters + 256);
    int lines = 0;
    qsizetype lineStart = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        if (c != u'\n' && c != u'\r' && c != QChar::ParagraphSeparator)
            continue;
        block += QStringView(text).sliced(lineStart, i - lineStart);
        if (c == u'\r' && i + 1 < size && text[i + 1] == u'\n')
            ++i; // CRLF: one line break, as QTextDocument reads it
        lineStart = i + 1;
        if (++lines >= LinesPerBlock || block.size() >= BlockCharacters) {
            cursor.insertText(block);
            cursor.insertBlock();
            block.clear();
            lines = 0;
        } else {
            block += QChar::LineSeparator;
        }
    }
    block += QStringView(text).sliced(lineStart);
    cursor.insertText(block);
    cursor.endEditBlock();
    edit->moveCursor(QTextCursor::Start);
}

/// The line around @p at of a block's @p text (which may hold several), as
/// [start, end) in the block.
std::pair<qsizetype, qsizetype> lineIn(const QString &text, qsizetype at)
{
    const qsizetype before = at > 0 ? text.lastIndexOf(QChar::LineSeparator, std::min(at, text.size()) - 1) : -1;
    const qsizetype after = text.indexOf(QChar::LineSeparator, at);
    return {before + 1, after < 0 ? text.size() : after};
}

} // namespace

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
    // Nothing edits the text here: no undo steps to keep for it.
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(14);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    setFont(f);
    m_highlighter = new AnnotationHighlighter(document());
    m_highlighter->setDefinition(m_repository.definitionForName(QStringLiteral("Markdown")));
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] { Q_EMIT cursorOffsetChanged(cursorOffset()); });
    m_openLink = new QAction(tr("Open &Link…"), this);
    m_openLink->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_openLink->setShortcutContext(Qt::WidgetShortcut);
    connect(m_openLink, &QAction::triggered, this, [this] { openLinkAtCursor(); });
    addAction(m_openLink);
}

std::optional<ArticleLink> ArticleView::linkAt(int viewPos) const
{
    // Links do not run across lines: only the line is searched.
    const QTextBlock block = document()->findBlock(viewPos);
    if (!block.isValid())
        return std::nullopt;
    const QString text = block.text();
    const auto [start, end] = lineIn(text, viewPos - block.position());
    auto link = ArticleLinks::at(text.mid(start, end - start), viewPos - block.position() - start);
    if (link) {
        link->start += start;
        link->end += start;
    }
    return link;
}

bool ArticleView::openLink(const ArticleLink &link)
{
    return m_linkOpener.open(this, link.address) == LinkOpener::Result::Opened;
}

bool ArticleView::openLinkAtCursor()
{
    const auto link = linkAtCursor();
    return link && openLink(*link);
}

int ArticleView::viewPosAt(const QPoint &inViewport) const
{
    // cursorForPosition rounds to the nearest gap; the character under the
    // mouse is the one whose box holds the point.
    const QTextCursor c = cursorForPosition(inViewport);
    int pos = c.position();
    if (cursorRect(c).left() > inViewport.x() && pos > 0)
        --pos;
    return pos;
}

std::optional<ArticleLink> ArticleView::linkUnderMouse(const QPoint &inViewport) const
{
    // The character under the mouse must be part of the link: a click past
    // the end of its line is not on it.
    const int pos = viewPosAt(inViewport);
    auto link = linkAt(pos);
    if (link && pos - document()->findBlock(pos).position() >= link->end)
        return std::nullopt;
    return link;
}

void ArticleView::keyPressEvent(QKeyEvent *event)
{
    // The action's shortcut normally handles this; a key event that reaches
    // the view directly (no shortcut map, as in some test drivers) too.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::ControlModifier) {
        openLinkAtCursor();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ArticleView::mousePressEvent(QMouseEvent *event)
{
    m_pressedLink.reset();
    // Alt+drag draws a link between annotations instead of a selection.
    if (event->button() == Qt::LeftButton && event->modifiers() == Qt::AltModifier) {
        m_linkFrom = m_positions.toCodePoint(viewPosAt(event->position().toPoint()));
        viewport()->setCursor(Qt::DragLinkCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier)) {
        const QPoint at = event->position().toPoint();
        if (auto link = linkUnderMouse(at)) {
            m_pressedLink = link;
            event->accept();
            return;
        }
    }
    m_lineDrag.reset();
    QPlainTextEdit::mousePressEvent(event);
    // A triple click selects the line, as it does where a block is a line;
    // a block of a long article holds several.
    if (m_doubleClicked.isValid() && m_doubleClicked.elapsed() < QApplication::doubleClickInterval() && event->button() == Qt::LeftButton) {
        m_doubleClicked.invalidate();
        QTextCursor c = textCursor();
        const QTextBlock block = document()->findBlock(c.selectionStart());
        if (c.hasSelection() && block.text().contains(QChar::LineSeparator)) {
            m_lineDrag = lineAt(event->position().toPoint());
            c.setPosition(m_lineDrag->first);
            c.setPosition(m_lineDrag->second, QTextCursor::KeepAnchor);
            setTextCursor(c);
        }
    }
}

std::pair<int, int> ArticleView::lineAt(const QPoint &inViewport) const
{
    const int at = cursorForPosition(inViewport).position();
    const QTextBlock block = document()->findBlock(at);
    const auto [start, end] = lineIn(block.text(), at - block.position());
    return {block.position() + int(start), block.position() + int(end)};
}

void ArticleView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseDoubleClickEvent(event);
    m_doubleClicked.start();
}

void ArticleView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_linkFrom >= 0) {
        event->accept();
        return;
    }
    QPlainTextEdit::mouseMoveEvent(event);
    // Qt extends a triple click's selection by whole blocks; from a line of
    // a block of several, the selection grows by lines, the first line kept.
    if (m_lineDrag && event->buttons().testFlag(Qt::LeftButton)) {
        const auto [start, end] = lineAt(event->position().toPoint());
        QTextCursor c = textCursor();
        if (start < m_lineDrag->first) {
            c.setPosition(m_lineDrag->second);
            c.setPosition(start, QTextCursor::KeepAnchor);
        } else {
            c.setPosition(m_lineDrag->first);
            c.setPosition(std::max(end, m_lineDrag->second), QTextCursor::KeepAnchor);
        }
        setTextCursor(c);
    }
}

void ArticleView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_lineDrag.reset();
    if (m_linkFrom >= 0 && event->button() == Qt::LeftButton) {
        const qint64 from = m_linkFrom;
        m_linkFrom = -1;
        viewport()->setCursor(Qt::IBeamCursor);
        event->accept();
        Q_EMIT linkDragged(from, m_positions.toCodePoint(viewPosAt(event->position().toPoint())));
        return;
    }
    if (m_pressedLink && event->button() == Qt::LeftButton) {
        const ArticleLink link = *m_pressedLink;
        m_pressedLink.reset();
        event->accept();
        if (linkUnderMouse(event->position().toPoint()) == link)
            openLink(link);
        return;
    }
    QPlainTextEdit::mouseReleaseEvent(event);
}

ArticleView::~ArticleView() = default;

void ArticleView::showDocument(const Document &document, const AnnotationSet *set)
{
    m_positions = ViewPositions(document);
    m_highlighter->setAnnotations(set, &m_positions);
    if (document.text().size() > AnnotationHighlighter::LargeArticle)
        setLongText(this, document.text());
    else
        setPlainText(document.text());
    m_highlighter->textReplaced();
}

void ArticleView::showText(const Document &document)
{
    showDocument(document, nullptr);
}

void ArticleView::showAnnotations(const AnnotationSet *set)
{
    m_highlighter->setAnnotations(set, &m_positions);
    m_highlighter->rehighlightAll();
}

void ArticleView::paintEvent(QPaintEvent *event)
{
    // A long article is highlighted where it is shown: the blocks about to
    // be painted first (a short one already is, whole).
    const qreal bottom = viewport()->height();
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        m_highlighter->ensureHighlighted(block);
        if (blockBoundingGeometry(block).translated(offset).top() > bottom)
            break;
    }
    QPlainTextEdit::paintEvent(event);
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
        const int pos = viewPosAt(inViewport);
        QString text = m_toolTip(m_positions.toCodePoint(pos));
        if (const auto link = linkUnderMouse(inViewport)) {
            const QString hint = QStringLiteral("<p>%1</p>").arg(tr("Ctrl+click or Ctrl+Return to open %1 (you are asked first)").arg(link->address.toHtmlEscaped()));
            text = text.isEmpty() ? hint : text + QStringLiteral("<hr>") + hint;
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
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
    Q_EMIT annotationDropped(QString::fromUtf8(event->mimeData()->data(QuoteList::mimeType())),
                             m_positions.toCodePoint(viewPosAt(event->position().toPoint())));
}

void ArticleView::moveCursorTo(qint64 offset)
{
    QTextCursor c = textCursor();
    c.setPosition(m_positions.toView(offset));
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace annotator
