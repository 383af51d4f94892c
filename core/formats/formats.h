#pragma once

#include "annotationdata.h"

#include <QStringList>

#include <optional>

namespace annotator {

class Document;

/// The import and export formats, by the names the CLI's --format takes.
enum class Format { Native, Brat, Doccano, Conll, WebAnnotation, Csv, Html };

/// Choices a format offers.
struct FormatOptions {
    /// doccano: count offsets in UTF-16 units (as doccano's browser does)
    /// instead of code points.
    bool utf16Offsets = false;
};

/// One entry point for every format, so the CLI and the GUI offer the same.
namespace Formats {
/// json, brat, jsonl, conll, webanno, csv, html
QString name(Format f);
/// What a user calls it: "Native JSON", "brat stand-off", ...
QString title(Format f);
/// File name extension of an export, without the dot.
QString extension(Format f);
std::optional<Format> fromName(const QString &name);
QList<Format> all();
QStringList names();
bool canImport(Format f);

ExportResult write(Format f, const Document &doc, const AnnotationData &data, const FormatOptions &options = {});
/// Reads @p bytes as format @p f for @p doc; formats without import give an error.
ImportResult read(Format f, const QByteArray &bytes, const Document &doc, const FormatOptions &options = {});
}

} // namespace annotator
