#include "pipeline.h"

#include "analyzedtext.h"

#if __has_include("countryrecognizer.h")
#include "countryrecognizer.h"
#define ANNOTATOR_HAVE_COUNTRIES 1
#endif
#if __has_include("speakerrecognizer.h")
#include "speakerrecognizer.h"
#define ANNOTATOR_HAVE_SPEAKERS 1
#endif
#if __has_include("eventrecognizer.h")
#include "eventrecognizer.h"
#define ANNOTATOR_HAVE_EVENTS 1
#endif

namespace annotator {

Recognition Pipeline::run(const QString &text)
{
    return run(AnalyzedText(text));
}

Recognition Pipeline::run(const AnalyzedText &text)
{
    Recognition r;
#ifdef ANNOTATOR_HAVE_COUNTRIES
    CountryRecognizer::instance().recognize(text, r);
#endif
#ifdef ANNOTATOR_HAVE_SPEAKERS
    SpeakerRecognizer::instance().recognize(text, r);
#endif
#ifdef ANNOTATOR_HAVE_EVENTS
    EventRecognizer::instance().recognize(text, r);
#endif
    return r;
}

} // namespace annotator
