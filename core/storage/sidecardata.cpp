#include "sidecardata.h"

#include "model/annotationset.h"
#include "model/document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cctype>

namespace annotator {

namespace {

constexpr qint64 ContextLength = 24;
/// Largest offset a sidecar may hold: every integer up to it is exact in a
/// JSON number (a double).
constexpr double MaxOffset = 9007199254740992.0; // 2^53

void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x2028 || u == 0x2029) {
                out += "\\u";
                out += QByteArray::number(u, 16).rightJustified(4, '0');
            } else if (c.isSurrogate()) {
                // Valid pairs are written as UTF-8 below; a lone surrogate is escaped.
                out += "\\u";
                out += QByteArray::number(u, 16).rightJustified(4, '0');
            } else {
                out += QString(c).toUtf8();
            }
        }
    }
    out += '"';
}

// Proper UTF-8 for astral characters: walk pairs, not single units.
void appendString(QByteArray &out, const QString &s)
{
    bool simple = true;
    for (const QChar c : s) {
        if (c.isSurrogate()) {
            simple = false;
            break;
        }
    }
    if (simple) {
        appendJsonString(out, s);
        return;
    }
    QString escaped;
    QByteArray tmp;
    out += '"';
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate() && i + 1 < n && s.at(i + 1).isLowSurrogate()) {
            out += s.mid(i, 2).toUtf8();
            ++i;
            continue;
        }
        tmp.clear();
        appendJsonString(tmp, QString(c));
        out += tmp.mid(1, tmp.size() - 2);
    }
    out += '"';
}

void appendMap(QByteArray &out, const QMap<QString, QString> &map)
{
    out += '{';
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out += ", ";
        first = false;
        appendString(out, it.key());
        out += ": ";
        appendString(out, it.value());
    }
    out += '}';
}

void appendAnnotation(QByteArray &out, const Annotation &a, const AnchorContext *ctx)
{
    out += "{\"id\": ";
    appendString(out, a.id);
    out += ", \"type\": ";
    appendString(out, a.type);
    out += ", \"start\": " + QByteArray::number(a.start) + ", \"end\": " + QByteArray::number(a.end) + ", \"text\": ";
    appendString(out, a.text);
    if (!a.entity.isEmpty()) {
        out += ", \"entity\": ";
        appendString(out, a.entity);
    }
    if (!a.saidBy.isEmpty()) {
        out += ", \"saidBy\": ";
        appendString(out, a.saidBy);
    }
    if (!a.attributes.isEmpty()) {
        out += ", \"attributes\": ";
        appendMap(out, a.attributes);
    }
    out += ", \"origin\": \"" + toString(a.origin).toLatin1() + "\", \"status\": \"" + toString(a.status).toLatin1() + '"';
    if (ctx) {
        out += ", \"before\": ";
        appendString(out, ctx->before);
        out += ", \"after\": ";
        appendString(out, ctx->after);
    }
    out += '}';
}

/// Appends `, "key": value` for each field of @p fields.
void appendUnknown(QByteArray &out, const QJsonObject &fields, const char *before, const char *after)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        out += before;
        appendString(out, it.key());
        out += ": ";
        const QJsonValue v = it.value();
        if (v.isObject())
            out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        else if (v.isArray())
            out += QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        else {
            // A lone value: wrapped in an array and unwrapped, so QJsonDocument
            // does the escaping and number formatting.
            const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            out += wrapped.mid(1, wrapped.size() - 2);
        }
        out += after;
    }
}

/// The fields of @p o not named in @p known.
QJsonObject unknownOf(const QJsonObject &o, std::initializer_list<const char *> known)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::none_of(known.begin(), known.end(), [&](const char *k) { return it.key() == QLatin1String(k); }))
            out.insert(it.key(), it.value());
    }
    return out;
}

QMap<QString, QString> mapFrom(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

bool readAnnotation(const QJsonObject &o, Annotation &a, AnchorContext &ctx, QString *why)
{
    a.id = o.value(QLatin1String("id")).toString();
    a.type = o.value(QLatin1String("type")).toString();
    const QJsonValue start = o.value(QLatin1String("start"));
    const QJsonValue end = o.value(QLatin1String("end"));
    if (a.id.isEmpty() || a.type.isEmpty() || !start.isDouble() || !end.isDouble()) {
        *why = QStringLiteral("an annotation lacks its id, type, start or end");
        return false;
    }
    // Checked as doubles first: converting a value past the range of qint64
    // (1e300 in a damaged file) is undefined behaviour.
    const double s = start.toDouble();
    const double e = end.toDouble();
    if (!(s >= 0 && s <= MaxOffset && e >= s && e <= MaxOffset)) {
        *why = QStringLiteral("annotation %1 has the impossible span %2-%3").arg(a.id).arg(s).arg(e);
        return false;
    }
    a.start = qint64(s);
    a.end = qint64(e);
    a.text = o.value(QLatin1String("text")).toString();
    a.entity = o.value(QLatin1String("entity")).toString();
    a.saidBy = o.value(QLatin1String("saidBy")).toString();
    a.attributes = mapFrom(o.value(QLatin1String("attributes")));
    a.origin = originFromString(o.value(QLatin1String("origin")).toString(QStringLiteral("manual")));
    a.status = statusFromString(o.value(QLatin1String("status")).toString(QStringLiteral("accepted")));
    ctx.before = o.value(QLatin1String("before")).toString();
    ctx.after = o.value(QLatin1String("after")).toString();
    return true;
}

} // namespace

SidecarData SidecarData::capture(const Document &doc, const AnnotationSet &set)
{
    SidecarData d;
    d.articleName = doc.name();
    d.sha256 = doc.sha256();
    d.length = doc.length();
    d.annotations = set.annotations();
    d.entities = set.entities();
    d.orphans = set.orphans();
    d.types = set.userTypes();
    d.unknownFields = set.unknownFields();
    d.contexts.reserve(d.annotations.size());
    const QString &text = doc.text();
    const TextOffsets &off = doc.offsets();
    for (const Annotation &a : std::as_const(d.annotations)) {
        const qsizetype s = off.toUtf16(a.start);
        const qsizetype e = off.toUtf16(a.end);
        const qsizetype bs = off.toUtf16(std::max<qint64>(0, a.start - ContextLength));
        const qsizetype ae = off.toUtf16(a.end + ContextLength);
        d.contexts.insert(a.id, AnchorContext{text.mid(bs, s - bs), text.mid(e, ae - e)});
    }
    return d;
}

QByteArray SidecarJson::serialize(const SidecarData &data)
{
    QByteArray out;
    out.reserve(128 + data.annotations.size() * 200);
    out += "{\n  \"format\": \"article-annotator\",\n  \"version\": " + QByteArray::number(data.version) + ",\n";
    if (!data.basedOnSidecar.isEmpty())
        out += "  \"recovery\": {\"sidecarSha256\": \"" + data.basedOnSidecar + "\"},\n";
    out += "  \"article\": {\"name\": ";
    appendString(out, data.articleName);
    out += ", \"sha256\": \"" + data.sha256 + "\", \"length\": " + QByteArray::number(data.length) + "},\n";
    out += "  \"types\": [";
    for (qsizetype i = 0; i < data.types.size(); ++i) {
        const AnnotationType &t = data.types[i];
        out += i ? ",\n    " : "\n    ";
        out += "{\"name\": ";
        appendString(out, t.name);
        out += ", \"color\": ";
        appendString(out, t.color);
        out += ", \"key\": ";
        appendString(out, t.key);
        appendUnknown(out, t.unknownFields, ", ", "");
        out += '}';
    }
    out += data.types.isEmpty() ? "],\n" : "\n  ],\n";
    appendUnknown(out, data.unknownFields, "  ", ",\n");
    out += "  \"entities\": [";
    for (qsizetype i = 0; i < data.entities.size(); ++i) {
        const Entity &e = data.entities[i];
        out += i ? ",\n    " : "\n    ";
        out += "{\"id\": ";
        appendString(out, e.id);
        out += ", \"type\": ";
        appendString(out, e.type);
        out += ", \"name\": ";
        appendString(out, e.name);
        if (!e.attributes.isEmpty()) {
            out += ", \"attributes\": ";
            appendMap(out, e.attributes);
        }
        out += '}';
    }
    out += data.entities.isEmpty() ? "],\n" : "\n  ],\n";
    auto writeList = [&](const char *key, QList<Annotation> list, bool last) {
        std::sort(list.begin(), list.end(), positionLess);
        out += "  \"";
        out += key;
        out += "\": [";
        for (qsizetype i = 0; i < list.size(); ++i) {
            out += i ? ",\n    " : "\n    ";
            auto it = data.contexts.constFind(list[i].id);
            appendAnnotation(out, list[i], it == data.contexts.cend() ? nullptr : &it.value());
        }
        out += list.isEmpty() ? "]" : "\n  ]";
        out += last ? "\n" : ",\n";
    };
    writeList("annotations", data.annotations, false);
    writeList("orphans", data.orphans, true);
    out += "}\n";
    return out;
}

std::optional<SidecarData> SidecarJson::parse(const QByteArray &bytes, const QString &name, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(name, why);
        return std::nullopt;
    };
    QJsonParseError pe;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qsizetype line = QByteArrayView(bytes.constData(), std::min<qsizetype>(pe.offset, bytes.size())).count('\n') + 1;
        return fail(QStringLiteral("not valid JSON (%1 at line %2)").arg(pe.errorString()).arg(line));
    }
    if (!json.isObject())
        return fail(QStringLiteral("not an annotation file (no JSON object at the top)"));
    const QJsonObject root = json.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("article-annotator"))
        return fail(QStringLiteral("not an Article Annotator annotation file (no \"format\": \"article-annotator\")"));
    SidecarData d;
    d.version = root.value(QLatin1String("version")).toInt(-1);
    if (d.version < 1)
        return fail(QStringLiteral("has no valid schema version"));
    if (d.version > SidecarData::CurrentVersion)
        return fail(QStringLiteral("was written by a newer version of Article Annotator (schema %1, this program reads up to %2); update the program to open it")
                        .arg(d.version)
                        .arg(SidecarData::CurrentVersion));
    // Recovery files only; anything but a hex digest or "none" is ignored
    // (the file is then treated as one of unknown age).
    const QByteArray based = root.value(QLatin1String("recovery")).toObject().value(QLatin1String("sidecarSha256")).toString().toLatin1();
    if (based == "none" || (based.size() == 64 && std::all_of(based.cbegin(), based.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })))
        d.basedOnSidecar = based;
    const QJsonObject article = root.value(QLatin1String("article")).toObject();
    d.articleName = article.value(QLatin1String("name")).toString();
    d.sha256 = article.value(QLatin1String("sha256")).toString().toLatin1();
    const double length = article.value(QLatin1String("length")).toDouble();
    d.length = length >= 0 && length <= MaxOffset ? qint64(length) : 0;
    for (const QJsonValue &v : root.value(QLatin1String("types")).toArray()) {
        const QJsonObject o = v.toObject();
        AnnotationType t{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("color")).toString(),
                         o.value(QLatin1String("key")).toString(), unknownOf(o, {"name", "color", "key"})};
        if (t.name.isEmpty())
            return fail(QStringLiteral("a user-defined type has no name"));
        d.types.append(t);
    }
    // Every key this file reads or writes belongs here, or it is kept twice.
    d.unknownFields = unknownOf(root, {"format", "version", "article", "recovery", "types", "entities", "annotations", "orphans"});
    QSet<QString> entityIds;
    for (const QJsonValue &v : root.value(QLatin1String("entities")).toArray()) {
        const QJsonObject o = v.toObject();
        Entity e{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("type")).toString(), o.value(QLatin1String("name")).toString(),
                 mapFrom(o.value(QLatin1String("attributes")))};
        if (e.id.isEmpty())
            return fail(QStringLiteral("an entity has no id"));
        if (entityIds.contains(e.id))
            return fail(QStringLiteral("the entity id %1 is used twice").arg(e.id));
        entityIds.insert(e.id);
        d.entities.append(e);
    }
    QSet<QString> ids;
    QString why;
    for (const char *key : {"annotations", "orphans"}) {
        const QJsonArray list = root.value(QLatin1String(key)).toArray();
        for (const QJsonValue &v : list) {
            Annotation a;
            AnchorContext ctx;
            if (!readAnnotation(v.toObject(), a, ctx, &why))
                return fail(why);
            if (ids.contains(a.id))
                return fail(QStringLiteral("the annotation id %1 is used twice").arg(a.id));
            ids.insert(a.id);
            // A link to an entity that is not there is dropped from the link
            // only; the mention itself is kept.
            if (!a.entity.isEmpty() && !entityIds.contains(a.entity)) {
                d.warnings.append(QStringLiteral("annotation %1 linked to the missing entity %2; the link was removed").arg(a.id, a.entity));
                a.entity.clear();
            }
            if (!a.saidBy.isEmpty() && !entityIds.contains(a.saidBy)) {
                d.warnings.append(QStringLiteral("quote %1 attributed to the missing speaker %2; the attribution was removed").arg(a.id, a.saidBy));
                a.saidBy.clear();
            }
            d.contexts.insert(a.id, ctx);
            (qstrcmp(key, "annotations") == 0 ? d.annotations : d.orphans).append(a);
        }
    }
    return d;
}

} // namespace annotator
