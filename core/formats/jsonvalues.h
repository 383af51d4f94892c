#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

namespace annotator::jsonvalues {

/// A JSON number as a whole number, or @p fallback when it is none or lies
/// beyond what a double holds exactly: converting 1e300 to qint64 is
/// undefined behaviour, and a damaged or hostile file may hold it.
qint64 wholeNumber(const QJsonValue &v, qint64 fallback);

/// Attributes (text keys and values) as a JSON object, and back; values that
/// are not text read as empty text.
QJsonObject fromMap(const QMap<QString, QString> &map);
QMap<QString, QString> toMap(const QJsonValue &v);

} // namespace annotator::jsonvalues
