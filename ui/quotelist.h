#pragma once

#include <QHash>
#include <QWidget>

class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace annotator {

class AnnotationSet;
struct Annotation;
struct AnnotationEdit;

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
    /// Rebuilds every row from the whole set (on load; an edit updates just
    /// the rows it touches).
    void refresh();

Q_SIGNALS:
    void jumpTo(qint64 start, qint64 end);

private:
    /// A speaker's first mention in the article (its name when the entity
    /// has none), in the set's order.
    struct Mention {
        qint64 start = 0;
        qint64 end = 0;
        QString id;
        QString text;
        bool operator<(const Mention &o) const;
    };

    /// Brings the rows @p edit touched up to date.
    void follow(const AnnotationEdit &edit);
    void fill(QTreeWidgetItem *item, const Annotation &quote) const;
    QString speakerName(const QString &entityId) const;
    /// Where a quote at @p key goes among the rows (they are in article order).
    int rowFor(const Mention &key) const;

    const AnnotationSet *m_set;
    QTreeWidget *m_tree;
    QHash<QString, Mention> m_firstMention; ///< entity -> first mention
    QHash<QString, int> m_attributed; ///< speaker entity -> rows attributed to it
};

} // namespace annotator
