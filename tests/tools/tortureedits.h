#pragma once

// The edits the save torture harness makes, shared with the test that checks
// what survived a kill: edit k is the same in both processes, so the test can
// rebuild the exact state after any number of edits.

#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecardata.h"

#include <QCryptographicHash>

namespace annotator::torture {

inline QString editId(int k)
{
    return QStringLiteral("E%1").arg(k);
}

inline Annotation mention(const Document &doc, const QString &id, int k)
{
    const qint64 room = std::max<qint64>(1, doc.length() - 12);
    Annotation a;
    a.id = id;
    a.type = (k % 2) ? Types::Country : Types::Event;
    a.start = (qint64(k) * 7919) % room;
    a.end = std::min<qint64>(doc.length(), a.start + 1 + k % 9);
    a.text = doc.slice(a.start, a.end);
    return a;
}

/// The state the harness starts from (and the first saved sidecar holds):
/// @p count annotations spread over the article, so that every save writes a
/// file of realistic size.
inline void preload(AnnotationSet &set, const Document &doc, int count)
{
    QList<Annotation> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(mention(doc, QStringLiteral("P%1").arg(i), 100000 + i));
    set.reset(list, {});
}

/// Edit number @p k (from 1): adds a mention; every third edit also changes
/// the previous one, every fourth removes the one before that. One undoable
/// step each.
inline void applyEdit(AnnotationSet &set, const Document &doc, int k)
{
    AnnotationEdit edit;
    edit.text = QStringLiteral("torture edit %1").arg(k);
    edit.add(mention(doc, editId(k), k));
    if (k % 3 == 0) {
        if (const Annotation *prev = set.annotation(editId(k - 1))) {
            Annotation changed = *prev;
            changed.attributes.insert(QStringLiteral("note"), QStringLiteral("changed by edit %1").arg(k));
            changed.status = Status::Suggested;
            edit.change(*prev, changed);
        }
    }
    if (k % 4 == 0) {
        if (const Annotation *old = set.annotation(editId(k - 2)))
            edit.remove(*old);
    }
    set.apply(edit);
}

/// A fingerprint of the annotations and entities (not the anchor contexts,
/// which follow from them), equal for equal states.
inline QByteArray fingerprint(const QList<Annotation> &annotations, const QList<Entity> &entities)
{
    SidecarData d;
    d.annotations = annotations;
    d.entities = entities;
    return QCryptographicHash::hash(SidecarJson::serialize(d), QCryptographicHash::Sha1);
}

} // namespace annotator::torture
