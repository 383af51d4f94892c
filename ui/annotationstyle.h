#pragma once

#include "model/annotation.h"

#include <QColor>
#include <QHash>
#include <QTextCharFormat>

namespace annotator {

/// How annotations look on top of the article: one colour per type, tuned
/// for a light or a dark background, drawn as a translucent background tint
/// with an underline in the type's colour. Accepted annotations get a solid
/// underline, suggestions a dashed one and a fainter tint; rejected ones are
/// not drawn.
class AnnotationStyle
{
public:
    AnnotationStyle() = default;
    /// A style for a background of colour @p background (a dark background
    /// gets lighter, more saturated type colours).
    explicit AnnotationStyle(const QColor &background, const QList<AnnotationType> &userTypes = {});

    bool isDark() const { return m_dark; }
    /// The colour of @p type: its underline and, translucent, its tint.
    QColor color(const QString &type) const;
    /// The format merged over the syntax highlighting for an annotation.
    QTextCharFormat format(const QString &type, Status status) const;
    /// The built-in types in legend order.
    static QStringList builtInTypes();

private:
    bool m_dark = false;
    QHash<QString, QColor> m_userColors;
};

} // namespace annotator
