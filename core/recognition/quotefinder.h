#pragma once

#include <cstdint>
#include <vector>

namespace annotator {

class AnalyzedText;

/// One run of quoted words: tokens [first, last) between the marks, without
/// the marks. A quote that is still open at the end of its paragraph ends
/// there; the next paragraph's part of it is another QuotedSpan linked back by
/// continues.
struct QuotedSpan {
    std::int32_t open = -1; ///< token index of the opening mark, -1 when the span starts at its paragraph start
    std::int32_t close = -1; ///< token index of the closing mark, -1 when open at paragraph end
    std::int32_t first = 0; ///< first quoted token
    std::int32_t last = 0; ///< one past the last quoted token
    std::int32_t paragraph = 0;
    std::int32_t continues = -1; ///< index of the span in the previous paragraph this one carries on
    std::int32_t words = 0; ///< word and number tokens inside
    bool single = false; ///< in single marks at the top level
    bool endsClause = false; ///< ends with . , ! ? ; : inside the marks
};

/// Pairs quotation marks into top-level quoted spans: straight and curly,
/// double and (at the top level) single marks, nested quotes kept inside
/// their outer quote, quotes running over several paragraphs. Linear in the
/// number of tokens.
class QuoteFinder
{
public:
    /// The spans in text order, and for every token the index of the span it
    /// lies in (marks included), or -1.
    static std::vector<QuotedSpan> find(const AnalyzedText &text, std::vector<std::int32_t> &spanOfToken);
};

} // namespace annotator
