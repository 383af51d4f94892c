#include "celltextdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <cmath>
#include <memory>

namespace annotator {

namespace {

/// Lays @p text out in @p width as QCommonStyle lays out an item's text;
/// the height of its lines in @p height.
std::unique_ptr<QTextLayout> layOut(const QString &text, const QFont &font, const QTextOption &option, int width, qreal *height)
{
    auto layout = std::make_unique<QTextLayout>(text, font);
    layout->setTextOption(option);
    *height = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, *height));
        *height += line.height();
    }
    layout->endLayout();
    return layout;
}

} // namespace

void CellTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const bool wrap = opt.features.testFlag(QStyleOptionViewItem::WrapText);
    // The text rect computed below without the text is the text's own only
    // when the text takes the whole width beside the icon; wrapped lines are
    // placed here only from the top.
    if (opt.text.isEmpty() || !opt.showDecorationSelected || opt.state.testFlag(QStyle::State_Editing)
        || (wrap && !(opt.displayAlignment & Qt::AlignTop))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QStyleOptionViewItem bare = opt;
    bare.text.clear();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &bare, widget).adjusted(margin, 0, -margin, 0);
    QTextOption textOption;
    textOption.setWrapMode(wrap ? QTextOption::WordWrap : QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    qreal height = 0;
    std::unique_ptr<QTextLayout> layout = layOut(opt.text, opt.font, textOption, textRect.width(), &height);
    if (wrap && height > textRect.height()) {
        QStyledItemDelegate::paint(painter, option, index); // the last line shown is elided by the style
        return;
    }
    if (!wrap && std::ceil(layout->lineAt(0).naturalTextWidth()) > textRect.width()) {
        // Elided as the style elides a single line.
        const QString elided = QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, textRect.width());
        layout = layOut(elided, opt.font, textOption, textRect.width(), &height);
    }
    // Background, selection, icon and focus from the style; the text here.
    style->drawControl(QStyle::CE_ItemViewItem, &bare, painter, widget);
    QPalette::ColorGroup group = opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !opt.state.testFlag(QStyle::State_Active))
        group = QPalette::Inactive;
    const QRect lines = QStyle::alignedRect(opt.direction, opt.displayAlignment, QSize(textRect.width(), int(height)), textRect);
    painter->save();
    painter->setClipRect(opt.rect);
    painter->setPen(opt.palette.color(group, opt.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    layout->draw(painter, QPointF(textRect.x(), lines.top()));
    painter->restore();
}

} // namespace annotator
