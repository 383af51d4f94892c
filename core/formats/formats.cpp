#include "formats.h"

#include "bratformat.h"
#include "nativeformat.h"
#include "doccanoformat.h"
#include "conllformat.h"
#include "webannotationformat.h"
#include "csvformat.h"
#include "htmlreport.h"

namespace annotator {

QString Formats::name(Format f)
{
    switch (f) {
    case Format::Native:
        return QStringLiteral("json");
    case Format::Brat:
        return QStringLiteral("brat");
    case Format::Doccano:
        return QStringLiteral("jsonl");
    case Format::Conll:
        return QStringLiteral("conll");
    case Format::WebAnnotation:
        return QStringLiteral("webanno");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Html:
        return QStringLiteral("html");
    }
    return QString();
}

QString Formats::title(Format f)
{
    switch (f) {
    case Format::Native:
        return QStringLiteral("Native JSON");
    case Format::Brat:
        return QStringLiteral("brat stand-off");
    case Format::Doccano:
        return QStringLiteral("doccano JSONL");
    case Format::Conll:
        return QStringLiteral("CoNLL-2003 IOB2");
    case Format::WebAnnotation:
        return QStringLiteral("W3C Web Annotation (JSON-LD)");
    case Format::Csv:
        return QStringLiteral("CSV");
    case Format::Html:
        return QStringLiteral("HTML report");
    }
    return QString();
}

QString Formats::extension(Format f)
{
    switch (f) {
    case Format::Native:
        return QStringLiteral("json");
    case Format::Brat:
        return QStringLiteral("ann");
    case Format::Doccano:
        return QStringLiteral("jsonl");
    case Format::Conll:
        return QStringLiteral("conll");
    case Format::WebAnnotation:
        return QStringLiteral("jsonld");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Html:
        return QStringLiteral("html");
    }
    return QString();
}

QList<Format> Formats::all()
{
    return {Format::Native, Format::Brat, Format::Doccano, Format::Conll, Format::WebAnnotation, Format::Csv, Format::Html};
}

std::optional<Format> Formats::fromName(const QString &name)
{
    for (Format f : all()) {
        if (Formats::name(f).compare(name, Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

QStringList Formats::names()
{
    QStringList out;
    for (Format f : all())
        out.append(name(f));
    return out;
}

bool Formats::canImport(Format f)
{
    return f == Format::Native || f == Format::Brat || f == Format::Doccano || f == Format::WebAnnotation;
}

ExportResult Formats::write(Format f, const Document &doc, const AnnotationData &data, const FormatOptions &options)
{
    Q_UNUSED(options);
    switch (f) {
    case Format::Native:
        return NativeFormat::write(doc, data);
    case Format::Brat:
        return BratFormat::write(doc, data);
    case Format::Doccano:
        return DoccanoFormat::write(doc, data, options.utf16Offsets);
    case Format::Conll:
        return ConllFormat::write(doc, data);
    case Format::WebAnnotation:
        return WebAnnotationFormat::write(doc, data);
    case Format::Csv:
        return CsvFormat::write(doc, data);
    case Format::Html:
        return HtmlReport::write(doc, data);
    default:
        break;
    }
    return ExportResult{{}, {}, QStringLiteral("the %1 export is not available in this build").arg(title(f))};
}

ImportResult Formats::read(Format f, const QByteArray &bytes, const Document &doc, const FormatOptions &options)
{
    Q_UNUSED(options);
    switch (f) {
    case Format::Native:
        return NativeFormat::read(bytes, doc);
    case Format::Brat:
        return BratFormat::read(bytes, &doc);
    case Format::Doccano:
        return DoccanoFormat::read(bytes, doc, options.utf16Offsets);
    case Format::WebAnnotation:
        return WebAnnotationFormat::read(bytes, doc);
    default:
        break;
    }
    ImportResult r;
    r.error = QStringLiteral("%1 files cannot be imported").arg(title(f));
    return r;
}

} // namespace annotator
