#pragma once

#include "annotationdata.h"

namespace annotator {

/// W3C Web Annotation Data Model as JSON-LD: an AnnotationCollection with
/// one Annotation per mention. Its target carries a TextQuoteSelector
/// (exact, prefix, suffix) and a TextPositionSelector in code points, as the
/// specification requires; a TextualBody with purpose "tagging" names the
/// type, one with purpose "identifying" and value `ISO3166-1:<code>` a
/// country; a SpecificResource with purpose "identifying" names the speaker
/// or event entity, one with purpose "linking" the speaker a quote is said
/// by. Entity names and attributes, mention attributes, origin and status
/// are kept in properties of the program's own `aa:` namespace.
class WebAnnotationFormat
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// Reads a collection (or a single annotation or a list of them); each
    /// target is checked against the article, and one whose position does
    /// not match is found again by its quote selector when it is unique.
    static ImportResult read(const QByteArray &bytes, const Document &doc);
};

} // namespace annotator
