#include "doccanoformat.h"

#include "jsonvalues.h"
#include "model/document.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace annotator {

namespace {

using jsonvalues::wholeNumber;

const QString SaidBy = QStringLiteral("SaidBy");
const QString Same = QStringLiteral("Same");

// The speaker mention a SaidBy relation points to: the nearest one.
const Annotation *nearest(const Annotation &quote, const QList<const Annotation *> &mentions)
{
    const Annotation *best = nullptr;
    qint64 bestDistance = 0;
    for (const Annotation *m : mentions) {
        const qint64 d = m->start >= quote.end ? m->start - quote.end : (m->end <= quote.start ? quote.start - m->end : 0);
        if (!best || d < bestDistance) {
            best = m;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace

ExportResult DoccanoFormat::write(const Document &doc, const AnnotationData &data, bool utf16Offsets)
{
    ExportResult result;
    const QList<Annotation> list = data.exported();
    const TextOffsets &off = doc.offsets();
    QHash<QString, int> ids;
    QHash<QString, QList<const Annotation *>> mentions;
    QJsonArray entities;
    int n = 0;
    for (const Annotation &a : list) {
        ids.insert(a.id, ++n);
        if (!a.entity.isEmpty())
            mentions[a.entity].append(&a);
        QJsonObject o{{QStringLiteral("id"), n},
                      {QStringLiteral("start_offset"), utf16Offsets ? qint64(off.toUtf16(a.start)) : a.start},
                      {QStringLiteral("end_offset"), utf16Offsets ? qint64(off.toUtf16(a.end)) : a.end},
                      {QStringLiteral("label"), a.type}};
        if (!a.attributes.isEmpty())
            o.insert(QStringLiteral("attributes"), jsonvalues::fromMap(a.attributes));
        if (a.origin != Origin::Manual)
            o.insert(QStringLiteral("origin"), toString(a.origin));
        if (a.status != Status::Accepted)
            o.insert(QStringLiteral("status"), toString(a.status));
        entities.append(o);
    }
    QJsonArray relations;
    int r = 0;
    QJsonArray entityInfo;
    for (const Entity &e : data.entities) {
        const auto ms = mentions.value(e.id);
        if (ms.isEmpty()) {
            result.warnings.append(QStringLiteral("the %1 \"%2\" has no mention; doccano cannot hold it").arg(e.type.toLower(), e.name));
            continue;
        }
        for (qsizetype k = 1; k < ms.size(); ++k)
            relations.append(QJsonObject{{QStringLiteral("id"), ++r},
                                         {QStringLiteral("from_id"), ids.value(ms.first()->id)},
                                         {QStringLiteral("to_id"), ids.value(ms[k]->id)},
                                         {QStringLiteral("type"), Same}});
        QJsonObject info{{QStringLiteral("mention"), ids.value(ms.first()->id)}, {QStringLiteral("type"), e.type}, {QStringLiteral("name"), e.name}};
        if (!e.attributes.isEmpty())
            info.insert(QStringLiteral("attributes"), jsonvalues::fromMap(e.attributes));
        entityInfo.append(info);
    }
    for (const Annotation &a : list) {
        if (a.saidBy.isEmpty())
            continue;
        const Annotation *m = nearest(a, mentions.value(a.saidBy));
        if (!m) {
            result.warnings.append(QStringLiteral("the quote at %1-%2 is attributed to a speaker with no mention; doccano cannot hold that link").arg(a.start).arg(a.end));
            continue;
        }
        relations.append(QJsonObject{{QStringLiteral("id"), ++r},
                                     {QStringLiteral("from_id"), ids.value(a.id)},
                                     {QStringLiteral("to_id"), ids.value(m->id)},
                                     {QStringLiteral("type"), SaidBy}});
    }
    QJsonObject root{{QStringLiteral("text"), doc.text()}, {QStringLiteral("entities"), entities}, {QStringLiteral("relations"), relations}};
    if (!entityInfo.isEmpty())
        root.insert(QStringLiteral("entity_info"), entityInfo);
    root.insert(QStringLiteral("offsets"), utf16Offsets ? QStringLiteral("utf-16") : QStringLiteral("code points"));
    if (!doc.name().isEmpty())
        root.insert(QStringLiteral("name"), doc.name());
    result.bytes = QJsonDocument(root).toJson(QJsonDocument::Compact) + '\n';
    return result;
}

ImportResult DoccanoFormat::read(const QByteArray &bytes, const Document &doc, bool utf16Offsets)
{
    ImportResult result;
    const QList<QByteArray> lines = bytes.split('\n');
    QJsonObject root;
    qint64 lineNo = 0;
    qint64 candidates = 0;
    QJsonObject only;
    qint64 onlyLine = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument json = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError || !json.isObject()) {
            result.issues.append({i + 1, QStringLiteral("not a JSON object (%1)").arg(pe.errorString()), true});
            continue;
        }
        ++candidates;
        only = json.object();
        onlyLine = i + 1;
        if (json.object().value(QLatin1String("text")).toString() == doc.text()) {
            root = json.object();
            lineNo = i + 1;
            break;
        }
    }
    if (lineNo == 0) {
        if (candidates != 1) {
            result.error = candidates ? QStringLiteral("none of its %1 lines holds the text of %2").arg(candidates).arg(doc.name())
                                      : QStringLiteral("holds no doccano JSON line");
            return result;
        }
        root = only;
        lineNo = onlyLine;
        result.issues.append({lineNo, QStringLiteral("the line's text is not the article's; each span is checked against the article"), false});
    }
    // Our own exports say which unit they count in; that wins over the option.
    const QString declared = root.value(QLatin1String("offsets")).toString();
    if (!declared.isEmpty() && (declared == QLatin1String("utf-16")) != utf16Offsets) {
        utf16Offsets = declared == QLatin1String("utf-16");
        result.issues.append({lineNo, QStringLiteral("the file counts offsets in %1; they were read so").arg(utf16Offsets ? QStringLiteral("UTF-16 units") : QStringLiteral("code points")), false});
    }
    const QString lineText = root.value(QLatin1String("text")).toString(doc.text());
    const TextOffsets lineOffsets(lineText);
    auto toCodePoint = [&](qint64 v) { return utf16Offsets ? lineOffsets.toCodePoint(qsizetype(v)) : v; };
    auto sliceOfLine = [&](qint64 s, qint64 e) {
        const qsizetype a = lineOffsets.toUtf16(s), b = lineOffsets.toUtf16(e);
        return lineText.mid(a, b - a);
    };

    QHash<qint64, qsizetype> byId;
    for (const QJsonValue &v : root.value(QLatin1String("entities")).toArray()) {
        const QJsonObject o = v.toObject();
        Annotation a;
        const qint64 id = wholeNumber(o.value(QLatin1String("id")), -1);
        a.id = QStringLiteral("d%1").arg(id);
        a.type = o.value(QLatin1String("label")).toString();
        const QJsonValue s = o.value(QLatin1String("start_offset")), e = o.value(QLatin1String("end_offset"));
        if (a.type.isEmpty() || !s.isDouble() || !e.isDouble()) {
            result.issues.append({lineNo, QStringLiteral("entity %1 lacks its label or offsets").arg(id), true});
            continue;
        }
        a.start = toCodePoint(wholeNumber(s, -1));
        a.end = toCodePoint(wholeNumber(e, -1));
        if (utf16Offsets && (lineOffsets.toUtf16(a.start) != wholeNumber(s, -1) || lineOffsets.toUtf16(a.end) != wholeNumber(e, -1))) {
            result.issues.append({lineNo, QStringLiteral("entity %1: the offset %2-%3 splits a character outside the BMP (are the offsets code points?)")
                                              .arg(id)
                                              .arg(wholeNumber(s, -1))
                                              .arg(wholeNumber(e, -1)),
                                  true});
            continue;
        }
        const QString why = checkSpan(doc, a.start, a.end, sliceOfLine(a.start, a.end));
        if (!why.isEmpty()) {
            result.issues.append({lineNo, QStringLiteral("entity %1 (%2): %3").arg(id).arg(a.type, why), true});
            continue;
        }
        a.text = doc.slice(a.start, a.end);
        a.attributes = jsonvalues::toMap(o.value(QLatin1String("attributes")));
        a.origin = originFromString(o.value(QLatin1String("origin")).toString(QStringLiteral("manual")));
        a.status = statusFromString(o.value(QLatin1String("status")).toString(QStringLiteral("accepted")));
        if (byId.contains(id)) {
            result.issues.append({lineNo, QStringLiteral("the entity id %1 is used twice").arg(id), true});
            continue;
        }
        byId.insert(id, result.data.annotations.size());
        result.data.annotations.append(a);
    }
    // Same relations join mentions into entities (union-find over indexes).
    QList<Annotation> &list = result.data.annotations;
    std::vector<qsizetype> parent(size_t(list.size()));
    for (size_t k = 0; k < parent.size(); ++k)
        parent[k] = qsizetype(k);
    auto find = [&](qsizetype x) {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    };
    std::vector<bool> linked(size_t(list.size()), false);
    QList<QPair<qsizetype, qsizetype>> saidBy;
    for (const QJsonValue &v : root.value(QLatin1String("relations")).toArray()) {
        const QJsonObject o = v.toObject();
        const qint64 from = wholeNumber(o.value(QLatin1String("from_id")), -1);
        const qint64 to = wholeNumber(o.value(QLatin1String("to_id")), -1);
        const QString type = o.value(QLatin1String("type")).toString();
        if (!byId.contains(from) || !byId.contains(to)) {
            result.issues.append({lineNo, QStringLiteral("the %1 relation %2 -> %3 refers to an entity that was not imported").arg(type).arg(from).arg(to), true});
            continue;
        }
        const qsizetype f = byId.value(from), t = byId.value(to);
        if (type == Same) {
            linked[size_t(f)] = linked[size_t(t)] = true;
            parent[size_t(find(t))] = find(f);
        } else if (type == SaidBy) {
            saidBy.append({f, t});
            linked[size_t(t)] = true;
        } else {
            result.issues.append({lineNo, QStringLiteral("the relation type %1 is not one the program knows").arg(type), true});
        }
    }
    QHash<qsizetype, QString> entityOfRoot;
    QHash<qint64, QJsonObject> info;
    for (const QJsonValue &v : root.value(QLatin1String("entity_info")).toArray())
        info.insert(wholeNumber(v.toObject().value(QLatin1String("mention")), -1), v.toObject());
    // Entities in order of their first mention.
    QList<qsizetype> order(list.size());
    for (qsizetype k = 0; k < list.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return positionLess(list[x], list[y]); });
    int e = 0;
    for (qsizetype k : std::as_const(order)) {
        Annotation &a = list[k];
        if (!linked[size_t(k)] && a.type != Types::Speaker && a.type != Types::Event)
            continue;
        const qsizetype r = find(k);
        auto it = entityOfRoot.constFind(r);
        if (it == entityOfRoot.cend()) {
            Entity entity{QStringLiteral("E%1").arg(++e), a.type, a.text, {}};
            entityOfRoot.insert(r, entity.id);
            result.data.entities.append(entity);
            it = entityOfRoot.constFind(r);
        }
        a.entity = it.value();
    }
    QHash<QString, qsizetype> entityAt;
    for (qsizetype k = 0; k < result.data.entities.size(); ++k) {
        entityAt.insert(result.data.entities[k].id, k);
        result.data.entities[k].name.clear();
    }
    for (const Annotation &a : std::as_const(list)) {
        if (a.entity.isEmpty())
            continue;
        Entity &entity = result.data.entities[entityAt.value(a.entity)];
        if (a.text.size() > entity.name.size())
            entity.name = a.text;
    }
    for (auto it = info.cbegin(); it != info.cend(); ++it) {
        if (!byId.contains(it.key()))
            continue;
        const QString id = list[byId.value(it.key())].entity;
        if (!entityAt.contains(id))
            continue;
        Entity &entity = result.data.entities[entityAt.value(id)];
        entity.type = it.value().value(QLatin1String("type")).toString(entity.type);
        entity.name = it.value().value(QLatin1String("name")).toString(entity.name);
        entity.attributes = jsonvalues::toMap(it.value().value(QLatin1String("attributes")));
    }
    for (const auto &[quote, speaker] : std::as_const(saidBy))
        list[quote].saidBy = list[speaker].entity;
    std::sort(list.begin(), list.end(), positionLess);
    static const QStringList known{Types::Speaker, Types::Country, Types::Event, Types::Quote};
    for (const Annotation &a : std::as_const(list)) {
        if (!known.contains(a.type) && std::none_of(result.data.types.cbegin(), result.data.types.cend(), [&](const AnnotationType &t) { return t.name == a.type; }))
            result.data.types.append(AnnotationType{a.type, QString(), QString(), {}});
    }
    return result;
}

} // namespace annotator
