#include "annotationstyle.h"

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

} // namespace

AnnotationStyle::AnnotationStyle(const QColor &background, const QList<AnnotationType> &userTypes)
    : m_dark(background.lightnessF() < 0.5)
{
    for (const AnnotationType &t : userTypes) {
        QColor c(t.color);
        if (c.isValid()) {
            // Keep the user's hue, but make it readable on this background.
            float h, s, l;
            c.getHslF(&h, &s, &l);
            c = QColor::fromHslF(h, s, m_dark ? std::max(l, 0.65f) : std::min(l, 0.45f));
            m_userColors.insert(t.name, c);
        }
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
