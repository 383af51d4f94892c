#pragma once

#include <QWidget>

class QTimer;
class QTreeWidget;

namespace annotator {

class AnnotationSet;

/// Who said what: every quote with the speaker it is attributed to, in
/// article order. Activating a row jumps to the quote.
class QuoteList : public QWidget
{
    Q_OBJECT
public:
    explicit QuoteList(const AnnotationSet *set, QWidget *parent = nullptr);
    /// What a quote dragged out of the list carries: its annotation id.
    static QString mimeType();

    QTreeWidget *tree() const { return m_tree; }
    void refresh();

Q_SIGNALS:
    void jumpTo(qint64 start, qint64 end);

private:
    const AnnotationSet *m_set;
    QTreeWidget *m_tree;
    QTimer *m_refresh;
};

} // namespace annotator
