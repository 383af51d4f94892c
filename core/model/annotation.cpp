#include "annotation.h"

namespace annotator {

QString toString(Origin origin)
{
    return origin == Origin::Automatic ? QStringLiteral("automatic") : QStringLiteral("manual");
}

QString toString(Status status)
{
    switch (status) {
    case Status::Suggested:
        return QStringLiteral("suggested");
    case Status::Rejected:
        return QStringLiteral("rejected");
    case Status::Accepted:
        break;
    }
    return QStringLiteral("accepted");
}

Origin originFromString(const QString &s, bool *ok)
{
    if (ok)
        *ok = s == QLatin1String("automatic") || s == QLatin1String("manual");
    return s == QLatin1String("automatic") ? Origin::Automatic : Origin::Manual;
}

Status statusFromString(const QString &s, bool *ok)
{
    if (ok)
        *ok = s == QLatin1String("suggested") || s == QLatin1String("accepted") || s == QLatin1String("rejected");
    if (s == QLatin1String("suggested"))
        return Status::Suggested;
    if (s == QLatin1String("rejected"))
        return Status::Rejected;
    return Status::Accepted;
}

bool positionLess(const Annotation &a, const Annotation &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.end != b.end)
        return a.end > b.end; // outer spans first
    if (a.type != b.type)
        return a.type < b.type;
    return a.id < b.id;
}

} // namespace annotator
