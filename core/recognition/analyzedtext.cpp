#include "analyzedtext.h"

#include <algorithm>

namespace annotator {

namespace {

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

// Abbreviations after which a full stop does not end a sentence.
bool isAbbreviation(QStringView w)
{
    static const char *const list[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Sen", "Rep",
                                       "Gov", "Rev", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "No", "vs", "etc", "Jan", "Feb", "Mar",
                                       "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Adm", "Cmdr", "Pres", "Fr", "Mt", "Ft"};
    for (const char *a : list) {
        if (w == QLatin1StringView(a))
            return true;
    }
    // Single capital initial: "John F. Kennedy"
    return w.size() == 1 && w.at(0).isUpper();
}

} // namespace

bool AnalyzedText::isQuoteChar(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case 0x201C: // “
    case 0x201D: // ”
    case 0x201E: // „
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x00AB: // «
    case 0x00BB: // »
        return true;
    default:
        return false;
    }
}

bool AnalyzedText::isDash(QChar c)
{
    return c == u'-' || c == QChar(0x2013) || c == QChar(0x2014) || c == QChar(0x2012) || c == QChar(0x2010);
}

AnalyzedText::AnalyzedText(const QString &text)
    : m_text(text)
    , m_offsets(text)
{
    m_tokens.reserve(size_t(text.size() / 5));
    tokenize();
    split();
}

qsizetype AnalyzedText::tokenAt(std::int32_t pos) const
{
    auto it = std::upper_bound(m_tokens.begin(), m_tokens.end(), pos, [](std::int32_t p, const Token &t) { return p < t.end; });
    return it - m_tokens.begin();
}

void AnalyzedText::tokenize()
{
    const QChar *s = m_text.constData();
    const std::int32_t n = std::int32_t(m_text.size());
    std::int32_t i = 0;
    bool lineStart = true;
    auto push = [&](std::int32_t a, std::int32_t b, TokenKind kind) {
        Token t;
        t.start = a;
        t.end = b;
        t.kind = kind;
        if (lineStart)
            t.flags |= TokenFlag::LineStart;
        if (a == 0 || isSpace(s[a - 1]))
            t.flags |= TokenFlag::SpaceBefore;
        if (b >= n || isSpace(s[b]))
            t.flags |= TokenFlag::SpaceAfter;
        lineStart = false;
        m_tokens.push_back(t);
    };
    while (i < n) {
        const QChar c = s[i];
        if (c == u'\n') {
            lineStart = true;
            ++i;
            continue;
        }
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (isWordChar(c)) {
            const std::int32_t a = i;
            const bool number = c.isDigit();
            ++i;
            while (i < n) {
                const QChar d = s[i];
                if (isWordChar(d)) {
                    ++i;
                } else if (i + 1 < n && isWordChar(s[i + 1])
                           && ((isApostrophe(d) && !(i + 2 <= n && (s[i + 1] == u's' || s[i + 1] == u'S') && (i + 2 == n || !isWordChar(s[i + 2]))))
                               || (number && (d == u'.' || d == u',') && s[i + 1].isDigit()))) {
                    // don't, O'Brien, 3.5, 1,200; but not the possessive 's
                    i += 2;
                } else if (d == u'.' && !number && i - a == 1 && s[a].isLetter() && i + 2 < n && s[i + 1].isLetter() && s[i + 2] == u'.') {
                    // U.S., U.K., U.N.: letter-dot pairs, keeping the final dot
                    while (i + 2 < n && s[i] == u'.' && s[i + 1].isLetter() && s[i + 2] == u'.')
                        i += 2;
                    ++i;
                    break;
                } else {
                    break;
                }
            }
            push(a, i, number ? TokenKind::Number : TokenKind::Word);
            Token &t = m_tokens.back();
            if (!number && s[a].isUpper()) {
                t.flags |= TokenFlag::Capitalized;
                int letters = 0;
                bool allUpper = true;
                for (std::int32_t k = a; k < i; ++k) {
                    if (s[k].isLetter()) {
                        ++letters;
                        if (!s[k].isUpper())
                            allUpper = false;
                    }
                }
                if (letters >= 2 && allUpper)
                    t.flags |= TokenFlag::AllCaps;
            }
            // Possessive: 's, ’s, or a bare apostrophe after a plural s.
            if (!number && i < n && isApostrophe(s[i])) {
                if (i + 1 < n && (s[i + 1] == u's' || s[i + 1] == u'S') && (i + 2 == n || !isWordChar(s[i + 2]))) {
                    push(i, i + 2, TokenKind::Possessive);
                    i += 2;
                } else if ((s[i - 1] == u's') && (i + 1 == n || isSpace(s[i + 1]))) {
                    push(i, i + 1, TokenKind::Possessive);
                    ++i;
                }
            }
            continue;
        }
        if (isQuoteChar(c)) {
            push(i, i + 1, TokenKind::Quote);
            ++i;
            continue;
        }
        if ((c == u'#' || c == u'*' || c == u'_' || c == u'`' || c == u'>' || c == u'~')) {
            const std::int32_t a = i;
            while (i < n && s[i] == c)
                ++i;
            const bool atEdge = lineStart || a == 0 || isSpace(s[a - 1]) || i >= n || isSpace(s[i]) || !isWordChar(s[a - 1]) || !isWordChar(s[i]);
            push(a, i, atEdge ? TokenKind::Markup : TokenKind::Punct);
            continue;
        }
        if (isDash(c)) {
            const std::int32_t a = i;
            while (i < n && isDash(s[i]))
                ++i;
            push(a, i, TokenKind::Punct);
            continue;
        }
        push(i, i + 1, TokenKind::Punct);
        ++i;
    }

    // Hyphen joins and quote roles, from neighbours.
    const std::int32_t count = std::int32_t(m_tokens.size());
    for (std::int32_t k = 0; k < count; ++k) {
        Token &t = m_tokens[size_t(k)];
        if (t.kind == TokenKind::Punct && t.length() == 1 && (s[t.start] == u'-' || s[t.start] == QChar(0x2010)) && !(t.flags & (TokenFlag::SpaceBefore | TokenFlag::SpaceAfter))
            && k > 0 && k + 1 < count) {
            m_tokens[size_t(k - 1)].flags |= TokenFlag::Hyphenated;
            m_tokens[size_t(k + 1)].flags |= TokenFlag::Hyphenated;
        }
        if (t.kind != TokenKind::Quote)
            continue;
        const QChar q = s[t.start];
        const bool before = t.start == 0 || isSpace(s[t.start - 1]) || s[t.start - 1] == u'(' || s[t.start - 1] == u'[' || isDash(s[t.start - 1])
            || (t.start > 0 && isQuoteChar(s[t.start - 1]) && (t.start < 2 || isSpace(s[t.start - 2])));
        const bool after = t.end >= n || isSpace(s[t.end]) || s[t.end].isPunct();
        switch (q.unicode()) {
        case 0x201C:
        case 0x201E:
        case 0x00AB:
        case 0x2018:
            t.quote = QuoteRole::Open;
            break;
        case 0x201D:
        case 0x00BB:
            t.quote = QuoteRole::Close;
            break;
        case 0x2019:
            // ’ is also the apostrophe; only a closing single quote here.
            t.quote = QuoteRole::Close;
            break;
        default: // " and '
            if (before && !after)
                t.quote = QuoteRole::Open;
            else if (after && !before)
                t.quote = QuoteRole::Close;
            else
                t.quote = QuoteRole::Ambiguous;
        }
    }
}

void AnalyzedText::split()
{
    const QChar *s = m_text.constData();
    const std::int32_t count = std::int32_t(m_tokens.size());
    std::int32_t sentence = 0, paragraph = 0;
    std::int32_t sentenceFirst = 0, paragraphFirst = 0;
    bool expectStart = true;
    auto closeSentence = [&](std::int32_t last) {
        if (last > sentenceFirst)
            m_sentences.push_back({sentenceFirst, last, m_tokens[size_t(sentenceFirst)].start, m_tokens[size_t(last - 1)].end});
        sentenceFirst = last;
    };
    for (std::int32_t k = 0; k < count; ++k) {
        Token &t = m_tokens[size_t(k)];
        if (k > 0 && t.is(TokenFlag::LineStart)) {
            closeSentence(k);
            m_paragraphs.push_back({paragraphFirst, k, m_tokens[size_t(paragraphFirst)].start, m_tokens[size_t(k - 1)].end});
            paragraphFirst = k;
            expectStart = true;
        }
        if (expectStart && (t.kind == TokenKind::Word || t.kind == TokenKind::Number)) {
            t.flags |= TokenFlag::SentenceStart;
            expectStart = false;
        }
        // . ! ? (and a closing quote or bracket after them) then a space and a
        // capital, a digit, a quote, or the line end.
        if (t.kind == TokenKind::Punct && t.length() == 1 && (s[t.start] == u'.' || s[t.start] == u'!' || s[t.start] == u'?')) {
            if (s[t.start] == u'.' && k > 0 && m_tokens[size_t(k - 1)].kind == TokenKind::Word && m_tokens[size_t(k - 1)].end == t.start
                && isAbbreviation(QStringView(m_text).mid(m_tokens[size_t(k - 1)].start, m_tokens[size_t(k - 1)].length())))
                continue;
            std::int32_t j = k + 1;
            while (j < count && (m_tokens[size_t(j)].kind == TokenKind::Quote || (m_tokens[size_t(j)].kind == TokenKind::Punct && (s[m_tokens[size_t(j)].start] == u')' || s[m_tokens[size_t(j)].start] == u']')))
                   && !m_tokens[size_t(j)].is(TokenFlag::SpaceBefore) && !m_tokens[size_t(j)].is(TokenFlag::LineStart))
                ++j;
            if (j >= count || m_tokens[size_t(j)].is(TokenFlag::LineStart)) {
                continue; // the line end closes it
            }
            const Token &next = m_tokens[size_t(j)];
            if (!next.is(TokenFlag::SpaceBefore))
                continue;
            const QChar nc = s[next.start];
            if (nc.isUpper() || nc.isDigit() || next.kind == TokenKind::Quote || next.kind == TokenKind::Markup || nc == u'(') {
                closeSentence(j);
                expectStart = true;
                k = j - 1;
            }
        }
    }
    closeSentence(count);
    if (count > paragraphFirst)
        m_paragraphs.push_back({paragraphFirst, count, m_tokens[size_t(paragraphFirst)].start, m_tokens[size_t(count - 1)].end});
    for (std::int32_t si = 0; si < std::int32_t(m_sentences.size()); ++si) {
        for (std::int32_t k = m_sentences[size_t(si)].first; k < m_sentences[size_t(si)].last; ++k)
            m_tokens[size_t(k)].sentence = si;
    }
    for (std::int32_t pi = 0; pi < std::int32_t(m_paragraphs.size()); ++pi) {
        for (std::int32_t k = m_paragraphs[size_t(pi)].first; k < m_paragraphs[size_t(pi)].last; ++k)
            m_tokens[size_t(k)].paragraph = pi;
    }
    (void)sentence;
    (void)paragraph;
}

} // namespace annotator
