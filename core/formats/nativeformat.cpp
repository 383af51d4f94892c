#include "nativeformat.h"

#include "model/annotationset.h"
#include "model/document.h"
#include "storage/reanchor.h"
#include "storage/sidecardata.h"

namespace annotator {

namespace {

// Line of the annotation with @p id in a file written one annotation a line.
qint64 lineOf(const QByteArray &bytes, const QString &id)
{
    const QByteArray needle = "\"id\": \"" + id.toUtf8() + '"';
    qsizetype pos = bytes.indexOf(needle);
    if (pos < 0)
        pos = bytes.indexOf(QByteArray("\"id\":\"" + id.toUtf8() + '"'));
    return pos < 0 ? 0 : QByteArrayView(bytes.constData(), pos).count('\n') + 1;
}

} // namespace

ExportResult NativeFormat::write(const Document &doc, const AnnotationData &data)
{
    AnnotationSet set;
    set.reset(data.annotations, data.entities, {}, data.types);
    return ExportResult{SidecarJson::serialize(SidecarData::capture(doc, set)), {}, {}};
}

ImportResult NativeFormat::read(const QByteArray &bytes, const Document &doc)
{
    ImportResult result;
    QString error;
    auto parsed = SidecarJson::parse(bytes, QString(), &error);
    if (!parsed) {
        result.error = error.startsWith(QStringLiteral(": ")) ? error.mid(2) : error;
        return result;
    }
    for (const QString &w : std::as_const(parsed->warnings))
        result.issues.append({0, w, false});
    for (const Annotation &o : std::as_const(parsed->orphans))
        result.issues.append({lineOf(bytes, o.id), QStringLiteral("%1 \"%2\" is an orphan (not placed in the article)").arg(o.type, o.text), true});
    QList<Annotation> placed;
    if (!parsed->sha256.isEmpty() && parsed->sha256 != doc.sha256()) {
        ReanchorResult r = reanchor(std::move(parsed->annotations), parsed->contexts, doc);
        placed = std::move(r.placed);
        if (r.moved)
            result.issues.append({0, QStringLiteral("written for another version of the article; %1 annotations were placed again").arg(r.moved), false});
        for (const Annotation &o : r.orphans)
            result.issues.append({lineOf(bytes, o.id), QStringLiteral("%1 \"%2\" is no longer in the article").arg(o.type, o.text), true});
    } else {
        placed = parsed->annotations;
    }
    for (const Annotation &a : std::as_const(placed)) {
        const QString why = checkSpan(doc, a.start, a.end, a.text);
        if (!why.isEmpty()) {
            result.issues.append({lineOf(bytes, a.id), QStringLiteral("%1: %2").arg(a.id, why), true});
            continue;
        }
        result.data.annotations.append(a);
    }
    result.data.entities = parsed->entities;
    result.data.types = parsed->types;
    return result;
}

} // namespace annotator
