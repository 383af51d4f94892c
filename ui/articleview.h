#pragma once

#include "linkopener.h"
#include "model/articlelinks.h"
#include "viewpositions.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>

#include <functional>

namespace KSyntaxHighlighting {
class Repository;
}

class QAction;

namespace annotator {

class AnnotationHighlighter;
class AnnotationSet;
class Document;

/// The article, read-only, with its Markdown highlighting and annotations.
/// The text cursor moves and selects from the keyboard too, so tagging works
/// without a mouse. Speaks code point offsets to the rest of the program.
class ArticleView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ArticleView(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~ArticleView() override;

    /// Shows @p document with the annotations of @p set (both must outlive
    /// the view or the next call).
    void showDocument(const Document &document, const AnnotationSet *set);
    /// Shows the text of @p document without annotations (a large article
    /// while its annotations load); showAnnotations() adds them.
    void showText(const Document &document);
    /// Highlights the text shown by showText() with the annotations of @p set.
    void showAnnotations(const AnnotationSet *set);
    AnnotationHighlighter *highlighter() const { return m_highlighter; }
    const ViewPositions &positions() const { return m_positions; }

    /// The selection, or the cursor position twice, in code points.
    qint64 selectionStart() const;
    qint64 selectionEnd() const;
    bool hasSelection() const;
    qint64 cursorOffset() const;
    /// Selects [start, end) (code points) and scrolls it into view.
    void selectRange(qint64 start, qint64 end);
    /// Puts the cursor at @p offset without selecting.
    void moveCursorTo(qint64 offset);
    /// What the tooltip says about the text at a code point offset (rich
    /// text; empty for no tooltip).
    void setToolTipProvider(std::function<QString(qint64)> provider) { m_toolTip = std::move(provider); }

    /// Links in the text open with Ctrl+click, or with openLinkAction()
    /// (Ctrl+Return, and the context menu) at the cursor, through this
    /// opener: after the user's confirmation, http, https and mailto only.
    LinkOpener &linkOpener() { return m_linkOpener; }
    /// The link at view position @p viewPos (UTF-16, as QTextCursor counts).
    std::optional<ArticleLink> linkAt(int viewPos) const;
    std::optional<ArticleLink> linkAtCursor() const { return linkAt(textCursor().position()); }
    QAction *openLinkAction() const { return m_openLink; }
    /// Opens the link at the cursor, asking first; false when none is there
    /// or it was not opened.
    bool openLinkAtCursor();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

Q_SIGNALS:
    void cursorOffsetChanged(qint64 offset);
    /// The user dragged with Alt held from the text at code point @p from
    /// to the text at @p to: link what is at one to what is at the other.
    void linkDragged(qint64 from, qint64 to);
    /// Annotation @p id (a quote dragged from the quote list) was dropped on
    /// the text at code point @p at.
    void annotationDropped(const QString &id, qint64 at);

private:
    ViewPositions m_positions;
    AnnotationHighlighter *m_highlighter = nullptr;
    KSyntaxHighlighting::Repository &m_repository;
    std::function<QString(qint64)> m_toolTip;
    LinkOpener m_linkOpener;
    QAction *m_openLink = nullptr;
    std::optional<ArticleLink> m_pressedLink; ///< Ctrl+pressed, opened on release
    qint64 m_linkFrom = -1; ///< where an Alt+drag started, or -1
    QElapsedTimer m_doubleClicked; ///< since the last double click (a third click selects a line)
    /// The line a triple click selected in a block of several lines (view
    /// positions, [start, end)): a drag from it extends by lines, where Qt
    /// would extend by blocks.
    std::optional<std::pair<int, int>> m_lineDrag;
    /// The line of a block of several lines at @p inViewport (view positions).
    std::pair<int, int> lineAt(const QPoint &inViewport) const;
    bool openLink(const ArticleLink &link);
    int viewPosAt(const QPoint &inViewport) const;
    std::optional<ArticleLink> linkUnderMouse(const QPoint &inViewport) const;
};

} // namespace annotator
