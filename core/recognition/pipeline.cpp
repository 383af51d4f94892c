#include "pipeline.h"

#include "analyzedtext.h"
#include "countryrecognizer.h"
#include "eventrecognizer.h"
#include "speakerrecognizer.h"

namespace annotator {

Recognition Pipeline::run(const QString &text)
{
    return run(AnalyzedText(text));
}

Recognition Pipeline::run(const AnalyzedText &text)
{
    Recognition r;
    CountryRecognizer::instance().recognize(text, r);
    SpeakerRecognizer::instance().recognize(text, r);
    EventRecognizer::instance().recognize(text, r);
    return r;
}

} // namespace annotator
