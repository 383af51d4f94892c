#pragma once

#include "annotationdata.h"

namespace annotator {

/// CSV for spreadsheets (RFC 4180, UTF-8 with a byte order mark so Excel
/// reads it as UTF-8, CRLF rows): one row per annotation with the columns
/// type, start, end, text, entity, attributes, status. Offsets count code
/// points; entity is the speaker or event name (for a quote, the speaker it
/// is said by appears as `saidBy=` among the attributes); attributes are
/// `key=value` pairs separated by `; `. A cell that a spreadsheet would run
/// as a formula (starting with = + - @, a tab or a carriage return) gets a
/// leading apostrophe.
class CsvFormat
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// The cell as written: quoted when needed, formulas neutralised.
    static QString cell(const QString &value);
};

} // namespace annotator
