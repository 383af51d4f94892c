#include "eventrecognizer.h"

#include "analyzedtext.h"
#include "eventlexicon.h"
#include "lexicon.h"

#include <QHash>

#include <algorithm>
#include <bitset>
#include <initializer_list>

namespace annotator {

namespace {

using Lexicon = EventLexicon;
/// Every word of the small lists below gets a number; each list is a bit
/// set over those numbers, so a membership test is one bit test once a
/// token's number is known (looked up once per token, only when asked).
class Vocabulary
{
public:
    static Vocabulary &instance()
    {
        static Vocabulary v;
        return v;
    }
    int intern(const QString &lower)
    {
        auto it = m_ids.constFind(lower);
        if (it != m_ids.constEnd())
            return it.value();
        const int id = int(m_ids.size());
        m_ids.insert(lower, id);
        return id;
    }
    int find(const QString &lower) const { return m_ids.value(lower, -1); }

private:
    QHash<QString, int> m_ids;
};

constexpr int maxVocabulary = 1024;

class WordSet
{
public:
    WordSet(std::initializer_list<const char *> words)
    {
        for (const char *w : words) {
            const int id = Vocabulary::instance().intern(QString::fromUtf8(w).toLower());
            Q_ASSERT(id < maxVocabulary);
            m_bits.set(size_t(id));
        }
    }
    bool has(int id) const { return id >= 0 && m_bits.test(size_t(id)); }

private:
    std::bitset<maxVocabulary> m_bits;
};

// Words that open a noun phrase: a noun after them is specific.
// ("that" is left out: far more often it introduces a clause.)
const WordSet determiners = {"the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
                           "last", "next", "each", "every", "another", "some", "both", "whose", "which", "what", "such"};
// Words that end a noun phrase to the left: prepositions, conjunctions, verbs
// of being and the like. A noun right after them has no specifier.
const WordSet phraseStops = {"of", "in", "on", "at", "for", "with", "by", "to", "from", "into", "about", "after", "before", "during", "since",
                           "until", "over", "against", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has",
                           "have", "had", "as", "than", "like", "between", "among", "under", "without", "through", "via", "amid",
                           "despite", "not", "no", "more", "most", "less", "fewer", "many", "much", "all", "other", "new"};
// Before a word that is noun and verb alike, these make it the verb.
const WordSet verbContext = {"to", "will", "would", "shall", "can", "could", "may", "might", "must", "should", "did", "do", "does", "not",
                           "never", "they", "we", "i", "you", "he", "she", "who"};
const WordSet modals = {"to", "will", "would", "shall", "can", "could", "may", "might", "must", "should", "did", "do", "does"};
// After these an -ing form is the happening itself ("was recalling", "by starting").
const WordSet ingContext = {"is", "are", "was", "were", "be", "been", "being", "after", "before", "by", "since", "while", "from", "of", "'re"};
// Words after "to" that make a bare verb scheduled, not wished ("is due to visit").
const WordSet scheduled = {"due", "set", "scheduled", "planned", "plans", "plan", "planning", "going", "poised", "slated", "agreed", "expected",
                          "agrees", "decided", "decides"};
// "meet its obligations" is not a meeting.
const WordSet meetObjects = {"obligations", "obligation", "targets", "target", "demand", "demands", "needs", "deadline", "requirements",
                           "commitments", "standards", "criteria", "expectations", "goals", "goal", "costs", "conditions"};
// A trigger noun followed by one of these is a modifier, not the happening.
const WordSet modifiees = {"crimes", "crime", "criminal", "criminals", "zone", "zones", "chest", "machine", "rhetoric", "room", "plan", "plans",
                         "threat", "threats", "fears", "fear", "risk", "risks", "policy", "policies", "regime", "rules", "law", "laws",
                         "footage", "correspondent", "reporter", "reporters", "veteran", "veterans", "memorial", "anniversary", "helicopter",
                         "helicopters", "aircraft", "submarine", "submarines", "dog", "dogs", "ad", "ads", "changer", "defences", "defenses",
                         "plain", "insurance", "bonds", "fund", "funds", "effort", "efforts", "cabinet", "strategy", "doctrine", "games",
                         "bill", "bills", "legislation", "proposal", "commission", "committee", "board", "monitors", "observers",
                         "officials", "authorities", "council", "team", "negotiator", "negotiators", "chief", "chiefs", "observation",
                         "monitoring", "mission", "box", "boxes", "paper", "papers", "siren", "sirens", "shelter", "shelters", "warning",
                         "warnings", "alert", "alerts"};
// What may follow an "ambiguous bare" noun (final, friendly, call): anything
// else after it makes it an adjective or a verb.
const WordSet bareFollowers = {"at", "in", "on", "against", "of", "between", "with", "and", "or", "but", "was", "is", "were", "are", "will",
                             "would", "had", "has", "have", "that", "which", "from", "to", "after", "before", "when", "where", "since",
                             "last", "this", "over", "versus", "vs", "by", "as", "lasted", "ended", "took", "came", "went", "began", "begins",
                             "started", "starts", "ends", "continued", "resumed", "collapsed", "stalled", "broke", "kicked", "itself",
                             "erupted", "raged", "intensified", "spread", "flared", "escalated", "subsided", "eased", "stopped",
                             "continues", "rages", "killed", "left", "north", "south", "east", "west", "may", "might", "could",
                             "can", "should", "must", "did", "does"};
const WordSet ordinals = {"first", "second", "third", "fourth", "fifth", "last", "next", "final", "opening", "latest", "new", "major",
                        "big", "surprise", "early", "late", "weekly", "daily", "brief", "lengthy", "upcoming", "second-round"};
// Cues that make a happening hypothetical, feared, wished or avoided.
const WordSet hypotheticalCues = {"would", "could", "might", "should", "unless", "if", "whether", "without", "avoid", "avoided", "avoiding",
                                "avert", "averted", "averting", "prevent", "prevented", "preventing", "threat", "threats", "threaten",
                                "threatened", "threatening", "threatens", "risk", "risks", "risking", "fear", "fears", "feared",
                                "possible", "possibility", "potential", "any", "consider", "considering", "weigh", "weighing", "weighs",
                                "mull", "mulling", "urge", "urged", "urging", "urges", "demand", "demanded", "demanding", "demands",
                                "propose", "proposed", "proposing", "proposal", "hypothetical", "prospect", "prospects", "want", "wants",
                                "wanted", "seek", "seeks", "seeking", "sought", "refuse", "refused", "refuses", "refusing", "fail",
                                "failed", "fails", "imagine", "escalate", "escalating", "spiral", "spill", "offer",
                                "offered", "offers", "offering", "become", "becomes", "becoming", "spiralling", "spiraling", "spirals", "spiralled", "overdue", "must", "oppose", "opposed", "opposes", "opposing", "willing", "ready", "discuss",
                                "discussing", "push", "pushing", "pushed", "press", "pressing", "pressed", "hope", "hopes", "hoping", "aim",
                                "aims", "aiming", "broker", "brokering", "secure", "securing", "reach", "reaching"};
// Cues that say nothing about a happening named by a definite noun phrase:
// "if the tariffs stay", "urged Moscow to halt the invasion".
const WordSet prospectiveCues = {"if", "unless", "whether", "consider", "considering", "weigh", "weighing", "weighs", "mull", "mulling",
                                 "urge", "urged", "urging", "urges", "demand", "demanded", "demanding", "demands", "propose", "proposed",
                                 "proposing", "proposal", "want", "wants", "wanted", "seek", "seeks", "seeking", "sought", "offer",
                                 "offered", "offers", "offering", "willing", "ready", "discuss", "discussing", "push", "pushing", "pushed",
                                 "press", "pressing", "pressed", "hope", "hopes", "hoping", "aim", "aims", "aiming", "broker", "brokering",
                                 "secure", "securing", "reach", "reaching", "fail", "failed", "fails", "refuse", "refused", "refuses",
                                 "refusing", "avoid", "avoided", "avoiding", "prevent", "prevented", "preventing", "escalate",
                                 "escalating", "oppose", "opposed", "opposes", "opposing"};
const WordSet negations = {"not", "never", "no", "nor", "neither", "cannot"};
const WordSet clauseWords = {"but", "while", "although", "though", "because", "whereas", "when", "which", "who", "where", "and", "as",
                           "after", "before", "since", "until"};
const WordSet timeUnits = {"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring", "summer", "autumn",
                         "fall", "winter", "season", "decade", "century", "quarter"};
const WordSet weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const WordSet months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                      "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
const WordSet monthLead = {"in", "last", "next", "early", "late", "mid", "since", "until", "by", "this", "on", "from", "of"};

// Small word lists used once each.
const WordSet kNoIdioms = {"matter", "doubt", "longer", "sooner"};
const WordSet kGapWords = {"more", "new", "all"};
const WordSet kFutureWords = {"next", "tomorrow", "later"};
const WordSet kDefinite = {"the", "this", "these", "that", "those"};
const WordSet kIndefinite = {"a", "an"};
const WordSet kCallForms = {"call", "calls", "called", "calling"};
const WordSet kFor = {"for"};
const WordSet kQuantityAdjectives = {"great", "good"};
const WordSet kOf = {"of"};
const WordSet kIdiomNouns = {"interest", "interests", "words"};
const WordSet kAbout = {"about"};
const WordSet kPossibilityModals = {"would", "could", "might", "must", "should", "can", "cannot"};
const WordSet kClauseVerbs = {"had", "has", "have", "is", "was", "are", "were", "that", "which", "who", "said"};
const WordSet kHabitual = {"rarely", "seldom", "always", "usually", "often", "tend", "tends", "never", "typically", "generally"};
const WordSet kAgreeFollowers = {"to", "on", "a", "an", "the", "terms", "deal"};
const WordSet kBe = {"be"};
const WordSet kTo = {"to"};
const WordSet kObjectDeterminers = {"its", "their", "his", "her", "the", "a", "an"};
const WordSet kAuxiliaries = {"was", "were", "been", "be", "being", "is", "are", "had", "has", "have"};
const WordSet kPronounSubjects = {"he", "she", "it"};
const WordSet kAdverbs = {"also", "then", "now", "soon", "likely", "probably", "first", "again"};
const WordSet kFuture = {"will", "shall", "'ll"};
const WordSet kWould = {"would"};
const WordSet kDeicticDays = {"yesterday", "today", "tonight", "tomorrow"};
const WordSet kTimeDeterminers = {"this", "last", "next", "earlier", "later"};
const WordSet kRelativeTime = {"earlier", "later"};
const WordSet kNearTime = {"this", "last", "next"};
const WordSet kOn = {"on"};
const WordSet kIn = {"in"};
const WordSet kArgumentPrepositions = {"of", "on", "against", "in", "into", "with", "between", "by", "from", "over", "to", "for", "across"};
const WordSet kAnd = {"and"};
const WordSet kNo = {"no"};
const WordSet kAny = {"any"};
const WordSet kAt = {"at"};
const WordSet kBeForms = {"is", "are", "was", "were", "be", "been", "being"};
// "attacked the plan", "an attack on the government's record": criticism.
const WordSet kDiscourseObjects = {"plan", "plans", "policy", "policies", "decision", "decisions", "proposal", "proposals", "remarks",
                                   "comments", "budget", "record", "idea", "ideas", "critics", "media", "press", "bill", "reforms",
                                   "reform", "approach", "stance", "leadership", "speech", "statement", "claims", "opponents",
                                   "rival", "rivals", "handling", "response", "strategy", "views", "credibility"};
const WordSet kPredictionModals = {"will", "would", "could", "might", "may", "'ll"};
const WordSet kRuleForms = {"rule", "rules", "ruled", "ruling"};
const WordSet kOut = {"out"};
const WordSet kPossessivePronouns = {"its", "their", "his", "her", "our", "my", "your"};
const WordSet kPresentCopula = {"is", "are"};
const WordSet kFurther = {"further", "more", "new", "fresh", "additional"};
const WordSet kCopula = {"is", "was", "are", "were", "seems", "seemed", "looks", "looked", "remains", "remained"};
const WordSet kLikelihood = {"possible", "likely", "unlikely", "probable", "improbable", "conceivable", "imminent"};
// "a flood of refugees", "a storm of criticism"
const WordSet kMetaphorDisasters = {"flood", "floods", "storm", "storms", "tsunami", "avalanche", "hurricane"};
const WordSet kObligation = {"has", "have", "needs", "need"};
const WordSet kWithBetween = {"with", "between"};
const WordSet kThat = {"that"};
const WordSet kTimePrepositions = {"on", "in", "during", "since"};
const WordSet kSettingPrepositions = {"in", "at", "during", "after", "before", "from", "amid", "following", "of"};
const WordSet kParticles = {"down", "up"};
const WordSet kRounds = {"round", "rounds", "series", "wave", "waves", "spate", "string"};

struct Mention {
    std::int32_t first = 0;
    std::int32_t last = 0; // exclusive
    int trigger = 0;
    int classId = 0;
    bool indefinite = false; // "an earthquake": introduces a new happening
    std::vector<int> countries; // indices into the text's country codes
    int year = 0;
    QString time;
};

struct Cluster {
    int classId = 0;
    std::vector<int> countries;
    int year = 0;
    QString time;
    int mentions = 0;
    int bodyMentions = 0; // mentions outside headlines
    qsizetype entity = 0; // index into Recognition::entities
    QString name;
};

/// The state of one run over one text.
class Scan
{
public:
    Scan(const Lexicon &lexicon, const AnalyzedText &text, Recognition &out)
        : m_lex(lexicon)
        , m_text(text)
        , m_out(out)
    {
    }

    void run();
    /// Writes each event entity's time and countries.
    void finish();

private:
    // Token helpers; all accept out-of-range indices.
    bool word(qsizetype i) const { return m_text.isWord(i); }
    QStringView view(qsizetype i) const { return i >= 0 && i < m_text.size() ? m_text.view(i) : QStringView(); }
    bool is(qsizetype i, const WordSet &words) const { return words.has(wordId(i)); }
    int wordId(qsizetype i) const;
    bool isKind(qsizetype i, TokenKind k) const { return i >= 0 && i < m_text.size() && m_text.token(i).kind == k; }
    bool lowerWord(qsizetype i) const { return word(i) && !m_text.token(i).is(TokenFlag::Capitalized) && m_text.view(i).at(0).isLetter(); }
    bool joinedHyphen(qsizetype i) const
    {
        return isKind(i, TokenKind::Punct) && m_text.token(i).length() == 1 && AnalyzedText::isDash(m_text.text().at(m_text.token(i).start))
            && !m_text.token(i).is(TokenFlag::SpaceBefore) && !m_text.token(i).is(TokenFlag::SpaceAfter);
    }
    bool sameSentence(qsizetype a, qsizetype b) const
    {
        return a >= 0 && b >= 0 && a < m_text.size() && b < m_text.size() && m_text.token(a).sentence == m_text.token(b).sentence;
    }
    bool clauseBoundary(qsizetype i) const;
    bool headline(qsizetype i) const { return m_headline[size_t(m_text.token(i).paragraph)]; }
    bool negationWord(qsizetype i) const;

    void prepare();
    bool matches(const Lexicon::Surface &s, qsizetype i, qsizetype &end) const;
    qsizetype nameStart(qsizetype i) const;
    int wordNetAt(qsizetype i) const;
    bool genericSubject(qsizetype i, qsizetype end) const;
    bool accept(const Lexicon::Surface &s, qsizetype i, qsizetype end, bool alsoVerb) const;
    bool acceptNoun(const Lexicon::Trigger &t, qsizetype i, qsizetype end, bool alsoVerb) const;
    bool acceptVerb(const Lexicon::Surface &s, const Lexicon::Trigger &t, qsizetype i, qsizetype end) const;
    bool hasSpecifier(qsizetype i) const;
    bool nounTriggerAt(qsizetype i) const;
    bool criticism(qsizetype end) const;
    bool hypothetical(qsizetype i, bool verb, bool adjectival) const;
    bool futureTime(qsizetype i) const;
    qsizetype timeAt(qsizetype k, int &year) const;
    void findTime(Mention &m) const;
    void findCountries(Mention &m, bool verb) const;
    void addCountry(Mention &m, qsizetype k) const;
    void link(Mention &m);

    const Lexicon &m_lex;
    const AnalyzedText &m_text;
    Recognition &m_out;
    std::vector<std::int16_t> m_country; // per token: index into m_codes, or -1
    std::vector<bool> m_headline; // per paragraph
    QStringList m_codes;
    mutable std::vector<std::int16_t> m_wordIds; // per token: vocabulary number, -1 none, -2 not looked up yet
    mutable QString m_buffer; // reused for lower-casing
    mutable QString m_nextBuffer;
    std::vector<Cluster> m_clusters;
    std::vector<std::vector<int>> m_byClass; // cluster indices per class, in order of creation
    std::vector<int> m_main; // per class: the cluster with most mentions, or -1
};

void lowerInto(QStringView w, QString &out)
{
    out.resize(w.size());
    QChar *dst = out.data();
    for (qsizetype k = 0; k < w.size(); ++k) {
        const char16_t c = w.at(k).unicode();
        dst[k] = c < 128 ? QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c) : (c == 0x2019 ? QChar(u'\'') : w.at(k).toLower());
    }
}

int Scan::wordId(qsizetype i) const
{
    if (i < 0 || i >= m_text.size())
        return -1;
    std::int16_t &id = m_wordIds[size_t(i)];
    if (id == -2) {
        const Token &t = m_text.token(i);
        id = -1;
        if ((t.kind == TokenKind::Word || t.kind == TokenKind::Possessive) && t.length() <= 20) {
            lowerInto(m_text.view(i), m_buffer);
            id = std::int16_t(Vocabulary::instance().find(m_buffer));
        }
    }
    return id;
}

bool Scan::clauseBoundary(qsizetype i) const
{
    const Token &t = m_text.token(i);
    if (t.kind == TokenKind::Quote || t.kind == TokenKind::Markup)
        return false;
    if (t.kind == TokenKind::Punct) {
        const QChar c = m_text.text().at(t.start);
        if (AnalyzedText::isDash(c))
            return !joinedHyphen(i);
        return c == u',' || c == u';' || c == u':' || c == u'(' || c == u')' || c == u'.' || c == u'?' || c == u'!';
    }
    return is(i, clauseWords);
}

bool Scan::negationWord(qsizetype i) const
{
    if (!word(i))
        return false;
    const QStringView w = m_text.view(i);
    if (w.endsWith(QLatin1StringView("n't"), Qt::CaseInsensitive) || w.endsWith(u"n\u2019t", Qt::CaseInsensitive))
        return true;
    if (!is(i, negations))
        return false;
    // "no matter how", "no doubt", "no longer" do not negate what follows,
    // nor does "no" inside a compound ("a no-confidence motion").
    return !(is(i, kNo) && (is(i + 1, kNoIdioms) || joinedHyphen(i + 1)));
}

void Scan::prepare()
{
    const qsizetype n = m_text.size();
    m_country.assign(size_t(n), -1);
    m_wordIds.assign(size_t(n), -2);
    m_buffer.reserve(64);
    for (const Annotation &a : std::as_const(m_out.annotations)) {
        if (a.type != Types::Country)
            continue;
        const auto start = std::int32_t(m_text.offsets().toUtf16(a.start));
        const auto end = std::int32_t(m_text.offsets().toUtf16(a.end));
        const QString c = a.attributes.value(Attr::Code);
        if (c.isEmpty())
            continue;
        qsizetype code = m_codes.indexOf(c);
        if (code < 0) {
            m_codes.append(c);
            code = m_codes.size() - 1;
        }
        for (qsizetype k = m_text.tokenAt(start); k < n && m_text.token(k).start < end; ++k)
            m_country[size_t(k)] = std::int16_t(code);
    }
    // A headline is a short line without closing punctuation; headlines drop
    // articles ("Ministers strike deal") and use the present for the past.
    const auto &paragraphs = m_text.paragraphs();
    m_headline.assign(paragraphs.size(), false);
    for (size_t p = 0; p < paragraphs.size(); ++p) {
        const TokenRange &r = paragraphs[p];
        if (r.last - r.first > 20 || r.last <= r.first)
            continue;
        qsizetype k = r.last - 1;
        while (k > r.first && (isKind(k, TokenKind::Markup) || isKind(k, TokenKind::Quote)))
            --k;
        const Token &t = m_text.token(k);
        const QChar c = m_text.text().at(t.start);
        m_headline[p] = !(t.kind == TokenKind::Punct && (c == u'.' || c == u'?' || c == u'!' || c == u':' || c == u','));
    }
}

bool Scan::matches(const Lexicon::Surface &s, qsizetype i, qsizetype &end) const
{
    if (s.exactCase && m_text.view(i) != s.first)
        return false;
    const Token &first = m_text.token(i);
    qsizetype j = i + 1;
    bool gapUsed = false;
    for (const QString &w : s.rest) {
        if (s.allowGap && !gapUsed) {
            gapUsed = true;
            qsizetype g = 0;
            while (g < 5 && j < m_text.size() && m_text.view(j).compare(w, Qt::CaseInsensitive) != 0
                   && (isKind(j, TokenKind::Number) || is(j, determiners) || (lowerWord(j) && !is(j, phraseStops)) || is(j, kGapWords)
                       || m_country[size_t(j)] >= 0 || (isKind(j, TokenKind::Possessive) && m_country[size_t(j - 1)] >= 0)
                       || m_text.isPunct(j, u'$') || m_text.isPunct(j, QChar(0x00A3)) || m_text.isPunct(j, QChar(0x20AC)))) {
                ++j;
                ++g;
            }
        }
        if (j >= m_text.size() || m_text.token(j).paragraph != first.paragraph)
            return false;
        const Token &t = m_text.token(j);
        if (w == u"-") {
            if (!joinedHyphen(j))
                return false;
        } else if (w == u"'s") {
            if (t.kind != TokenKind::Possessive)
                return false;
        } else if (w == u"*") {
            if (t.kind != TokenKind::Word || !t.is(TokenFlag::Capitalized))
                return false;
        } else if (w == u"#") {
            if (t.kind != TokenKind::Number)
                return false;
        } else {
            if (t.kind != TokenKind::Word && t.kind != TokenKind::Number)
                return false;
            if (m_text.view(j).compare(w, s.exactCase ? Qt::CaseSensitive : Qt::CaseInsensitive) != 0)
                return false;
        }
        ++j;
    }
    end = j;
    return true;
}

/// Where a name written "* Open" or "* Games" starts: over the capitalised
/// words and numbers right before it, in its sentence; -1 when the word it
/// needs is not there ("the Open", "Open borders").
qsizetype Scan::nameStart(qsizetype i) const
{
    const qsizetype prev = i - 1;
    if (!sameSentence(prev, i))
        return -1;
    const bool capital = word(prev) && m_text.token(prev).is(TokenFlag::Capitalized) && !is(prev, determiners)
        && m_text.view(prev).at(0).isLetter();
    if (!capital && !isKind(prev, TokenKind::Number))
        return -1;
    qsizetype k = prev;
    while (k > i - 5 && sameSentence(k - 1, i)
           && (isKind(k - 1, TokenKind::Number)
               || (word(k - 1) && m_text.token(k - 1).is(TokenFlag::Capitalized) && !is(k - 1, determiners)
                   && !m_text.token(k - 1).is(TokenFlag::SentenceStart))))
        --k;
    return k;
}

/// The WordNet noun.event trigger at token @p i when it stands between a
/// definite determiner or possessor and a time ("the stampede on Saturday",
/// "the blackout last week"), else -1.
int Scan::wordNetAt(qsizetype i) const
{
    if (!lowerWord(i) || !sameSentence(i + 1, i))
        return -1;
    const qsizetype prev = i - 1;
    if (!(is(prev, kDefinite) || is(prev, kPossessivePronouns) || isKind(prev, TokenKind::Possessive)))
        return -1;
    int year = 0;
    const qsizetype next = i + 1;
    if (!(timeAt(next, year) >= 0 || (is(next, kTimePrepositions) && sameSentence(next + 1, i) && timeAt(next + 1, year) >= 0)))
        return -1;
    lowerInto(m_text.view(i), m_nextBuffer);
    return m_lex.wordNetEvent(m_nextBuffer);
}

/// "Tariffs hurt the countries that impose them": a bare plural opening a
/// sentence or clause before a verb in the simple present, with no date in sight, is
/// a generic statement ("Talks resume on Monday" keeps its date).
bool Scan::genericSubject(qsizetype i, qsizetype end) const
{
    static const QSet<QString> baseVerbs = [] {
        QSet<QString> out;
        for (const QStringList &row : annotator::Lexicon::table(QStringLiteral("wn-verb.tsv"))) {
            if (row.size() >= 2 && row.at(0) == row.at(1) && !row.at(0).contains(u' ') && !row.at(0).contains(u'_'))
                out.insert(row.at(0));
        }
        return out;
    }();
    const Token &t = m_text.token(i);
    const bool clauseStart = t.is(TokenFlag::SentenceStart) || is(i - 1, clauseWords) || is(i - 1, kThat);
    if (!clauseStart || headline(i) || !lowerWord(end) || !sameSentence(end, i) || is(end, bareFollowers)
        || is(end, phraseStops) || view(end).endsWith(QLatin1StringView("ed")))
        return false;
    lowerInto(view(end), m_nextBuffer);
    if (!baseVerbs.contains(m_nextBuffer))
        return false;
    return !futureTime(i);
}

bool Scan::hasSpecifier(qsizetype i) const
{
    for (qsizetype k = i - 1; k >= i - 6 && k >= 0; --k) {
        const Token &t = m_text.token(k);
        if (!sameSentence(k, i))
            return false;
        if (t.kind == TokenKind::Possessive || t.kind == TokenKind::Number || m_country[size_t(k)] >= 0)
            return true;
        if (t.kind == TokenKind::Markup || t.kind == TokenKind::Quote)
            continue;
        if (t.kind == TokenKind::Punct) {
            // "[debate](#)": Markdown link brackets are transparent.
            if (joinedHyphen(k) || m_text.isPunct(k, u'['))
                continue;
            return false;
        }
        const QStringView w = m_text.view(k);
        if (is(k, determiners))
            return true;
        // "a no-confidence motion": the first part of a compound modifier.
        if (joinedHyphen(k + 1))
            continue;
        if (t.is(TokenFlag::Capitalized) && !t.is(TokenFlag::SentenceStart))
            return true;
        if (is(k, phraseStops) || is(k, verbContext) || is(k, kClauseVerbs) || w.endsWith(QLatin1StringView("ing")))
            return false;
    }
    return false;
}

bool Scan::nounTriggerAt(qsizetype i) const
{
    lowerInto(m_text.view(i), m_nextBuffer);
    if (const std::vector<Lexicon::Surface> *surfaces = m_lex.find(m_nextBuffer)) {
        for (const Lexicon::Surface &s : *surfaces) {
            if (s.rest.isEmpty() && (s.form == Lexicon::Form::Singular || s.form == Lexicon::Form::Plural))
                return true;
        }
    }
    return false;
}

bool Scan::futureTime(qsizetype i) const
{
    const TokenRange &s = m_text.sentences()[size_t(m_text.token(i).sentence)];
    const qsizetype from = std::max<qsizetype>(s.first, i - 15), to = std::min<qsizetype>(s.last, i + 15);
    for (qsizetype k = from; k < to; ++k) {
        if (is(k, kFutureWords) || (word(k) && m_text.token(k).is(TokenFlag::Capitalized) && (is(k, weekdays) || is(k, months))))
            return true;
    }
    return false;
}

bool Scan::hypothetical(qsizetype i, bool verb, bool adjectival) const
{
    bool would = false;
    // "If the tariffs stay": a definite noun phrase presupposes the happening.
    bool definite = false;
    qsizetype d = i - 1;
    if (!verb) {
        // The noun phrase's determiner, over numbers and modifiers ("the 2019 agreement").
        while (d > i - 7
               && (isKind(d, TokenKind::Number) || (lowerWord(d) && !is(d, determiners) && !is(d, phraseStops) && !is(d, hypotheticalCues))
                   || joinedHyphen(d) || (word(d) && joinedHyphen(d + 1)) || (d >= 0 && m_country[size_t(d)] >= 0)
                   || (word(d) && m_text.token(d).is(TokenFlag::Capitalized) && !m_text.token(d).is(TokenFlag::SentenceStart))))
            --d;
        definite = is(d, kDefinite) || is(d, kPossessivePronouns) || isKind(d, TokenKind::Possessive);
    }
    for (qsizetype k = i - 1, steps = 0; k >= 0 && steps < 8; --k, ++steps) {
        if (!sameSentence(k, i) || clauseBoundary(k))
            break;
        if (!word(k))
            continue;
        // "prevent a resolution of the conflict": the cue is about the head
        // noun, the happening after "of" is given; "threat of war" is not.
        if (is(k, kOf) && !is(k - 1, hypotheticalCues))
            break;
        if (negationWord(k)) {
            // "no attack", "did not attack"; "will not accept the detention"
            // negates the acceptance, not the detention.
            if ((is(k, kNo) && steps < 2) || (verb && steps < 3 && !adjectival))
                return true;
            // "is not a truce"
            if (!verb && ((steps == 1 && is(i - 1, kIndefinite)) || (k == d - 1 && is(d, kIndefinite))))
                return true; // "not a tit-for-tat escalation"
            continue;
        }
        if (adjectival)
            continue;
        // A modal is about the verb it governs: "would respect the decision".
        if (definite && (is(k, prospectiveCues) || is(k, kPredictionModals) || is(k, kPossibilityModals)))
            continue;
        if (is(k, hypotheticalCues)) {
            if (is(k, kWould)) {
                would = true;
                continue;
            }
            if (is(k, kAny) && steps > 2)
                continue;
            return true;
        }
        // "calls for a ceasefire", "ruled out an invasion"
        if ((is(k, kCallForms) && is(k + 1, kFor)) || (is(k, kRuleForms) && is(k + 1, kOut)))
            return true;
    }
    // Reported future ("said he would visit next week") is scheduled.
    return would && !futureTime(i);
}

bool Scan::acceptNoun(const Lexicon::Trigger &t, qsizetype i, qsizetype end, bool alsoVerb) const
{
    const qsizetype prev = i - 1;
    const bool head = headline(i);
    if (alsoVerb && is(prev, verbContext))
        return false;
    if (is(prev, kQuantityAdjectives))
        return false; // "a great deal"
    if (is(end, kOf) && is(end + 1, kIdiomNouns))
        return false; // "conflict of interest", "war of words"
    if (lowerWord(end) && is(end, modifiees))
        return false;
    // "Court strikes down the limits": a verb with its particle.
    if (is(end, kParticles) && !m_text.token(i).is(TokenFlag::Capitalized))
        return false;
    // "were flooding the market": a progressive verb.
    if (view(i).endsWith(QLatin1StringView("ing")) && is(prev, kBeForms))
        return false;
    if (t.text == QLatin1StringView("talks") && is(end, kAbout))
        return false; // "everyone talks about"
    if (is(i, kMetaphorDisasters) && is(end, kOf))
        return false; // "a flood of supply"
    // "fans flood social media": after a bare plural and before an object
    // the word is a verb.
    if (lowerWord(prev) && view(prev).endsWith(u's') && !view(prev).endsWith(QLatin1StringView("ss")) && !is(prev, determiners)
        && !is(prev, phraseStops) && !isKind(prev - 1, TokenKind::Possessive) && !is(prev - 1, determiners) && lowerWord(end) && !is(end, phraseStops) && !is(end, bareFollowers) && !is(end, modals))
        return false;
    // "strike deal", "election campaign": a trigger right before another
    // trigger noun is a verb or a modifier; the second one names the happening.
    if (lowerWord(end) && nounTriggerAt(end))
        return false;
    // "A defeat would be ...": an indefinite happening under a modal.
    // "It is a victory on paper": a predicate noun classifies, it names no happening.
    {
        qsizetype d = prev;
        for (int m = 0; m < 3 && lowerWord(d) && !is(d, determiners) && !is(d, kThat) && !is(d, phraseStops); ++m)
            --d; // "is a genuine legal victory"
        if (is(d, kIndefinite) && is(d - 1, kBeForms))
            return false;
    }
    // "There will be a war": a prediction, not a schedule.
    if (is(prev, kIndefinite) && is(prev - 1, kBe) && is(prev - 2, kPredictionModals))
        return false;
    // "Further strikes would follow", "a rate cut was possible".
    if (is(prev, kIndefinite) || is(prev, kFurther) || ((is(prev - 1, kIndefinite) || is(prev - 1, kFurther)) && lowerWord(prev))) {
        for (qsizetype k = end; k < end + 8 && k < m_text.size() && sameSentence(k, i) && !clauseBoundary(k); ++k) {
            if (is(k, kPossibilityModals) || (is(k, kObligation) && is(k + 1, kTo)))
                return false; // "a ceasefire has to bind both sides"
            if (is(k, kCopula) && is(k + 1, kLikelihood))
                return false;
            if (is(k, kClauseVerbs))
                break; // a relative clause of its own
        }
    }
    // "Sanctions won't solve problems": a bare plural with a habitual or
    // negated predicate is a generic statement.
    // So is a bare noun with a present copula ("war is bad for business").
    // "Job cuts were not planned": a bare noun with a negated copula.
    // A habitual predicate makes even a headline generic ("Why trade wars
    // rarely end well").
    // "the next round of consultations", "a series of confrontations": the
    // round makes it specific.
    const bool round = is(prev, kOf) && is(prev - 1, kRounds);
    if (!hasSpecifier(i) && !round && !is(prev, kIndefinite)
        && ((!headline(i) && (negationWord(end) || is(end, kPresentCopula) || (is(end, kAuxiliaries) && negationWord(end + 1))))
            || is(end, kHabitual))) {
        return false;
    }
    if (t.flags & Lexicon::NeedsPossessor) {
        if (!(isKind(prev, TokenKind::Possessive) || (prev >= 0 && m_country[size_t(prev)] >= 0)))
            return false;
    }
    if (t.flags & Lexicon::AmbiguousBare) {
        if (m_text.token(i).is(TokenFlag::Capitalized) && !m_text.token(i).is(TokenFlag::SentenceStart))
            return false; // "March" the month
        // "the final", "her third call", "a W.T.O. ruling", "the panel ruling"
        const bool det = isKind(prev, TokenKind::Possessive) || is(prev, determiners)
            || ((is(prev, ordinals) || isKind(prev, TokenKind::Number) || (prev >= 0 && m_country[size_t(prev)] >= 0)
                 || (word(prev) && m_text.token(prev).is(TokenFlag::Capitalized)))
                && (isKind(prev - 1, TokenKind::Possessive) || is(prev - 1, determiners)));
        if (!det)
            return false;
    }
    if (t.flags & Lexicon::AdjectiveToo) {
        if (lowerWord(end) && sameSentence(end, i) && !is(end, bareFollowers) && !is(end, determiners))
            return false;
    }
    // "meetings with ministers", "clashes between rival groups": named
    // participants make a happening specific without a determiner.
    // Only right after a preposition: "sign sensible agreements with your
    // neighbours" stays generic.
    const bool participants = is(prev, kSettingPrepositions) && is(end, kWithBetween) && sameSentence(end + 1, i)
        && ((word(end + 1) && !is(end + 1, phraseStops) && !is(end + 1, modals)) || (end + 1 < m_text.size() && m_country[size_t(end + 1)] >= 0));
    if ((t.flags & Lexicon::NeedsSpecifier) && !head && !participants && !round && !hasSpecifier(i))
        return false;
    return !hypothetical(i, false, false);
}

bool Scan::acceptVerb(const Lexicon::Surface &s, const Lexicon::Trigger &t, qsizetype i, qsizetype end) const
{
    const qsizetype prev = i - 1;
    const bool head = headline(i);
    const bool phrase = !s.rest.isEmpty();
    Lexicon::Form form = s.form;
    // "to beat", "will cut": a past form that is also the bare form.
    if (form == Lexicon::Form::Past && is(prev, modals))
        form = Lexicon::Form::Base;
    // "March 14": a month, not a verb.
    if (m_text.token(i).is(TokenFlag::Capitalized) && is(i, months))
        return false;
    if (t.text == QLatin1StringView("agree") && !is(end, kAgreeFollowers))
        return false; // "agreed that" reports speech
    if (t.text == QLatin1StringView("meet") && (is(end, meetObjects) || is(end + 1, meetObjects)))
        return false;
    // After a determiner or a possessor only a participle can be a verb form
    // ("Europe's sanctions debate", but "the seized tanker").
    if (form != Lexicon::Form::Past && (isKind(prev, TokenKind::Possessive) || is(prev, determiners)))
        return false;
    // "can be deployed on any phone": a passive under a modal of possibility
    // says what may happen ("will be deployed" stays scheduled).
    if (form == Lexicon::Form::Past && is(prev, kBe) && is(prev - 1, kPossibilityModals))
        return false;
    // "has to be approved": an infinitive passive is still to happen.
    if (form == Lexicon::Form::Past && is(prev, kBe) && is(prev - 1, kTo) && !is(prev - 2, scheduled))
        return false;
    bool adjectival = false;
    switch (form) {
    case Lexicon::Form::Past:
        // "the occupied territories": a participle used as an adjective is
        // a state, unless nothing but the noun follows ("seized tanker").
        if (is(prev, determiners) && lowerWord(end) && !phrase)
            return false;
        adjectival = lowerWord(end) && !is(end, phraseStops) && !is(end, kObjectDeterminers) && !phrase
            && !is(prev, kAuxiliaries);
        break;
    case Lexicon::Form::ThirdPerson:
        if (!head && !phrase && !(word(prev) && (m_text.token(prev).is(TokenFlag::Capitalized) || is(prev, kPronounSubjects)))
            && !(prev >= 0 && m_country[size_t(prev)] >= 0))
            return false;
        break;
    case Lexicon::Form::Ing: {
        // "..., killing at least 60 fighters": a participle clause reports it.
        const bool afterComma = m_text.isPunct(prev, u',') && (isKind(end, TokenKind::Number) || is(end, determiners) || is(end, kAt));
        if (!head && !phrase && !afterComma && !is(prev, ingContext) && !isKind(prev, TokenKind::Possessive))
            return false;
        // "visiting ministers": an adjective.
        if (!phrase && lowerWord(end) && !is(end, phraseStops) && !is(end, determiners) && !is(end, kPossessivePronouns))
            return false;
        break;
    }
    case Lexicon::Form::Base: {
        qsizetype k = prev;
        while (is(k, kAdverbs))
            --k;
        const bool future = is(k, kFuture);
        const bool due = is(k, kTo) && is(k - 1, scheduled);
        const bool reported = is(k, kWould) && futureTime(i);
        // Headlines: "Ministers strike deal", "X to merge with Y".
        const bool headlineVerb = head && word(prev) && (!is(prev, modals) || is(prev, kTo));
        if (!future && !due && !reported && !headlineVerb)
            return false;
        break;
    }
    default:
        break;
    }
    return !hypothetical(i, true, adjectival);
}

bool Scan::criticism(qsizetype end) const
{
    for (qsizetype k = end; k < end + 5 && k < m_text.size(); ++k) {
        if (is(k, kDiscourseObjects))
            return true;
        if (clauseBoundary(k) || is(k, kClauseVerbs))
            return false;
    }
    return false;
}

bool Scan::accept(const Lexicon::Surface &s, qsizetype i, qsizetype end, bool alsoVerb) const
{
    const Lexicon::Trigger &t = m_lex.trigger(s.trigger);
    if (t.text.startsWith(QLatin1StringView("attack")) && criticism(end))
        return false;
    // A country inside a noun or a name ("Paris 2024" aside) is a place in a
    // name; in a verb phrase it is the object ("summoned China's ambassador").
    for (qsizetype k = i; k < end && t.pos != Lexicon::PartOfSpeech::Verb; ++k) {
        if (m_country[size_t(k)] >= 0)
            return false;
    }
    if (t.pos != Lexicon::PartOfSpeech::Name) {
        // "the National Earthquake Monitoring Center": part of a name.
        const Token &first = m_text.token(i);
        if (first.is(TokenFlag::Capitalized) && !first.is(TokenFlag::SentenceStart) && !first.is(TokenFlag::LineStart) && !headline(i) && word(end)
            && m_text.token(end).is(TokenFlag::Capitalized) && sameSentence(end, i))
            return false;
        // "pro-war", "post-war", "war-torn": part of a compound modifier.
        // "pro-war", "post-war", "by-election" read from its middle: a
        // trigger never starts inside a hyphenated compound.
        if (joinedHyphen(i - 1))
            return false;
        if (joinedHyphen(end) && lowerWord(end + 1))
            return false;
    }
    switch (t.pos) {
    case Lexicon::PartOfSpeech::Name:
        // "Games consoles sold well": a one-word name opening a sentence
        // before a noun is that noun's modifier.
        if (end == i + 1 && m_text.token(i).is(TokenFlag::SentenceStart) && lowerWord(end) && !is(end, bareFollowers)
            && !is(end, phraseStops))
            return false;
        return !hypothetical(i, false, false);
    case Lexicon::PartOfSpeech::Noun:
        if ((s.form == Lexicon::Form::Plural || (t.flags & Lexicon::PluralOnly)) && genericSubject(i, end))
            return false;
        return acceptNoun(t, i, end, alsoVerb);
    case Lexicon::PartOfSpeech::Verb:
        return acceptVerb(s, t, i, end);
    }
    return false;
}

qsizetype Scan::timeAt(qsizetype k, int &year) const
{
    const Token &t = m_text.token(k);
    if (t.kind == TokenKind::Number) {
        const QStringView w = m_text.view(k);
        if (w.size() == 4) {
            bool ok = false;
            const int y = w.toInt(&ok);
            if (ok && y >= 1900 && y <= 2099) {
                year = y;
                return k + 1;
            }
        }
        return -1;
    }
    if (t.kind != TokenKind::Word)
        return -1;
    const QStringView w = m_text.view(k);
    // Only capitalised words (weekdays, months) and a few short lower-case
    // words (today, this, last, next, earlier, later) can start a time.
    if (!t.is(TokenFlag::Capitalized)) {
        const char16_t c = w.at(0).unicode();
        if (w.size() > 9 || !(c == u'y' || c == u't' || c == u'l' || c == u'n' || c == u'e'))
            return -1;
    }
    if (is(k, kDeicticDays))
        return k + 1;
    if (is(k, kTimeDeterminers)) {
        qsizetype j = k + 1;
        if (is(k, kRelativeTime) && is(j, kNearTime))
            ++j;
        if (is(j, timeUnits) && !isKind(j + 1, TokenKind::Possessive))
            return j + 1;
        if (word(j) && m_text.token(j).is(TokenFlag::Capitalized) && (is(j, weekdays) || is(j, months)))
            return j + 1;
        return -1;
    }
    if (!t.is(TokenFlag::Capitalized))
        return -1;
    if (is(k, weekdays))
        return k + 1;
    if (is(k, months) && !t.is(TokenFlag::AllCaps)) {
        // "May" is a month only with a date or a preposition.
        if (w.compare(QLatin1StringView("May"), Qt::CaseSensitive) == 0 && !isKind(k + 1, TokenKind::Number) && !is(k - 1, monthLead))
            return -1;
        qsizetype j = k + 1;
        for (int d = 0; d < 2 && isKind(j, TokenKind::Number); ++d) {
            int y = 0;
            if (timeAt(j, y) == j + 1)
                year = y;
            ++j;
            if (m_text.isPunct(j, u',') && isKind(j + 1, TokenKind::Number))
                ++j;
        }
        return j;
    }
    return -1;
}

void Scan::findTime(Mention &m) const
{
    const TokenRange &s = m_text.sentences()[size_t(m_text.token(m.first).sentence)];
    const qsizetype from = std::max<qsizetype>(s.first, m.first - 12), to = std::min<qsizetype>(s.last, m.last + 12);
    qsizetype best = -1, bestEnd = -1, bestDistance = 1 << 30;
    int bestYear = 0;
    for (qsizetype k = from; k < to; ++k) {
        if (k >= m.first && k < m.last)
            continue;
        int year = 0;
        const qsizetype e = timeAt(k, year);
        if (e <= k)
            continue;
        const qsizetype d = k >= m.last ? k - m.last : m.first - e;
        if (d < bestDistance) {
            best = k;
            bestEnd = e;
            bestDistance = d;
            bestYear = year;
        }
        k = e - 1;
    }
    if (best < 0)
        return;
    // Keep "on Friday", "in 2008" as the text says them, without a possessive.
    qsizetype first = best;
    if ((is(best - 1, kOn) && is(best, weekdays)) || (is(best - 1, kIn) && (bestYear || is(best, months))))
        first = best - 1;
    const qsizetype last = bestEnd;
    m.time = m_text.view(m_text.token(first).start, m_text.token(last - 1).end).toString();
    m.year = bestYear;
}

void Scan::addCountry(Mention &m, qsizetype k) const
{
    if (k < 0 || k >= m_text.size())
        return;
    const int c = m_country[size_t(k)];
    if (c >= 0 && std::find(m.countries.begin(), m.countries.end(), c) == m.countries.end())
        m.countries.push_back(c);
}

void Scan::findCountries(Mention &m, bool verb) const
{
    // Left: the noun phrase ("Russia's invasion", "a Russian invasion") or,
    // for a verb, its subject ("Moscow annexed").
    for (qsizetype k = m.first - 1, steps = 0; k >= 0 && steps < (verb ? 6 : 4); --k, ++steps) {
        if (!sameSentence(k, m.first) || clauseBoundary(k))
            break;
        if (m_country[size_t(k)] >= 0) {
            addCountry(m, k);
            if (verb)
                break;
            continue;
        }
        if (!verb && is(k, phraseStops))
            break;
    }
    // Right: "of Ukraine", "on Ukraine", "between X and Y", or the object.
    qsizetype k = m.last;
    if (!verb) {
        if (!is(k, kArgumentPrepositions))
            return;
        ++k;
    }
    for (qsizetype steps = 0; k < m_text.size() && steps < 5; ++k, ++steps) {
        if (!sameSentence(k, m.first))
            break;
        if (m_country[size_t(k)] >= 0) {
            const int c = m_country[size_t(k)];
            addCountry(m, k);
            while (k + 1 < m_text.size() && m_country[size_t(k + 1)] == c)
                ++k;
            if (!(is(k + 1, kAnd) || (m_text.isPunct(k + 1, u',') && k + 2 < m_text.size() && m_country[size_t(k + 2)] >= 0)))
                break;
            continue;
        }
        if (m_text.token(k).kind == TokenKind::Punct && !joinedHyphen(k))
            break;
    }
}

bool subsetOf(const std::vector<int> &a, const std::vector<int> &b)
{
    for (int x : a) {
        if (std::find(b.begin(), b.end(), x) == b.end())
            return false;
    }
    return true;
}

void Scan::link(Mention &m)
{
    // Only the latest happenings of a class are candidates, so linking stays
    // linear in the text length.
    constexpr size_t recent = 16;
    if (m_byClass.empty()) {
        m_byClass.resize(size_t(m_lex.classCount()));
        m_main.assign(size_t(m_lex.classCount()), -1);
    }
    std::vector<int> &candidates = m_byClass[size_t(m.classId)];
    const bool informative = !m.countries.empty() || m.year != 0;
    int target = -1;
    if (m.indefinite) {
        // "an earthquake struck": a new happening, unless only a headline
        // has named one of its kind so far (the body introduces it).
        const int main = m_main[size_t(m.classId)];
        if (main >= 0 && m_clusters[size_t(main)].bodyMentions == 0)
            target = main;
    } else if (!informative) {
        // "the war", "the talks": the main happening of that kind.
        target = m_main[size_t(m.classId)];
    } else {
        // The fitting happening that shares most countries, then the main one.
        long bestScore = -1;
        for (size_t k = candidates.size() > recent ? candidates.size() - recent : 0; k < candidates.size(); ++k) {
            const Cluster &c = m_clusters[size_t(candidates[k])];
            if (c.year && m.year && c.year != m.year)
                continue;
            if (!c.countries.empty() && !m.countries.empty() && !subsetOf(c.countries, m.countries) && !subsetOf(m.countries, c.countries))
                continue;
            long shared = 0;
            for (int code : m.countries)
                shared += std::find(c.countries.begin(), c.countries.end(), code) != c.countries.end();
            const long score = shared * 100000 + c.mentions;
            if (score >= bestScore) {
                bestScore = score;
                target = candidates[k];
            }
        }
    }
    const QString mentionText = m_text.view(m_text.token(m.first).start, m_text.token(m.last - 1).end).toString();
    if (target < 0) {
        Cluster c;
        c.classId = m.classId;
        c.entity = m_out.entities.size();
        m_out.addEntity(Types::Event, mentionText);
        target = int(m_clusters.size());
        m_clusters.push_back(c);
        candidates.push_back(target);
    }
    Cluster *cluster = &m_clusters[size_t(target)];
    int &main = m_main[size_t(m.classId)];
    ++cluster->mentions;
    if (!headline(m.first))
        ++cluster->bodyMentions;
    if (main < 0 || cluster->mentions >= m_clusters[size_t(main)].mentions)
        main = target;
    for (int code : m.countries) {
        if (cluster->countries.size() < 8 && std::find(cluster->countries.begin(), cluster->countries.end(), code) == cluster->countries.end())
            cluster->countries.push_back(code);
    }
    if (!cluster->year && m.year)
        cluster->year = m.year;
    if (cluster->time.isEmpty() && !m.time.isEmpty())
        cluster->time = m.time;

    Entity &e = m_out.entities[cluster->entity];
    if (mentionText.size() > e.name.size())
        e.name = mentionText;
    const qsizetype a = m_out.add(m_text, Types::Event, m_text.token(m.first).start, m_text.token(m.last - 1).end);
    m_out.annotations[a].entity = e.id;
}

void Scan::finish()
{
    for (const Cluster &c : m_clusters) {
        Entity &e = m_out.entities[c.entity];
        if (!c.time.isEmpty())
            e.attributes.insert(Attr::Time, c.time);
        if (!c.countries.empty()) {
            QStringList codes;
            for (int code : c.countries)
                codes.append(m_codes.at(code));
            e.attributes.insert(Attr::Countries, codes.join(u' '));
        }
    }
}

void Scan::run()
{
    if (m_lex.isEmpty() || m_text.size() == 0)
        return;
    prepare();
    QString lower;
    lower.reserve(64);
    struct Candidate {
        const Lexicon::Surface *surface;
        qsizetype end;
    };
    Candidate candidates[16];
    const qsizetype n = m_text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const Token &t = m_text.token(i);
        if (t.kind != TokenKind::Word || t.length() < 2 || t.length() > 60)
            continue;
        // Lower-case into a reused buffer: no allocation per token.
        const QChar *src = m_text.text().constData() + t.start;
        int count = 0;
        const std::vector<Lexicon::Surface> *surfaces = nullptr;
        if (m_lex.mayStart(m_text.view(i))) {
            lowerInto(m_text.view(i), lower);
            surfaces = m_lex.find(lower);
        }
        if (surfaces) {
            for (const Lexicon::Surface &s : *surfaces) {
                qsizetype end = 0;
                if (count < 16 && matches(s, i, end) && (!s.leftWord || nameStart(i) >= 0))
                    candidates[count++] = {&s, end};
            }
        }
        if (src[t.length() - 1].isDigit()) {
            for (const Lexicon::Surface &s : m_lex.digitSuffixNames()) {
                const QStringView w = m_text.view(i);
                if (count < 16 && w.startsWith(s.first) && w.size() > s.first.size()) {
                    bool digits = true;
                    for (qsizetype k = s.first.size(); k < w.size(); ++k)
                        digits = digits && w.at(k).isDigit();
                    qsizetype end = 0;
                    Lexicon::Surface rest = s;
                    rest.first = w.toString();
                    if (digits && matches(rest, i, end))
                        candidates[count++] = {&s, end};
                }
            }
        }
        if (!count) {
            // WordNet's noun.event, only as "the/its X" right before a time
            // ("the stampede on Saturday", "Tuesday's blackout" is not
            // needed: a possessor and a time after it are).
            const int wn = wordNetAt(i);
            if (wn >= 0 && acceptNoun(m_lex.trigger(wn), i, i + 1, false)) {
                Mention m;
                m.first = std::int32_t(i);
                m.last = std::int32_t(i + 1);
                m.trigger = wn;
                m.classId = m_lex.trigger(wn).classId;
                findTime(m);
                findCountries(m, false);
                link(m);
            }
            continue;
        }
        // Longest first; names before triggers of the same length.
        std::stable_sort(candidates, candidates + count, [&](const Candidate &a, const Candidate &b) {
            if (a.end != b.end)
                return a.end > b.end;
            return a.surface->exactCase && !b.surface->exactCase;
        });
        for (int c = 0; c < count; ++c) {
            const Lexicon::Surface &s = *candidates[c].surface;
            bool alsoVerb = false;
            for (int d = 0; d < count; ++d) {
                if (candidates[d].end == candidates[c].end && m_lex.trigger(candidates[d].surface->trigger).pos == Lexicon::PartOfSpeech::Verb
                    && candidates[d].surface->form != Lexicon::Form::Past)
                    alsoVerb = true;
            }
            if (!accept(s, i, candidates[c].end, alsoVerb))
                continue;
            const Lexicon::Trigger &trig = m_lex.trigger(s.trigger);
            Mention m;
            m.first = std::int32_t(s.leftWord ? nameStart(i) : i);
            m.last = std::int32_t(candidates[c].end);
            // "passed a $95 billion aid bill": with several words between
            // verb and object the verb alone is the trigger ("filed a
            // complaint" stays whole).
            if (s.allowGap && candidates[c].end - i > 3 + s.rest.size())
                m.last = std::int32_t(i + 1);
            m.trigger = s.trigger;
            m.classId = trig.classId;
            m.indefinite = trig.pos == Lexicon::PartOfSpeech::Noun && (is(i - 1, kIndefinite) || (is(i - 2, kIndefinite) && lowerWord(i - 1)));
            findTime(m);
            findCountries(m, trig.pos == Lexicon::PartOfSpeech::Verb);
            link(m);
            i = candidates[c].end - 1;
            break;
        }
    }
}

} // namespace

EventRecognizer::EventRecognizer(const EventLexicon &lexicon)
    : m_lexicon(lexicon)
{
}

const EventRecognizer &EventRecognizer::instance()
{
    static const EventRecognizer recognizer(EventLexicon::instance());
    return recognizer;
}

void EventRecognizer::recognize(const AnalyzedText &text, Recognition &out) const
{
    Scan scan(m_lexicon, text, out);
    scan.run();
    scan.finish();
}

} // namespace annotator
