#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

/// Writing JSON by hand where QJsonObject costs too much: the sidecar (a
/// hundred thousand annotations) and the `stream` command's result lines.
/// Both are read back by QJsonDocument, and the fuzz targets check that what
/// is written reads back as the same strings.
namespace annotator::json {

/// Appends @p s as a JSON string, quotes included: control characters,
/// U+2028 and U+2029 escaped, lone surrogates escaped as \\uXXXX, everything
/// else as UTF-8.
void appendString(QByteArray &out, const QString &s);

/// Appends any JSON value: a string as appendString() does; anything else
/// (objects, arrays, numbers, true, false, null) as QJsonDocument writes it.
void appendValue(QByteArray &out, const QJsonValue &v);

} // namespace annotator::json
