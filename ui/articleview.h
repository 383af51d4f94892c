#pragma once

#include "viewpositions.h"

#include <QPlainTextEdit>

#include <functional>

namespace KSyntaxHighlighting {
class Repository;
}

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

protected:
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
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
    /// The code point under viewport point @p pos (the character whose box
    /// holds it, not the nearest gap).
    qint64 offsetAt(const QPoint &pos) const;

    ViewPositions m_positions;
    qint64 m_linkFrom = -1; ///< where an Alt+drag started, or -1
    AnnotationHighlighter *m_highlighter = nullptr;
    KSyntaxHighlighting::Repository &m_repository;
    std::function<QString(qint64)> m_toolTip;
};

} // namespace annotator
