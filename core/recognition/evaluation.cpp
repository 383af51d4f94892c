#include "evaluation.h"

#include "model/document.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>
#include <vector>

namespace annotator {

namespace {

QList<Annotation> live(const AnnotationData &data, const QString &type)
{
    QList<Annotation> out;
    for (const Annotation &a : data.annotations) {
        if (a.type == type && a.status != Status::Rejected)
            out.append(a);
    }
    std::sort(out.begin(), out.end(), positionLess);
    return out;
}

// Exact matching of keyed items, as multisets.
template<typename Key>
Score exact(const std::vector<Key> &gold, const std::vector<Key> &predicted)
{
    std::map<Key, qint64> counts;
    for (const Key &k : gold)
        ++counts[k];
    Score s;
    s.gold = qint64(gold.size());
    s.predicted = qint64(predicted.size());
    for (const Key &k : predicted) {
        auto it = counts.find(k);
        if (it != counts.end() && it->second > 0) {
            --it->second;
            ++s.correct;
        }
    }
    s.found = s.correct;
    return s;
}

bool overlaps(const Annotation &a, const Annotation &b)
{
    return a.start < b.end && b.start < a.end;
}

// Maximum one-to-one matching of predicted to gold mentions that overlap
// (Kuhn's augmenting paths; the overlap graph of real articles is sparse).
qint64 overlapMatching(const QList<Annotation> &gold, const QList<Annotation> &predicted)
{
    std::vector<std::vector<int>> adjacency(size_t(predicted.size()));
    for (qsizetype p = 0; p < predicted.size(); ++p) {
        // gold is sorted by start: stop once a gold mention starts after p ends
        for (qsizetype g = 0; g < gold.size() && gold[g].start < predicted[p].end; ++g) {
            if (overlaps(gold[g], predicted[p]))
                adjacency[size_t(p)].push_back(int(g));
        }
    }
    std::vector<int> goldMatch(size_t(gold.size()), -1);
    std::vector<int> seen(size_t(gold.size()), -1);
    std::function<bool(int, int)> augment = [&](int p, int round) {
        for (int g : adjacency[size_t(p)]) {
            if (seen[size_t(g)] == round)
                continue;
            seen[size_t(g)] = round;
            if (goldMatch[size_t(g)] < 0 || augment(goldMatch[size_t(g)], round)) {
                goldMatch[size_t(g)] = p;
                return true;
            }
        }
        return false;
    };
    qint64 matched = 0;
    for (int p = 0; p < int(predicted.size()); ++p) {
        if (augment(p, p))
            ++matched;
    }
    return matched;
}

Score lenient(const QList<Annotation> &gold, const QList<Annotation> &predicted)
{
    Score s;
    s.gold = gold.size();
    s.predicted = predicted.size();
    s.correct = s.found = overlapMatching(gold, predicted);
    return s;
}

using Span = std::pair<qint64, qint64>;

// Spans of the Speaker mentions of each entity.
QHash<QString, QSet<Span>> speakerSpans(const AnnotationData &data)
{
    QHash<QString, QSet<Span>> out;
    for (const Annotation &a : data.annotations) {
        if (a.type == Types::Speaker && a.status != Status::Rejected && !a.entity.isEmpty())
            out[a.entity].insert({a.start, a.end});
    }
    return out;
}

bool linkedRight(const Annotation &predictedQuote, const Annotation &goldQuote, const QHash<QString, QSet<Span>> &predictedSpeakers,
                 const QHash<QString, QSet<Span>> &goldSpeakers)
{
    if (predictedQuote.saidBy.isEmpty() || goldQuote.saidBy.isEmpty() || !overlaps(predictedQuote, goldQuote))
        return false;
    const QSet<Span> p = predictedSpeakers.value(predictedQuote.saidBy);
    const QSet<Span> g = goldSpeakers.value(goldQuote.saidBy);
    return p.intersects(g);
}

const QSet<QString> &pronouns()
{
    static const QSet<QString> words{
        QStringLiteral("he"), QStringLiteral("she"), QStringLiteral("they"), QStringLiteral("it"), QStringLiteral("we"),
        QStringLiteral("i"), QStringLiteral("you"), QStringLiteral("him"), QStringLiteral("her"), QStringLiteral("them"),
        QStringLiteral("us"), QStringLiteral("me"), QStringLiteral("who"), QStringLiteral("one"), QStringLiteral("this"),
        QStringLiteral("that"), QStringLiteral("these"), QStringLiteral("those"), QStringLiteral("someone"), QStringLiteral("somebody"),
    };
    return words;
}

const QSet<QString> &determiners()
{
    static const QSet<QString> words{
        QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("the"), QStringLiteral("some"), QStringLiteral("many"),
        QStringLiteral("several"), QStringLiteral("few"), QStringLiteral("most"), QStringLiteral("all"), QStringLiteral("both"),
        QStringLiteral("other"), QStringLiteral("another"), QStringLiteral("two"), QStringLiteral("three"), QStringLiteral("four"),
        QStringLiteral("his"), QStringLiteral("her"), QStringLiteral("their"), QStringLiteral("its"), QStringLiteral("our"),
        QStringLiteral("my"), QStringLiteral("your"), QStringLiteral("this"), QStringLiteral("that"), QStringLiteral("these"),
        QStringLiteral("those"), QStringLiteral("one"), QStringLiteral("each"), QStringLiteral("every"), QStringLiteral("no"),
        QStringLiteral("senior"), QStringLiteral("local"), QStringLiteral("top"),
    };
    return words;
}

// Lower-case words that join the parts of a name.
const QSet<QString> &nameParticles()
{
    static const QSet<QString> words{
        QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("della"), QStringLiteral("der"), QStringLiteral("den"),
        QStringLiteral("van"), QStringLiteral("von"), QStringLiteral("da"), QStringLiteral("das"), QStringLiteral("dos"),
        QStringLiteral("di"), QStringLiteral("du"), QStringLiteral("la"), QStringLiteral("le"), QStringLiteral("bin"),
        QStringLiteral("binti"), QStringLiteral("al"), QStringLiteral("el"), QStringLiteral("ibn"), QStringLiteral("y"),
        QStringLiteral("ter"), QStringLiteral("zu"), QStringLiteral("of"), QStringLiteral("for"), QStringLiteral("and"),
        QStringLiteral("on"), QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("at"), QStringLiteral("in"), QStringLiteral("&"),
    };
    return words;
}

bool startsUpper(const QString &word)
{
    for (const QChar c : word) {
        if (c.isLetter())
            return c.isUpper() || c.isTitleCase();
        if (c.isDigit())
            return false;
    }
    return false;
}

bool atSentenceStart(const Document &doc, qint64 start)
{
    const QString &text = doc.text();
    qsizetype i = doc.offsets().toUtf16(start) - 1;
    while (i >= 0) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r')
            return true;
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'*' || c == u'_' || c == u'#' || c == u'>' || c == u'(' || c == u'['
            || c == u'\x201C' || c == u'\x2018' || c == u'-' || c == u'\x2014' || c == u'\x2013') {
            --i;
            continue;
        }
        return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u'\x201D' || c == u'\x2019';
    }
    return true;
}

bool hasLowerCaseWord(const QString &text, const QString &word)
{
    qsizetype from = 0;
    while ((from = text.indexOf(word, from)) >= 0) {
        const qsizetype end = from + word.size();
        const bool leftOk = from == 0 || !text.at(from - 1).isLetterOrNumber();
        const bool rightOk = end >= text.size() || !text.at(end).isLetterOrNumber();
        if (leftOk && rightOk)
            return true;
        from = end;
    }
    return false;
}

} // namespace

QString toString(Measure m)
{
    switch (m) {
    case Measure::Country:
        return QStringLiteral("Country (span + code)");
    case Measure::SpeakerNames:
        return QStringLiteral("Speaker name mentions");
    case Measure::Speakers:
        return QStringLiteral("Speaker mentions (all)");
    case Measure::Quotes:
        return QStringLiteral("Quotes (overlap)");
    case Measure::Attribution:
        return QStringLiteral("Quote attribution");
    case Measure::Events:
        return QStringLiteral("Events (lenient)");
    }
    return QString();
}

QString key(Measure m)
{
    switch (m) {
    case Measure::Country:
        return QStringLiteral("country");
    case Measure::SpeakerNames:
        return QStringLiteral("speaker_names");
    case Measure::Speakers:
        return QStringLiteral("speakers");
    case Measure::Quotes:
        return QStringLiteral("quotes");
    case Measure::Attribution:
        return QStringLiteral("attribution");
    case Measure::Events:
        return QStringLiteral("events");
    }
    return QString();
}

bool Evaluation::isNameMention(const QString &mention, qint64 start, const Document *doc)
{
    const QStringList words = mention.split(QChar(u' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return false;
    const QString first = words.first().toLower();
    if (pronouns().contains(first) && words.size() == 1)
        return false;
    if (determiners().contains(first) || !startsUpper(words.first()) || !startsUpper(words.last()))
        return false;
    for (const QString &w : words) {
        if (!startsUpper(w) && !nameParticles().contains(w.toLower()))
            return false;
    }
    if (doc && words.size() == 1 && atSentenceStart(*doc, start) && hasLowerCaseWord(doc->text(), words.first().toLower()))
        return false;
    return true;
}

Scores Evaluation::score(const AnnotationData &gold, const AnnotationData &predicted, const Document *doc)
{
    Scores s;
    using CountryKey = std::tuple<qint64, qint64, QString>;
    auto countries = [](const AnnotationData &d) {
        std::vector<CountryKey> out;
        for (const Annotation &a : live(d, Types::Country))
            out.emplace_back(a.start, a.end, a.attributes.value(Attr::Code).toUpper());
        return out;
    };
    s[Measure::Country] = exact(countries(gold), countries(predicted));

    auto speakers = [&](const AnnotationData &d, bool namesOnly) {
        std::vector<Span> out;
        for (const Annotation &a : live(d, Types::Speaker)) {
            if (!namesOnly || isNameMention(a.text, a.start, doc))
                out.emplace_back(a.start, a.end);
        }
        return out;
    };
    s[Measure::Speakers] = exact(speakers(gold, false), speakers(predicted, false));
    s[Measure::SpeakerNames] = exact(speakers(gold, true), speakers(predicted, true));

    const QList<Annotation> goldQuotes = live(gold, Types::Quote);
    const QList<Annotation> predictedQuotes = live(predicted, Types::Quote);
    s[Measure::Quotes] = lenient(goldQuotes, predictedQuotes);

    const auto goldSpeakers = speakerSpans(gold);
    const auto predictedSpeakers = speakerSpans(predicted);
    Score &attribution = s[Measure::Attribution];
    attribution.gold = goldQuotes.size();
    attribution.predicted = predictedQuotes.size();
    for (const Annotation &g : goldQuotes) {
        for (const Annotation &p : predictedQuotes) {
            if (linkedRight(p, g, predictedSpeakers, goldSpeakers)) {
                ++attribution.found;
                break;
            }
        }
    }
    for (const Annotation &p : predictedQuotes) {
        for (const Annotation &g : goldQuotes) {
            if (linkedRight(p, g, predictedSpeakers, goldSpeakers)) {
                ++attribution.correct;
                break;
            }
        }
    }
    s[Measure::Events] = lenient(live(gold, Types::Event), live(predicted, Types::Event));
    return s;
}

} // namespace annotator
