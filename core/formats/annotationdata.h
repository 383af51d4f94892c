#pragma once

#include "model/annotation.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace annotator {

class Document;

/// What an export takes and an import gives: the annotations of one article
/// with the entities they link to and the user-defined types they use.
struct AnnotationData {
    QList<Annotation> annotations;
    QList<Entity> entities;
    QList<AnnotationType> types;

    /// The annotations an export writes: all but rejected suggestions (those
    /// only live in the sidecar, so a re-run never brings them back).
    QList<Annotation> exported() const;
    /// Linear search; exporters use EntityIndex for many look-ups.
    const Entity *entity(const QString &id) const;
};

/// Entities by id, for exporters that look up every mention's entity.
class EntityIndex
{
public:
    explicit EntityIndex(const QList<Entity> &entities)
    {
        m_index.reserve(entities.size());
        for (const Entity &e : entities)
            m_index.insert(e.id, &e);
    }
    const Entity *find(const QString &id) const { return m_index.value(id, nullptr); }

private:
    QHash<QString, const Entity *> m_index;
};

/// One problem found while importing: the line (or record) of the imported
/// file it is on (0 when it concerns the whole file) and the reason. A
/// skipped item was not imported; the others were imported with a change.
struct ImportIssue {
    qint64 line = 0;
    QString reason;
    bool skipped = true;
};

/// Outcome of reading an annotation file for an article. When error is set
/// the file could not be read at all; otherwise data holds everything that
/// could be imported and issues what could not.
struct ImportResult {
    AnnotationData data;
    QList<ImportIssue> issues;
    QString error;

    bool ok() const { return error.isEmpty(); }
    /// "FILE:LINE: reason" for every issue, as a user reads them.
    QStringList messages(const QString &fileName) const;
};

/// Outcome of writing an export: the bytes and what the format could not hold.
struct ExportResult {
    QByteArray bytes;
    QStringList warnings; ///< what the format could not hold
    QString error; ///< set when nothing could be written
};

/// Checks that code point span [start, end) lies in @p doc and covers
/// @p expected (when not null). Returns an empty string when it does, else
/// the reason in words.
QString checkSpan(const Document &doc, qint64 start, qint64 end, const QString &expected);

/// Fresh-id, link-consistent copy of @p data: ids are renumbered (a1.., e1..),
/// entity links and saidBy follow. Used by importers before merging.
AnnotationData renumbered(const AnnotationData &data);

} // namespace annotator
