#include "suggestionmerger.h"

#include <QHash>
#include <QSet>

#include <map>
#include <tuple>

namespace annotator {

namespace {

using SpanKey = std::tuple<qint64, qint64, QString>;

SpanKey keyOf(const Annotation &a)
{
    return {a.start, a.end, a.type};
}

bool isKept(const Annotation &a)
{
    return a.origin == Origin::Manual || a.status == Status::Accepted;
}

} // namespace

AnnotationEdit SuggestionMerger::merge(AnnotationSet &set, const Recognition &recognition)
{
    AnnotationEdit edit;
    edit.text = QStringLiteral("Update suggestions");
    const QList<Annotation> current = set.annotations();

    std::map<SpanKey, const Annotation *> rejected;
    std::map<SpanKey, const Annotation *> existing; // kept or open suggestion, by span
    QHash<QString, QList<const Annotation *>> keptByType;
    QSet<QString> removedIds;
    for (const Annotation &a : current) {
        if (a.status == Status::Rejected) {
            rejected.emplace(keyOf(a), &a);
            continue;
        }
        existing.emplace(keyOf(a), &a);
        if (isKept(a)) {
            keptByType[a.type].append(&a);
        } else {
            edit.remove(a);
            removedIds.insert(a.id);
        }
    }

    auto overlapsKept = [&](const Annotation &a) {
        for (const Annotation *k : keptByType.value(a.type)) {
            if (k->start < a.end && a.start < k->end)
                return true;
        }
        return false;
    };

    // Which new entity continues which existing one.
    QHash<QString, QString> entityMap;
    for (const Annotation &a : recognition.annotations) {
        if (a.entity.isEmpty() || entityMap.contains(a.entity))
            continue;
        auto it = existing.find(keyOf(a));
        if (it != existing.end() && !it->second->entity.isEmpty() && set.entity(it->second->entity)) {
            entityMap.insert(a.entity, it->second->entity);
            continue;
        }
        // A mention the user corrected (another span over the same words)
        // still tells which entity the new one continues.
        for (const Annotation *k : keptByType.value(a.type)) {
            if (k->start < a.end && a.start < k->end && !k->entity.isEmpty() && set.entity(k->entity)) {
                entityMap.insert(a.entity, k->entity);
                break;
            }
        }
    }
    auto mapEntity = [&](const QString &id) -> QString {
        if (id.isEmpty())
            return id;
        auto it = entityMap.constFind(id);
        if (it != entityMap.cend())
            return it.value();
        const QString fresh = set.newEntityId();
        entityMap.insert(id, fresh);
        for (const Entity &e : recognition.entities) {
            if (e.id == id) {
                Entity copy = e;
                copy.id = fresh;
                edit.add(copy);
                return fresh;
            }
        }
        edit.add(Entity{fresh, QString(), QString(), {}});
        return fresh;
    };

    QSet<QString> usedEntities;
    for (const Annotation &n : recognition.annotations) {
        if (rejected.count(keyOf(n)) || overlapsKept(n))
            continue;
        Annotation a = n;
        a.id = set.newAnnotationId();
        a.origin = Origin::Automatic;
        a.status = Status::Suggested;
        a.entity = mapEntity(n.entity);
        a.saidBy = mapEntity(n.saidBy);
        usedEntities.insert(a.entity);
        usedEntities.insert(a.saidBy);
        edit.add(a);
    }

    // Entities only the replaced suggestions used go with them.
    QHash<QString, int> remaining;
    for (const Annotation &a : current) {
        if (removedIds.contains(a.id))
            continue;
        for (const QString *id : {&a.entity, &a.saidBy}) {
            if (!id->isEmpty())
                ++remaining[*id];
        }
    }
    QSet<QString> orphanCandidates;
    for (const Annotation &a : current) {
        if (removedIds.contains(a.id)) {
            for (const QString *id : {&a.entity, &a.saidBy}) {
                if (!id->isEmpty())
                    orphanCandidates.insert(*id);
            }
        }
    }
    for (const QString &id : std::as_const(orphanCandidates)) {
        if (!remaining.value(id) && !usedEntities.contains(id)) {
            if (const Entity *e = set.entity(id))
                edit.remove(*e);
        }
    }
    return edit;
}

} // namespace annotator
