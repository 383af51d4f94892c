#pragma once

#include <QString>

#include <optional>

namespace annotator {

/// A UTF-16 range [start, end) of a QString.
struct Utf16Range {
    qsizetype start = 0;
    qsizetype end = 0;
    bool operator==(const Utf16Range &) const = default;
};

/// Turns what the user selected into a span the guidelines accept: a
/// selection that starts or ends inside a word grows to the whole word; then
/// surrounding whitespace, quotation marks, brackets and Markdown markers are
/// dropped. For a mention (any type but Quote) trailing punctuation and a
/// possessive 's go too, so "Colombia's," gives "Colombia". An empty
/// selection means the word at @p start. Returns nothing when no word is left.
std::optional<Utf16Range> snapSelection(const QString &text, qsizetype start, qsizetype end, const QString &type);

enum class SpanEdge { Start, End };

/// Moves one edge of @p span by a word or a character to the left
/// (@p direction < 0) or right, as GATE Developer does from the keyboard. A
/// word move lands on a word boundary and never leaves the span starting or
/// ending on whitespace. Returns nothing when the move would empty the span
/// or leave the text.
std::optional<Utf16Range> moveSpanEdge(const QString &text, Utf16Range span, SpanEdge edge, int direction, bool byWord);

} // namespace annotator
