#pragma once

#include <QStyledItemDelegate>

namespace annotator {

/// Draws a list's cells as the style does, but a single line of text that
/// fits its cell with one text layout: the style lays each cell's text out
/// three or four times (to size it, to elide it, to draw it), which made
/// painting a panel cost as much as painting the article. Text that does
/// not fit, wraps, or sits in an editor is left to the style.
class SingleLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace annotator
