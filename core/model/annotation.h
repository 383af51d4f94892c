#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace annotator {

/// The built-in annotation types of the guideline. User-defined types are any
/// other name.
namespace Types {
inline const QString Speaker = QStringLiteral("Speaker");
inline const QString Country = QStringLiteral("Country");
inline const QString Event = QStringLiteral("Event");
inline const QString Quote = QStringLiteral("Quote");
}

/// Attribute keys used by the program itself.
namespace Attr {
inline const QString Code = QStringLiteral("code"); ///< Country: ISO 3166-1 alpha-2
inline const QString Role = QStringLiteral("role"); ///< Speaker: title or apposition
inline const QString Kind = QStringLiteral("kind"); ///< Speaker entity: person, organisation, unnamed
inline const QString Time = QStringLiteral("time"); ///< Event entity: explicit time
inline const QString Countries = QStringLiteral("countries"); ///< Event entity: ISO codes, space separated
}

enum class Origin { Automatic, Manual };
enum class Status { Suggested, Accepted, Rejected };

QString toString(Origin origin);
QString toString(Status status);
Origin originFromString(const QString &s, bool *ok = nullptr);
Status statusFromString(const QString &s, bool *ok = nullptr);

/// One mention in the article. Offsets count code points, end exclusive.
struct Annotation {
    QString id;
    QString type;
    qint64 start = 0;
    qint64 end = 0;
    QString text; ///< the covered text, kept for re-anchoring and checks
    QString entity; ///< id of the Entity this mention belongs to, or empty
    QString saidBy; ///< Quote: id of the speaker Entity
    QMap<QString, QString> attributes;
    Origin origin = Origin::Manual;
    Status status = Status::Accepted;

    qint64 length() const { return end - start; }
    bool sameSpan(const Annotation &o) const { return start == o.start && end == o.end && type == o.type; }
    bool operator==(const Annotation &) const = default;
};

/// A speaker or an event: the thing several mentions refer to.
struct Entity {
    QString id;
    QString type; ///< Types::Speaker or Types::Event
    QString name; ///< label shown in lists, usually the longest mention
    QMap<QString, QString> attributes;
    bool operator==(const Entity &) const = default;
};

/// A user-defined annotation type, saved with the article's annotations.
struct AnnotationType {
    QString name;
    QString color; ///< #rrggbb
    QString key; ///< single key that tags a selection, may be empty
    /// Fields a newer version wrote that this one does not know; kept and
    /// written back unchanged.
    QJsonObject unknownFields;
    bool operator==(const AnnotationType &) const = default;
};

/// Sort order of annotations everywhere: by position, then id.
bool positionLess(const Annotation &a, const Annotation &b);

/// The order AnnotationSet keeps its annotations in, for anything with a
/// start, an end and an id (an annotation, a panel's row key): by start,
/// the longer (outer) span first, then id.
template <typename A, typename B>
bool placeLess(const A &a, const B &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.end != b.end)
        return a.end > b.end;
    return a.id < b.id;
}

} // namespace annotator
