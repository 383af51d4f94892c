#pragma once

#include "annotationdata.h"

namespace annotator {

/// doccano JSONL: one line per article,
/// `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
/// "relations": [{"id", "from_id", "to_id", "type"}]}`, with offsets in code
/// points or, as doccano's browser counts them, in UTF-16 units. Links are
/// relations doccano shows: `SaidBy` from a quote to a speaker mention,
/// `Same` from an entity's first mention to each other one. What doccano has
/// no field for (country code, attributes, origin, status, entity names) is
/// kept in extra keys doccano ignores, so a round trip loses nothing.
class DoccanoFormat
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data, bool utf16Offsets);
    /// Reads the line of @p bytes whose text is the article's (or the only
    /// line); spans are checked against the article and reported by line.
    static ImportResult read(const QByteArray &bytes, const Document &doc, bool utf16Offsets);
};

} // namespace annotator
