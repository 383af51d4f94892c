#pragma once

#include <QList>
#include <QPair>
#include <QColor>
#include <QHash>
#include <QWidget>

#include <vector>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace annotator {

class AnnotationSet;

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
    /// Rebuilds the rows now (they are otherwise rebuilt just after a change).
    void refresh();
    /// The highlight colour of each type, shown beside its group so the
    /// list reads like the text.
    void setTypeColors(const QHash<QString, QColor> &colors);

Q_SIGNALS:
    /// The user asked to see the mention at [start, end) (code points).
    void jumpTo(qint64 start, qint64 end);
    /// The user asked to make entity @p from part of entity @p into.
    void mergeRequested(const QString &into, const QString &from);

private:
    void activate(QTreeWidgetItem *item);
    void applyFilter();
    void showMenu(const QPoint &pos);

    const AnnotationSet *m_set;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QTimer *m_refresh;
    /// Where each row's mentions are, by the row's index (MentionsRole):
    /// kept here rather than as a QVariant per mention.
    std::vector<QList<QPair<qint64, qint64>>> m_mentions;
    QHash<QString, QColor> m_colors;
};

} // namespace annotator
