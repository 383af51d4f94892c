#include "recognition.h"

#include "analyzedtext.h"

namespace annotator {

qsizetype Recognition::add(const AnalyzedText &text, const QString &type, qint32 start, qint32 end)
{
    Annotation a;
    a.id = QStringLiteral("s%1").arg(nextAnnotationNumber++);
    a.type = type;
    a.start = text.offsets().toCodePoint(start);
    a.end = text.offsets().toCodePoint(end);
    a.text = text.text().mid(start, end - start);
    a.origin = Origin::Automatic;
    a.status = Status::Suggested;
    annotations.append(a);
    return annotations.size() - 1;
}

QString Recognition::addEntity(const QString &type, const QString &name)
{
    Entity e;
    e.id = QStringLiteral("r%1").arg(nextEntityNumber++);
    e.type = type;
    e.name = name;
    entities.append(e);
    return e.id;
}

} // namespace annotator
