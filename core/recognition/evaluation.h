#pragma once

#include "formats/annotationdata.h"

#include <QString>

#include <array>

namespace annotator {

class Document;

/// Counts behind one precision/recall/F1 figure. Precision counts the
/// predicted items that are right, recall the gold items that were found;
/// for exact matching both are the same number, for quote attribution they
/// need not be.
struct Score {
    qint64 correct = 0; ///< predicted items that are right
    qint64 predicted = 0;
    qint64 found = 0; ///< gold items found
    qint64 gold = 0;

    /// 1 when there was nothing to predict and nothing was predicted.
    double precision() const { return predicted ? double(correct) / double(predicted) : (gold ? 0.0 : 1.0); }
    double recall() const { return gold ? double(found) / double(gold) : (predicted ? 0.0 : 1.0); }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    bool isEmpty() const { return predicted == 0 && gold == 0; }
    Score &operator+=(const Score &o)
    {
        correct += o.correct;
        predicted += o.predicted;
        found += o.found;
        gold += o.gold;
        return *this;
    }
};

/// The measures of the guideline's "Matching used in evaluation".
enum class Measure {
    Country, ///< exact span and ISO code
    SpeakerNames, ///< exact span, name mentions only (see isNameMention)
    Speakers, ///< exact span, every speaker mention
    Quotes, ///< a predicted quote overlapping a gold quote, each matched once
    Attribution, ///< a quote found and linked to the right speaker
    Events, ///< lenient: overlap, each gold mention matched at most once
};
inline constexpr int MeasureCount = 6;
QString toString(Measure m);
/// Short machine name: country, speaker_names, speakers, quotes, attribution, events.
QString key(Measure m);

struct Scores {
    std::array<Score, MeasureCount> measures;
    Score &operator[](Measure m) { return measures[size_t(m)]; }
    const Score &operator[](Measure m) const { return measures[size_t(m)]; }
    Scores &operator+=(const Scores &o)
    {
        for (size_t i = 0; i < measures.size(); ++i)
            measures[i] += o.measures[i];
        return *this;
    }
};

/// Scores predicted annotations against gold ones by the guideline's rules.
/// Rejected suggestions count on neither side.
namespace Evaluation {
/// @p doc (may be null) is the article both refer to; it sharpens the
/// name-mention test at sentence starts.
Scores score(const AnnotationData &gold, const AnnotationData &predicted, const Document *doc = nullptr);

/// Whether a Speaker mention is a name mention. The guideline marks names
/// (`Karin Lindgren`, `Lindgren`, `Li Wei`), nominals (`a Chinese diplomat`,
/// `Chinese state media`, `some analysts`) and pronouns (`he`). A name
/// mention here is one that
/// - is not a pronoun and does not start with a determiner or quantifier
///   (a, an, the, some, many, several, ...);
/// - starts with an upper-case letter and ends with a capitalised word, with
///   only name particles and joining words in lower case between capitalised
///   words (`Ursula von der Leyen`, `Center for Strategic Studies`), so a
///   nominal with a capitalised adjective (`Chinese state media`,
///   `BBC reporters`) is not one;
/// - with the article known, is not a single word at a sentence start that
///   the article also writes in lower case (`Analysts said` beside
///   `some analysts`).
bool isNameMention(const QString &mention, qint64 start, const Document *doc);
}

} // namespace annotator
