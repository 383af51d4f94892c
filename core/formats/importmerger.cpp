#include "importmerger.h"

#include <QHash>
#include <QSet>

#include <algorithm>

#include <map>
#include <tuple>

namespace annotator {

AnnotationEdit ImportMerger::merge(AnnotationSet &set, const AnnotationData &imported, qsizetype *added)
{
    using Key = std::tuple<qint64, qint64, QString, QString>;
    auto keyOf = [](const Annotation &a) { return Key{a.start, a.end, a.type, a.attributes.value(Attr::Code)}; };
    AnnotationEdit edit;
    edit.text = QStringLiteral("Import annotations");
    std::map<Key, const Annotation *> existing;
    const QList<Annotation> current = set.annotations();
    for (const Annotation &a : current)
        existing.emplace(keyOf(a), &a);

    QHash<QString, QString> entityMap;
    for (const Annotation &a : imported.annotations) {
        if (a.entity.isEmpty() || entityMap.contains(a.entity))
            continue;
        auto it = existing.find(keyOf(a));
        if (it != existing.end() && !it->second->entity.isEmpty())
            entityMap.insert(a.entity, it->second->entity);
    }
    auto mapEntity = [&](const QString &id) -> QString {
        if (id.isEmpty())
            return id;
        auto it = entityMap.constFind(id);
        if (it != entityMap.cend())
            return it.value();
        const QString fresh = set.newEntityId();
        entityMap.insert(id, fresh);
        Entity e{fresh, QString(), QString(), {}};
        if (const Entity *src = imported.entity(id)) {
            e = *src;
            e.id = fresh;
        }
        edit.add(e);
        return fresh;
    };
    qsizetype count = 0;
    for (const Annotation &n : imported.annotations) {
        auto it = existing.find(keyOf(n));
        if (it != existing.end()) {
            // Already there: only a missing attribution is filled in.
            if (it->second->saidBy.isEmpty() && !n.saidBy.isEmpty()) {
                Annotation changed = *it->second;
                changed.saidBy = mapEntity(n.saidBy);
                edit.change(*it->second, changed);
            }
            continue;
        }
        Annotation a = n;
        a.id = set.newAnnotationId();
        a.entity = mapEntity(n.entity);
        a.saidBy = mapEntity(n.saidBy);
        edit.add(a);
        ++count;
    }
    // The imported file's own types come along (brat and doccano name them,
    // the native format also gives colour and key), so they show, can be
    // hidden and are saved like the user's; undoing the import removes them.
    // A colour or key the set cannot take is dropped, the type kept: its
    // annotations already use that name.
    QSet<QString> keys;
    for (const AnnotationType &t : set.userTypes())
        keys.insert(t.key.toUpper());
    for (const AnnotationType &t : imported.types) {
        const bool known = set.userType(t.name) || std::any_of(edit.types.cbegin(), edit.types.cend(), [&](const auto &d) { return d.after->name == t.name; });
        if (known || t.name.isEmpty())
            continue;
        AnnotationType type = t;
        if (!AnnotationSet::isTypeColor(t.color))
            type.color.clear();
        type.key = type.key.toUpper();
        if (keys.contains(type.key) || !set.checkTypeKey(type.key).isEmpty())
            type.key.clear();
        keys.insert(type.key);
        edit.add(type);
    }
    if (added)
        *added = count;
    return edit;
}

} // namespace annotator
