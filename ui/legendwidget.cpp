#include "legendwidget.h"

#include <QHBoxLayout>
#include <QLabel>

namespace annotator {

namespace {

// The tint is translucent in the text: show it as it looks over the view.
QColor over(const QColor &tint, const QColor &background)
{
    const double a = tint.alphaF();
    return QColor::fromRgbF(float(tint.redF() * a + background.redF() * (1 - a)),
                            float(tint.greenF() * a + background.greenF() * (1 - a)),
                            float(tint.blueF() * a + background.blueF() * (1 - a)));
}

QLabel *chip(const QString &text, const QTextCharFormat &f, const QColor &background, const QColor &foreground)
{
    auto *label = new QLabel(text);
    const QColor tint = f.background().color();
    const QString border = f.underlineStyle() == QTextCharFormat::DashUnderline ? QStringLiteral("dashed") : QStringLiteral("solid");
    label->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: %2; border-bottom: 2px %3 %4; padding: 1px 6px; margin: 0 2px; }")
                             .arg(over(tint, background).name(), foreground.name(), border, f.underlineColor().name()));
    return label;
}

} // namespace

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(2);
}

void LegendWidget::setStyle(const AnnotationStyle &style, const QColor &background, const QColor &text,
                            const QList<QPair<QString, QString>> &types)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[type, key] : types) {
        const QString label = key.isEmpty() ? type : QStringLiteral("%1 %2").arg(key, type);
        QLabel *c = chip(label, style.format(type, Status::Accepted), background, text);
        c->setToolTip(key.isEmpty() ? type : tr("%1: select text and press %2").arg(type, key));
        m_layout->addWidget(c);
    }
    QLabel *suggestion = chip(tr("suggested"), style.format(Types::Speaker, Status::Suggested), background, text);
    suggestion->setToolTip(tr("Found by the recognisers and not yet accepted: dashed underline"));
    m_layout->addWidget(suggestion);
}

} // namespace annotator
