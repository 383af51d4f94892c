#pragma once

#include <QList>
#include <QPair>
#include <QColor>
#include <QHash>
#include <QWidget>

#include <optional>
#include <vector>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace annotator {

class AnnotationSet;
struct Annotation;
struct AnnotationEdit;

/// The whole article at a glance: speakers with their role and number of
/// quotes, countries with their ISO code and number of mentions, events with
/// their time. Activating a row jumps to its mentions one after another; the
/// filter narrows the rows. Follows the set's changes.
class EntityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EntityPanel(const AnnotationSet *set, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filter() const { return m_filter; }
    /// Rebuilds every row from the whole set (on load; an edit updates just
    /// the rows it touches).
    void refresh();
    /// Where the mentions of @p item's row are, in article order (code
    /// points); empty for a group.
    QList<QPair<qint64, qint64>> mentions(const QTreeWidgetItem *item) const;
    /// The highlight colour of each type, shown beside its group so the
    /// list reads like the text.
    void setTypeColors(const QHash<QString, QColor> &colors);

Q_SIGNALS:
    /// The user asked to see the mention at [start, end) (code points).
    void jumpTo(qint64 start, qint64 end);
    /// The user asked to make entity @p from part of entity @p into.
    void mergeRequested(const QString &into, const QString &from);

private:
    /// A mention in a row, in the set's order (start, longer first, id).
    struct Mention {
        qint64 start;
        qint64 end;
        QString id;
        bool operator<(const Mention &o) const;
    };
    /// One row: a speaker, a country, an event or a user-defined type's
    /// text, with its mentions; kept so an edit updates only its rows.
    struct Row {
        QString group; ///< the type
        QString key; ///< what makes two mentions one row (entity, code, text)
        std::vector<Mention> mentions;
        QTreeWidgetItem *item = nullptr;
        int count = 0; ///< what the count column shows
        QString name; ///< what the name column shows (for the order)
    };
    /// What the row shows, worked out from its mentions.
    struct Shown {
        QString name;
        QString detail;
        int count = 0;
        QString entity;
    };

    void activate(QTreeWidgetItem *item);
    void applyFilter();
    void filterRow(QTreeWidgetItem *row, const QString &needle) const;
    void showMenu(const QPoint &pos);
    /// The group and key of the row @p a counts in, if any.
    std::optional<std::pair<QString, QString>> rowOf(const Annotation &a) const;
    Shown describe(const Row &row) const;
    void fill(QTreeWidgetItem *item, size_t slot, const Shown &shown) const;
    bool before(size_t a, size_t b) const;
    QTreeWidgetItem *groupItem(const QString &type) const;
    void setGroupTitle(QTreeWidgetItem *group) const;
    void resizeCountColumn();
    /// Brings the rows @p edit touched up to date.
    void follow(const AnnotationEdit &edit);
    /// The group titles, by type.
    QString groupTitle(const QString &type) const;
    QString countTip(const QString &type) const;

    const AnnotationSet *m_set;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QTimer *m_refresh;
    /// The rows, by the index each item holds (MentionsRole); the mentions
    /// are kept here rather than as a QVariant per mention.
    std::vector<Row> m_rows;
    std::vector<size_t> m_free; ///< slots of m_rows no row uses
    QHash<QString, size_t> m_index; ///< group + '\n' + key -> slot
    QHash<QString, int> m_quotes; ///< speaker entity -> quotes attributed to it
    QStringList m_groupTypes; ///< the groups' types, in the tree's order
    bool m_typesChanged = false;
    int m_largestCount = -1;
    QHash<QString, QColor> m_colors;
    mutable QHash<QString, QString> m_countTips; ///< countTip() by type
};

} // namespace annotator
