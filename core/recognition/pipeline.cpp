#include "pipeline.h"

#include "analyzedtext.h"
#include "countryrecognizer.h"
#include "eventrecognizer.h"
#include "personallexicon.h"
#include "speakerrecognizer.h"

namespace annotator {

Recognition Pipeline::run(const QString &text, const PersonalLexicon *lexicon)
{
    return run(AnalyzedText(text), lexicon);
}

Recognition Pipeline::run(const AnalyzedText &text, const PersonalLexicon *lexicon)
{
    if (lexicon && lexicon->isEmpty())
        lexicon = nullptr;
    Recognition r;
    CountryRecognizer::instance().recognize(text, r);
    if (lexicon)
        lexicon->applyTo(Types::Country, text, r);
    SpeakerRecognizer::instance().recognize(text, r);
    if (lexicon)
        lexicon->applyTo(Types::Speaker, text, r);
    EventRecognizer::instance().recognize(text, r);
    if (lexicon) {
        for (const QString &type : lexicon->types()) {
            if (type != Types::Country && type != Types::Speaker)
                lexicon->applyTo(type, text, r);
        }
    }
    return r;
}

} // namespace annotator
