#include "selectionsnap.h"

#include "annotation.h"

namespace annotator {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Inside a word an apostrophe joins letters (People's). A hyphen does not:
// "China" in "China-Russia" is a mention of its own.
bool joinsWord(const QString &text, qsizetype i)
{
    if (i <= 0 || i + 1 >= text.size())
        return false;
    const QChar c = text.at(i);
    const bool joiner = c == u'\'' || c == u'\u2019';
    return joiner && isWordChar(text.at(i - 1)) && isWordChar(text.at(i + 1));
}

bool inWord(const QString &text, qsizetype i)
{
    return i >= 0 && i < text.size() && (isWordChar(text.at(i)) || joinsWord(text, i));
}

bool isEdgeJunk(QChar c)
{
    if (c.isSpace())
        return true;
    switch (c.unicode()) {
    case u'"': case u'\'': case u'\u201c': case u'\u201d': case u'\u2018': case u'\u2019': case u'\u00ab':
    case u'\u00bb': case u'\u201e': case u'\u201a': case u'\u2039': case u'\u203a': // quotation marks
    case u'(': case u')': case u'[': case u']': case u'{': case u'}': case u'<': case u'>': // brackets
    case u'*': case u'_': case u'#': case u'`': case u'~': // Markdown markers
        return true;
    default:
        return false;
    }
}

bool isMentionPunctuation(QChar c)
{
    return c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u'-' || c == u'\u2013'
        || c == u'\u2014';
}

} // namespace

std::optional<Utf16Range> snapSelection(const QString &text, qsizetype start, qsizetype end, const QString &type)
{
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    if (start == end) {
        // The word at the cursor, or just before it (cursor after a word).
        if (!inWord(text, start) && inWord(text, start - 1))
            --start;
        if (!inWord(text, start))
            return std::nullopt;
        end = start + 1;
    }
    // Grow to whole words.
    while (start > 0 && inWord(text, start) && inWord(text, start - 1))
        --start;
    while (end < text.size() && inWord(text, end - 1) && inWord(text, end))
        ++end;
    const bool mention = type != Types::Quote;
    bool trimmed = true;
    while (trimmed && start < end) {
        trimmed = false;
        while (start < end && (isEdgeJunk(text.at(start)) || (mention && isMentionPunctuation(text.at(start))))) {
            ++start;
            trimmed = true;
        }
        while (start < end && (isEdgeJunk(text.at(end - 1)) || (mention && isMentionPunctuation(text.at(end - 1))))) {
            --end;
            trimmed = true;
        }
        // A possessive is not part of the name: Colombia's -> Colombia.
        if (mention && end - start > 2 && (text.at(end - 1) == u's' || text.at(end - 1) == u'S')
            && (text.at(end - 2) == u'\'' || text.at(end - 2) == u'\u2019')) {
            end -= 2;
            trimmed = true;
        }
    }
    if (start >= end)
        return std::nullopt;
    return Utf16Range{start, end};
}

std::optional<Utf16Range> moveSpanEdge(const QString &text, Utf16Range span, SpanEdge edge, int direction, bool byWord)
{
    qsizetype &pos = edge == SpanEdge::Start ? span.start : span.end;
    const qsizetype n = text.size();
    if (!byWord) {
        if (direction < 0 && pos > 0) {
            --pos;
            if (pos > 0 && text.at(pos).isLowSurrogate() && text.at(pos - 1).isHighSurrogate())
                --pos;
        } else if (direction > 0 && pos < n) {
            ++pos;
            if (pos < n && text.at(pos).isLowSurrogate() && text.at(pos - 1).isHighSurrogate())
                ++pos;
        } else {
            return std::nullopt;
        }
    } else if (edge == SpanEdge::Start && direction < 0) {
        // To the start of the previous word.
        while (pos > 0 && !inWord(text, pos - 1))
            --pos;
        while (pos > 0 && inWord(text, pos - 1))
            --pos;
    } else if (edge == SpanEdge::Start) {
        // Past the first word, to the start of the next.
        while (pos < n && inWord(text, pos))
            ++pos;
        while (pos < n && !inWord(text, pos))
            ++pos;
    } else if (direction > 0) {
        // To the end of the next word.
        while (pos < n && !inWord(text, pos))
            ++pos;
        while (pos < n && inWord(text, pos))
            ++pos;
    } else {
        // Before the last word, to the end of the word before it.
        while (pos > 0 && inWord(text, pos - 1))
            --pos;
        while (pos > 0 && !inWord(text, pos - 1))
            --pos;
    }
    if (span.start >= span.end || span.start < 0 || span.end > n)
        return std::nullopt;
    return span;
}

} // namespace annotator
