#pragma once

#include <QWidget>

class QTreeView;

namespace annotator {

class AnnotationSet;
class QuoteModel;
struct AnnotationEdit;

/// Who said what: every quote with the speaker it is attributed to, in
/// article order. Activating a row jumps to the quote; a row can be dragged
/// onto a speaker in the text to attribute the quote to them.
class QuoteList : public QWidget
{
    Q_OBJECT
public:
    explicit QuoteList(const AnnotationSet *set, QWidget *parent = nullptr);
    /// What a quote dragged out of the list carries: its annotation id.
    static QString mimeType();

    /// The list; its model's rows are QuoteModel's.
    QTreeView *tree() const { return m_tree; }
    QuoteModel *model() const { return m_model; }
    /// Rebuilds every row from the whole set (on load; an edit updates just
    /// the rows it touches).
    void refresh();

Q_SIGNALS:
    void jumpTo(qint64 start, qint64 end);

private:
    /// Brings the rows @p edit touched up to date, keeping the rows in view.
    void follow(const AnnotationEdit &edit);

    const AnnotationSet *m_set;
    QTreeView *m_tree;
    QuoteModel *m_model;
};

} // namespace annotator
