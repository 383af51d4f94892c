#pragma once

#include "recognition.h"

#include <QString>

namespace annotator {

class AnalyzedText;
class PersonalLexicon;

/// Runs every recogniser over a text: countries first (speakers and events
/// use them), then speakers with their quotes, then events. Thread-safe: the
/// lexicons are loaded once and only read afterwards.
///
/// With a personal lexicon, each recogniser's result is corrected by it
/// before the next one reads it (a text rejected as a country is no country
/// for the speakers either); without one, or with an empty one, the result
/// is the recognisers' own.
class Pipeline
{
public:
    static Recognition run(const QString &text, const PersonalLexicon *lexicon = nullptr);
    static Recognition run(const AnalyzedText &text, const PersonalLexicon *lexicon = nullptr);
};

} // namespace annotator
