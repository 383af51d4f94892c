#include "webannotationformat.h"

#include "jsonvalues.h"
#include "model/document.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annotator {

namespace {

using jsonvalues::wholeNumber;

constexpr qint64 ContextLength = 32;
const QString EntityPrefix = QStringLiteral("#entity-");
const QString CodePrefix = QStringLiteral("ISO3166-1:");

QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray{v};
}

qint64 lineOf(const QByteArray &bytes, const QString &id)
{
    const qsizetype pos = bytes.indexOf(QByteArray("\"id\": \"" + id.toUtf8() + '"'));
    return pos < 0 ? 0 : QByteArrayView(bytes.constData(), pos).count('\n') + 1;
}

} // namespace

ExportResult WebAnnotationFormat::write(const Document &doc, const AnnotationData &data)
{
    ExportResult result;
    const QString source = doc.path().isEmpty() ? doc.name() : QStringLiteral("file://") + doc.path();
    QJsonArray items;
    for (const Annotation &a : data.exported()) {
        QJsonArray body{QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                    {QStringLiteral("purpose"), QStringLiteral("tagging")},
                                    {QStringLiteral("value"), a.type}}};
        const QString code = a.attributes.value(Attr::Code);
        if (!code.isEmpty())
            body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                    {QStringLiteral("purpose"), QStringLiteral("identifying")},
                                    {QStringLiteral("value"), QString(CodePrefix + code)}});
        if (!a.entity.isEmpty())
            body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("SpecificResource")},
                                    {QStringLiteral("purpose"), QStringLiteral("identifying")},
                                    {QStringLiteral("source"), QString(EntityPrefix + a.entity)}});
        if (!a.saidBy.isEmpty())
            body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("SpecificResource")},
                                    {QStringLiteral("purpose"), QStringLiteral("linking")},
                                    {QStringLiteral("source"), QString(EntityPrefix + a.saidBy)}});
        const QJsonArray selectors{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                        {QStringLiteral("exact"), doc.slice(a.start, a.end)},
                        {QStringLiteral("prefix"), doc.slice(std::max<qint64>(0, a.start - ContextLength), a.start)},
                        {QStringLiteral("suffix"), doc.slice(a.end, std::min(doc.length(), a.end + ContextLength))}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("TextPositionSelector")}, {QStringLiteral("start"), a.start}, {QStringLiteral("end"), a.end}}};
        QJsonObject item{{QStringLiteral("id"), QString(u'#' + a.id)},
                         {QStringLiteral("type"), QStringLiteral("Annotation")},
                         {QStringLiteral("motivation"), code.isEmpty() ? QStringLiteral("tagging") : QStringLiteral("identifying")},
                         {QStringLiteral("body"), body},
                         {QStringLiteral("target"), QJsonObject{{QStringLiteral("source"), source}, {QStringLiteral("selector"), selectors}}}};
        QMap<QString, QString> attributes = a.attributes;
        attributes.remove(Attr::Code);
        if (!attributes.isEmpty())
            item.insert(QStringLiteral("aa:attributes"), jsonvalues::fromMap(attributes));
        item.insert(QStringLiteral("aa:origin"), toString(a.origin));
        item.insert(QStringLiteral("aa:status"), toString(a.status));
        items.append(item);
    }
    QJsonArray entities;
    for (const Entity &e : data.entities) {
        QJsonObject o{{QStringLiteral("id"), QString(EntityPrefix + e.id)}, {QStringLiteral("aa:type"), e.type}, {QStringLiteral("aa:name"), e.name}};
        if (!e.attributes.isEmpty())
            o.insert(QStringLiteral("aa:attributes"), jsonvalues::fromMap(e.attributes));
        entities.append(o);
    }
    const QJsonObject root{
        {QStringLiteral("@context"),
         QJsonArray{QStringLiteral("http://www.w3.org/ns/anno.jsonld"),
                    QJsonObject{{QStringLiteral("aa"), QStringLiteral("https://article-annotator.github.io/ns#")}}}},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"), doc.name()},
        {QStringLiteral("total"), items.size()},
        {QStringLiteral("aa:entities"), entities},
        {QStringLiteral("first"), QJsonObject{{QStringLiteral("type"), QStringLiteral("AnnotationPage")}, {QStringLiteral("items"), items}}}};
    result.bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return result;
}

ImportResult WebAnnotationFormat::read(const QByteArray &bytes, const Document &doc)
{
    ImportResult result;
    QJsonParseError pe;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("not valid JSON (%1 at line %2)")
                           .arg(pe.errorString())
                           .arg(QByteArrayView(bytes.constData(), std::min<qsizetype>(pe.offset, bytes.size())).count('\n') + 1);
        return result;
    }
    QJsonArray items;
    QJsonArray entities;
    if (json.isArray()) {
        items = json.array();
    } else {
        const QJsonObject root = json.object();
        if (root.value(QLatin1String("type")).toString() == QLatin1String("Annotation")) {
            items = QJsonArray{root};
        } else {
            items = root.value(QLatin1String("first")).toObject().value(QLatin1String("items")).toArray();
            if (items.isEmpty())
                items = root.value(QLatin1String("items")).toArray();
        }
        entities = root.value(QLatin1String("aa:entities")).toArray();
    }
    QHash<QString, QString> entityIds; // "#entity-x" -> new id
    auto entityFor = [&](const QString &ref, const QString &type) -> QString {
        auto it = entityIds.constFind(ref);
        if (it != entityIds.cend())
            return it.value();
        const QString id = QStringLiteral("E%1").arg(entityIds.size() + 1);
        entityIds.insert(ref, id);
        result.data.entities.append(Entity{id, type, QString(), {}});
        return id;
    };
    for (const QJsonValue &v : std::as_const(entities)) {
        const QJsonObject o = v.toObject();
        const QString id = entityFor(o.value(QLatin1String("id")).toString(), o.value(QLatin1String("aa:type")).toString());
        Entity &e = result.data.entities.last();
        if (e.id == id) {
            e.name = o.value(QLatin1String("aa:name")).toString();
            e.attributes = jsonvalues::toMap(o.value(QLatin1String("aa:attributes")));
        }
    }
    int n = 0;
    for (const QJsonValue &v : std::as_const(items)) {
        const QJsonObject item = v.toObject();
        const QString itemId = item.value(QLatin1String("id")).toString();
        const qint64 line = lineOf(bytes, itemId);
        const QString what = itemId.isEmpty() ? QStringLiteral("annotation %1").arg(n + 1) : itemId;
        ++n;
        Annotation a;
        a.id = QStringLiteral("w%1").arg(n);
        QString entityRef, saidByRef;
        for (const QJsonValue &b : asArray(item.value(QLatin1String("body")))) {
            const QJsonObject body = b.toObject();
            const QString purpose = body.value(QLatin1String("purpose")).toString();
            const QString value = body.value(QLatin1String("value")).toString();
            const QString source = body.value(QLatin1String("source")).toString();
            if (purpose == QLatin1String("tagging"))
                a.type = value;
            else if (purpose == QLatin1String("identifying") && value.startsWith(CodePrefix))
                a.attributes.insert(Attr::Code, value.mid(CodePrefix.size()));
            else if (purpose == QLatin1String("identifying") && !source.isEmpty())
                entityRef = source;
            else if (purpose == QLatin1String("linking") && !source.isEmpty())
                saidByRef = source;
        }
        if (a.type.isEmpty()) {
            result.issues.append({line, QStringLiteral("%1 has no tagging body naming its type").arg(what), true});
            continue;
        }
        QString exact, prefix, suffix;
        bool hasExact = false;
        qint64 start = -1, end = -1;
        for (const QJsonValue &t : asArray(item.value(QLatin1String("target")))) {
            for (const QJsonValue &s : asArray(t.toObject().value(QLatin1String("selector")))) {
                const QJsonObject sel = s.toObject();
                const QString type = sel.value(QLatin1String("type")).toString();
                if (type == QLatin1String("TextPositionSelector")) {
                    start = wholeNumber(sel.value(QLatin1String("start")), -1);
                    end = wholeNumber(sel.value(QLatin1String("end")), -1);
                } else if (type == QLatin1String("TextQuoteSelector")) {
                    hasExact = true;
                    exact = sel.value(QLatin1String("exact")).toString();
                    prefix = sel.value(QLatin1String("prefix")).toString();
                    suffix = sel.value(QLatin1String("suffix")).toString();
                }
            }
        }
        QString why = start < 0 ? QStringLiteral("has no TextPositionSelector") : checkSpan(doc, start, end, hasExact ? exact : QString());
        if (!why.isEmpty() && hasExact && !exact.isEmpty()) {
            // The quote selector finds the text again when it is unique.
            const QString needle = prefix + exact + suffix;
            const qsizetype at = doc.text().indexOf(needle);
            if (at >= 0 && doc.text().indexOf(needle, at + 1) < 0) {
                const qint64 s = doc.offsets().toCodePoint(at + prefix.size());
                result.issues.append({line, QStringLiteral("%1: %2; found by its quote at %3").arg(what, why).arg(s), false});
                start = s;
                end = s + codePointCount(exact);
                why.clear();
            }
        }
        if (!why.isEmpty()) {
            result.issues.append({line, QStringLiteral("%1: %2").arg(what, why), true});
            continue;
        }
        a.start = start;
        a.end = end;
        a.text = doc.slice(start, end);
        const QMap<QString, QString> extra = jsonvalues::toMap(item.value(QLatin1String("aa:attributes")));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            a.attributes.insert(it.key(), it.value());
        a.origin = originFromString(item.value(QLatin1String("aa:origin")).toString(QStringLiteral("manual")));
        a.status = statusFromString(item.value(QLatin1String("aa:status")).toString(QStringLiteral("accepted")));
        if (!entityRef.isEmpty())
            a.entity = entityFor(entityRef, a.type);
        if (!saidByRef.isEmpty())
            a.saidBy = entityFor(saidByRef, Types::Speaker);
        result.data.annotations.append(a);
    }
    // Entities the file did not describe are named after their longest mention.
    for (Entity &e : result.data.entities) {
        if (!e.name.isEmpty())
            continue;
        for (const Annotation &a : std::as_const(result.data.annotations)) {
            if (a.entity == e.id && a.text.size() > e.name.size())
                e.name = a.text;
        }
    }
    std::sort(result.data.annotations.begin(), result.data.annotations.end(), positionLess);
    static const QStringList known{Types::Speaker, Types::Country, Types::Event, Types::Quote};
    for (const Annotation &a : std::as_const(result.data.annotations)) {
        if (!known.contains(a.type) && std::none_of(result.data.types.cbegin(), result.data.types.cend(), [&](const AnnotationType &t) { return t.name == a.type; }))
            result.data.types.append(AnnotationType{a.type, QString(), QString(), {}});
    }
    return result;
}

} // namespace annotator
