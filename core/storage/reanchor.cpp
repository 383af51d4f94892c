#include "reanchor.h"

#include "model/document.h"

#include <algorithm>
#include <vector>

namespace annotator {

namespace {

qsizetype commonSuffix(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a.at(a.size() - 1 - n) == b.at(b.size() - 1 - n))
        ++n;
    return n;
}

qsizetype commonPrefix(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    return n;
}

} // namespace

ReanchorResult reanchor(const SidecarData &data, const Document &doc)
{
    ReanchorResult result;
    const QString &text = doc.text();
    const QStringView all(text);
    const TextOffsets &off = doc.offsets();
    // Position order without copying the annotations; a file this program
    // wrote is in that order already, so the sort is mostly skipped.
    std::vector<const Annotation *> sorted;
    sorted.reserve(data.annotations.size());
    for (const Annotation &a : data.annotations)
        sorted.push_back(&a);
    auto less = [](const Annotation *x, const Annotation *y) { return positionLess(*x, *y); };
    if (!std::is_sorted(sorted.begin(), sorted.end(), less))
        std::sort(sorted.begin(), sorted.end(), less);
    result.placed.reserve(data.annotations.size());
    // The contexts are looked up in a loop of their own: the look-ups do not
    // depend on each other, so the processor overlaps their cache misses
    // instead of waiting for each one in the middle of the matching.
    static const AnchorContext noContext;
    std::vector<const AnchorContext *> contexts;
    contexts.reserve(sorted.size());
    for (const Annotation *stored : sorted) {
        const auto found = data.contexts.constFind(stored->id);
        contexts.push_back(found == data.contexts.cend() ? &noContext : &found.value());
    }
    qint64 shift = 0; // code point shift seen at the previous annotation
    for (size_t i = 0; i < sorted.size(); ++i) {
        const Annotation *stored = sorted[i];
        const AnchorContext &ctx = *contexts[i];
        const QStringView needle(stored->text);
        const qsizetype len = needle.size();
        if (len == 0) {
            result.orphans.append(*stored);
            continue;
        }
        auto score = [&](qsizetype pos) {
            const QStringView before = all.left(pos);
            const QStringView after = all.mid(pos + len);
            return commonSuffix(before.right(ctx.before.size()), ctx.before) + commonPrefix(after.left(ctx.after.size()), ctx.after);
        };
        const qint64 want = stored->start + shift;
        const qsizetype wantUtf16 = off.toUtf16(want);
        qsizetype best = -1;
        const qsizetype full = ctx.before.size() + ctx.after.size();
        if (wantUtf16 + len <= text.size() && all.mid(wantUtf16, len) == needle && score(wantUtf16) == full) {
            best = wantUtf16;
        } else {
            // The best context wins, then the nearest to where the shift
            // predicts, then the earlier. Occurrences are visited nearest
            // first (the earlier of two equally near), so the first one with
            // the whole context is the answer and the search stops there
            // instead of walking the whole article.
            qsizetype right = all.indexOf(needle, wantUtf16);
            qsizetype left = wantUtf16 > 0 ? all.lastIndexOf(needle, wantUtf16 - 1) : -1;
            qsizetype bestScore = -1;
            while (left >= 0 || right >= 0) {
                const bool takeLeft = right < 0 || (left >= 0 && wantUtf16 - left <= right - wantUtf16);
                const qsizetype pos = takeLeft ? left : right;
                if (takeLeft)
                    left = left > 0 ? all.lastIndexOf(needle, left - 1) : -1;
                else
                    right = all.indexOf(needle, right + 1);
                const qsizetype sc = score(pos);
                if (sc > bestScore) {
                    best = pos;
                    bestScore = sc;
                    if (sc == full)
                        break;
                }
            }
        }
        if (best < 0) {
            result.orphans.append(*stored);
            continue;
        }
        const qint64 start = off.toCodePoint(best);
        const qint64 end = off.toCodePoint(best + len);
        if (start != stored->start)
            ++result.moved;
        shift = start - stored->start;
        Annotation a = *stored;
        a.end = end;
        a.start = start;
        result.placed.append(std::move(a));
    }
    return result;
}

} // namespace annotator
