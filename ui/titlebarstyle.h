#pragma once

#include <QHash>
#include <QIcon>
#include <QProxyStyle>

namespace annotator {

/// The application's style for a dock, keeping the icons of its title bar
/// buttons once made: the style asks for them on every paint of the title
/// (to leave room for the buttons beside the text), and Fusion loads each
/// from its image files afresh, which made a dock's paint cost more than
/// the panel inside it.
class TitleBarStyle : public QProxyStyle
{
    Q_OBJECT
public:
    /// A style of the same kind as the application's, owned by @p parent.
    explicit TitleBarStyle(QObject *parent);

    QIcon standardIcon(StandardPixmap which, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

private:
    mutable QHash<QString, QIcon> m_icons;
};

} // namespace annotator
