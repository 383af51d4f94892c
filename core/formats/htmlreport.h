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
    /// The Content-Security-Policy the report declares in a <meta> element
    /// ahead of everything else: no script, no fetch of any kind, no form
    /// submission, no <base>; only the report's inline style.
    static constexpr const char *ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// @p s with & < > " ' escaped for HTML text and attribute values.
    static QString escape(const QString &s);
};

} // namespace annotator
