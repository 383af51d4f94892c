#include "annotationset.h"

#include <algorithm>

namespace annotator {

namespace {

quint64 idNumber(const QString &id)
{
    qsizetype i = id.size();
    while (i > 0 && id.at(i - 1).isDigit())
        --i;
    return i < id.size() ? QStringView(id).mid(i).toULongLong() : 0;
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
    return it == m_annotations.cend() ? nullptr : &it.value();
}

QList<Annotation> AnnotationSet::annotations() const
{
    QList<Annotation> out;
    out.reserve(m_annotations.size());
    for (const auto &[key, id] : m_order)
        out.append(m_annotations.value(id));
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
    for (const auto &[key, id] : m_order) {
        const Annotation &a = m_annotations.find(id).value();
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
    for (const auto &[key, id] : m_order) {
        const Annotation &a = m_annotations.find(id).value();
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
    for (const auto &[key, id] : m_order) {
        const Annotation &a = m_annotations.find(id).value();
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
    m_annotations.insert(a.id, a);
    m_order.emplace(keyOf(a), a.id);
    m_maxLength = std::max(m_maxLength, a.end - a.start);
    noteId(a.id, false);
}

void AnnotationSet::erase(const QString &id)
{
    auto it = m_annotations.find(id);
    if (it == m_annotations.end())
        return;
    m_order.erase(keyOf(it.value()));
    m_annotations.erase(it);
}

void AnnotationSet::reset(const QList<Annotation> &annotations, const QList<Entity> &entities,
                          const QList<Annotation> &orphans, const QList<AnnotationType> &userTypes)
{
    const bool wasClean = isClean();
    m_annotations.clear();
    m_order.clear();
    m_entities.clear();
    m_maxLength = 0;
    m_nextAnnotation = m_nextEntity = 1;
    m_annotations.reserve(annotations.size());
    for (const Annotation &a : annotations)
        insert(a);
    for (const Entity &e : entities) {
        m_entities.insert(e.id, e);
        noteId(e.id, true);
    }
    m_orphans = orphans;
    for (const Annotation &a : orphans)
        noteId(a.id, false);
    m_userTypes = userTypes;
    m_history.clear();
    m_index = m_cleanIndex = 0;
    Q_EMIT wasReset();
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
    m_userTypes = types;
}

void AnnotationSet::applyDeltas(const AnnotationEdit &edit, bool forward)
{
    QList<TextRange> ranges;
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
    Q_EMIT changed(ranges);
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
    Annotation a = *old;
    if (a.type != type) {
        a.type = type;
        a.entity.clear();
        a.saidBy.clear();
        a.attributes.clear();
    }
    a.status = Status::Accepted;
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
