#pragma once

#include "annotationdata.h"

namespace annotator {

/// A self-contained HTML report of one article: the text with every
/// annotation highlighted and a legend, then the speakers with their quotes,
/// the countries with their mentions and the events. No scripts, no external
/// resources; every piece of article and annotation text is escaped.
class HtmlReport
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// @p s with & < > " ' escaped for HTML text and attribute values.
    static QString escape(const QString &s);
};

} // namespace annotator
