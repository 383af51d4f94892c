#pragma once

#include "annotationdata.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace annotator {

class Document;

/// brat stand-off annotations (`.ann` beside the article's `.txt`), as the
/// guideline's "Gold files" section defines them:
/// - `T<k>	<Type> <start> <end>	<text>` for every mention, types Speaker,
///   Country, Event, Quote or a user type (whitespace in its name becomes
///   `_`); a span that crosses a line break is written as fragments
///   `s e;s e` with their texts joined by a space, as brat requires;
/// - `N<k>	Reference T<i> ISO3166-1:<CODE>	<name>` for each Country with a code;
/// - `*	Same T<i> T<j> ...` for each entity with two or more mentions;
/// - `R<k>	SaidBy Arg1:T<quote> Arg2:T<speaker mention>` for each attributed quote;
/// - `A<k>	<name> T<i> <value>` for attributes, origin and status (values
///   percent-encoded where they hold whitespace or `%`); entity attributes
///   sit on the entity's first mention (kind, time, countries by name,
///   others as `Entity_<key>`);
/// - `#<k>	AnnotatorNotes T<i>	<text>` for the "note" attribute.
class BratFormat
{
public:
    /// The `.ann` text for @p data over @p doc. Rejected suggestions are left
    /// out; an attribution whose speaker has no mention cannot be written
    /// and is reported in the warnings.
    static ExportResult write(const Document &doc, const AnnotationData &data);
    /// Reads an `.ann` file (LF or CRLF). With @p doc every span is checked
    /// against the article text; a mismatch is reported with its line and
    /// reason and the rest is imported. Without it (scoring two files
    /// without their article) the spans are taken as they are. Same groups
    /// become entities (named after their longest mention), every Speaker and
    /// Event mention outside a group becomes an entity of its own, SaidBy
    /// links the quote to the entity of its speaker mention.
    static ImportResult read(const QByteArray &ann, const Document *doc);

    /// brat's `annotation.conf` and `visual.conf` for the types in @p data,
    /// so an export opens in brat with the right types and colours.
    static QByteArray annotationConf(const AnnotationData &data);
    static QByteArray visualConf(const AnnotationData &data);

    /// Code point fragments of [start, end) in @p doc split at line breaks,
    /// with whitespace next to the breaks left out.
    static QList<QPair<qint64, qint64>> fragments(const Document &doc, qint64 start, qint64 end);
    /// The brat type name of annotation type @p type (no whitespace).
    static QString typeName(const QString &type);
};

} // namespace annotator
