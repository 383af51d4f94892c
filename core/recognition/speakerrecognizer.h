#pragma once

namespace annotator {

class AnalyzedText;
struct Recognition;

/// Finds who is reported as saying something and what they said: speaker
/// mentions (names, nominal mentions such as "a Chinese diplomat", pronouns
/// such as "she added", countries acting as sources), each linked to one
/// speaker entity with its kind (person, organisation, unnamed) and role, and
/// the direct quotes linked to their speaker. Follows the Speaker and Quote
/// sections of the annotation guidelines. Runs after the country recogniser,
/// whose Country annotations in the Recognition it reads. Linear in the text
/// length; thread-safe once constructed.
class SpeakerRecognizer
{
public:
    static const SpeakerRecognizer &instance();

    void recognize(const AnalyzedText &text, Recognition &out) const;

private:
    SpeakerRecognizer() = default;
};

} // namespace annotator
