#pragma once

#include "model/annotation.h"

#include <QList>

namespace annotator {

class AnalyzedText;

/// What the recognisers found in one text: suggested annotations (origin
/// Automatic, status Suggested, code point offsets, ids local to this result)
/// and the speaker and event entities they link to.
struct Recognition {
    QList<Annotation> annotations;
    QList<Entity> entities;
    /// Numbers for the next local ids; counters rather than sizes, so ids
    /// stay unique when a step (the personal lexicon) removes some.
    qsizetype nextAnnotationNumber = 1;
    qsizetype nextEntityNumber = 1;

    /// Appends a mention for UTF-16 span [start, end) of @p text with a fresh
    /// local id, converting to code points; returns its index.
    qsizetype add(const AnalyzedText &text, const QString &type, qint32 start, qint32 end);
    /// A fresh entity of @p type; returns its id.
    QString addEntity(const QString &type, const QString &name);
};

} // namespace annotator
