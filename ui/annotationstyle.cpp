#include "annotationstyle.h"

#include <algorithm>
#include <cmath>

namespace annotator {

namespace {

struct TypeColor {
    const QString &type;
    QColor light;
    QColor dark;
};

const QList<TypeColor> &typeColors()
{
    // Hues far apart (blue, green, orange, purple) so the four types stay
    // distinct, also for the common red-green colour blindness where blue
    // and orange carry most of the difference.
    static const QList<TypeColor> colors = {
        {Types::Speaker, QColor(0x1f, 0x63, 0xc6), QColor(0x6c, 0xa8, 0xff)},
        {Types::Country, QColor(0x1a, 0x85, 0x3a), QColor(0x5c, 0xd6, 0x7e)},
        {Types::Event, QColor(0xd0, 0x5f, 0x00), QColor(0xff, 0xa6, 0x4d)},
        {Types::Quote, QColor(0x8e, 0x3f, 0xb0), QColor(0xcf, 0x91, 0xf2)},
    };
    return colors;
}

double luminance(const QColor &c)
{
    auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

/// WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// The user's colour with its hue kept, darkened (on a light background) or
/// lightened (on a dark one) until it stands out as the built-in colours do:
/// HSL lightness alone lets a yellow vanish on white.
QColor legibleOn(QColor c, const QColor &background, bool dark)
{
    constexpr double Wanted = 3.5;
    float h, s, l;
    c.getHslF(&h, &s, &l);
    l = dark ? std::max(l, 0.6f) : std::min(l, 0.5f);
    c = QColor::fromHslF(h, s, l);
    for (int i = 0; i < 40 && contrast(c, background) < Wanted; ++i) {
        l = std::clamp(l + (dark ? 0.02f : -0.02f), 0.0f, 1.0f);
        c = QColor::fromHslF(h, s, l);
    }
    return c;
}

} // namespace

AnnotationStyle::AnnotationStyle(const QColor &background, const QList<AnnotationType> &userTypes)
    : m_dark(background.lightnessF() < 0.5)
{
    for (const AnnotationType &t : userTypes) {
        QColor c(t.color);
        // Keep the user's hue, but make it readable on this background.
        if (c.isValid())
            m_userColors.insert(t.name, legibleOn(c, background, m_dark));
    }
}

QStringList AnnotationStyle::builtInTypes()
{
    QStringList out;
    for (const TypeColor &c : typeColors())
        out.append(c.type);
    return out;
}

QColor AnnotationStyle::color(const QString &type) const
{
    for (const TypeColor &c : typeColors()) {
        if (c.type == type)
            return m_dark ? c.dark : c.light;
    }
    const auto it = m_userColors.constFind(type);
    if (it != m_userColors.cend())
        return it.value();
    // An unknown type still gets a stable colour of its own.
    const float hue = float(qHash(type) % 360) / 360.0f;
    return QColor::fromHslF(hue, 0.6f, m_dark ? 0.7f : 0.4f);
}

QTextCharFormat AnnotationStyle::format(const QString &type, Status status) const
{
    QTextCharFormat f;
    if (status == Status::Rejected)
        return f;
    const QColor base = color(type);
    QColor tint = base;
    const bool suggested = status == Status::Suggested;
    // Quotes run over whole sentences: a lighter tint keeps the mentions
    // inside them readable.
    const bool quote = type == Types::Quote;
    int alpha = m_dark ? 80 : 56;
    if (quote)
        alpha = m_dark ? 40 : 30;
    if (suggested)
        alpha = alpha * 3 / 5;
    tint.setAlpha(alpha);
    f.setBackground(tint);
    f.setUnderlineColor(base);
    f.setUnderlineStyle(suggested ? QTextCharFormat::DashUnderline : QTextCharFormat::SingleUnderline);
    return f;
}

} // namespace annotator
