#pragma once

#include "annotationdata.h"

namespace annotator {

/// CoNLL-2003 style IOB2: `-DOCSTART- -X- -X- O`, then one token per line
/// (`token -X- _ LABEL`, the placeholder POS and chunk columns that spaCy and
/// Flair read), sentences separated by blank lines. Tokens and sentences are
/// the program's own segmentation. IOB gives each token one label, so of
/// nested or overlapping annotations the outer one of the most specific type
/// is kept (Speaker, Country, Event, user types, then Quote) and every one
/// left out is reported in the warnings, never dropped silently.
class ConllFormat
{
public:
    static ExportResult write(const Document &doc, const AnnotationData &data);
};

} // namespace annotator
