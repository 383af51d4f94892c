#include "jsonvalues.h"

namespace annotator::jsonvalues {

qint64 wholeNumber(const QJsonValue &v, qint64 fallback)
{
    const double d = v.toDouble(double(fallback));
    return d >= -9007199254740992.0 && d <= 9007199254740992.0 ? qint64(d) : fallback;
}

QJsonObject fromMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> toMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace annotator::jsonvalues
