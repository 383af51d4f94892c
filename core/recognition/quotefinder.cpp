#include "quotefinder.h"

#include "analyzedtext.h"

namespace annotator {

namespace {

bool isDoubleMark(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
        return true;
    default:
        return false;
    }
}

} // namespace

std::vector<QuotedSpan> QuoteFinder::find(const AnalyzedText &text, std::vector<std::int32_t> &spanOfToken)
{
    std::vector<QuotedSpan> spans;
    const std::int32_t n = std::int32_t(text.size());
    spanOfToken.assign(size_t(n), -1);
    const QString &s = text.text();
    const auto &tokens = text.tokens();

    std::int32_t carried = -1; // span left open at the end of the previous paragraph
    for (std::int32_t p = 0; p < std::int32_t(text.paragraphs().size()); ++p) {
        const TokenRange &para = text.paragraphs()[size_t(p)];
        std::int32_t open = -1; // opening double mark
        std::int32_t openSingle = -1;
        bool anySpan = false;
        // First real token of the paragraph (skipping Markdown markers).
        std::int32_t firstReal = para.first;
        while (firstReal < para.last && tokens[size_t(firstReal)].kind == TokenKind::Markup)
            ++firstReal;

        auto record = [&](std::int32_t openMark, std::int32_t first, std::int32_t last, std::int32_t closeMark, bool single) {
            // Trim markup at the edges.
            while (first < last && tokens[size_t(first)].kind == TokenKind::Markup)
                ++first;
            while (last > first && tokens[size_t(last - 1)].kind == TokenKind::Markup)
                --last;
            if (last <= first)
                return;
            QuotedSpan q;
            q.open = openMark;
            q.close = closeMark;
            q.first = first;
            q.last = last;
            q.paragraph = p;
            q.single = single;
            for (std::int32_t k = first; k < last; ++k) {
                const TokenKind kind = tokens[size_t(k)].kind;
                if (kind == TokenKind::Word || kind == TokenKind::Number)
                    ++q.words;
            }
            const Token &end = tokens[size_t(last - 1)];
            if (end.kind == TokenKind::Punct && end.length() == 1) {
                const QChar c = s.at(end.start);
                q.endsClause = c == u'.' || c == u',' || c == u'!' || c == u'?' || c == u';' || c == u':';
            }
            if (carried >= 0 && (openMark < 0 || openMark == firstReal) && !anySpan)
                q.continues = carried;
            const std::int32_t index = std::int32_t(spans.size());
            const std::int32_t from = openMark >= 0 ? openMark : first;
            const std::int32_t to = closeMark >= 0 ? closeMark + 1 : last;
            for (std::int32_t k = from; k < to; ++k)
                spanOfToken[size_t(k)] = index;
            spans.push_back(q);
            anySpan = true;
        };

        for (std::int32_t k = para.first; k < para.last; ++k) {
            const Token &t = tokens[size_t(k)];
            if (t.kind == TokenKind::Possessive && t.length() == 1 && openSingle >= 0 && open < 0 && k > openSingle + 1) {
                // Brussels’ closing a single-quoted phrase, not a possessive.
                record(openSingle, openSingle + 1, k, k, true);
                openSingle = -1;
                continue;
            }
            if (t.kind != TokenKind::Quote)
                continue;
            const QChar c = s.at(t.start);
            if (isDoubleMark(c)) {
                if (open < 0) {
                    if (t.quote == QuoteRole::Close && carried >= 0 && !anySpan && openSingle < 0) {
                        // The quote went on from the previous paragraph without a new opening mark.
                        record(-1, firstReal, k, k, false);
                    } else if (t.quote != QuoteRole::Close || c == u'"') {
                        open = k;
                        openSingle = -1;
                    }
                } else if (t.quote == QuoteRole::Open && c != u'"' && !(c == QChar(0x201C) && s.at(tokens[size_t(open)].start) == QChar(0x201E))) {
                    // („...“ closes with “.)
                    // A second opening mark: the first quote never closed. End it here.
                    record(open, open + 1, k, -1, false);
                    open = k;
                } else {
                    record(open, open + 1, k, k, false);
                    open = -1;
                }
                continue;
            }
            if (open >= 0)
                continue; // single marks inside a double-quoted span are nested quotes
            // Single marks at the top level.
            if (openSingle < 0) {
                if (t.quote == QuoteRole::Open && t.is(TokenFlag::SpaceBefore | TokenFlag::LineStart))
                    openSingle = k;
                else if (t.quote == QuoteRole::Open && k > 0 && tokens[size_t(k - 1)].kind != TokenKind::Word)
                    openSingle = k;
            } else if (t.quote == QuoteRole::Close || t.quote == QuoteRole::Ambiguous) {
                if (k > openSingle + 1)
                    record(openSingle, openSingle + 1, k, k, true);
                openSingle = -1;
            }
        }
        carried = -1;
        if (open >= 0) {
            record(open, open + 1, para.last, -1, false);
            carried = std::int32_t(spans.size()) - 1;
            if (spans.empty() || spans.back().paragraph != p || spans.back().close >= 0)
                carried = -1;
        }
    }
    return spans;
}

} // namespace annotator
