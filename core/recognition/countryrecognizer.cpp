#include "countryrecognizer.h"

#include "analyzedtext.h"
#include "lexicon.h"
#include "recognition.h"

#include <QHash>

#include <algorithm>

namespace annotator {

namespace {

bool isHyphen(const AnalyzedText &text, qsizetype i)
{
    if (i < 0 || i >= text.size())
        return false;
    const Token &t = text.token(i);
    return t.kind == TokenKind::Punct && t.length() == 1 && AnalyzedText::isDash(text.text().at(t.start))
        && !t.is(TokenFlag::SpaceBefore) && !t.is(TokenFlag::SpaceAfter);
}

bool isCapitalizedWord(const AnalyzedText &text, qsizetype i)
{
    return text.isWord(i) && text.token(i).is(TokenFlag::Capitalized);
}

bool sameSentence(const AnalyzedText &text, qsizetype a, qsizetype b)
{
    return a >= 0 && b >= 0 && a < text.size() && b < text.size() && text.token(a).sentence == text.token(b).sentence;
}

bool sameLine(const AnalyzedText &text, qsizetype a, qsizetype b)
{
    return a >= 0 && b >= 0 && a < text.size() && b < text.size() && text.token(a).paragraph == text.token(b).paragraph;
}

bool wordIs(const AnalyzedText &text, qsizetype i, const char16_t *w)
{
    return text.isWord(i) && text.view(i).compare(QStringView(w), Qt::CaseInsensitive) == 0;
}

// Letters of a token, for the all-caps test.
int letters(QStringView v)
{
    int n = 0;
    for (QChar c : v)
        n += c.isLetter() ? 1 : 0;
    return n;
}

} // namespace

size_t CountryRecognizer::ViewHash::operator()(QStringView v) const noexcept
{
    return qHash(v);
}

const CountryRecognizer &CountryRecognizer::instance()
{
    static const CountryRecognizer recognizer;
    return recognizer;
}

void CountryRecognizer::addEntry(const QString &form, const QString &code, Kind kind)
{
    QString name = form.trimmed();
    if (name.startsWith(QStringLiteral("the "), Qt::CaseInsensitive))
        name = name.mid(4); // the span never includes a leading "the"
    if (name.isEmpty() || name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('(')))
        return; // "Korea, Republic of": an index form, never written in running text
    // Split the form exactly as articles are split, so matching compares token to token.
    const AnalyzedText tokens(name);
    if (tokens.size() == 0)
        return;
    Entry e;
    e.code = code;
    e.kind = kind;
    for (qsizetype i = 1; i < tokens.size(); ++i)
        e.rest.push_back(tokens.view(i).toString());
    std::vector<Entry> &list = m_entries[tokens.view(0).toString()];
    for (const Entry &other : list) {
        if (other.rest == e.rest)
            return; // first table wins: names before demonyms before capitals
    }
    list.push_back(std::move(e));
    // Longest first, so "South Korea" wins over "South".
    std::stable_sort(list.begin(), list.end(), [](const Entry &a, const Entry &b) { return a.rest.size() > b.rest.size(); });
}

CountryRecognizer::CountryRecognizer()
{
    // Sovereign states are those in the hand-written capitals and demonyms
    // tables; iso-codes also lists territories (Aruba, Greenland), which are
    // not Countries.
    QSet<QString> states;
    for (const QStringList &row : Lexicon::table(QStringLiteral("capitals.tsv")))
        states.insert(row.value(0));
    for (const QStringList &row : Lexicon::table(QStringLiteral("demonyms.tsv")))
        states.insert(row.value(0));

    for (const QStringList &row : Lexicon::table(QStringLiteral("country-aliases.tsv"))) {
        if (row.size() >= 2)
            addEntry(row[1], row[0], Kind::Name);
    }
    for (const QStringList &row : Lexicon::table(QStringLiteral("countries.tsv"))) {
        if (!states.contains(row.value(0)))
            continue;
        for (qsizetype i = 1; i < row.size(); ++i)
            addEntry(row[i], row[0], Kind::Name);
    }
    for (const QStringList &row : Lexicon::table(QStringLiteral("demonyms.tsv"))) {
        if (row.size() >= 2)
            addEntry(row[1], row[0], Kind::Demonym);
    }
    for (const QStringList &row : Lexicon::table(QStringLiteral("capitals.tsv"))) {
        if (row.size() >= 2)
            addEntry(row[1], row[0], Kind::Capital);
    }
    for (const QStringList &row : Lexicon::table(QStringLiteral("country-context.tsv"))) {
        if (row.size() >= 2 && row[0] == QStringLiteral("not-country"))
            addEntry(row[1], QString(), Kind::NotCountry);
    }

    const QHash<QString, WordSet *> categories{
        {QStringLiteral("org-head"), &m_orgHead},
        {QStringLiteral("state-head"), &m_stateHead},
        {QStringLiteral("state-modifier"), &m_stateModifier},
        {QStringLiteral("ambiguous-head"), &m_ambiguousHead},
        {QStringLiteral("place-before"), &m_placeBefore},
        {QStringLiteral("gov-before"), &m_govBefore},
        {QStringLiteral("gov-noun"), &m_govNoun},
        {QStringLiteral("place-noun"), &m_placeNoun},
        {QStringLiteral("gov-after"), &m_govAfter},
        {QStringLiteral("gov-hyphen"), &m_govHyphen},
        {QStringLiteral("aux"), &m_aux},
        {QStringLiteral("adverb"), &m_adverb},
        {QStringLiteral("region-before"), &m_regionBefore},
        {QStringLiteral("region-inside"), &m_regionInside},
        {QStringLiteral("place-after"), &m_placeAfter},
        {QStringLiteral("language-before"), &m_languageBefore},
        {QStringLiteral("language-after"), &m_languageAfter},
        {QStringLiteral("given-name"), &m_givenName},
        {QStringLiteral("us-state-city"), &m_usStateCity},
        {QStringLiteral("us-state-after"), &m_usStateAfter},
        {QStringLiteral("country-cue"), &m_countryCue},
        {QStringLiteral("us-state"), &m_usState},
        {QStringLiteral("time-word"), &m_timeWord},
    };
    QSet<QString> placeVerbs;
    for (const QStringList &row : Lexicon::table(QStringLiteral("country-context.tsv"))) {
        if (row.size() < 2)
            continue;
        if (row[0] == QStringLiteral("place-verb"))
            placeVerbs.insert(row[1]);
        else if (WordSet *set = categories.value(row[0]))
            set->insert(row[1]);
    }
    for (const QStringList &row : Lexicon::table(QStringLiteral("wn-verb.tsv"))) {
        if (row.size() < 2 || row[0].contains(QLatin1Char(' ')))
            continue;
        m_verbForms.insert(row[0]);
        if (row[0] != row[1] && !row[0].endsWith(QStringLiteral("ing")))
            m_finiteVerbForms.insert(row[0]);
        if (placeVerbs.contains(row[1]))
            m_placeVerbForms.insert(row[0]);
    }
    // Verbs of motion (flocked to Paris, shuttles between Tehran and Riyadh).
    for (const QStringList &row : Lexicon::table(QStringLiteral("wn-verb.motion.tsv"))) {
        if (!row.isEmpty() && !row[0].contains(QLatin1Char(' ')))
            m_motionVerbForms.insert(row[0]);
    }
}

bool CountryRecognizer::inSet(const WordSet &set, const AnalyzedText &text, qsizetype token) const
{
    return text.isWord(token) && set.find(text.view(token)) != set.end();
}

bool CountryRecognizer::inSetLower(const WordSet &set, const AnalyzedText &text, qsizetype token) const
{
    if (!text.isWord(token))
        return false;
    const QStringView v = text.view(token);
    if (set.find(v) != set.end())
        return true;
    // Only reached near a candidate mention, so the allocation is rare.
    return v.front().isUpper() && set.find(text.lower(token)) != set.end();
}

void CountryRecognizer::recognize(const AnalyzedText &text, Recognition &out) const
{
    const std::vector<Token> &tokens = text.tokens();
    const std::int32_t n = std::int32_t(tokens.size());
    std::vector<Match> matches;
    for (std::int32_t i = 0; i < n; ++i) {
        const Token &t = tokens[size_t(i)];
        if (t.kind != TokenKind::Word || !(t.flags & TokenFlag::Capitalized))
            continue;
        auto it = m_entries.find(text.view(i));
        bool caps = false;
        if (it == m_entries.end()) {
            // An all-caps headline: CHINA'S EXPORTS SURGE. Rare, so the
            // allocation for the title-cased form does not matter.
            if (!(t.flags & TokenFlag::AllCaps) || t.length() < 3)
                continue;
            QString title = text.lower(i);
            title[0] = title[0].toUpper();
            it = m_entries.find(title);
            if (it == m_entries.end())
                continue;
            caps = true;
        }
        for (const Entry &e : it->second) {
            if (caps && e.kind == Kind::Capital)
                continue; // MOSCOW, March 3: a dateline
            std::int32_t j = i + 1;
            bool ok = true;
            for (const QString &r : e.rest) {
                if (j >= n || text.view(j).compare(QStringView(r), caps ? Qt::CaseInsensitive : Qt::CaseSensitive) != 0) {
                    ok = false;
                    break;
                }
                ++j;
            }
            if (ok) {
                matches.push_back(Match{i, j, &e, Match::Undecided, caps});
                i = j - 1;
                break;
            }
        }
    }
    if (matches.empty())
        return;

    // Whether the article is set in the US state of Georgia: looked up once,
    // and only for an article that names Georgia.
    int georgiaState = -1;
    for (size_t m = 0; m < matches.size(); ++m) {
        Match &match = matches[m];
        match.state = judge(text, matches, m);
        if (match.state == Match::Keep && match.entry->kind == Kind::Name && match.entry->code == u"GE") {
            if (georgiaState < 0) {
                // Atlanta or another US state named, and nothing of the Caucasus.
                bool usSigns = false, countryCue = false;
                for (std::int32_t i = 0; i < n; ++i) {
                    if (!(tokens[size_t(i)].flags & TokenFlag::Capitalized))
                        continue;
                    usSigns = usSigns || inSet(m_usStateCity, text, i) || inSet(m_usState, text, i);
                    countryCue = countryCue || inSet(m_countryCue, text, i);
                }
                georgiaState = usSigns && !countryCue ? 1 : 0;
            }
            if (isUsState(text, match)) {
                match.state = Match::Drop;
            } else if (georgiaState == 1) {
                // Still the country next to another one: "Russia's war with Georgia".
                bool abroad = false;
                for (const Match &o : matches) {
                    if (o.entry->kind != Kind::Capital && o.entry->kind != Kind::NotCountry && o.entry->code != u"US"
                        && o.entry->code != u"GE" && sameSentence(text, o.first, match.first))
                        abroad = true;
                }
                if (!abroad)
                    match.state = Match::Drop;
            }
        }
    }

    for (const Match &m : matches) {
        if (m.state != Match::Keep)
            continue;
        const qsizetype idx = out.add(text, Types::Country, tokens[size_t(m.first)].start, tokens[size_t(m.last - 1)].end);
        out.annotations[idx].attributes.insert(Attr::Code, m.entry->code);
    }
}

bool CountryRecognizer::isUsState(const AnalyzedText &text, const Match &match) const
{
    const qsizetype p = match.first - 1, x = match.last;
    // Atlanta, Georgia; Georgia's governor; the state of Georgia.
    if (text.isPunct(p, u',') && inSet(m_usStateCity, text, p - 1))
        return true;
    if (x < text.size() && text.token(x).kind == TokenKind::Possessive && inSetLower(m_usStateAfter, text, x + 1))
        return true;
    if (wordIs(text, p, u"of") && wordIs(text, p - 1, u"state"))
        return true;
    // Alabama and Georgia; Georgia, Florida.
    const bool joinedBefore = wordIs(text, p, u"and") || wordIs(text, p, u"or") || text.isPunct(p, u',');
    const bool joinedAfter = wordIs(text, x, u"and") || wordIs(text, x, u"or") || text.isPunct(x, u',');
    return (joinedBefore && inSet(m_usState, text, p - 1)) || (joinedAfter && inSet(m_usState, text, x + 1));
}

CountryRecognizer::Body CountryRecognizer::bodyAround(const AnalyzedText &text, const Match &match) const
{
    // The capitalised name around the mention: "East China Normal University",
    // "Center for a New American Security", "China Development Bank".
    const qsizetype n = text.size();
    const std::int32_t sentence = text.token(match.first).sentence;
    qsizetype lo = match.first, hi = match.last - 1;
    for (qsizetype k = match.first - 1, steps = 0; k >= 0 && steps < 8 && text.token(k).sentence == sentence; --k, ++steps) {
        const Token &t = text.token(k);
        if (t.kind == TokenKind::Word && t.is(TokenFlag::Capitalized)) {
            lo = k;
            continue;
        }
        if (t.kind == TokenKind::Word) {
            const QStringView v = text.view(k);
            if (v == u"of" || v == u"for" || v == u"the" || v == u"a" || v == u"de")
                continue;
        }
        if (t.kind == TokenKind::Possessive && isCapitalizedWord(text, k - 1) && k + 1 != match.first)
            continue; // People's Bank of Vietnam, but not the Harlow Institute's Chile desk
        if (isHyphen(text, k))
            continue;
        break;
    }
    for (qsizetype k = match.last, steps = 0; k < n && steps < 8 && text.token(k).sentence == sentence; ++k, ++steps) {
        const Token &t = text.token(k);
        if (t.kind == TokenKind::Word && t.is(TokenFlag::Capitalized)) {
            hi = k;
            continue;
        }
        if (t.kind == TokenKind::Word) {
            const QStringView v = text.view(k);
            if (v == u"of" || v == u"for" || v == u"the" || v == u"on" || v == u"de")
                continue;
            // "Norwegian Olympic and Paralympic Committee": "and" joins words of
            // one name only when the name then ends in a head word.
            if (v == u"and") {
                bool head = false;
                for (qsizetype j = k + 1; j < n && j <= k + 4 && isCapitalizedWord(text, j); ++j) {
                    const QStringView w = text.view(j);
                    head = head || m_orgHead.find(w) != m_orgHead.end() || m_stateHead.find(w) != m_stateHead.end()
                        || m_ambiguousHead.find(w) != m_ambiguousHead.end();
                }
                if (head)
                    continue;
            }
        }
        if (text.isPunct(k, u'&') || isHyphen(text, k))
            continue;
        break;
    }
    if (lo == match.first && hi == match.last - 1)
        return Body::None;
    // A word after the mention that is not part of the name may follow "of"
    // (China Development Bank of ...): the modifiers of the name's head.
    bool stateModifier = false;
    for (qsizetype k = lo; k <= hi; ++k) {
        if ((k < match.first || k >= match.last) && inSet(m_stateModifier, text, k))
            stateModifier = true;
    }
    // 1: an organ of the state, 2: another body, 0: the word does not say.
    auto bodyKind = [&](qsizetype k) -> int {
        if (!text.isWord(k) || (k >= match.first && k < match.last))
            return 0;
        const QStringView v = text.view(k);
        if (m_ambiguousHead.find(v) != m_ambiguousHead.end()) {
            // Bank of Canada is the central bank, Bank of America a company;
            // China Development Bank and the Russian Security Council are the state's.
            const bool ofCountry = k + 2 == match.first && wordIs(text, k + 1, u"of") && text.view(match.first) != u"America";
            return stateModifier || ofCountry ? 1 : 2;
        }
        if (m_stateHead.find(v) != m_stateHead.end())
            return 1;
        if (m_orgHead.find(v) != m_orgHead.end())
            return 2;
        return 0;
    };
    // The head of the name: the word before its first "of" or "for"
    // (Bank of Canada, Center for a New American Security), else its last word
    // (Norwegian Refugee Council, Japanese Defence Ministry).
    qsizetype head = hi;
    for (qsizetype k = lo + 1; k <= hi; ++k) {
        if (wordIs(text, k, u"of") || wordIs(text, k, u"for")) {
            head = k - 1;
            break;
        }
    }
    // A head that does not say falls back on the words right beside the
    // mention (US Navy Seals), not on every word of a title-case headline.
    int kind = bodyKind(head);
    if (kind == 0)
        kind = bodyKind(match.last);
    if (kind == 0)
        kind = bodyKind(match.first - 1);
    if (kind == 0)
        return Body::None;
    if (kind == 1)
        return Body::StateOrgan;
    // "Korea Shipbuilding Finance Corp., a state-run lender": owned by the state.
    qsizetype k = hi + 1;
    if (text.isPunct(k, u'.'))
        ++k;
    if (text.isPunct(k, u',')) {
        ++k;
        if (wordIs(text, k, u"a") || wordIs(text, k, u"an") || wordIs(text, k, u"the"))
            ++k;
        if ((wordIs(text, k, u"state") || wordIs(text, k, u"government")) && isHyphen(text, k + 1))
            return Body::StateOrgan;
    }
    return Body::Other;
}

bool CountryRecognizer::isLanguage(const AnalyzedText &text, const Match &match) const
{
    const qsizetype next = match.last;
    if (inSetLower(m_languageAfter, text, next) || (isHyphen(text, next) && inSetLower(m_languageAfter, text, next + 1)))
        return true; // Russian-language media, Chinese speakers
    if (!inSetLower(m_languageBefore, text, match.first - 1))
        return false;
    // "in Russian" is the language unless a noun follows (in Russian hands).
    if (!text.isWord(next))
        return true;
    return wordIs(text, next, u"and") || wordIs(text, next, u"or");
}

bool CountryRecognizer::inTitleCaseLine(const AnalyzedText &text, const Match &match) const
{
    // A short line whose longer words are all capitalised. Only short lines
    // are looked at, so the test costs little however many capitals a text has.
    const TokenRange &line = text.paragraphs()[size_t(text.token(match.first).paragraph)];
    if (line.last - line.first > 24)
        return false;
    int capitalised = 0;
    for (std::int32_t k = line.first; k < line.last; ++k) {
        if (!text.isWord(k) || letters(text.view(k)) < 4)
            continue;
        if (!text.token(k).is(TokenFlag::Capitalized))
            return false;
        ++capitalised;
    }
    return capitalised >= 4 && !text.isPunct(line.last - 1, u'.');
}

bool CountryRecognizer::inAllCapsLine(const AnalyzedText &text, const Match &match) const
{
    // The words around the mention on its line, up to ten on each side.
    int caps = 0, others = 0;
    const std::int32_t line = text.token(match.first).paragraph;
    for (qsizetype k = std::max<qsizetype>(0, match.first - 10); k < std::min<qsizetype>(text.size(), match.last + 10); ++k) {
        if ((k >= match.first && k < match.last) || !text.isWord(k) || text.token(k).paragraph != line || letters(text.view(k)) < 2)
            continue;
        if (text.token(k).is(TokenFlag::AllCaps) && m_entries.find(text.view(k)) == m_entries.end())
            ++caps;
        else
            ++others;
    }
    return caps >= 1 && caps > 2 * others;
}

CountryRecognizer::Match::State CountryRecognizer::judge(const AnalyzedText &text, std::vector<Match> &matches, size_t m) const
{
    const Match &match = matches[m];
    const Entry &e = *match.entry;
    const qsizetype prev = match.first - 1, next = match.last;
    const Token &first = text.token(match.first);

    if (e.kind == Kind::NotCountry)
        return Match::Drop;
    if (e.kind == Kind::Capital)
        return judgeCapital(text, matches, m);

    // South America, New Mexico, Northern Ireland, East China Sea.
    if (isCapitalizedWord(text, prev) && sameSentence(text, prev, match.first) && !isHyphen(text, prev + 1)
        && (inSet(m_regionBefore, text, prev)
            || (inSet(m_regionInside, text, prev) && !text.token(prev).is(TokenFlag::SentenceStart) && !text.token(prev).is(TokenFlag::LineStart))))
        return Match::Drop;
    // Korean Peninsula, Taiwan Strait, Panama Canal; Gulf of Mexico, Sea of Japan.
    if (inSet(m_placeAfter, text, next))
        return Match::Drop;
    if (wordIs(text, prev, u"of") && isCapitalizedWord(text, prev - 1) && inSet(m_placeAfter, text, prev - 1))
        return Match::Drop;
    // US$ is a currency.
    if (next < text.size() && text.isPunct(next, u'$') && !text.token(next).is(TokenFlag::SpaceBefore))
        return Match::Drop;
    const Body body = bodyAround(text, match);
    if (body == Body::Other)
        return Match::Drop;
    // Voice of America, Boy Scouts of America: "of America" closes a name.
    if (text.view(match.first) == u"America" && wordIs(text, prev, u"of") && isCapitalizedWord(text, prev - 1))
        return Match::Drop;
    // Jordan Henderson, Chad Smith, a Georgia Republican.
    if (inSet(m_givenName, text, match.first) && match.last == match.first + 1 && body != Body::StateOrgan) {
        if (isCapitalizedWord(text, next) && !text.token(next).is(TokenFlag::SentenceStart) && m_entries.find(text.view(next)) == m_entries.end()
            && m_stateHead.find(text.view(next)) == m_stateHead.end())
            return Match::Drop;
        if (isCapitalizedWord(text, prev) && !text.token(prev).is(TokenFlag::SentenceStart) && !text.token(prev).is(TokenFlag::LineStart)
            && sameLine(text, prev, match.first) && m_entries.find(text.view(prev)) == m_entries.end() && !inSet(m_timeWord, text, prev))
            return Match::Drop;
    }
    // US in an all-caps headline may be the pronoun: "TELL US WHAT YOU
    // THINK" (U.S. never is). "US GDP grew" is not such a line.
    if (first.is(TokenFlag::AllCaps) && !match.caps && !text.view(match.first).contains(u'.') && inAllCapsLine(text, match))
        return Match::Drop;
    if (e.kind == Kind::Demonym && isLanguage(text, match))
        return Match::Drop;
    return Match::Keep;
}

CountryRecognizer::Match::State CountryRecognizer::judgeCapital(const AnalyzedText &text, std::vector<Match> &matches, size_t m) const
{
    const Match &match = matches[m];
    const qsizetype n = text.size();
    const qsizetype prev = match.first - 1, next = match.last;

    // In a title-case headline (Beijing Warns Washington Over Taiwan) every
    // word is capitalised, so capitals say nothing about names there.
    const bool title = inTitleCaseLine(text, match);
    auto has = [&](const WordSet &set, qsizetype k) { return title ? inSetLower(set, text, k) : inSet(set, text, k); };
    auto lowerWord = [&](qsizetype k) { return text.isWord(k) && (title || !text.token(k).is(TokenFlag::Capitalized)); };

    // Part of a longer name: Beijing Normal University, Greater London, George Washington.
    if (!title && isCapitalizedWord(text, next) && !text.token(next).is(TokenFlag::SentenceStart) && sameSentence(text, next, match.first)
        && sameLine(text, next, match.first))
        return Match::Drop;
    if (!title && isCapitalizedWord(text, prev) && !text.token(prev).is(TokenFlag::SentenceStart) && !text.token(prev).is(TokenFlag::LineStart)
        && sameLine(text, prev, match.first) && m_entries.find(text.view(prev)) == m_entries.end() && !inSet(m_timeWord, text, prev))
        return Match::Drop;

    // Beijing's policy, but Moscow's mayor.
    if (next < n && text.token(next).kind == TokenKind::Possessive)
        return inSetLower(m_placeNoun, text, next + 1) ? Match::Drop : Match::Keep;

    auto matchStartingAt = [&](qsizetype k) -> const Match * {
        for (size_t o = m + 1; o < matches.size() && matches[o].first <= k; ++o) {
            if (matches[o].first == k)
                return &matches[o];
        }
        return nullptr;
    };
    auto matchEndingAt = [&](qsizetype k) -> const Match * {
        for (size_t o = m; o-- > 0;) {
            if (matches[o].last - 1 == k)
                return &matches[o];
            if (matches[o].last - 1 < k)
                break;
        }
        return nullptr;
    };

    // Moscow-backed, but Lagos-based; Beijing-Moscow axis.
    if (isHyphen(text, next)) {
        if (inSetLower(m_govHyphen, text, next + 1) || matchStartingAt(next + 1))
            return Match::Keep;
        return Match::Drop;
    }
    if (isHyphen(text, prev)) {
        if (wordIs(text, prev - 1, u"pro") || wordIs(text, prev - 1, u"anti") || matchEndingAt(prev - 1))
            return Match::Keep;
        return Match::Drop;
    }

    // "Beijing and Brasília", "Tokyo or Seoul": the second goes with the first.
    if (wordIs(text, prev, u"and") || wordIs(text, prev, u"or") || text.isPunct(prev, u',')) {
        if (const Match *before = matchEndingAt(prev - 1)) {
            if (before->entry->kind == Kind::Capital)
                return before->state == Match::Keep ? Match::Keep : Match::Drop;
            if (before->entry->kind == Kind::Name && before->state == Match::Keep && !text.isPunct(prev, u','))
                return Match::Keep;
        }
    }

    // in Moscow, press releases from Abuja, criticism of Moscow, pressure on Moscow.
    if (inSetLower(m_placeBefore, text, prev)) {
        // pressure from Washington, a message to Moscow, sanctions imposed on
        // Moscow; but flew to Moscow, a strike on Damascus.
        if (wordIs(text, prev, u"from") || wordIs(text, prev, u"to") || wordIs(text, prev, u"on")) {
            const qsizetype before = prev - 1;
            if (inSetLower(m_govNoun, text, before))
                return Match::Keep;
            if (lowerWord(before) && has(m_finiteVerbForms, before) && !text.view(before).endsWith(u's') && !has(m_placeVerbForms, before)
                && !has(m_motionVerbForms, before))
                return Match::Keep;
        }
        return Match::Drop;
    }
    if (inSetLower(m_govBefore, text, prev)) {
        // the mayor of Moscow; University of Washington
        if (wordIs(text, prev, u"of") && (inSetLower(m_placeNoun, text, prev - 1) || isCapitalizedWord(text, prev - 1)))
            return Match::Drop;
        // shuttles between Tehran and Riyadh, flew over Kyiv: movement between places.
        if (!wordIs(text, prev, u"of") && lowerWord(prev - 1) && (has(m_placeVerbForms, prev - 1) || has(m_motionVerbForms, prev - 1)))
            return Match::Drop;
        return Match::Keep;
    }
    // visited Beijing, but persuade Washington.
    if (lowerWord(prev) && has(m_verbForms, prev))
        return has(m_placeVerbForms, prev) ? Match::Drop : Match::Keep;

    // Subject of a verb: "Moscow annexed", "Tokyo, Ottawa and Jakarta are".
    qsizetype k = next;
    bool coordinated = false;
    while (k < n && sameSentence(text, k, match.first)) {
        const bool comma = text.isPunct(k, u',');
        if (!comma && !wordIs(text, k, u"and") && !wordIs(text, k, u"or"))
            break;
        qsizetype j = k + 1;
        if (comma && (wordIs(text, j, u"and") || wordIs(text, j, u"or")))
            ++j;
        if (const Match *other = matchStartingAt(j)) {
            k = other->last;
            coordinated = true;
            continue;
        }
        if (comma && (wordIs(text, j, u"which") || wordIs(text, j, u"whose")))
            return Match::Keep; // "Ankara, which has offered to host talks, urged"
        if (comma && (wordIs(text, j, u"for") || wordIs(text, j, u"meanwhile") || wordIs(text, j, u"however") || wordIs(text, j, u"too")
                      || wordIs(text, j, u"in") || wordIs(text, j, u"though") || wordIs(text, j, u"unlike") || wordIs(text, j, u"like"))) {
            // "Washington, for its part, insists": skip a short aside.
            qsizetype close = j + 1;
            while (close < n && close < j + 8 && !text.isPunct(close, u',') && sameSentence(text, close, match.first))
                ++close;
            if (text.isPunct(close, u',')) {
                k = close + 1;
                break;
            }
        }
        break;
    }
    for (int adverbs = 0; adverbs < 2 && text.isWord(k); ++adverbs) {
        const QStringView v = text.view(k);
        if (!has(m_adverb, k) && !v.endsWith(u"ly"))
            break;
        ++k;
    }
    if (lowerWord(k)) {
        if (has(m_aux, k))
            return Match::Keep;
        // "Beijing and Moscow share ...": a plural subject takes the base form.
        if (coordinated && has(m_verbForms, k) && !text.view(k).endsWith(u"ing"))
            return Match::Keep;
        // "Moscow denied", "Abuja says"; but in "Tbilisi protests continued"
        // the -s word is a noun with its own verb.
        if (has(m_finiteVerbForms, k) && !(text.view(k).endsWith(u's') && (has(m_aux, k + 1) || has(m_finiteVerbForms, k + 1))))
            return Match::Keep;
    }
    // the Beijing government
    if (inSetLower(m_govAfter, text, next))
        return Match::Keep;
    return Match::Drop;
}

} // namespace annotator
