#include "singlelinedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace annotator {

void SingleLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The text rect computed below without the text is the text's own only
    // when the text takes the whole width beside the icon.
    if (opt.text.isEmpty() || opt.features.testFlag(QStyleOptionViewItem::WrapText) || !opt.showDecorationSelected
        || opt.state.testFlag(QStyle::State_Editing)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Laid out as QCommonStyle lays out an item's text (same option, margin
    // and alignment), once.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QStyleOptionViewItem bare = opt;
    bare.text.clear();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &bare, widget).adjusted(margin, 0, -margin, 0);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    QTextLayout layout(opt.text, opt.font);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(textRect.width());
    line.setPosition(QPointF(0, 0));
    const bool oneLine = !layout.createLine().isValid();
    layout.endLayout();
    if (!oneLine || std::ceil(line.naturalTextWidth()) > textRect.width()) {
        QStyledItemDelegate::paint(painter, option, index); // elided by the style
        return;
    }
    // Background, selection, icon and focus from the style; the text here.
    style->drawControl(QStyle::CE_ItemViewItem, &bare, painter, widget);
    QPalette::ColorGroup group = opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !opt.state.testFlag(QStyle::State_Active))
        group = QPalette::Inactive;
    const QRect lines = QStyle::alignedRect(opt.direction, opt.displayAlignment, QSize(textRect.width(), int(line.height())), textRect);
    painter->save();
    painter->setClipRect(opt.rect);
    painter->setPen(opt.palette.color(group, opt.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    layout.draw(painter, QPointF(textRect.x(), lines.top()));
    painter->restore();
}

} // namespace annotator
