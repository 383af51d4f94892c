#include "annotationdata.h"

#include "model/document.h"

#include <QHash>

namespace annotator {

QList<Annotation> AnnotationData::exported() const
{
    QList<Annotation> out;
    out.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        if (a.status != Status::Rejected)
            out.append(a);
    }
    std::sort(out.begin(), out.end(), positionLess);
    return out;
}

const Entity *AnnotationData::entity(const QString &id) const
{
    for (const Entity &e : entities) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QStringList ImportResult::messages(const QString &fileName) const
{
    QStringList out;
    if (!error.isEmpty())
        out.append(error);
    for (const ImportIssue &i : issues) {
        const QString where = i.line > 0 ? QStringLiteral("%1:%2").arg(fileName).arg(i.line) : fileName;
        out.append(QStringLiteral("%1: %2%3").arg(where, i.reason, i.skipped ? QStringLiteral(" (not imported)") : QString()));
    }
    return out;
}

QString checkSpan(const Document &doc, qint64 start, qint64 end, const QString &expected)
{
    if (start < 0 || end < start)
        return QStringLiteral("the span %1-%2 is impossible").arg(start).arg(end);
    if (end > doc.length())
        return QStringLiteral("the span %1-%2 ends past the end of the article (%3 characters)").arg(start).arg(end).arg(doc.length());
    if (!expected.isNull()) {
        const QString actual = doc.slice(start, end);
        if (actual != expected)
            return QStringLiteral("the text \"%1\" does not match the article text \"%2\" at %3-%4").arg(expected, actual).arg(start).arg(end);
    }
    return QString();
}

AnnotationData renumbered(const AnnotationData &data)
{
    AnnotationData out;
    out.types = data.types;
    QHash<QString, QString> entityIds;
    int n = 0;
    for (Entity e : data.entities) {
        const QString id = QStringLiteral("e%1").arg(++n);
        entityIds.insert(e.id, id);
        e.id = id;
        out.entities.append(e);
    }
    n = 0;
    for (Annotation a : data.annotations) {
        a.id = QStringLiteral("a%1").arg(++n);
        a.entity = entityIds.value(a.entity);
        a.saidBy = entityIds.value(a.saidBy);
        out.annotations.append(a);
    }
    return out;
}

} // namespace annotator
