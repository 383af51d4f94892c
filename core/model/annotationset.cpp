#include "annotationset.h"

#include "document.h"

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace annotator {

namespace {

quint64 idNumber(const QString &id)
{
    qsizetype i = id.size();
    while (i > 0 && id.at(i - 1).isDigit())
        --i;
    return i < id.size() ? QStringView(id).mid(i).toULongLong() : 0;
}

/// The annotation @p a retyped as @p type by the user: what belonged to the
/// old type (entity link, attribution, attributes) goes.
Annotation retyped(Annotation a, const QString &type)
{
    if (a.type != type) {
        a.type = type;
        a.entity.clear();
        a.saidBy.clear();
        a.attributes.clear();
    }
    a.status = Status::Accepted;
    return a;
}

/// Adds to @p edit a new entity @p id named after @p mention, and the
/// mention accepted as its own; returns the entity.
Entity entityFor(const Annotation &mention, const QString &id, AnnotationEdit &edit)
{
    Entity e;
    e.id = id;
    e.type = mention.type;
    e.name = mention.text;
    Annotation a = mention;
    a.entity = e.id;
    a.status = Status::Accepted;
    edit.add(e);
    edit.change(mention, a);
    return e;
}

} // namespace

AnnotationSet::AnnotationSet(QObject *parent)
    : QObject(parent)
{
}

AnnotationSet::~AnnotationSet() = default;

const Annotation *AnnotationSet::annotation(const QString &id) const
{
    auto it = m_annotations.constFind(id);
    return it == m_annotations.cend() ? nullptr : &*it.value();
}

QList<Annotation> AnnotationSet::annotations() const
{
    QList<Annotation> out;
    out.reserve(m_annotations.size());
    for (const Annotation &a : m_order)
        out.append(a);
    return out;
}

QList<Annotation> AnnotationSet::annotationsIn(qint64 start, qint64 end) const
{
    QList<Annotation> out;
    forEachIn(start, end, [&](const Annotation &a) { out.append(a); });
    return out;
}

QList<Annotation> AnnotationSet::ofType(const QString &type) const
{
    QList<Annotation> out;
    for (const Annotation &a : m_order) {
        if (a.type == type)
            out.append(a);
    }
    return out;
}

QList<Annotation> AnnotationSet::mentionsOf(const QString &entityId) const
{
    QList<Annotation> out;
    if (entityId.isEmpty())
        return out;
    for (const Annotation &a : m_order) {
        if (a.entity == entityId)
            out.append(a);
    }
    return out;
}

QList<Annotation> AnnotationSet::quotesOf(const QString &speakerEntityId) const
{
    QList<Annotation> out;
    if (speakerEntityId.isEmpty())
        return out;
    for (const Annotation &a : m_order) {
        if (a.saidBy == speakerEntityId)
            out.append(a);
    }
    return out;
}

const Entity *AnnotationSet::entity(const QString &id) const
{
    auto it = m_entities.constFind(id);
    return it == m_entities.cend() ? nullptr : &it.value();
}

QList<Entity> AnnotationSet::entities() const
{
    QList<Entity> out = m_entities.values();
    std::sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        const auto na = idNumber(a.id), nb = idNumber(b.id);
        return na != nb ? na < nb : a.id < b.id;
    });
    return out;
}

QString AnnotationSet::newAnnotationId()
{
    QString id;
    do {
        id = QStringLiteral("a%1").arg(m_nextAnnotation++);
    } while (m_annotations.contains(id));
    return id;
}

QString AnnotationSet::newEntityId()
{
    QString id;
    do {
        id = QStringLiteral("e%1").arg(m_nextEntity++);
    } while (m_entities.contains(id));
    return id;
}

void AnnotationSet::noteId(const QString &id, bool entity)
{
    quint64 &next = entity ? m_nextEntity : m_nextAnnotation;
    next = std::max(next, idNumber(id) + 1);
}

void AnnotationSet::insert(const Annotation &a)
{
    erase(a.id);
    const auto placed = m_order.insert(a).first;
    m_annotations.insert(QStringView(placed->id), placed); // erase() above left no entry with this key
    m_maxLength = std::max(m_maxLength, a.end - a.start);
    noteId(a.id, false);
}

void AnnotationSet::erase(const QString &id)
{
    auto it = m_annotations.find(id);
    if (it == m_annotations.end())
        return;
    const OrderSet::const_iterator node = it.value();
    m_annotations.erase(it);
    m_order.erase(node);
}

void AnnotationSet::reset(QList<Annotation> annotations, QList<Entity> entities, QList<Annotation> orphans,
                          QList<AnnotationType> userTypes)
{
    QList<QList<Annotation>> batches;
    batches.append(std::move(annotations));
    resetFromBatches(std::move(batches), std::move(entities), std::move(orphans), std::move(userTypes));
}

void AnnotationSet::resetFromBatches(QList<QList<Annotation>> batches, QList<Entity> entities, QList<Annotation> orphans,
                                    QList<AnnotationType> userTypes)
{
    const bool wasClean = isClean();
    m_annotations.clear();
    m_order.clear();
    m_maxLength = 0;
    m_nextAnnotation = 1;
    qsizetype count = 0;
    for (const QList<Annotation> &batch : std::as_const(batches))
        count += batch.size();
    m_annotations.reserve(count);
#if defined(__GLIBC__)
    const bool several = batches.size() > 1;
#endif
    for (QList<Annotation> &batch : batches) {
        for (const Annotation &a : std::as_const(batch))
            insert(a);
        // A 5 MB article's annotations are 17 MB in a list: each batch goes
        // as soon as it is in, and all of them before the views build their
        // rows (when the caller handed them over, else its copy stays).
        batch = QList<Annotation>();
#if defined(__GLIBC__)
        // Batches made on a loader's thread go back to that thread's malloc
        // arena, which this thread's allocations (the set's nodes) do not
        // reuse: without this, the memory of all of them would stay in use
        // beside the set until the end (about 1 ms a batch).
        if (several)
            malloc_trim(0);
#endif
    }
    batches = QList<QList<Annotation>>();
    finishReset(wasClean, std::move(entities), std::move(orphans), std::move(userTypes));
}

void AnnotationSet::finishReset(bool wasClean, QList<Entity> entities, QList<Annotation> orphans, QList<AnnotationType> userTypes)
{
    m_entities.clear();
    m_nextEntity = 1;
    for (const Entity &e : std::as_const(entities)) {
        m_entities.insert(e.id, e);
        noteId(e.id, true);
    }
    entities = QList<Entity>();
    m_orphans = std::move(orphans);
    for (const Annotation &a : std::as_const(m_orphans))
        noteId(a.id, false);
    const bool typesDiffer = m_userTypes != userTypes;
    m_userTypes = std::move(userTypes);
    m_unknownFields = QJsonObject();
    m_history.clear();
    m_index = m_cleanIndex = 0;
    Q_EMIT wasReset();
    if (typesDiffer)
        Q_EMIT userTypesChanged();
    Q_EMIT historyChanged();
    emitCleanIfChanged(wasClean);
}

void AnnotationSet::setOrphans(const QList<Annotation> &orphans)
{
    m_orphans = orphans;
    for (const Annotation &a : orphans)
        noteId(a.id, false);
}

void AnnotationSet::setUserTypes(const QList<AnnotationType> &types)
{
    if (m_userTypes == types)
        return;
    m_userTypes = types;
    Q_EMIT userTypesChanged();
}

void AnnotationSet::applyDeltas(const AnnotationEdit &edit, bool forward)
{
    QList<TextRange> ranges;
    // What the step does, net: each id's state before the step is taken at
    // its first touch, its state after at the end, so a delta list that
    // touches an id twice (or an undo of one) still reads as one change.
    AnnotationEdit effect;
    effect.text = edit.text;
    QHash<QString, qsizetype> touched, touchedEntities;
    auto touch = [&](const QString &id) {
        if (touched.contains(id))
            return;
        touched.insert(id, effect.annotations.size());
        const Annotation *a = annotation(id);
        effect.annotations.append({a ? std::optional<Annotation>(*a) : std::nullopt, std::nullopt});
    };
    auto touchEntity = [&](const QString &id) {
        if (touchedEntities.contains(id))
            return;
        touchedEntities.insert(id, effect.entities.size());
        const Entity *e = entity(id);
        effect.entities.append({e ? std::optional<Entity>(*e) : std::nullopt, std::nullopt});
    };
    for (const auto &d : edit.annotations)
        touch(d.before ? d.before->id : d.after->id);
    for (const auto &d : edit.entities)
        touchEntity(d.before ? d.before->id : d.after->id);
    for (const auto &d : edit.annotations) {
        if (d.before && d.after && d.before->id != d.after->id)
            touch(d.after->id);
    }
    for (const auto &d : edit.entities) {
        if (d.before && d.after && d.before->id != d.after->id)
            touchEntity(d.after->id);
    }
    // Removals first, then insertions, so a delta list that moves an id is
    // applied in either direction.
    auto run = [&](auto &&visit) {
        if (forward) {
            for (const auto &d : edit.annotations)
                visit(d.before, d.after);
        } else {
            for (auto it = edit.annotations.crbegin(); it != edit.annotations.crend(); ++it)
                visit(it->after, it->before);
        }
    };
    run([&](const std::optional<Annotation> &from, const std::optional<Annotation> &) {
        if (from) {
            erase(from->id);
            ranges.append({from->start, from->end});
        }
    });
    run([&](const std::optional<Annotation> &, const std::optional<Annotation> &to) {
        if (to) {
            insert(*to);
            ranges.append({to->start, to->end});
        }
    });
    auto entityStep = [&](const std::optional<Entity> &from, const std::optional<Entity> &to) {
        if (from)
            m_entities.remove(from->id);
        if (to) {
            m_entities.insert(to->id, *to);
            noteId(to->id, true);
        }
        // Entity attributes show on every mention.
        for (const auto *e : {&from, &to}) {
            if (*e) {
                for (const Annotation &m : mentionsOf((*e)->id))
                    ranges.append({m.start, m.end});
            }
        }
    };
    if (forward) {
        for (const auto &d : edit.entities)
            entityStep(d.before, d.after);
    } else {
        for (auto it = edit.entities.crbegin(); it != edit.entities.crend(); ++it)
            entityStep(it->after, it->before);
    }
    auto typeStep = [&](const std::optional<AnnotationType> &from, const std::optional<AnnotationType> &to) {
        if (from) {
            m_userTypes.erase(std::remove_if(m_userTypes.begin(), m_userTypes.end(),
                                             [&](const AnnotationType &t) { return t.name == from->name; }),
                              m_userTypes.end());
        }
        if (to)
            m_userTypes.append(*to);
    };
    if (forward) {
        for (const auto &d : edit.types)
            typeStep(d.before, d.after);
    } else {
        for (auto it = edit.types.crbegin(); it != edit.types.crend(); ++it)
            typeStep(it->after, it->before);
    }
    // Types first: a view that hears of an annotation of a new type can
    // already find its colour.
    if (!edit.types.isEmpty())
        Q_EMIT userTypesChanged();
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        if (const Annotation *a = annotation(it.key()))
            effect.annotations[it.value()].after = *a;
    }
    for (auto it = touchedEntities.cbegin(); it != touchedEntities.cend(); ++it) {
        if (const Entity *e = entity(it.key()))
            effect.entities[it.value()].after = *e;
    }
    // What the step left as it was (added and removed again, changed back).
    effect.annotations.removeIf([](const AnnotationEdit::AnnotationDelta &d) { return d.before == d.after; });
    effect.entities.removeIf([](const AnnotationEdit::EntityDelta &d) { return d.before == d.after; });
    if (forward) {
        effect.types = edit.types;
    } else {
        for (auto it = edit.types.crbegin(); it != edit.types.crend(); ++it)
            effect.types.append({it->after, it->before});
    }
    Q_EMIT changed(ranges);
    Q_EMIT edited(effect);
}

void AnnotationSet::apply(const AnnotationEdit &edit)
{
    if (edit.isEmpty())
        return;
    const bool wasClean = isClean();
    m_history.resize(m_index);
    if (m_cleanIndex > m_index)
        m_cleanIndex = -1;
    m_history.push_back(edit);
    ++m_index;
    applyDeltas(edit, true);
    Q_EMIT applied(edit);
    Q_EMIT historyChanged();
    emitCleanIfChanged(wasClean);
}

QString AnnotationSet::addAnnotation(Annotation a, const QString &text)
{
    if (a.id.isEmpty() || m_annotations.contains(a.id))
        a.id = newAnnotationId();
    AnnotationEdit edit;
    edit.text = text.isEmpty() ? tr("Add %1").arg(a.type) : text;
    edit.add(a);
    apply(edit);
    return a.id;
}

void AnnotationSet::removeAnnotation(const QString &id, const QString &text)
{
    const Annotation *a = annotation(id);
    if (!a)
        return;
    AnnotationEdit edit;
    edit.text = text.isEmpty() ? tr("Delete %1").arg(a->type) : text;
    edit.remove(*a);
    apply(edit);
}

void AnnotationSet::updateAnnotation(const Annotation &a, const QString &text)
{
    const Annotation *old = annotation(a.id);
    if (!old || *old == a)
        return;
    AnnotationEdit edit;
    edit.text = text.isEmpty() ? tr("Change %1").arg(a.type) : text;
    edit.change(*old, a);
    apply(edit);
}

void AnnotationSet::setType(const QString &id, const QString &type)
{
    const Annotation *old = annotation(id);
    if (!old || (old->type == type && old->status == Status::Accepted))
        return;
    const Annotation a = retyped(*old, type);
    AnnotationEdit edit;
    edit.text = tr("Change %1 to %2").arg(old->type, type);
    edit.change(*old, a);
    apply(edit);
}

void AnnotationSet::setStatus(const QStringList &ids, Status status, const QString &text)
{
    AnnotationEdit edit;
    for (const QString &id : ids) {
        const Annotation *old = annotation(id);
        if (!old || old->status == status)
            continue;
        Annotation a = *old;
        a.status = status;
        edit.change(*old, a);
    }
    if (edit.isEmpty())
        return;
    if (!text.isEmpty())
        edit.text = text;
    else if (edit.annotations.size() == 1)
        edit.text = (status == Status::Accepted ? tr("Accept %1") : status == Status::Rejected ? tr("Reject %1") : tr("Mark %1 as suggested"))
                        .arg(edit.annotations.first().before->type);
    else
        edit.text = (status == Status::Accepted ? tr("Accept %1 annotations") : tr("Reject %1 annotations")).arg(edit.annotations.size());
    apply(edit);
}

const AnnotationType *AnnotationSet::userType(const QString &name) const
{
    for (const AnnotationType &t : m_userTypes) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString AnnotationSet::checkNewType(const AnnotationType &type, const QStringList &reservedKeys) const
{
    const QString name = type.name.trimmed();
    if (name.isEmpty())
        return tr("Give the type a name.");
    if (name != type.name)
        return tr("A type name cannot begin or end with a space.");
    for (const QString &builtIn : {Types::Speaker, Types::Country, Types::Event, Types::Quote}) {
        if (name.compare(builtIn, Qt::CaseInsensitive) == 0)
            return tr("“%1” is a built-in type; choose another name.").arg(builtIn);
    }
    for (const AnnotationType &t : m_userTypes) {
        if (name.compare(t.name, Qt::CaseInsensitive) == 0)
            return tr("There is already a type called “%1”.").arg(t.name);
    }
    // Names go into brat files and CoNLL tags, which split on spaces.
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            return tr("A type name may hold letters, digits, “-” and “_” only (no spaces).");
    }
    if (!isTypeColor(type.color))
        return tr("The colour must be written #rrggbb.");
    return checkTypeKey(type.key, reservedKeys);
}

bool AnnotationSet::isTypeColor(const QString &color)
{
    if (color.isEmpty())
        return true;
    if (color.size() != 7 || color.at(0) != u'#')
        return false;
    return std::all_of(color.begin() + 1, color.end(), [](QChar c) { return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f'); });
}

QString AnnotationSet::checkTypeKey(const QString &typeKey, const QStringList &reservedKeys) const
{
    if (typeKey.isEmpty())
        return QString();
    if (typeKey.size() == 1 && typeKey.at(0) >= u'1' && typeKey.at(0) <= u'4')
        return tr("The key %1 already tags a built-in type.").arg(typeKey);
    if (typeKey.size() != 1 || !(typeKey.at(0).isLetter() || (typeKey.at(0) >= u'5' && typeKey.at(0) <= u'9')))
        return tr("The key must be one digit from 5 to 9 or one letter.");
    const QString key = typeKey.toUpper();
    for (const QString &taken : reservedKeys) {
        if (key == taken.toUpper())
            return tr("The key %1 is already a command; choose another.").arg(key);
    }
    for (const AnnotationType &t : m_userTypes) {
        if (key == t.key.toUpper())
            return tr("The key %1 already tags %2.").arg(key, t.name);
    }
    return QString();
}

QString AnnotationSet::addUserType(const AnnotationType &type, const QStringList &reservedKeys)
{
    const QString why = checkNewType(type, reservedKeys);
    if (!why.isEmpty())
        return why;
    AnnotationType t = type;
    t.key = t.key.toUpper();
    AnnotationEdit edit;
    edit.text = tr("Add type %1").arg(t.name);
    edit.add(t);
    apply(edit);
    return QString();
}

int AnnotationSet::removeUserType(const QString &name)
{
    const AnnotationType *t = userType(name);
    if (!t)
        return -1;
    AnnotationEdit edit;
    edit.text = tr("Remove type %1").arg(name);
    for (const Annotation &a : ofType(name))
        edit.remove(a);
    const int count = int(edit.annotations.size());
    edit.remove(*t);
    apply(edit);
    return count;
}


int AnnotationSet::tagAllOccurrences(const Document &doc, const QString &needle, const QString &type, const QString &retype,
                                     const QMap<QString, QString> &attributes)
{
    if (needle.isEmpty() || type.isEmpty())
        return 0;
    const QString &text = doc.text();
    const TextOffsets &offsets = doc.offsets();
    AnnotationEdit edit;
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.size())) {
        const qsizetype end = at + needle.size();
        // Whole words only: "Chile" is not in "Chilean".
        if ((at > 0 && text.at(at - 1).isLetterOrNumber()) || (end < text.size() && text.at(end).isLetterOrNumber()))
            continue;
        const qint64 start = offsets.toCodePoint(at), stop = offsets.toCodePoint(end);
        bool handled = false;
        forEachIn(start, stop, [&](const Annotation &o) {
            if (handled || o.start != start || o.end != stop || o.status == Status::Rejected)
                return;
            if (o.type == type && o.status == Status::Accepted) {
                handled = true;
                return;
            }
            if (o.type == type || (!retype.isEmpty() && o.type == retype)) {
                edit.change(o, retyped(o, type));
                handled = true;
            }
        });
        if (handled)
            continue;
        Annotation a;
        a.id = newAnnotationId();
        a.type = type;
        a.start = start;
        a.end = stop;
        a.text = needle;
        a.attributes = attributes;
        edit.add(a);
    }
    if (edit.isEmpty())
        return 0;
    edit.text = tr("Tag every “%1” as %2").arg(needle.left(40), type);
    apply(edit);
    return int(edit.annotations.size());
}

int AnnotationSet::removeAllOccurrences(const QString &type, const QString &text)
{
    AnnotationEdit edit;
    for (const Annotation &a : ofType(type)) {
        if (a.text == text && a.status != Status::Rejected)
            edit.remove(a);
    }
    edit.text = tr("Delete every %1 “%2”").arg(type, text.left(40));
    apply(edit);
    return int(edit.annotations.size());
}

int AnnotationSet::setStatusOfAll(const QString &type, Status status)
{
    QStringList ids;
    for (const Annotation &a : m_order) {
        if (a.status == Status::Suggested && (type.isEmpty() || a.type == type))
            ids.append(a.id);
    }
    if (ids.isEmpty())
        return 0;
    const QString what = type.isEmpty() ? tr("all suggestions") : tr("all %1 suggestions").arg(type);
    setStatus(ids, status, (status == Status::Accepted ? tr("Accept %1") : tr("Reject %1")).arg(what));
    return int(ids.size());
}

int AnnotationSet::setStatusOfSameText(const QString &id, Status status)
{
    const Annotation *current = annotation(id);
    if (!current)
        return 0;
    const Annotation like = *current;
    QStringList ids;
    for (const Annotation &a : ofType(like.type)) {
        if (a.text == like.text && a.status != status && (a.status == Status::Suggested || a.id == like.id))
            ids.append(a.id);
    }
    if (ids.isEmpty())
        return 0;
    setStatus(ids, status,
              (status == Status::Accepted ? tr("Accept every %1 “%2”") : tr("Reject every %1 “%2”")).arg(like.type, like.text.left(40)));
    return int(ids.size());
}

bool AnnotationSet::link(const QString &id, const QString &entityId)
{
    const Annotation *current = annotation(id);
    const Entity *target = entity(entityId);
    if (!current || !target)
        return false;
    Annotation a = *current;
    a.status = Status::Accepted;
    if (a.type == Types::Quote) {
        if (target->type != Types::Speaker)
            return false;
        a.saidBy = entityId;
        if (a != *current)
            updateAnnotation(a, tr("Attribute quote to %1").arg(target->name));
        return true;
    }
    if (target->type != a.type)
        return false;
    a.entity = entityId;
    if (a != *current)
        updateAnnotation(a, tr("Link “%1” to %2").arg(a.text.left(40), target->name));
    return true;
}

bool AnnotationSet::linkToMention(const QString &id, const QString &targetId)
{
    const Annotation *source = annotation(id);
    const Annotation *target = annotation(targetId);
    if (!source || !target || id == targetId || (target->type != Types::Speaker && target->type != Types::Event))
        return false;
    const QString wanted = source->type == Types::Quote ? Types::Speaker : source->type;
    if (target->type != wanted)
        return false;
    if (!target->entity.isEmpty() && entity(target->entity))
        return link(id, target->entity);
    // The target has no entity yet: make one for it and link both, one step.
    AnnotationEdit edit;
    const Entity e = entityFor(*target, newEntityId(), edit);
    Annotation s = *source;
    s.status = Status::Accepted;
    if (s.type == Types::Quote)
        s.saidBy = e.id;
    else
        s.entity = e.id;
    edit.text = s.type == Types::Quote ? tr("Attribute quote to %1").arg(e.name) : tr("Link “%1” to %2").arg(s.text.left(40), e.name);
    edit.change(*source, s);
    apply(edit);
    return true;
}

QString AnnotationSet::splitOff(const QString &id)
{
    const Annotation *current = annotation(id);
    if (!current || (current->type != Types::Speaker && current->type != Types::Event))
        return QString();
    AnnotationEdit edit;
    edit.text = tr("Split “%1” off as its own %2").arg(current->text.left(40), current->type);
    const Entity e = entityFor(*current, newEntityId(), edit);
    apply(edit);
    return e.id;
}

bool AnnotationSet::mergeEntities(const QString &into, const QString &from)
{
    const Entity *target = entity(into);
    const Entity *gone = entity(from);
    if (!target || !gone || into == from || target->type != gone->type)
        return false;
    // Every mention and every quote of the merged entity moves over, and the
    // entity itself goes: one step, undone as one.
    AnnotationEdit edit;
    edit.text = tr("Merge %1 into %2").arg(gone->name, target->name);
    for (const Annotation &m : mentionsOf(from)) {
        Annotation moved = m;
        moved.entity = into;
        edit.change(m, moved);
    }
    for (const Annotation &q : quotesOf(from)) {
        Annotation moved = q;
        moved.saidBy = into;
        edit.change(q, moved);
    }
    edit.remove(*gone);
    apply(edit);
    return true;
}

QString AnnotationSet::undoText() const
{
    return canUndo() ? m_history[m_index - 1].text : QString();
}

QString AnnotationSet::redoText() const
{
    return canRedo() ? m_history[m_index].text : QString();
}

void AnnotationSet::undo()
{
    if (!canUndo())
        return;
    const bool wasClean = isClean();
    --m_index;
    applyDeltas(m_history[m_index], false);
    Q_EMIT historyChanged();
    emitCleanIfChanged(wasClean);
}

void AnnotationSet::redo()
{
    if (!canRedo())
        return;
    const bool wasClean = isClean();
    applyDeltas(m_history[m_index], true);
    ++m_index;
    Q_EMIT historyChanged();
    emitCleanIfChanged(wasClean);
}

QStringList AnnotationSet::historyTexts() const
{
    QStringList out;
    for (const auto &e : m_history)
        out.append(e.text);
    return out;
}

void AnnotationSet::setClean()
{
    const bool wasClean = isClean();
    m_cleanIndex = m_index;
    emitCleanIfChanged(wasClean);
}

void AnnotationSet::setModified()
{
    const bool wasClean = isClean();
    m_cleanIndex = -1;
    emitCleanIfChanged(wasClean);
}

void AnnotationSet::emitCleanIfChanged(bool wasClean)
{
    if (wasClean != isClean())
        Q_EMIT cleanChanged(isClean());
}

} // namespace annotator
