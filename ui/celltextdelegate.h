#pragma once

#include <QStyledItemDelegate>

namespace annotator {

/// Draws a list's cells as the style does, laying each cell's text out once:
/// the style lays it out three or four times (to size it, to elide it, to
/// draw it), which made painting a panel cost as much as painting the
/// article. Text that wraps and does not fit its cell, and cells being
/// edited, are left to the style.
class CellTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace annotator
