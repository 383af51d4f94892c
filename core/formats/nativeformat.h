#pragma once

#include "annotationdata.h"

namespace annotator {

/// The native JSON format: the sidecar schema itself (SidecarJson), so an
/// export is exactly what the program saves beside the article, rejected
/// suggestions and anchor contexts included.
class NativeFormat
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// Reads a sidecar-schema file for @p doc. Spans are checked against the
    /// article; when the file was written for another version of the text,
    /// the annotations are placed again by their text and context and those
    /// that cannot be placed are reported.
    static ImportResult read(const QByteArray &bytes, const Document &doc);
};

} // namespace annotator
