#pragma once

#include "model/textoffsets.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace annotator {

/// What a token is. Tokens never cover whitespace.
enum class TokenKind : std::uint8_t {
    Word, ///< letters, digits inside words, internal apostrophes and dots (U.S.)
    Number, ///< starts with a digit: 2008, 3.5, 1,200
    Possessive, ///< 's or ’s (or a bare ’ after s) split off a word
    Quote, ///< a quotation mark: " “ ” „ ‘ ’ ' « » (see quoteRole)
    Punct, ///< any other non-space character, one per token (dash runs are one)
    Markup, ///< Markdown markers: a run of # * _ ` > at a line start or word edge
};

/// Where a quotation mark can stand, judged from its glyph and its neighbours.
enum class QuoteRole : std::uint8_t { None, Open, Close, Ambiguous };

namespace TokenFlag {
enum : std::uint8_t {
    Capitalized = 1, ///< first character is an upper-case letter
    AllCaps = 2, ///< two or more letters, all upper case (US, UK, NATO)
    SentenceStart = 4, ///< first token of a sentence (ignoring quote marks and markup)
    LineStart = 8, ///< first token on its line
    SpaceBefore = 16, ///< whitespace (or the text start) right before the token
    SpaceAfter = 32, ///< whitespace (or the text end) right after the token
    Hyphenated = 64, ///< joined to a neighbour by a hyphen (pro-Russia, China-Russia)
};
}

struct Token {
    std::int32_t start = 0; ///< UTF-16 position in the text
    std::int32_t end = 0; ///< UTF-16, exclusive
    TokenKind kind = TokenKind::Word;
    QuoteRole quote = QuoteRole::None;
    std::uint8_t flags = 0;
    std::int32_t sentence = 0; ///< index into AnalyzedText::sentences()
    std::int32_t paragraph = 0; ///< index into AnalyzedText::paragraphs()

    bool is(std::uint8_t flag) const { return flags & flag; }
    std::int32_t length() const { return end - start; }
};

/// A run of tokens [first, last). Positions are UTF-16.
struct TokenRange {
    std::int32_t first = 0;
    std::int32_t last = 0;
    std::int32_t start = 0;
    std::int32_t end = 0;
};

/// An article split into tokens, sentences and paragraphs once, shared by all
/// recognisers. Positions are Qt UTF-16 positions; offsets() converts to code
/// points when results leave the recognition layer.
///
/// Paragraphs are lines: a line break ends a paragraph, as in the plain text
/// and Markdown news articles the program reads (a quote that runs on past
/// the end of a line runs over into the next paragraph).
class AnalyzedText
{
public:
    explicit AnalyzedText(const QString &text);

    const QString &text() const { return m_text; }
    const TextOffsets &offsets() const { return m_offsets; }
    const std::vector<Token> &tokens() const { return m_tokens; }
    const std::vector<TokenRange> &sentences() const { return m_sentences; }
    const std::vector<TokenRange> &paragraphs() const { return m_paragraphs; }

    qsizetype size() const { return qsizetype(m_tokens.size()); }
    const Token &token(qsizetype i) const { return m_tokens[size_t(i)]; }
    QStringView view(qsizetype i) const
    {
        const Token &t = m_tokens[size_t(i)];
        return QStringView(m_text).mid(t.start, t.length());
    }
    QStringView view(std::int32_t start, std::int32_t end) const { return QStringView(m_text).mid(start, end - start); }
    /// Lower-cased form of word token @p i (cached, one allocation per distinct
    /// token position only when asked).
    QString lower(qsizetype i) const { return view(i).toString().toLower(); }
    /// Index of the first token whose end is after UTF-16 position @p pos.
    qsizetype tokenAt(std::int32_t pos) const;

    bool isWord(qsizetype i) const { return i >= 0 && i < size() && m_tokens[size_t(i)].kind == TokenKind::Word; }
    bool isPunct(qsizetype i, QChar c) const
    {
        return i >= 0 && i < size() && m_tokens[size_t(i)].kind == TokenKind::Punct && m_tokens[size_t(i)].length() == 1
            && m_text.at(m_tokens[size_t(i)].start) == c;
    }

    static bool isQuoteChar(QChar c);
    static bool isDash(QChar c);

private:
    void tokenize();
    void split();

    QString m_text;
    TextOffsets m_offsets;
    std::vector<Token> m_tokens;
    std::vector<TokenRange> m_sentences;
    std::vector<TokenRange> m_paragraphs;
};

} // namespace annotator
