#include "titlebarstyle.h"

#include <QApplication>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace annotator {

TitleBarStyle::TitleBarStyle(QObject *parent)
    : QProxyStyle(QStyleFactory::create(QApplication::style()->name()))
{
    setParent(parent);
}

QIcon TitleBarStyle::standardIcon(StandardPixmap which, const QStyleOption *option, const QWidget *widget) const
{
    switch (which) {
    case SP_TitleBarCloseButton:
    case SP_TitleBarNormalButton:
    case SP_TitleBarMaxButton:
    case SP_TitleBarMinButton:
    case SP_DockWidgetCloseButton:
        break;
    default:
        return QProxyStyle::standardIcon(which, option, widget);
    }
    // What the icon may depend on: its colours and the text direction.
    const QPalette palette = option ? option->palette : widget ? widget->palette() : QApplication::palette();
    const Qt::LayoutDirection direction = option ? option->direction : widget ? widget->layoutDirection() : QApplication::layoutDirection();
    const QString key = QStringLiteral("%1/%2/%3").arg(int(which)).arg(palette.cacheKey()).arg(int(direction));
    auto it = m_icons.constFind(key);
    if (it != m_icons.cend())
        return it.value();
    if (m_icons.size() > 64) // palettes come and go; the icons stay few
        m_icons.clear();
    const QIcon icon = QProxyStyle::standardIcon(which, option, widget);
    m_icons.insert(key, icon);
    return icon;
}

} // namespace annotator
