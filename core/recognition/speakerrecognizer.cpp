#include "speakerrecognizer.h"

#include "analyzedtext.h"
#include "nameindex.h"
#include "quotefinder.h"
#include "recognition.h"
#include "speakerlexicon.h"

#include <QHash>

#include <algorithm>

namespace annotator {

namespace {

using namespace SpeakerWord;

constexpr std::uint32_t ClosedClass = Determiner | Pronoun | Aux | Adverb | Function | Preposition | Conjunction | Relative | Negation | Time;

enum class MentionKind : std::uint8_t { Name, Nominal, Pronoun, Country };
enum class EntityKind : std::uint8_t { Person, Organisation, Unnamed };
enum class Gender : std::uint8_t { Unknown, Male, Female };

/// A speech verb with the mention of its subject.
struct Attribution {
    std::int32_t verb = 0;
    std::int32_t first = 0; ///< mention tokens [first, last)
    std::int32_t last = 0;
    MentionKind kind = MentionKind::Name;
    bool organisation = false;
    bool definite = false;
    QString role;
    QString code; ///< Country mentions
    std::uint32_t pronoun = 0; ///< lexicon classes of a pronoun subject
    std::int32_t entity = -1;
    Gender gender = Gender::Unknown;

    std::int32_t clauseFirst() const { return std::min(first, verb); }
    std::int32_t clauseLast() const { return std::max(last - 1, verb); }
};

struct SpeakerEntity {
    QString name;
    EntityKind kind = EntityKind::Person;
    Gender gender = Gender::Unknown;
    bool plural = false;
    QString role;
    QString code; ///< a country acting as a source
    QString head; ///< lower-case head noun of a nominal mention or an organisation
    bool business = false; ///< a company: "the company" may refer to it
    bool personal = false; ///< one person, named or not (a senior diplomat): "he" or "she" may refer to it
};

struct Mention {
    std::int32_t first = 0;
    std::int32_t last = 0;
    std::int32_t start = 0; ///< UTF-16, used when the mention comes from a Country annotation
    std::int32_t end = 0;
    std::int32_t entity = -1;
    std::int32_t attribution = -1;
    std::int32_t priority = 0;
};

/// A run of capitalised words: a possible name.
struct NameRun {
    std::int32_t first = 0;
    std::int32_t last = 0;
    std::int32_t wordBegin = 0; ///< into SpeakerPass::m_runWords
    std::int32_t wordCount = 0;
    std::int32_t nameWord = 0; ///< first word after leading titles
    bool candidate = false; ///< possibly a person's name
    bool subjectLike = false; ///< standing where a subject stands
    bool organisation = false; ///< ends in an organisation word: Valbrook Marine Works Co.
    bool titleCase = false; ///< in a headline written in title case
};

/// A person named as a subject who has not spoken (yet): a pronoun speaker
/// may refer to them.
struct Candidate {
    std::int32_t first = 0;
    std::int32_t last = 0;
    std::int32_t paragraph = 0;
    std::int32_t entity = -1;
    Gender gender = Gender::Unknown;
    bool organisation = false;
    bool business = false;
    QString head; ///< organisation word, lower case
    QString roleHead; ///< head of its apposition: the Northern Liberation Front, a rebel group
    bool subject = false; ///< its latest mention stands as a subject
    std::int32_t lastRun = 0; ///< first token of its latest mention
};

/// The work on one text.
class SpeakerPass
{
public:
    SpeakerPass(const AnalyzedText &text, Recognition &out)
        : m_text(text)
        , m_out(out)
        , m_lexicon(SpeakerLexicon::instance())
        , m_tokens(text.tokens())
        , m_n(std::int32_t(text.size()))
    {
    }

    void run();

private:
    // Token tests.
    bool isWordAt(std::int32_t i) const { return i >= 0 && i < m_n && m_tokens[size_t(i)].kind == TokenKind::Word; }
    std::uint32_t lex(std::int32_t i) const { return (i >= 0 && i < m_n) ? m_lex[size_t(i)] : 0; }
    bool inQuote(std::int32_t i) const { return i >= 0 && i < m_n && m_spanOf[size_t(i)] >= 0; }
    bool isPunct(std::int32_t i, QChar c) const { return m_text.isPunct(i, c); }
    bool isDashAt(std::int32_t i) const
    {
        return i >= 0 && i < m_n && m_tokens[size_t(i)].kind == TokenKind::Punct && AnalyzedText::isDash(m_text.text().at(m_tokens[size_t(i)].start));
    }
    bool isJoiningHyphen(std::int32_t i) const
    {
        return isDashAt(i) && m_tokens[size_t(i)].length() == 1 && !m_tokens[size_t(i)].is(TokenFlag::SpaceBefore)
            && !m_tokens[size_t(i)].is(TokenFlag::SpaceAfter);
    }
    /// Token @p i is the word @p w (ASCII, lower case), in any case. Checks
    /// the length first, so most calls cost one comparison.
    template<std::size_t N>
    bool lowerIs(std::int32_t i, const char16_t (&w)[N]) const
    {
        if (i < 0 || i >= m_n)
            return false;
        const Token &t = m_tokens[size_t(i)];
        if (t.length() != std::int32_t(N - 1))
            return false;
        const QChar *c = m_text.text().constData() + t.start;
        for (std::size_t k = 0; k + 1 < N; ++k) {
            char16_t u = c[k].unicode();
            if (u >= u'A' && u <= u'Z')
                u = char16_t(u + 32);
            if (u != w[k])
                return false;
        }
        return true;
    }
    bool sentenceInitial(std::int32_t i) const;
    bool nameToken(std::int32_t i) const;
    bool personHead(std::int32_t i) const;
    bool boundaryBefore(std::int32_t i) const; ///< token i starts a sentence or a line

    // Subject parsing.
    bool parseLeftSubject(std::int32_t verb, Attribution &a) const;
    bool parseSubjectEndingAt(std::int32_t h, std::int32_t minFirst, Attribution &a, bool exact) const;
    bool parseRightSubject(std::int32_t from, Attribution &a) const;
    bool parseAppositionSubject(std::int32_t comma, Attribution &a) const;
    std::int32_t nameRunLeft(std::int32_t h, std::int32_t minFirst) const;
    std::int32_t nameRunRight(std::int32_t h) const;
    void classifyName(std::int32_t first, std::int32_t last, Attribution &a) const;
    std::int32_t nominalLeft(std::int32_t head, std::int32_t minFirst) const;
    QString roleBefore(std::int32_t first) const;
    std::int32_t roleStart(std::int32_t first) const;
    QString roleAfter(std::int32_t last) const;
    QString spanText(std::int32_t first, std::int32_t last) const;
    const Annotation *countryAt(std::int32_t start, std::int32_t end) const;

    void findBylines();
    void findAttributions();
    void resolveEntities();
    void attributeQuotes();
    void emit();

    std::int32_t entityForName(const Attribution &a);
    void registerName(std::int32_t entity, std::int32_t first, std::int32_t last);
    void touch(std::int32_t entity);
    std::int32_t resolvePronoun(const Attribution &a);
    void findNameRuns();
    void buildMentions();
    template<typename F>
    void matchRun(const NameRun &run, F found) const;
    std::int32_t promote(std::int32_t candidate);
    std::int32_t word(const NameRun &run, std::int32_t w) const { return m_runWords[size_t(run.wordBegin + w)]; }
    bool nameEndAt(std::int32_t h) const;
    bool titleWord(std::int32_t i) const;
    std::int32_t resolveNominal(const Attribution &a);
    bool businessWord(std::int32_t i) const;
    bool demonymLike(QStringView text) const;

    const AnalyzedText &m_text;
    Recognition &m_out;
    const SpeakerLexicon &m_lexicon;
    const std::vector<Token> &m_tokens;
    const std::int32_t m_n;

    std::vector<std::uint32_t> m_lex;
    std::vector<std::int32_t> m_spanOf;
    std::vector<QuotedSpan> m_spans;
    std::vector<bool> m_bylineParagraph;
    std::vector<bool> m_titleCaseParagraph;
    std::vector<Attribution> m_attributions;
    std::vector<SpeakerEntity> m_entities;
    std::vector<Mention> m_mentions;
    std::vector<std::int32_t> m_quoteSpeaker; // per span: entity or -1
    std::vector<std::int32_t> m_recent; // most recently mentioned entities, front = newest
    NameIndex m_fullNames; // full name -> entity
    NameIndex m_nameWords; // one word of a name, acronym -> entity
    std::vector<NameRun> m_runs;
    std::vector<std::int32_t> m_runWords;
    std::vector<Candidate> m_candidates;
    NameIndex m_candidateNames;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_paragraphSubject; // first person standing as a subject: (token, entity or -(candidate + 2))
    bool m_lateSpeakers = false; // a quote made a candidate a speaker after the mentions were collected
    QHash<QString, std::int32_t> m_countryEntities; // ISO code -> entity of a country acting as a source
    std::vector<const Annotation *> m_countries; // Country annotations by position
    std::vector<std::int32_t> m_countryStarts; // their UTF-16 starts
    std::vector<std::int32_t> m_countryEnds;
};

bool SpeakerPass::boundaryBefore(std::int32_t i) const
{
    const Token &t = m_tokens[size_t(i)];
    return t.is(TokenFlag::SentenceStart) || t.is(TokenFlag::LineStart);
}

bool SpeakerPass::sentenceInitial(std::int32_t i) const
{
    if (i <= 0)
        return true;
    const Token &t = m_tokens[size_t(i)];
    if (t.is(TokenFlag::SentenceStart) || t.is(TokenFlag::LineStart))
        return true;
    const Token &p = m_tokens[size_t(i - 1)];
    if (p.kind == TokenKind::Quote || p.kind == TokenKind::Markup)
        return true;
    return isPunct(i - 1, u':') || (isDashAt(i - 1) && p.is(TokenFlag::SpaceBefore));
}

bool SpeakerPass::nameToken(std::int32_t i) const
{
    if (!isWordAt(i))
        return false;
    const Token &t = m_tokens[size_t(i)];
    if (!t.is(TokenFlag::Capitalized))
        return false;
    const std::uint32_t c = m_lex[size_t(i)];
    if ((c & ClosedClass) && i + 2 < m_n && isJoiningHyphen(i + 1) && isWordAt(i + 2) && m_tokens[size_t(i + 2)].is(TokenFlag::Capitalized))
        return true; // Jan-Erik
    if (c & Time)
        return false;
    if (t.length() == 1 && m_text.text().at(t.start) == u'I')
        return false;
    if ((c & ClosedClass) && sentenceInitial(i))
        return false;
    if ((c & ClosedClass) && !(c & (Determiner | Pronoun | Aux)) && (c & (Function | Conjunction | Preposition | Relative)))
        return false; // But, When, In mid-sentence are still not names
    if ((c & SpeechVerb) && !(c & (PersonNoun | GroupNoun | OrgHead | Title)) && sentenceInitial(i))
        return false;
    return true;
}

// Last token of a name: a capitalised word, or the lower-case end of a
// hyphenated given name (Ji-woo, Hye-rin), or the dot of Co. or Corp.
bool SpeakerPass::nameEndAt(std::int32_t h) const
{
    if (nameToken(h))
        return true;
    if (isWordAt(h) && isJoiningHyphen(h - 1) && nameToken(h - 2) && lex(h) == 0 && m_tokens[size_t(h)].length() <= 5) {
        const QStringView w = m_text.view(h);
        return !w.endsWith(u"ed") && !w.endsWith(u"ing");
    }
    return false;
}

// A word that stands before a name as a title or a role: Minister, Mr, Swimmer.
// WordNet's persons count only as agent nouns, because it also lists given
// names (Walter) among them.
bool SpeakerPass::titleWord(std::int32_t i) const
{
    const std::uint32_t c = lex(i);
    if (c & OrgHead)
        return false;
    if (c & (Title | Honorific))
        return true;
    if (!(c & PersonNoun))
        return false;
    if (m_tokens[size_t(i)].is(TokenFlag::Capitalized) && demonymLike(m_text.view(i)))
        return false; // Norwegian: WordNet's person, but here an adjective
    return !(c & WordNetNoun) || SpeakerLexicon::guess(m_text.view(i)) != 0;
}

bool SpeakerPass::personHead(std::int32_t i) const
{
    if (!isWordAt(i))
        return false;
    const std::uint32_t c = m_lex[size_t(i)];
    if (c & NotSpeaker)
        return false;
    if ((c & WordNetNoun) && m_tokens[size_t(i)].is(TokenFlag::Capitalized) && !(sentenceInitial(i) && m_text.view(i).endsWith(u's')))
        return false; // Korean, Lincoln: WordNet lists nationalities and famous names among its persons
    if (c & (PersonNoun | GroupNoun))
        return true;
    if (c == 0 && !m_tokens[size_t(i)].is(TokenFlag::Capitalized))
        return SpeakerLexicon::guess(m_text.view(i)) != 0;
    return false;
}

QString SpeakerPass::spanText(std::int32_t first, std::int32_t last) const
{
    if (last <= first)
        return {};
    return m_text.view(m_tokens[size_t(first)].start, m_tokens[size_t(last - 1)].end).toString().simplified();
}

const Annotation *SpeakerPass::countryAt(std::int32_t start, std::int32_t end) const
{
    auto it = std::lower_bound(m_countryStarts.begin(), m_countryStarts.end(), start);
    for (; it != m_countryStarts.end() && *it == start; ++it) {
        const size_t k = size_t(it - m_countryStarts.begin());
        if (m_countryEnds[k] == end)
            return m_countries[k];
    }
    return nullptr;
}

// A run of name tokens ending at h, extended leftwards over hyphens, particles,
// initials and the connectors of organisation names. Returns the first token.
std::int32_t SpeakerPass::nameRunLeft(std::int32_t h, std::int32_t minFirst) const
{
    std::int32_t a = h;
    bool orgSeen = lex(h) & OrgHead;
    if (!nameToken(h) && isJoiningHyphen(h - 1) && h - 2 >= minFirst)
        a = h - 2;
    for (int guard = 0; guard < 10; ++guard) {
        if (boundaryBefore(a))
            break;
        const std::int32_t j = a - 1;
        if (j < minFirst || inQuote(j))
            break;
        if (nameToken(j)) {
            a = j;
            orgSeen = orgSeen || (lex(j) & OrgHead);
            continue;
        }
        if (isJoiningHyphen(j) && nameToken(j - 1) && j - 1 >= minFirst) {
            a = j - 1;
            continue;
        }
        if (isJoiningHyphen(j) && isWordAt(j - 1) && (lex(j - 1) & Particle) && !m_tokens[size_t(j - 1)].is(TokenFlag::Capitalized) && j - 1 >= minFirst) {
            a = j - 1; // al-Harthy
            if (nameToken(j - 2) && j - 2 >= minFirst)
                a = j - 2;
            else
                break;
            continue;
        }
        if (isWordAt(j) && (lex(j) & Particle) && !m_tokens[size_t(j)].is(TokenFlag::Capitalized) && j - 1 >= minFirst) {
            std::int32_t k = j;
            while (k - 1 >= minFirst && isWordAt(k - 1) && (lex(k - 1) & Particle) && !m_tokens[size_t(k - 1)].is(TokenFlag::Capitalized))
                --k;
            if (nameToken(k - 1) && k - 1 >= minFirst) {
                a = k - 1;
                continue;
            }
            break;
        }
        if (isPunct(j, u'.') && !m_tokens[size_t(j)].is(TokenFlag::SpaceBefore) && isWordAt(j - 1)
            && (m_tokens[size_t(j - 1)].length() == 1 || (lex(j - 1) & (Title | Honorific))) && m_tokens[size_t(j - 1)].is(TokenFlag::Capitalized)
            && j - 1 >= minFirst) {
            a = j - 1; // an initial: John F. Kennedy
            continue;
        }
        if (lowerIs(j, u"and") && nameToken(j - 1) && a == h) {
            // Ministry of Trade, Industry and Energy, read from its end.
            std::int32_t k = j - 1;
            while (isPunct(k - 1, u',') && nameToken(k - 2) && k - 2 >= minFirst)
                k -= 2;
            if (k < j - 1 && lowerIs(k - 1, u"of")
                && (lowerIs(k - 2, u"ministry") || lowerIs(k - 2, u"department") || lowerIs(k - 2, u"committee") || lowerIs(k - 2, u"commission"))
                && k - 2 >= minFirst) {
                a = k - 2;
                orgSeen = true;
                continue;
            }
            break;
        }
        if (m_tokens[size_t(j)].kind == TokenKind::Possessive && orgSeen && nameToken(j - 1) && j - 1 >= minFirst && !inQuote(j - 1)
            && !countryAt(m_tokens[size_t(j - 1)].start, m_tokens[size_t(j - 1)].end)) {
            a = j - 1; // Northern Liberation Front
            continue;
        }
        const bool connector = isPunct(j, u'&') || lowerIs(j, u"of") || lowerIs(j, u"for") || (lowerIs(j, u"the") && lowerIs(j - 1, u"of"));
        if (connector && j - 1 >= minFirst) {
            std::int32_t k = j;
            if (lowerIs(j, u"the"))
                --k;
            if (nameToken(k - 1) && (orgSeen || (lex(k - 1) & OrgHead) || isPunct(j, u'&'))) {
                a = k - 1;
                orgSeen = true;
                continue;
            }
        }
        break;
    }
    // Particles that open the name: "van der Berg said".
    std::int32_t k = a;
    while (k - 1 >= minFirst && isWordAt(k - 1) && (lex(k - 1) & Particle) && !m_tokens[size_t(k - 1)].is(TokenFlag::Capitalized) && !inQuote(k - 1))
        --k;
    if (k < a && !nameToken(k - 1))
        a = k;
    return a;
}

// A run of name tokens starting at h, extended rightwards. Returns one past the last token.
std::int32_t SpeakerPass::nameRunRight(std::int32_t h) const
{
    std::int32_t b = h + 1;
    bool orgSeen = lex(h) & OrgHead;
    for (int guard = 0; guard < 10 && b < m_n; ++guard) {
        if (boundaryBefore(b) || inQuote(b))
            break;
        if (nameToken(b)) {
            orgSeen = orgSeen || (lex(b) & OrgHead);
            ++b;
            continue;
        }
        if (isJoiningHyphen(b) && nameEndAt(b + 1)) {
            b += 2;
            continue;
        }
        if (isPunct(b, u'.') && !m_tokens[size_t(b)].is(TokenFlag::SpaceBefore) && (lex(b - 1) & OrgHead) && m_tokens[size_t(b - 1)].length() <= 4) {
            ++b; // Co., Corp., Inc.
            break;
        }
        if (isWordAt(b) && (lex(b) & Particle) && !m_tokens[size_t(b)].is(TokenFlag::Capitalized) && isJoiningHyphen(b + 1) && nameToken(b + 2)) {
            b += 3; // al-Harthy
            continue;
        }
        if (isWordAt(b) && (lex(b) & Particle) && !m_tokens[size_t(b)].is(TokenFlag::Capitalized)) {
            std::int32_t k = b;
            while (isWordAt(k) && (lex(k) & Particle) && !m_tokens[size_t(k)].is(TokenFlag::Capitalized))
                ++k;
            if (nameToken(k) && k < m_n) {
                b = k + 1;
                continue;
            }
            break;
        }
        if (isPunct(b, u'.') && !m_tokens[size_t(b)].is(TokenFlag::SpaceBefore) && (m_tokens[size_t(b - 1)].length() == 1 || (lex(b - 1) & (Title | Honorific)))
            && nameToken(b + 1)) {
            ++b;
            continue;
        }
        if (m_tokens[size_t(b)].kind == TokenKind::Possessive && nameToken(b + 1) && !inQuote(b + 1)
            && !countryAt(m_tokens[size_t(h)].start, m_tokens[size_t(b - 1)].end)) {
            // Northern Liberation Front, Peru's Foreign Ministry: a possessive inside an organisation's name.
            std::int32_t e = b + 1;
            while (e < m_n && nameToken(e) && e - b < 6)
                ++e;
            if (lex(e - 1) & OrgHead) {
                b = e;
                orgSeen = true;
                continue;
            }
            break;
        }
        const bool connector = isPunct(b, u'&') || lowerIs(b, u"of") || lowerIs(b, u"for");
        if (connector) {
            std::int32_t k = b + 1;
            if (lowerIs(k, u"the") || lowerIs(k, u"a"))
                ++k;
            if (nameToken(k) && (orgSeen || isPunct(b, u'&'))) {
                b = k;
                orgSeen = true;
                continue;
            }
        }
        // Ministry of Trade, Industry and Energy: a government body named by a list.
        if (isPunct(b, u',') && nameToken(b + 1) && (lowerIs(h, u"ministry") || lowerIs(h, u"department") || lowerIs(h, u"committee") || lowerIs(h, u"commission"))
            && lowerIs(h + 1, u"of")) {
            std::int32_t k = b + 1;
            while (nameToken(k) && isPunct(k + 1, u','))
                k += 2;
            if (nameToken(k) && lowerIs(k + 1, u"and") && nameToken(k + 2)) {
                b = k + 3;
                continue;
            }
        }
        break;
    }
    return b;
}

// Splits a run of capitalised words into title and name, decides person or
// organisation and whether it is a country acting as a source.
void SpeakerPass::classifyName(std::int32_t first, std::int32_t last, Attribution &a) const
{
    std::int32_t lastTitle = -1, lastOrg = -1;
    for (std::int32_t k = first; k < last; ++k) {
        const std::uint32_t c = lex(k);
        if (titleWord(k) && k + 1 < last && !isJoiningHyphen(k + 1))
            lastTitle = k; // Foreign Minister, Swimmer

        if (c & OrgHead)
            lastOrg = k;
    }
    a.kind = MentionKind::Name;
    a.first = first;
    a.last = last;
    if (lastTitle >= 0 && lastTitle > lastOrg) {
        std::int32_t nameFirst = lastTitle + 1;
        while (nameFirst < last && (isPunct(nameFirst, u'.') || isJoiningHyphen(nameFirst)))
            ++nameFirst;
        if (nameFirst < last) {
            const std::uint32_t t = lex(lastTitle);
            if (t & Male)
                a.gender = Gender::Male;
            else if (t & Female)
                a.gender = Gender::Female;
            // Mr, Ms and Dr are honorifics, not roles.
            if (!((lex(first) & Honorific) && lastTitle == first))
                a.role = spanText(first, lastTitle + 1);
            a.first = nameFirst;
        }
    } else if (lastOrg >= 0) {
        a.organisation = true;
    } else if (last - first == 1 && m_tokens[size_t(first)].is(TokenFlag::AllCaps) && m_tokens[size_t(first)].length() <= 6) {
        a.organisation = true;
    } else if (lowerIs(first - 1, u"the")) {
        a.organisation = true;
    }
    if (!a.organisation) {
        // Honorific just before the run: Ms Smith.
        const std::uint32_t before = lex(first - 1);
        if ((before & Honorific) && isWordAt(first - 1)) {
            if (before & Male)
                a.gender = Gender::Male;
            else if (before & Female)
                a.gender = Gender::Female;
        }
    }
    const Annotation *country = countryAt(m_tokens[size_t(a.first)].start, m_tokens[size_t(a.last - 1)].end);
    if (country) {
        a.kind = MentionKind::Country;
        a.code = country->attributes.value(Attr::Code);
        a.organisation = true;
        return;
    }

}

// The noun phrase ending in person or group noun @p head: determiners,
// adjectives, nouns, demonyms and possessors before it. Returns its first token.
std::int32_t SpeakerPass::nominalLeft(std::int32_t head, std::int32_t minFirst) const
{
    std::int32_t a = head;
    for (int guard = 0; guard < 8; ++guard) {
        if (boundaryBefore(a))
            break;
        const std::int32_t j = a - 1;
        if (j < minFirst || inQuote(j))
            break;
        const Token &t = m_tokens[size_t(j)];
        const std::uint32_t c = lex(j);
        if (t.kind == TokenKind::Possessive) {
            if (isWordAt(j - 1) && !(lex(j - 1) & ClosedClass) && j - 1 >= minFirst) {
                a = j - 1;
                continue;
            }
            break;
        }
        if (t.kind == TokenKind::Number) {
            a = j;
            continue;
        }
        if (isJoiningHyphen(j) && isWordAt(j - 1)) {
            a = j - 1;
            continue;
        }
        if (t.kind != TokenKind::Word)
            break;
        if (lowerIs(j, u"its") || lowerIs(j, u"his") || lowerIs(j, u"her") || lowerIs(j, u"their") || lowerIs(j, u"our")) {
            a = j; // Its chief economist
            break;
        }
        if (c & Determiner) {
            if (c & Function) // this, that, these: a clause word more often than not
                break;
            a = j;
            // The two sides, all three parties
            if (isWordAt(j - 1) && (lex(j - 1) & Determiner) && !(lex(j - 1) & Function) && j - 1 >= minFirst && !boundaryBefore(j))
                a = j - 1;
            break;
        }
        if ((c & Conjunction) && lowerIs(j, u"and") && j - 1 >= minFirst
            && (personHead(j - 1)
                || (m_tokens[size_t(j - 1)].is(TokenFlag::Capitalized) && isWordAt(j - 1) && !(lex(j - 1) & ClosedClass)
                    && m_tokens[size_t(a)].is(TokenFlag::Capitalized)))) {
            a = j - 1;
            continue;
        }
        if (c & ClosedClass)
            break;
        if ((c & (PastForm | IngForm)) && !t.is(TokenFlag::Capitalized))
            break;
        a = j;
    }
    return a;
}

// The subject whose last token is @p h (a name, a nominal phrase or a
// pronoun). With @p exact the mention must start at @p minFirst (after
// leading conjunctions).
bool SpeakerPass::parseSubjectEndingAt(std::int32_t h, std::int32_t minFirst, Attribution &a, bool exact) const
{
    if (h < minFirst || h < 0 || inQuote(h))
        return false;
    if (exact) {
        while (minFirst < h && isWordAt(minFirst) && (lex(minFirst) & Conjunction) && !(lex(minFirst) & (Determiner | Preposition)))
            ++minFirst;
    }
    if (isPunct(h, u')') && isPunct(h - 2, u'(') && isWordAt(h - 1) && m_tokens[size_t(h - 1)].is(TokenFlag::AllCaps) && h - 3 >= minFirst)
        h -= 3; // Coastal States Development Council (CSDC)
    if (isPunct(h, u'.') && !m_tokens[size_t(h)].is(TokenFlag::SpaceBefore) && (lex(h - 1) & OrgHead) && h - 1 >= minFirst) {
        // Korea Shipbuilding Finance Corp.
        const std::int32_t first = nameRunLeft(h - 1, minFirst);
        classifyName(first, h + 1, a);
        a.organisation = true;
        return !exact || first == minFirst;
    }
    if (!nameToken(h) && nameEndAt(h)) {
        const std::int32_t first = nameRunLeft(h, minFirst);
        classifyName(first, h + 1, a);
        return !exact || first == minFirst;
    }
    const Token &t = m_tokens[size_t(h)];
    if (t.kind != TokenKind::Word)
        return false;
    const std::uint32_t c = lex(h);
    std::int32_t first = -1;
    if ((c & Pronoun) && !(c & Function)) {
        first = h;
        a.kind = MentionKind::Pronoun;
        a.first = h;
        a.last = h + 1;
        a.pronoun = c;
    } else if (personHead(h) && (!t.is(TokenFlag::Capitalized) || sentenceInitial(h) || (exact && h == minFirst))) {
        first = nominalLeft(h, minFirst);
        a.kind = MentionKind::Nominal;
        a.first = first;
        a.last = h + 1;
        a.definite = lowerIs(first, u"the");
    } else if (nameToken(h)) {
        first = nameRunLeft(h, minFirst);
        classifyName(first, h + 1, a);
        if (!a.organisation && a.kind == MentionKind::Name) {
            const std::int32_t roleFirst = roleStart(first);
            const QString before = roleFirst < first ? spanText(roleFirst, first) : QString();
            a.role = a.role.isEmpty() ? before : before.isEmpty() ? a.role : before + QStringLiteral(" ") + a.role;
            if (exact && roleFirst == minFirst)
                first = roleFirst; // Political analyst Ruth Kamanga, of ..., said
        }
    } else if (!t.is(TokenFlag::Capitalized) && !(c & ClosedClass) && !(c == 0 && (m_text.view(h).endsWith(u"ed") || m_text.view(h).endsWith(u"ing")))) {
        // A person noun with a prepositional phrase after it: officials on both sides.
        for (std::int32_t q = h - 1; q >= std::max(minFirst, h - 6); --q) {
            if (inQuote(q) || !isWordAt(q))
                break;
            if (personHead(q) && (lex(q + 1) & Preposition)) {
                first = nominalLeft(q, minFirst);
                a.kind = MentionKind::Nominal;
                a.first = first;
                a.last = h + 1;
                a.definite = lowerIs(first, u"the");
                break;
            }
            if ((lex(q) & (Relative | Conjunction | Aux | SpeechVerb | Pronoun)) || boundaryBefore(q))
                break;
            if (lex(q) == 0 && (m_text.view(q).endsWith(u"ed") || m_text.view(q).endsWith(u"ing")))
                break;
        }
        if (first < 0)
            return false;
    } else {
        return false;
    }
    // A person noun with this as its prepositional phrase: a spokesman for the
    // agency, analysts at Morgan Stanley, a person close to the company.
    if (a.kind != MentionKind::Pronoun && first > minFirst) {
        std::int32_t p = first - 1;
        if (lowerIs(p, u"the") && a.kind == MentionKind::Name)
            --p; // a spokesperson for the European Commission
        if ((lowerIs(p, u"to") && lowerIs(p - 1, u"close")) || (lowerIs(p, u"with") && lowerIs(p - 1, u"familiar")))
            --p;
        if (p - 1 >= minFirst && isWordAt(p) && (lex(p) & Preposition) && !m_tokens[size_t(p)].is(TokenFlag::Capitalized) && !inQuote(p - 1)
            && personHead(p - 1) && (!m_tokens[size_t(p - 1)].is(TokenFlag::Capitalized) || sentenceInitial(p - 1))) {
            first = nominalLeft(p - 1, minFirst);
            a.kind = MentionKind::Nominal;
            a.first = first;
            a.organisation = false;
            a.role.clear();
            a.code.clear();
            a.definite = lowerIs(first, u"the");
        }
    }
    if (exact && first != minFirst && a.first != minFirst && !(first == minFirst + 1 && lowerIs(minFirst, u"the")))
        return false;
    return true;
}

// Words before a name that describe the person: China's foreign minister.
QString SpeakerPass::roleBefore(std::int32_t first) const
{
    const std::int32_t a = roleStart(first);
    return a < first ? spanText(a, first) : QString();
}

// Where the role words before a name start (@p first when there are none).
std::int32_t SpeakerPass::roleStart(std::int32_t first) const
{
    std::int32_t a = first;
    bool content = false;
    for (int guard = 0; guard < 6; ++guard) {
        if (boundaryBefore(a))
            break;
        const std::int32_t j = a - 1;
        if (j < 0 || inQuote(j))
            break;
        const Token &t = m_tokens[size_t(j)];
        if (t.kind == TokenKind::Possessive && isWordAt(j - 1)) {
            a = j - 1;
            continue;
        }
        if (t.kind != TokenKind::Word)
            break;
        const std::uint32_t c = lex(j);
        if (c & (ClosedClass | SpeechVerb))
            break;
        if (!t.is(TokenFlag::Capitalized) || (c & Title))
            content = true;
        a = j;
    }
    if (!content || a == first)
        return first;
    return a;
}

// The apposition after a name: ", a senior fellow at the X Institute".
QString SpeakerPass::roleAfter(std::int32_t last) const
{
    if (!isPunct(last, u','))
        return {};
    std::int32_t b = last + 1;
    const std::int32_t start = b;
    for (; b < m_n && b - start < 30; ++b) {
        const Token &t = m_tokens[size_t(b)];
        if (boundaryBefore(b) && b > start)
            break;
        if (inQuote(b) || t.kind == TokenKind::Quote)
            break;
        if (isPunct(b, u';') || isPunct(b, u':') || isPunct(b, u'(') || isPunct(b, u'.') || isPunct(b, u',') || isDashAt(b))
            break;
        if (isWordAt(b) && (lex(b) & (Relative | SpeechVerb)))
            break;
    }
    if (b == start || !isWordAt(start))
        return {};
    return spanText(start, b);
}

// X, ROLE, said: the subject before the appositions between commas.
bool SpeakerPass::parseAppositionSubject(std::int32_t comma, Attribution &a) const
{
    std::int32_t commas[6];
    int count = 0;
    commas[count++] = comma;
    std::int32_t bound = comma - 1;
    for (; bound >= 0 && comma - bound < 45; --bound) {
        const Token &t = m_tokens[size_t(bound)];
        if (t.kind == TokenKind::Quote || inQuote(bound))
            break;
        if (isPunct(bound, u')')) {
            // A bracketed acronym inside: the Alliance for Democratic Renewal (ADR)
            std::int32_t k = bound - 1;
            while (k > bound - 6 && k >= 0 && !isPunct(k, u'(') && !isPunct(k, u')'))
                --k;
            if (k >= 0 && isPunct(k, u'(') && !boundaryBefore(k)) {
                bound = k;
                continue;
            }
            break;
        }
        if (isPunct(bound, u';') || isPunct(bound, u':') || isPunct(bound, u'('))
            break;
        if (isPunct(bound, u',')) {
            if (count == 6)
                break;
            commas[count++] = bound;
        }
        if (boundaryBefore(bound)) {
            --bound;
            break;
        }
    }
    // Segments from the left: [bound+1, commas[count-1]), [commas[count-1]+1, commas[count-2]), ...
    std::int32_t segFirst = bound + 1;
    for (int i = count - 1; i >= 1; --i) {
        const std::int32_t segLast = commas[i]; // exclusive
        Attribution candidate;
        candidate.verb = a.verb;
        bool ok = segLast - 1 >= segFirst && parseSubjectEndingAt(segLast - 1, segFirst, candidate, true);
        if (!ok) {
            // Sen. Helen Adebayo-Carr of Texas: a name with a phrase after it.
            for (std::int32_t k = segFirst + 1; k < segLast - 1; ++k) {
                if (isWordAt(k) && (lex(k) & Preposition) && !m_tokens[size_t(k)].is(TokenFlag::Capitalized)) {
                    candidate = Attribution();
                    candidate.verb = a.verb;
                    ok = parseSubjectEndingAt(k - 1, segFirst, candidate, true) && candidate.kind == MentionKind::Name;
                    if (ok && candidate.role.isEmpty())
                        candidate.role = spanText(k, segLast);
                    break;
                }
            }
        }
        if (ok) {
            // Putin's spokesman, Dmitry Peskov, said: the name after a nominal.
            if (candidate.kind == MentionKind::Nominal && i >= 1) {
                const std::int32_t nextFirst = commas[i] + 1, nextLast = commas[i - 1];
                Attribution name;
                if (nameToken(nextLast - 1) && parseSubjectEndingAt(nextLast - 1, nextFirst, name, true) && name.kind != MentionKind::Nominal) {
                    name.role = spanText(candidate.first, candidate.last);
                    name.verb = a.verb;
                    a = name;
                    return true;
                }
            }
            QString role = spanText(commas[i] + 1, commas[0]);
            if (std::none_of(role.cbegin(), role.cend(), [](QChar c) { return c.isLetter(); }))
                role.clear(); // an age: Okoro, 45, said
            candidate.verb = a.verb;
            if (candidate.role.isEmpty())
                candidate.role = role;
            a = candidate;
            return true;
        }
        segFirst = commas[i] + 1;
    }
    return false;
}

bool SpeakerPass::parseLeftSubject(std::int32_t verb, Attribution &a) const
{
    const std::uint32_t vc = lex(verb);
    std::int32_t j = verb - 1;
    if (isPunct(j, u'['))
        --j; // a Markdown link on the verb: [calling](#)
    if ((vc & PastForm) && lowerIs(verb + 1, u"by"))
        return false; // passive: ships ordered by
    if ((vc & PastForm) && (lowerIs(verb + 1, u"missing") || lowerIs(verb + 1, u"dead") || lowerIs(verb + 1, u"killed") || lowerIs(verb + 1, u"injured")))
        return false; // people reported missing
    if ((vc & PastForm) && lowerIs(verb + 1, u"of") && m_text.view(verb).startsWith(u"accus", Qt::CaseInsensitive))
        return false; // tankers accused of moving crude

    bool be = false, modal = false, aux = false;
    for (int guard = 0; guard < 4 && j >= 0; ++guard) {
        if (!isWordAt(j) || boundaryBefore(j + 1))
            break;
        const std::uint32_t c = lex(j);
        if (c & Negation)
            return false;
        if (c & Aux) {
            aux = true;
            be = be || (c & Be);
            modal = modal || (c & Modal);
            --j;
            continue;
        }
        if ((c & Adverb) || m_text.view(j).endsWith(u"ly")) {
            if (c & ClosedClass || (c == 0 && !m_tokens[size_t(j)].is(TokenFlag::Capitalized))) {
                --j;
                continue;
            }
        }
        break;
    }
    if (boundaryBefore(verb))
        return false;
    // Verb form checks: passive, infinitive, participle clauses.
    if ((vc & PastForm) && be)
        return false;
    if ((vc & IngForm) && !be)
        return false;
    if ((vc & (ThirdForm | BaseForm)) && isWordAt(verb + 1) && (lex(verb + 1) & Aux))
        return false; // border states were, reports are: a noun
    if (vc & BaseForm) {
        if (lowerIs(verb - 1, u"to"))
            return false;
    }
    if (j < 0)
        return false;
    if (isPunct(j, u')') && isPunct(j - 2, u'(') && isWordAt(j - 1) && m_tokens[size_t(j - 1)].is(TokenFlag::AllCaps))
        j -= 3; // The National Electoral Board (NEB) declared
    if (isPunct(j, u',')) {
        if (vc & WordNetVerb)
            return false;
        return parseAppositionSubject(j, a);
    }
    if (!isWordAt(j) || inQuote(j))
        return false;
    if (lex(j) & Relative) {
        if (!isPunct(j - 1, u','))
            return false;
        if (lowerIs(j, u"which")) // a thing or a body: the noun phrase right before it
            return parseSubjectEndingAt(j - 2, 0, a, false) && a.kind != MentionKind::Pronoun;
        return parseAppositionSubject(j - 1, a) || parseSubjectEndingAt(j - 2, 0, a, false);
    }
    if (!parseSubjectEndingAt(j, 0, a, false)) {
        // A relative clause without commas: a senior diplomat who asked not to be named said.
        for (std::int32_t k = j - 1; k >= 0 && k >= j - 12; --k) {
            if (!isWordAt(k) || inQuote(k) || boundaryBefore(k + 1))
                break;
            if (lex(k) & Relative) {
                if (isPunct(k - 1, u','))
                    return parseAppositionSubject(k - 1, a);
                return parseSubjectEndingAt(k - 1, 0, a, false) && a.kind != MentionKind::Pronoun;
            }
        }
        return false;
    }
    if (vc & ThirdForm) {
        // Agreement: a plural subject does not take "says".
        if (a.kind == MentionKind::Pronoun && (a.pronoun & Plural))
            return false;
        if (a.kind == MentionKind::Nominal && (m_text.view(a.last - 1).endsWith(u's') || (lex(a.last - 1) & Plural)) && !(lex(a.last - 1) & GroupNoun))
            return false;
    }
    if ((vc & BaseForm) && !modal && !aux) {
        // Present plural: analysts say, they say. A singular noun before a
        // base form is a compound (court order).
        if (a.kind == MentionKind::Pronoun)
            return (a.pronoun & Plural) != 0;
        const QStringView head = m_text.view(a.last - 1);
        if (a.kind == MentionKind::Name)
            return a.last - a.first == 1 && head.endsWith(u's') && !m_tokens[size_t(a.first)].is(TokenFlag::AllCaps); // Greens say
        if (a.kind != MentionKind::Nominal)
            return false;
        return head.endsWith(u's') || (lex(a.last - 1) & Plural);
    }
    return true;
}

// The subject after an inverted verb (said X) or after "according to".
bool SpeakerPass::parseRightSubject(std::int32_t r, Attribution &a) const
{
    if (r >= m_n || !isWordAt(r) || inQuote(r))
        return false;
    const std::uint32_t c = lex(r);
    if ((c & Pronoun) && !(c & Function)) {
        a.kind = MentionKind::Pronoun;
        a.first = r;
        a.last = r + 1;
        a.pronoun = c;
        return true;
    }
    std::int32_t named = r + 1;
    // the Bogotá-based Centre ..., the state-run ...: skip the compound modifier
    if (lowerIs(r, u"the") && isWordAt(named) && isJoiningHyphen(named + 1) && isWordAt(named + 2) && !m_tokens[size_t(named + 2)].is(TokenFlag::Capitalized)
        && nameToken(named + 3))
        named += 3;
    if (lowerIs(r, u"the") && nameToken(named)) {
        // said the Brennan Institute, according to the Kremlin
        const std::int32_t b = nameRunRight(named);
        if ((lex(b - 1) & OrgHead) || !(isWordAt(b) && !m_tokens[size_t(b)].is(TokenFlag::Capitalized))) {
            classifyName(named, b, a);
            if (a.kind == MentionKind::Name)
                a.organisation = true;
            return true;
        }
    }
    bool nominalAhead = false; // South Korean and Ukrainian intelligence agencies
    for (std::int32_t k = r; k < m_n && k < r + 7; ++k) {
        if (!isWordAt(k) || inQuote(k))
            break;
        if (personHead(k) && !m_tokens[size_t(k)].is(TokenFlag::Capitalized)) {
            nominalAhead = true;
            break;
        }
        if ((lex(k) & ClosedClass) && !lowerIs(k, u"and"))
            break;
    }
    if (nameToken(r) && !((c & (PersonNoun | GroupNoun)) && !(c & (Title | OrgHead)) && sentenceInitial(r)) && !nominalAhead) {
        const std::int32_t b = nameRunRight(r);
        classifyName(r, b, a);
        if (a.kind == MentionKind::Name && !a.organisation) {
            const QString after = roleAfter(b);
            if (!after.isEmpty())
                a.role = a.role.isEmpty() ? after : a.role + QStringLiteral(", ") + after;
        }
        return true;
    }
    // A nominal phrase: a Chinese diplomat, the company, officials on both sides.
    std::int32_t k = r;
    std::int32_t head = -1;
    for (int guard = 0; guard < 7 && k < m_n; ++guard, ++k) {
        if (!isWordAt(k) && m_tokens[size_t(k)].kind != TokenKind::Possessive && m_tokens[size_t(k)].kind != TokenKind::Number)
            break;
        if (inQuote(k) || (k > r && boundaryBefore(k)))
            break;
        const std::uint32_t kc = lex(k);
        if (personHead(k)) {
            head = k;
            if (!personHead(k + 1) && !m_tokens[size_t(k)].is(TokenFlag::Capitalized))
                break;
            continue;
        }
        if ((kc & ClosedClass) && !(k == r && (kc & Determiner) && !(kc & Function)) && !(lowerIs(k, u"and") && k > r))
            break;
    }
    if (head < 0)
        return false;
    if (nameToken(head + 1) && !inQuote(head + 1)) {
        // according to regional governor Oleh Marchenko, the analytics firm Datavane
        const std::int32_t b = nameRunRight(head + 1);
        classifyName(head + 1, b, a);
        if (a.kind == MentionKind::Name) {
            if ((lex(head) & GroupNoun) && !(lex(head) & PersonNoun))
                a.organisation = true;
            a.role = spanText(r, head + 1);
        }
        return true;
    }
    std::int32_t last = head + 1;
    // A prepositional phrase after the head: a spokesman for the ministry.
    if ((lowerIs(last, u"for") || lowerIs(last, u"of") || lowerIs(last, u"familiar") || lowerIs(last, u"close") || lowerIs(last, u"on")
         || lowerIs(last, u"from") || lowerIs(last, u"at") || lowerIs(last, u"with") || lowerIs(last, u"in"))
        && !inQuote(last)) {
        std::int32_t k2 = last + 1;
        if (lowerIs(k2, u"with") || lowerIs(k2, u"to"))
            ++k2;
        std::int32_t end = -1;
        for (int guard = 0; guard < 6 && k2 < m_n; ++guard, ++k2) {
            if (!isWordAt(k2) && m_tokens[size_t(k2)].kind != TokenKind::Possessive)
                break;
            if (inQuote(k2) || boundaryBefore(k2))
                break;
            const std::uint32_t kc = lex(k2);
            if ((kc & ClosedClass) && !((kc & Determiner) && !(kc & Function)))
                break;
            if ((kc & SpeechVerb) && (kc & (PastForm | IngForm | ThirdForm)))
                break;
            if (kc & Time) {
                end = -1;
                break;
            }
            end = k2 + 1;
        }
        if (end > 0)
            last = end;
    }
    a.kind = MentionKind::Nominal;
    a.first = r;
    a.last = last;
    a.definite = lowerIs(r, u"the");
    return true;
}

void SpeakerPass::findBylines()
{
    const auto &paragraphs = m_text.paragraphs();
    m_bylineParagraph.assign(paragraphs.size(), false);
    m_titleCaseParagraph.assign(paragraphs.size(), false);
    for (size_t p = 0; p < paragraphs.size(); ++p) {
        const TokenRange &r = paragraphs[p];
        std::int32_t k = r.first;
        while (k < r.last && (m_tokens[size_t(k)].kind == TokenKind::Markup || m_tokens[size_t(k)].kind == TokenKind::Punct))
            ++k;
        const std::int32_t len = r.last - r.first;
        bool byline = false;
        if (k < r.last && lowerIs(k, u"by") && nameToken(k + 1) && len < 24)
            byline = true;
        // **Name** at the head of the article
        if (!byline && len < 20 && m_tokens[size_t(r.first)].kind == TokenKind::Markup && nameToken(k) && p < 12) {
            std::int32_t e = nameRunRight(k);
            if (e < r.last && m_tokens[size_t(e)].kind == TokenKind::Markup)
                byline = true;
        }
        for (std::int32_t i = r.first; !byline && i + 1 < r.last && i < r.first + 12; ++i) {
            if ((lowerIs(i, u"reporting") || lowerIs(i, u"editing") || lowerIs(i, u"writing") || lowerIs(i, u"compiled") || lowerIs(i, u"contributed")
                 || lowerIs(i, u"reported"))
                && lowerIs(i + 1, u"by"))
                byline = true;
        }
        m_bylineParagraph[p] = byline;
        int words = 0, capitals = 0;
        for (std::int32_t i = r.first; i < r.last; ++i) {
            if (isWordAt(i) && m_tokens[size_t(i)].length() > 3) {
                ++words;
                capitals += m_tokens[size_t(i)].is(TokenFlag::Capitalized) ? 1 : 0;
            }
        }
        // Title case, or a short line without a full stop: a headline.
        const Token &lastToken = m_tokens[size_t(r.last - 1)];
        const QChar end = m_text.text().at(lastToken.end - 1);
        bool unpunctuated = end != u'.' && end != u'!' && end != u'?' && end != u'"' && end != QChar(0x201D) && end != u':';
        for (std::int32_t i = r.first; unpunctuated && i < r.last; ++i)
            unpunctuated = !isPunct(i, u'.');
        m_titleCaseParagraph[p] = (words >= 3 && capitals * 10 >= words * 7) || (unpunctuated && len < 25);
    }
}

void SpeakerPass::findAttributions()
{
    for (std::int32_t v = 0; v < m_n; ++v) {
        if (m_spanOf[size_t(v)] >= 0 || !isWordAt(v))
            continue;
        const std::uint32_t c = m_lex[size_t(v)];
        const Token &t = m_tokens[size_t(v)];
        if (m_bylineParagraph[size_t(t.paragraph)])
            continue;
        Attribution a;
        a.verb = v;
        if (lowerIs(v, u"according") && lowerIs(v + 1, u"to")) {
            if (parseRightSubject(v + 2, a)) {
                m_attributions.push_back(a);
                continue;
            }
            // according to a tally by the Centre for Conflict Studies
            for (std::int32_t k = v + 2; k < m_n && k < v + 8; ++k) {
                if (!isWordAt(k) || inQuote(k))
                    break;
                if (lowerIs(k, u"by") || lowerIs(k, u"from")) {
                    a = Attribution();
                    a.verb = v;
                    if (parseRightSubject(k + 1, a))
                        m_attributions.push_back(a);
                    break;
                }
            }
            continue;
        }
        if (!(c & SpeechVerb) || t.is(TokenFlag::Capitalized))
            continue;
        if (c & WordNetVerb) {
            // Speech only when what was said follows: tweeted that, posted on X that, wrote: "..."
            bool clause = false;
            for (std::int32_t k = v + 1; k < m_n && k <= v + 4 && !clause; ++k) {
                if (lowerIs(k, u"that") || isPunct(k, u':') || m_tokens[size_t(k)].kind == TokenKind::Quote)
                    clause = true;
                else if (!isWordAt(k) || !((lex(k) & Preposition) || nameToken(k)))
                    break; // "a deal that", "its insistence that": a noun's clause, not speech
            }
            if (!clause)
                continue;
        }
        if (m_text.view(v).startsWith(u"recall", Qt::CaseInsensitive) && isWordAt(v + 1) && !lowerIs(v + 1, u"that") && !lowerIs(v + 1, u"how")
            && !lowerIs(v + 1, u"when"))
            continue; // recalls its ambassador: not speech
        if (parseLeftSubject(v, a)) {
            // "said in a statement that it rejected ...": a pronoun inside reported speech is not a new speaker.
            if ((a.kind == MentionKind::Pronoun || (c & WordNetVerb)) && !m_attributions.empty()
                && m_tokens[size_t(m_attributions.back().verb)].sentence == t.sentence
                && (lowerIs(a.first - 1, u"that") || a.first - 1 == m_attributions.back().verb))
                continue;
            m_attributions.push_back(a);
            continue;
        }
        if (c & WeakVerb)
            continue;
        if ((c & IngForm) && isPunct(v - 1, u',')) {
            // ", adding ...": the speaker is the subject of the sentence, unless
            // the sentence already has its attribution (..., people familiar with the matter said, asking ...).
            if (!m_attributions.empty() && m_tokens[size_t(m_attributions.back().verb)].sentence == t.sentence)
                continue;
            std::int32_t s0 = m_text.sentences()[size_t(t.sentence)].first;
            while (s0 < v && (m_tokens[size_t(s0)].kind == TokenKind::Markup))
                ++s0;
            if (s0 < v && !inQuote(s0)) {
                if (isWordAt(s0) && (lex(s0) & Pronoun) && !(lex(s0) & Function)) {
                    a.kind = MentionKind::Pronoun;
                    a.first = s0;
                    a.last = s0 + 1;
                    a.pronoun = lex(s0);
                    m_attributions.push_back(a);
                } else {
                    // The subject: the phrase from the sentence start up to a verb or a comma.
                    for (std::int32_t h = s0; h < v - 1 && h < s0 + 10; ++h) {
                        const bool verbNext = isWordAt(h + 1) && !m_tokens[size_t(h + 1)].is(TokenFlag::Capitalized)
                            && ((lex(h + 1) & Aux) || (lex(h + 1) == 0 && (m_text.view(h + 1).endsWith(u"ed") || m_text.view(h + 1).endsWith(u"s"))));
                        if (!verbNext && !isPunct(h + 1, u','))
                            continue;
                        Attribution subject;
                        subject.verb = v;
                        if (parseSubjectEndingAt(h, s0, subject, true) && subject.kind != MentionKind::Pronoun) {
                            m_attributions.push_back(subject);
                            break;
                        }
                        if (isPunct(h + 1, u','))
                            break;
                    }
                }
            }
            continue;
        }
        if (!(c & (PastForm | ThirdForm)))
            continue;
        if (lowerIs(v, u"told") || lowerIs(v, u"tells") || lowerIs(v, u"asked") || lowerIs(v, u"asks"))
            continue; // the person after these is the one spoken to
        // Inverted after a quote: ," said X.
        const std::int32_t p = v - 1;
        bool afterQuote = (p >= 0 && m_tokens[size_t(p)].kind == TokenKind::Quote && m_spanOf[size_t(p)] >= 0)
            || (isPunct(p, u',') && p > 0 && m_tokens[size_t(p - 1)].kind == TokenKind::Quote && m_spanOf[size_t(p - 1)] >= 0);
        if (afterQuote) {
            if (parseRightSubject(v + 1, a))
                m_attributions.push_back(a);
        } else if (isPunct(p, u',') && parseRightSubject(v + 1, a) && a.kind != MentionKind::Pronoun) {
            // A reported clause: growth will slow, said the minister.
            const std::int32_t after = a.last;
            if (after >= m_n || isPunct(after, u'.') || isPunct(after, u',') || boundaryBefore(after))
                m_attributions.push_back(a);
        }
    }
}

// ---- entities ------------------------------------------------------------

void SpeakerPass::touch(std::int32_t entity)
{
    auto it = std::find(m_recent.begin(), m_recent.end(), entity);
    if (it != m_recent.end())
        m_recent.erase(it);
    m_recent.insert(m_recent.begin(), entity);
    if (m_recent.size() > 16)
        m_recent.pop_back();
}

void SpeakerPass::registerName(std::int32_t entity, std::int32_t first, std::int32_t last)
{
    const std::int32_t start = m_tokens[size_t(first)].start, end = m_tokens[size_t(last - 1)].end;
    m_fullNames.insert(m_text.view(start, end), entity);
    if (isPunct(last, u'(') && isPunct(last + 2, u')') && isWordAt(last + 1) && m_tokens[size_t(last + 1)].is(TokenFlag::AllCaps))
        m_fullNames.insert(m_text.view(last + 1), entity); // National Electoral Board (NEB)
    const SpeakerEntity &e = m_entities[size_t(entity)];
    // Single words of the name: Lindgren, Chen, Barros, Mensah-Bonsu.
    std::vector<std::pair<std::int32_t, std::int32_t>> words;
    std::int32_t ws = first;
    for (std::int32_t k = first + 1; k <= last; ++k) {
        if (k == last || m_tokens[size_t(k)].is(TokenFlag::SpaceBefore)) {
            words.push_back({ws, k});
            ws = k;
        }
    }
    if (e.kind == EntityKind::Person) {
        if (words.size() < 2)
            return;
        for (std::int32_t k = first; k < last; ++k) {
            if (lex(k) & OrgHead)
                return; // not a person's name after all: no single words of it
        }
        // The surname with its particles: Pieter van der Berg -> van der Berg.
        for (size_t w = 1; w + 1 < words.size(); ++w) {
            const std::int32_t k = words[w].first;
            if ((lex(k) & Particle) && !m_tokens[size_t(k)].is(TokenFlag::Capitalized) && !(lex(words[w - 1].first) & Particle)) {
                m_fullNames.insert(m_text.view(m_tokens[size_t(k)].start, end), entity);
                break;
            }
        }
        for (auto [a, b] : words) {
            if (b - a == 1 && (m_tokens[size_t(a)].length() == 1 || (lex(a) & (Particle | ClosedClass))))
                continue;
            m_nameWords.insert(m_text.view(m_tokens[size_t(a)].start, m_tokens[size_t(b - 1)].end), entity);
        }
    } else if (e.kind == EntityKind::Organisation && e.code.isEmpty()) {
        // Acronym: Office for National Statistics -> ONS.
        QString acronym;
        for (std::int32_t k = first; k < last; ++k) {
            if (nameToken(k) && !(lex(k) & ClosedClass))
                acronym.append(m_text.text().at(m_tokens[size_t(k)].start));
        }
        if (acronym.size() >= 3)
            m_nameWords.insert(acronym, entity);
        // Leading words: Brennan Institute -> Brennan, Valbrook Marine Works Co. -> Valbrook Marine.
        if (lex(words[0].first) & OrgHead)
            return;
        for (size_t w = 1; w < words.size(); ++w) {
            const std::int32_t end = words[w - 1].second;
            if ((lex(end - 1) & (OrgHead | ClosedClass)) || !isWordAt(end - 1))
                break;
            const QStringView prefix = m_text.view(m_tokens[size_t(first)].start, m_tokens[size_t(end - 1)].end);
            if (demonymLike(prefix) || countryAt(m_tokens[size_t(first)].start, m_tokens[size_t(end - 1)].end))
                break;
            if (w == 1)
                m_nameWords.insert(prefix, entity);
            else
                m_fullNames.insert(prefix, entity);
        }
    }
}

std::int32_t SpeakerPass::entityForName(const Attribution &a)
{
    if (a.kind == MentionKind::Country) {
        const std::int32_t known = m_countryEntities.value(a.code, -1);
        if (known >= 0)
            return known;
        SpeakerEntity e;
        e.kind = EntityKind::Organisation;
        e.code = a.code;
        e.name = spanText(a.first, a.last);
        m_entities.push_back(e);
        m_countryEntities.insert(a.code, std::int32_t(m_entities.size()) - 1);
        return std::int32_t(m_entities.size()) - 1;
    }
    const QStringView name = m_text.view(m_tokens[size_t(a.first)].start, m_tokens[size_t(a.last - 1)].end);
    std::int32_t id = m_fullNames.value(name);
    if (id < 0 && !name.contains(u' '))
        id = m_nameWords.value(name);
    if (id < 0 && !a.organisation) {
        // An earlier mention by one word of this name (Lindgren said ... Karin Lindgren).
        std::int32_t ws = a.first;
        for (std::int32_t k = a.first + 1; k <= a.last && id < 0; ++k) {
            if (k == a.last || m_tokens[size_t(k)].is(TokenFlag::SpaceBefore)) {
                const std::int32_t candidate = m_fullNames.value(m_text.view(m_tokens[size_t(ws)].start, m_tokens[size_t(k - 1)].end));
                if (candidate >= 0 && m_entities[size_t(candidate)].kind == EntityKind::Person && !m_entities[size_t(candidate)].name.contains(u' '))
                    id = candidate;
                ws = k;
            }
        }
        if (id >= 0)
            m_entities[size_t(id)].name = name.toString().simplified();
    }
    if (id < 0) {
        SpeakerEntity e;
        e.kind = a.organisation ? EntityKind::Organisation : EntityKind::Person;
        e.name = name.toString().simplified();
        if (a.organisation) {
            for (std::int32_t k = a.first; k < a.last; ++k) {
                if (lex(k) & OrgHead)
                    e.head = m_text.view(k).toString().toLower();
                e.business = e.business || businessWord(k);
            }
        }
        m_entities.push_back(e);
        id = std::int32_t(m_entities.size()) - 1;
    }
    SpeakerEntity &e = m_entities[size_t(id)];
    if (e.gender == Gender::Unknown)
        e.gender = a.gender;
    if (e.role.isEmpty())
        e.role = a.role;
    registerName(id, a.first, a.last);
    return id;
}

std::int32_t SpeakerPass::resolvePronoun(const Attribution &a)
{
    const bool male = a.pronoun & Male, female = a.pronoun & Female;
    const std::int32_t paragraph = m_tokens[size_t(a.first)].paragraph;
    for (std::int32_t id : m_recent) {
        if (id < 0) {
            // A person named as a subject close by, who has not spoken before.
            const std::int32_t c = -id - 2;
            const Candidate &cand = m_candidates[size_t(c)];
            if (!(male || female) || cand.organisation || !cand.subject || cand.paragraph < paragraph - 1)
                continue;
            if ((male && cand.gender == Gender::Female) || (female && cand.gender == Gender::Male))
                continue;
            const std::int32_t entity = promote(c);
            std::replace(m_recent.begin(), m_recent.end(), id, entity);
            return entity;
        }
        const SpeakerEntity &e = m_entities[size_t(id)];
        if (male || female) {
            if (e.kind != EntityKind::Person && !e.personal)
                continue;
            if ((male && e.gender == Gender::Female) || (female && e.gender == Gender::Male))
                continue;
            return id;
        }
        if (a.pronoun & Neuter) {
            if (e.kind == EntityKind::Person || e.plural)
                continue;
            return id;
        }
        if (a.pronoun & Plural) {
            if (e.kind == EntityKind::Unnamed && e.plural)
                return id;
            return -1;
        }
    }
    // Nobody who spoke or stood as a subject: a person named in the same
    // paragraph (the plan was drafted by John Smith. He said ...).
    for (std::int32_t id : m_recent) {
        if (id >= 0 || !(male || female))
            continue;
        const std::int32_t c = -id - 2;
        const Candidate &cand = m_candidates[size_t(c)];
        if (cand.organisation || cand.paragraph != paragraph || (male && cand.gender == Gender::Female) || (female && cand.gender == Gender::Male))
            continue;
        const std::int32_t entity = promote(c);
        std::replace(m_recent.begin(), m_recent.end(), id, entity);
        return entity;
    }
    return -1;
}

std::int32_t SpeakerPass::resolveNominal(const Attribution &a)
{
    const QString head = m_text.view(a.last - 1).toString().toLower();
    const QString text = spanText(a.first, a.last);
    if (a.definite) {
        const bool generic = businessWord(a.last - 1) && !(lex(a.last - 1) & OrgHead && head == QStringLiteral("bank"));
        const std::int32_t paragraph = m_tokens[size_t(a.first)].paragraph;
        // The subject of the reported clause first: Valbrook will issue ..., the company said.
        const std::int32_t sentenceFirst = m_text.sentences()[size_t(m_tokens[size_t(a.first)].sentence)].first;
        for (std::int32_t id : m_recent) {
            if (id >= 0)
                continue;
            const std::int32_t c = -id - 2;
            const Candidate &cand = m_candidates[size_t(c)];
            if (cand.organisation && cand.lastRun <= sentenceFirst + 1 && cand.lastRun >= sentenceFirst
                && (cand.head == head || cand.roleHead == head || (generic && cand.business))) {
                const std::int32_t entity = promote(c);
                std::replace(m_recent.begin(), m_recent.end(), id, entity);
                return entity;
            }
        }
        for (std::int32_t id : m_recent) {
            if (id < 0) {
                // the company, after Valbrook Marine Works Co.
                const std::int32_t c = -id - 2;
                const Candidate &cand = m_candidates[size_t(c)];
                if (cand.organisation && cand.paragraph >= paragraph - 2 && (cand.head == head || cand.roleHead == head || (generic && cand.business))) {
                    const std::int32_t entity = promote(c);
                    std::replace(m_recent.begin(), m_recent.end(), id, entity);
                    return entity;
                }
                continue;
            }
            SpeakerEntity &e = m_entities[size_t(id)];
            if ((e.head == head || (generic && e.business)) && e.kind != EntityKind::Person)
                return id;
            // the Brazilian striker, after "Pereira-Lamas, the striker".
            if (e.kind == EntityKind::Person && !e.role.isEmpty() && (lex(a.last - 1) & PersonNoun)) {
                const qsizetype at = e.role.indexOf(head, 0, Qt::CaseInsensitive);
                if (at >= 0 && (at == 0 || !e.role.at(at - 1).isLetter()) && (at + head.size() == e.role.size() || !e.role.at(at + head.size()).isLetter()))
                    return id;
            }
        }
    }
    SpeakerEntity e;
    e.kind = EntityKind::Unnamed;
    e.name = text;
    e.head = head;
    e.plural = head.endsWith(u's') || (lex(a.last - 1) & Plural);
    if (lex(a.last - 1) & Male)
        e.gender = Gender::Male;
    else if (lex(a.last - 1) & Female)
        e.gender = Gender::Female;
    // A nominal person (a senior diplomat) can be "he" or "she" later.
    e.personal = (lex(a.last - 1) & PersonNoun) && !(lex(a.last - 1) & GroupNoun) && !e.plural;
    m_entities.push_back(e);
    return std::int32_t(m_entities.size()) - 1;
}

bool SpeakerPass::demonymLike(QStringView text) const
{
    // Also adjectives that name no one on their own: Olympic, National, Central.
    static const char16_t *const endings[] = {u"ian", u"ians", u"ans", u"ese", u"ish", u"can", u"yan", u"ean", u"ic", u"al", u"ary"};
    for (const char16_t *e : endings) {
        if (text.endsWith(QStringView(e)))
            return true;
    }
    return false;
}

// Words that make an organisation a company, or name one generically.
bool SpeakerPass::businessWord(std::int32_t i) const
{
    static const char16_t *const words[] = {u"co",        u"corp",      u"corporation", u"inc",     u"ltd",     u"plc",    u"llc",      u"holdings",
                                            u"industries", u"group",    u"securities",  u"partners", u"airlines", u"motors", u"petroleum", u"mutual",
                                            u"insurance", u"capital",  u"company",     u"firm",    u"lender",  u"insurer", u"carrier",  u"maker",
                                            u"shipbuilder", u"manufacturer", u"retailer", u"operator", u"broker", u"analytics", u"bank", u"airways"};
    if (!isWordAt(i))
        return false;
    const QStringView w = m_text.view(i);
    for (const char16_t *b : words) {
        if (w.compare(QStringView(b), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void SpeakerPass::findNameRuns()
{
    for (std::int32_t i = 0; i < m_n;) {
        // A run may open with particles: van der Berg.
        std::int32_t start = i;
        while (isWordAt(start) && (lex(start) & Particle) && !m_tokens[size_t(start)].is(TokenFlag::Capitalized) && start - i < 3)
            ++start;
        if (start > i && isJoiningHyphen(start))
            ++start; // al-Harthy
        if (!nameToken(start) || m_bylineParagraph[size_t(m_tokens[size_t(i)].paragraph)] || (start > i && nameToken(i - 1))) {
            ++i;
            continue;
        }
        const std::int32_t end = nameRunRight(start);
        NameRun run;
        run.first = i;
        run.last = end;
        run.wordBegin = std::int32_t(m_runWords.size());
        m_runWords.push_back(i);
        for (std::int32_t k = i + 1; k < end; ++k) {
            if (m_tokens[size_t(k)].is(TokenFlag::SpaceBefore))
                m_runWords.push_back(k);
        }
        run.wordCount = std::int32_t(m_runWords.size()) - run.wordBegin;
        m_runWords.push_back(end);
        // Titles and honorifics lead the run: President, Ms.
        std::int32_t w = 0;
        bool titled = false;
        while (w < run.wordCount - 1 && (word(run, w + 1) - word(run, w) == 1 || isPunct(word(run, w) + 1, u'.'))
               && (titleWord(word(run, w)) || countryAt(m_tokens[size_t(word(run, w))].start, m_tokens[size_t(word(run, w))].end))) {
            titled = true;
            ++w;
        }
        run.nameWord = w;
        // Could this be a person who is the subject of its sentence? Then a
        // later "she said" may refer to it.
        bool org = false;
        for (std::int32_t k = word(run, w); k < end; ++k)
            org = org || (lex(k) & OrgHead);
        const std::int32_t nameWords = run.wordCount - w;
        const std::int32_t before = i - 1;
        const bool afterPreposition = isWordAt(before) && (lex(before) & Preposition);
        // A subject opens its clause (sentence start, after "and" or a comma)
        // and is followed by a verb or an age apposition.
        const bool opensClause = sentenceInitial(i) || isPunct(before, u',') || lowerIs(before, u"and") || lowerIs(before, u"but") || lowerIs(before, u"while")
            || (isWordAt(before) && (lex(before) & (Title | Honorific)));
        const bool verbAfter = isWordAt(end) && !m_tokens[size_t(end)].is(TokenFlag::Capitalized) && !(lex(end) & (Preposition | Conjunction | Determiner));
        const bool subjectLike = !afterPreposition && opensClause
            && (verbAfter
                || (isPunct(end, u',') && end + 1 < m_n
                    && (m_tokens[size_t(end + 1)].kind == TokenKind::Number || (isWordAt(end + 1) && (lex(end + 1) & Determiner) && !(lex(end + 1) & Function))
                        || (isWordAt(end + 1) && !m_tokens[size_t(end + 1)].is(TokenFlag::Capitalized) && !(lex(end + 1) & ClosedClass)))));
        run.titleCase = m_titleCaseParagraph[size_t(m_tokens[size_t(i)].paragraph)];
        const bool country = countryAt(m_tokens[size_t(word(run, w))].start, m_tokens[size_t(end - 1)].end);
        const bool age = isPunct(end, u',') && end + 2 < m_n && m_tokens[size_t(end + 1)].kind == TokenKind::Number && isPunct(end + 2, u','); // Asha, 29,
        run.candidate = !org && !run.titleCase && (nameWords >= 2 || titled || age) && !m_tokens[size_t(i)].is(TokenFlag::AllCaps) && !country;
        run.subjectLike = subjectLike;
        run.organisation = org && !country && !(lex(word(run, w)) & OrgHead);
        m_runs.push_back(run);
        i = end;
    }
}

// Calls @p found(first, last, entity) for each name of a known source inside @p run.
template<typename F>
void SpeakerPass::matchRun(const NameRun &run, F found) const
{
    std::int32_t w = run.nameWord;
    const std::int32_t nameWords = run.wordCount - run.nameWord;
    while (w < run.wordCount) {
        bool matched = false;
        for (std::int32_t e = run.wordCount; e > w; --e) {
            const std::int32_t first = word(run, w), last = word(run, e);
            const QStringView text = m_text.view(m_tokens[size_t(first)].start, m_tokens[size_t(last - 1)].end);
            std::int32_t id = m_fullNames.value(text);
            if (id < 0 && e == w + 1 && nameWords == 1)
                id = m_nameWords.value(text);
            if (id < 0)
                continue;
            // A source known by one word (Hrytsenko) named in full (Mykola Hrytsenko).
            if (e == w + 1 && nameWords > 1 && !run.titleCase && m_entities[size_t(id)].kind == EntityKind::Person
                && !m_entities[size_t(id)].name.contains(u' ')) {
                found(word(run, run.nameWord), word(run, run.wordCount), id);
                return;
            }
            found(first, last, id);
            w = e;
            matched = true;
            break;
        }
        if (!matched)
            ++w;
    }
}

std::int32_t SpeakerPass::promote(std::int32_t candidate)
{
    Candidate &c = m_candidates[size_t(candidate)];
    if (c.entity >= 0)
        return c.entity;
    SpeakerEntity e;
    e.kind = c.organisation ? EntityKind::Organisation : EntityKind::Person;
    e.name = spanText(c.first, c.last);
    e.gender = c.gender;
    e.head = c.head;
    e.business = c.business;
    m_entities.push_back(e);
    c.entity = std::int32_t(m_entities.size()) - 1;
    registerName(c.entity, c.first, c.last);
    return c.entity;
}

void SpeakerPass::resolveEntities()
{
    // Named sources first, in text order, so that later mentions link back.
    for (Attribution &a : m_attributions) {
        if (a.kind == MentionKind::Name || a.kind == MentionKind::Country)
            a.entity = entityForName(a);
    }
    findNameRuns();
    m_paragraphSubject.assign(m_text.paragraphs().size(), {-1, -1});
    // Attribution mentions in text order.
    std::vector<std::int32_t> byPosition(m_attributions.size());
    for (size_t i = 0; i < byPosition.size(); ++i)
        byPosition[i] = std::int32_t(i);
    std::sort(byPosition.begin(), byPosition.end(), [this](std::int32_t x, std::int32_t y) { return m_attributions[size_t(x)].first < m_attributions[size_t(y)].first; });

    // First walk: resolve pronouns and nominal mentions against the sources
    // (and subject-like person names) mentioned most recently.
    size_t ai = 0;
    for (size_t ri = 0; ri <= m_runs.size(); ++ri) {
        const std::int32_t runFirst = ri < m_runs.size() ? m_runs[ri].first : m_n;
        for (; ai < byPosition.size() && m_attributions[size_t(byPosition[ai])].first <= runFirst; ++ai) {
            Attribution &a = m_attributions[size_t(byPosition[ai])];
            if (a.kind == MentionKind::Pronoun)
                a.entity = resolvePronoun(a);
            else if (a.kind == MentionKind::Nominal)
                a.entity = resolveNominal(a);
            if (a.entity < 0)
                continue;
            SpeakerEntity &e = m_entities[size_t(a.entity)];
            if (a.kind == MentionKind::Pronoun && e.gender == Gender::Unknown && (e.kind == EntityKind::Person || e.personal))
                e.gender = (a.pronoun & Male) ? Gender::Male : (a.pronoun & Female) ? Gender::Female : Gender::Unknown;
            touch(a.entity);
        }
        if (ri == m_runs.size())
            break;
        const NameRun &run = m_runs[ri];
        bool any = false;
        const std::int32_t paragraph = m_tokens[size_t(run.first)].paragraph;
        matchRun(run, [&](std::int32_t, std::int32_t, std::int32_t id) {
            touch(id);
            any = true;
            if (run.subjectLike && m_entities[size_t(id)].kind == EntityKind::Person && m_paragraphSubject[size_t(paragraph)].second == -1)
                m_paragraphSubject[size_t(paragraph)] = {run.first, id};
        });
        if (!any) {
            const std::int32_t first = word(run, run.nameWord);
            const QStringView text = m_text.view(m_tokens[size_t(first)].start, m_tokens[size_t(run.last - 1)].end);
            std::int32_t c = m_candidateNames.value(text);
            if (c < 0 && run.organisation) {
                Candidate cand;
                cand.first = first;
                cand.last = run.last;
                cand.organisation = true;
                for (std::int32_t k = first; k < run.last; ++k) {
                    if (lex(k) & OrgHead)
                        cand.head = m_text.view(k).toString().toLower();
                    cand.business = cand.business || businessWord(k);
                }
                // ", a rebel group,": what "the group" will call it later.
                if (isPunct(run.last, u',') && isWordAt(run.last + 1) && (lex(run.last + 1) & Determiner)) {
                    std::int32_t k = run.last + 2;
                    while (k < m_n && k < run.last + 8 && isWordAt(k) && !(lex(k) & (ClosedClass & ~Determiner)))
                        ++k;
                    if (k > run.last + 2 && (isPunct(k, u',') || isPunct(k, u'.')))
                        cand.roleHead = m_text.view(k - 1).toString().toLower();
                }
                m_candidates.push_back(cand);
                c = std::int32_t(m_candidates.size()) - 1;
                m_candidateNames.insert(text, c);
                // Valbrook Marine Works Co. is also Valbrook later.
                for (std::int32_t w = run.nameWord + 1; w < run.wordCount; ++w) {
                    const std::int32_t end = word(run, w);
                    if ((lex(end - 1) & (OrgHead | ClosedClass)) || !isWordAt(end - 1))
                        continue;
                    const QStringView prefix = m_text.view(m_tokens[size_t(first)].start, m_tokens[size_t(end - 1)].end);
                    if (!demonymLike(prefix) && !countryAt(m_tokens[size_t(first)].start, m_tokens[size_t(end - 1)].end))
                        m_candidateNames.insert(prefix, c);
                }
            }
            if (c < 0 && run.candidate) {
                Candidate cand;
                cand.first = first;
                cand.last = run.last;
                const std::uint32_t t = lex(run.first);
                if (run.nameWord > 0 && (t & Male))
                    cand.gender = Gender::Male;
                else if (run.nameWord > 0 && (t & Female))
                    cand.gender = Gender::Female;
                m_candidates.push_back(cand);
                c = std::int32_t(m_candidates.size()) - 1;
                m_candidateNames.insert(text, c);
            }
            if (c >= 0) {
                m_candidates[size_t(c)].paragraph = paragraph;
                m_candidates[size_t(c)].lastRun = run.first;
                m_candidates[size_t(c)].subject = run.subjectLike;
                const std::int32_t id = m_candidates[size_t(c)].entity;
                touch(id >= 0 ? id : -(c + 2));
                if (run.subjectLike && !m_candidates[size_t(c)].organisation && m_paragraphSubject[size_t(paragraph)].second == -1)
                    m_paragraphSubject[size_t(paragraph)] = {run.first, id >= 0 ? id : -(c + 2)};
            }
        }
    }

    buildMentions();
}

// Every name mention of every source, and the attribution mentions, in text order.
void SpeakerPass::buildMentions()
{
    m_mentions.clear();
    for (const NameRun &run : m_runs) {
        matchRun(run, [&](std::int32_t first, std::int32_t last, std::int32_t id) {
            Mention m;
            m.first = first;
            m.last = last;
            m.entity = id;
            m.priority = 1;
            m_mentions.push_back(m);
        });
    }
    for (std::int32_t i = 0; i < std::int32_t(m_attributions.size()); ++i) {
        const Attribution &a = m_attributions[size_t(i)];
        if (a.entity < 0)
            continue;
        Mention m;
        m.first = a.first;
        m.last = a.last;
        m.entity = a.entity;
        m.attribution = i;
        m.priority = 0;
        m_mentions.push_back(m);
    }
    std::sort(m_mentions.begin(), m_mentions.end(), [](const Mention &x, const Mention &y) {
        if (x.first != y.first)
            return x.first < y.first;
        return x.priority < y.priority;
    });
    std::vector<Mention> kept;
    kept.reserve(m_mentions.size());
    std::int32_t coveredUntil = -1;
    for (const Mention &m : m_mentions) {
        if (m.first < coveredUntil)
            continue;
        // A name inside a nominal mention is a mention too: A Valbrook spokesperson.
        if (m.attribution < 0 || m_attributions[size_t(m.attribution)].kind != MentionKind::Nominal)
            coveredUntil = m.last;
        kept.push_back(m);
        // A name in a script without capitals in brackets after it: Kenji Morita (森田健二).
        const std::int32_t k = m.last;
        if (isPunct(k, u'(') && isWordAt(k + 1) && isPunct(k + 2, u')') && m_attributions.size() < 100000) {
            const QStringView w = m_text.view(k + 1);
            bool cased = false;
            for (QChar c : w)
                cased = cased || c.isUpper() || c.isLower() || c.isDigit();
            if (!cased || (m_tokens[size_t(k + 1)].is(TokenFlag::AllCaps) && m_fullNames.value(w) == m.entity)) {
                Mention alias = m;
                alias.first = k + 1;
                alias.last = k + 2;
                alias.attribution = -1;
                kept.push_back(alias);
                coveredUntil = k + 2;
            }
        }
    }
    m_mentions.swap(kept);
}

// ---- quotes ----------------------------------------------------------------

void SpeakerPass::attributeQuotes()
{
    const size_t count = m_spans.size();
    m_quoteSpeaker.assign(count, -1);
    // Attributions by the token their clause starts and ends at.
    std::vector<std::int32_t> startsAt(size_t(m_n), -1), endsAt(size_t(m_n), -1);
    std::vector<std::int32_t> bySentenceFirst; // first attribution per sentence
    const size_t sentences = m_text.sentences().size();
    bySentenceFirst.assign(sentences + 1, -1);
    std::vector<std::int32_t> paragraphLast(m_text.paragraphs().size(), -1); // last speaker per paragraph
    std::vector<std::int32_t> paragraphLastPos(m_text.paragraphs().size(), -1);
    for (std::int32_t i = 0; i < std::int32_t(m_attributions.size()); ++i) {
        const Attribution &a = m_attributions[size_t(i)];
        if (a.entity < 0)
            continue;
        startsAt[size_t(a.clauseFirst())] = i;
        endsAt[size_t(a.clauseLast())] = i;
    }
    // Attributions are in verb order; group them by sentence of the verb.
    std::vector<std::int32_t> nextInSentence(m_attributions.size(), -1);
    for (std::int32_t i = std::int32_t(m_attributions.size()) - 1; i >= 0; --i) {
        const Attribution &a = m_attributions[size_t(i)];
        if (a.entity < 0)
            continue;
        const std::int32_t s = m_tokens[size_t(a.verb)].sentence;
        nextInSentence[size_t(i)] = bySentenceFirst[size_t(s)];
        bySentenceFirst[size_t(s)] = i;
        const std::int32_t p = m_tokens[size_t(a.verb)].paragraph;
        if (a.verb > paragraphLastPos[size_t(p)]) {
            paragraphLastPos[size_t(p)] = a.verb;
            paragraphLast[size_t(p)] = a.entity;
        }
    }
    auto skipPunct = [&](std::int32_t k, int dir) {
        for (int guard = 0; guard < 3 && k >= 0 && k < m_n; ++guard) {
            const Token &t = m_tokens[size_t(k)];
            if (t.kind == TokenKind::Punct && !isPunct(k, u'.') && !isPunct(k, u'(') && !isPunct(k, u')'))
                k += dir;
            else if (dir < 0 && (lowerIs(k, u"that") || lowerIs(k, u"as")))
                k += dir;
            else
                break;
        }
        return k;
    };
    auto sameSentence = [&](const QuotedSpan &q) -> std::int32_t {
        const std::int32_t markA = q.open >= 0 ? q.open : q.first;
        const std::int32_t markB = q.close >= 0 ? q.close : q.last - 1;
        std::int32_t best = -1, bestDistance = 1 << 30;
        for (std::int32_t s = m_tokens[size_t(markA)].sentence; s <= m_tokens[size_t(markB)].sentence; ++s) {
            if (s != m_tokens[size_t(markA)].sentence && s != m_tokens[size_t(markB)].sentence)
                continue;
            int seen = 0; // a sentence without full stops must not make this quadratic
            for (std::int32_t i = bySentenceFirst[size_t(s)]; i >= 0 && seen < 64; i = nextInSentence[size_t(i)], ++seen) {
                const Attribution &a = m_attributions[size_t(i)];
                const std::int32_t d = a.verb < markA ? markA - a.verb : a.verb - markB;
                if (d >= 0 && d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
        return best;
    };
    std::vector<std::int32_t> local(count, -1);
    for (size_t qi = 0; qi < count; ++qi) {
        const QuotedSpan &q = m_spans[qi];
        std::int32_t found = -1;
        if (q.close >= 0) {
            const std::int32_t k = skipPunct(q.close + 1, 1);
            // Not across a sentence end: ... their duty." The rebel group said ...
            if (k < m_n && m_tokens[size_t(k)].paragraph == q.paragraph && startsAt[size_t(k)] >= 0 && !m_tokens[size_t(k)].is(TokenFlag::SentenceStart))
                found = startsAt[size_t(k)];
        }
        if (found < 0 && q.open >= 0) {
            const std::int32_t k = skipPunct(q.open - 1, -1);
            if (k >= 0 && m_tokens[size_t(k)].paragraph == q.paragraph && endsAt[size_t(k)] >= 0)
                found = endsAt[size_t(k)];
        }
        if (found < 0)
            found = sameSentence(q);
        if (found >= 0)
            local[qi] = m_attributions[size_t(found)].entity;
    }
    // Quotes that are partial phrases inside narration need their own attribution.
    auto partial = [&](const QuotedSpan &q) { return q.single || (!q.endsClause && q.words <= 6); };
    for (size_t qi = 0; qi < count; ++qi)
        m_quoteSpeaker[qi] = local[qi];
    // Parts of one quote over several paragraphs share their speaker.
    for (size_t qi = 0; qi < count; ++qi) {
        const std::int32_t prev = m_spans[qi].continues;
        if (prev < 0)
            continue;
        if (m_quoteSpeaker[qi] < 0)
            m_quoteSpeaker[qi] = m_quoteSpeaker[size_t(prev)];
    }
    for (size_t qi = count; qi-- > 0;) {
        const std::int32_t prev = m_spans[qi].continues;
        if (prev >= 0 && m_quoteSpeaker[size_t(prev)] < 0)
            m_quoteSpeaker[size_t(prev)] = m_quoteSpeaker[qi];
    }
    // Split quotes and quotes without an attribution of their own follow the
    // previous quote in the paragraph, then the last speaker of the previous paragraph.
    for (size_t qi = 0; qi < count; ++qi) {
        const QuotedSpan &q = m_spans[qi];
        if (m_quoteSpeaker[qi] < 0 && !partial(q)) {
            const auto [subjectAt, subject] = m_paragraphSubject[size_t(q.paragraph)];
            if (qi > 0 && m_spans[qi - 1].paragraph == q.paragraph && m_quoteSpeaker[qi - 1] >= 0) {
                m_quoteSpeaker[qi] = m_quoteSpeaker[qi - 1];
            } else if (subject != -1 && subjectAt < (q.open >= 0 ? q.open : q.first) && paragraphLastPos[size_t(q.paragraph)] < 0) {
                // Tom Adebayo-Carr, a trade economist, put it more bluntly. "..."
                if (subject >= 0) {
                    m_quoteSpeaker[qi] = subject;
                } else {
                    m_quoteSpeaker[qi] = promote(-subject - 2);
                    m_paragraphSubject[size_t(q.paragraph)].second = m_quoteSpeaker[qi];
                    m_lateSpeakers = true;
                }
            } else if (q.paragraph > 0 && paragraphLastPos[size_t(q.paragraph)] < 0 && paragraphLast[size_t(q.paragraph - 1)] >= 0)
                m_quoteSpeaker[qi] = paragraphLast[size_t(q.paragraph - 1)];
        }
        if (m_quoteSpeaker[qi] >= 0) {
            const std::int32_t pos = q.first;
            if (pos > paragraphLastPos[size_t(q.paragraph)]) {
                paragraphLastPos[size_t(q.paragraph)] = pos;
                paragraphLast[size_t(q.paragraph)] = m_quoteSpeaker[qi];
            }
        }
    }
}

// ---- output ------------------------------------------------------------------

void SpeakerPass::emit()
{
    std::vector<QString> ids(m_entities.size());
    std::vector<bool> used(m_entities.size(), false);
    for (const Mention &m : m_mentions) {
        used[size_t(m.entity)] = true;
        // The entity is named by its longest name mention (Jakob Lindahl, not Lindahl).
        SpeakerEntity &e = m_entities[size_t(m.entity)];
        const bool name = m.attribution < 0 || m_attributions[size_t(m.attribution)].kind == MentionKind::Name;
        if (name && e.kind != EntityKind::Unnamed && e.code.isEmpty() && m.end <= m.start) {
            const qint32 length = m_tokens[size_t(m.last - 1)].end - m_tokens[size_t(m.first)].start;
            if (length > e.name.size() && m_tokens[size_t(m.first)].paragraph == m_tokens[size_t(m.last - 1)].paragraph)
                e.name = spanText(m.first, m.last);
        }
    }
    for (size_t e = 0; e < m_entities.size(); ++e) {
        if (!used[e])
            continue;
        const SpeakerEntity &se = m_entities[e];
        ids[e] = m_out.addEntity(Types::Speaker, se.name);
        Entity &entity = m_out.entities.last();
        entity.attributes.insert(Attr::Kind,
                                 se.kind == EntityKind::Person             ? QStringLiteral("person")
                                     : se.kind == EntityKind::Organisation ? QStringLiteral("organisation")
                                                                           : QStringLiteral("unnamed"));
        if (!se.role.isEmpty())
            entity.attributes.insert(Attr::Role, se.role);
        if (!se.code.isEmpty())
            entity.attributes.insert(Attr::Code, se.code);
    }
    for (const Mention &m : m_mentions) {
        std::int32_t start = m.start, end = m.end;
        if (end <= start) {
            start = m_tokens[size_t(m.first)].start;
            end = m_tokens[size_t(m.last - 1)].end;
        }
        const qsizetype index = m_out.add(m_text, Types::Speaker, start, end);
        Annotation &a = m_out.annotations[index];
        a.entity = ids[size_t(m.entity)];
        if (m.attribution >= 0) {
            const QString &role = m_attributions[size_t(m.attribution)].role;
            if (!role.isEmpty())
                a.attributes.insert(Attr::Role, role);
        }
    }
    for (size_t qi = 0; qi < m_spans.size(); ++qi) {
        const std::int32_t speaker = m_quoteSpeaker[qi];
        if (speaker < 0 || ids[size_t(speaker)].isEmpty())
            continue;
        const QuotedSpan &q = m_spans[qi];
        const qsizetype index = m_out.add(m_text, Types::Quote, m_tokens[size_t(q.first)].start, m_tokens[size_t(q.last - 1)].end);
        m_out.annotations[index].saidBy = ids[size_t(speaker)];
    }
}

void SpeakerPass::run()
{
    if (m_n == 0)
        return;
    m_lex.resize(size_t(m_n));
    for (std::int32_t i = 0; i < m_n; ++i) {
        if (m_tokens[size_t(i)].kind == TokenKind::Word) {
            const Token &t = m_tokens[size_t(i)];
            // US, IT: acronyms, not the words they spell (but a title in capitals keeps its class).
            std::uint32_t c = m_lexicon.classes(m_text.view(i));
            if (t.is(TokenFlag::AllCaps) && t.length() <= 4)
                c &= (Title | OrgHead | Honorific);
            m_lex[size_t(i)] = c;
        }
    }
    // Country annotations from the country recogniser, by UTF-16 position.
    for (const Annotation &a : std::as_const(m_out.annotations)) {
        if (a.type == Types::Country)
            m_countries.push_back(&a);
    }
    std::sort(m_countries.begin(), m_countries.end(), [](const Annotation *x, const Annotation *y) { return x->start < y->start; });
    m_countryStarts.reserve(m_countries.size());
    for (const Annotation *a : m_countries) {
        m_countryStarts.push_back(std::int32_t(m_text.offsets().toUtf16(a->start)));
        m_countryEnds.push_back(std::int32_t(m_text.offsets().toUtf16(a->end)));
    }
    m_spans = QuoteFinder::find(m_text, m_spanOf);
    findBylines();
    findAttributions();
    resolveEntities();
    attributeQuotes();
    if (m_lateSpeakers)
        buildMentions();
    // m_countries points into m_out.annotations: stop using it before adding.
    m_countries.clear();
    emit();
}

} // namespace

const SpeakerRecognizer &SpeakerRecognizer::instance()
{
    static const SpeakerRecognizer recognizer;
    SpeakerLexicon::instance();
    return recognizer;
}

void SpeakerRecognizer::recognize(const AnalyzedText &text, Recognition &out) const
{
    SpeakerPass pass(text, out);
    pass.run();
}

} // namespace annotator
