#pragma once

#include "recognition.h"

namespace annotator {

class AnalyzedText;
class EventLexicon;

/// Finds events (guideline, section "Event"): triggers of specific happenings
/// (head nouns such as "invasion" or "sanctions", verbs such as "annexed" or
/// "sent troops", names such as "Winter Olympics"), skipping generic,
/// hypothetical and negated uses, and links the mentions of one happening
/// into one event entity with its explicit time and participating countries.
///
/// Runs after the country and speaker recognisers: it reads their Country
/// annotations (attribute Attr::Code) for the participants and leaves speaker
/// spans alone. One pass over the tokens, no allocation per token.
class EventRecognizer
{
public:
    explicit EventRecognizer(const EventLexicon &lexicon);

    /// The recogniser over the lexicons the program ships.
    static const EventRecognizer &instance();

    /// Appends Event mentions and their entities to @p out.
    void recognize(const AnalyzedText &text, Recognition &out) const;

private:
    const EventLexicon &m_lexicon;
};

} // namespace annotator
