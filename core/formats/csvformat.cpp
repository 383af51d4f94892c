#include "csvformat.h"

#include "model/document.h"

namespace annotator {

QString CsvFormat::cell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.at(0);
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            v.prepend(u'\'');
    }
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r') || v.contains(u'\t')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v;
}

ExportResult CsvFormat::write(const Document &doc, const AnnotationData &data)
{
    ExportResult result;
    QString out = QStringLiteral("type,start,end,text,entity,attributes,status\r\n");
    const EntityIndex entities(data.entities);
    auto nameOf = [&](const QString &id) {
        const Entity *e = entities.find(id);
        return e ? (e->name.isEmpty() ? e->id : e->name) : id;
    };
    for (const Annotation &a : data.exported()) {
        QStringList attributes;
        if (!a.saidBy.isEmpty())
            attributes.append(QStringLiteral("saidBy=") + nameOf(a.saidBy));
        for (auto it = a.attributes.cbegin(); it != a.attributes.cend(); ++it)
            attributes.append(it.key() + u'=' + it.value());
        if (!a.entity.isEmpty()) {
            if (const Entity *e = entities.find(a.entity)) {
                for (auto it = e->attributes.cbegin(); it != e->attributes.cend(); ++it)
                    attributes.append(QStringLiteral("entity.") + it.key() + u'=' + it.value());
            }
        }
        const QStringList row{cell(a.type),
                              QString::number(a.start),
                              QString::number(a.end),
                              cell(doc.slice(a.start, a.end)),
                              cell(a.entity.isEmpty() ? QString() : nameOf(a.entity)),
                              cell(attributes.join(QStringLiteral("; "))),
                              cell(toString(a.status))};
        out += row.join(u',') + QStringLiteral("\r\n");
    }
    result.bytes = "\xEF\xBB\xBF" + out.toUtf8();
    return result;
}

} // namespace annotator
