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
    return reanchor(data.annotations, data.contexts, doc);
}

ReanchorResult reanchor(QList<Annotation> list, const QList<AnchorContext> &contexts, const Document &doc)
{
    ReanchorResult result;
    const QString &text = doc.text();
    const QStringView all(text);
    const TextOffsets &off = doc.offsets();
    // Each annotation's context, in the order the annotations are placed.
    // A file this program wrote is in position order already, so this is
    // the contexts front to back, walked with the annotations; otherwise
    // both are put in position order first. The annotations are placed
    // where they lie: a caller that hands its data over (std::move) pays
    // for no copy of them.
    static const AnchorContext noContext;
    Q_ASSERT(contexts.isEmpty() || contexts.size() == list.size());
    const bool withContexts = contexts.size() == list.size();
    std::vector<const AnchorContext *> around;
    if (!std::is_sorted(list.cbegin(), list.cend(), positionLess)) {
        std::vector<qsizetype> order(size_t(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i)
            order[size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return positionLess(list.at(x), list.at(y)); });
        QList<Annotation> sorted;
        sorted.reserve(list.size());
        around.reserve(order.size());
        Annotation *from = list.data();
        for (const qsizetype i : order) {
            sorted.append(std::move(from[i]));
            around.push_back(withContexts ? &contexts.at(i) : &noContext);
        }
        list = std::move(sorted);
    }
    Annotation *items = list.data(); // detaches once, here
    qsizetype kept = 0; // placed annotations are compacted to the front
    qint64 shift = 0; // code point shift seen at the previous annotation
    for (qsizetype i = 0; i < list.size(); ++i) {
        Annotation &stored = items[i];
        const AnchorContext &ctx = around.empty() ? (withContexts ? contexts.at(i) : noContext) : *around[size_t(i)];
        const QStringView needle(stored.text);
        const qsizetype len = needle.size();
        if (len == 0) {
            result.orphans.append(std::move(stored));
            continue;
        }
        auto score = [&](qsizetype pos) {
            const QStringView before = all.left(pos);
            const QStringView after = all.mid(pos + len);
            return commonSuffix(before.right(ctx.before.size()), ctx.before) + commonPrefix(after.left(ctx.after.size()), ctx.after);
        };
        const qint64 want = stored.start + shift;
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
            result.orphans.append(std::move(stored));
            continue;
        }
        const qint64 start = off.toCodePoint(best);
        if (start != stored.start)
            ++result.moved;
        shift = start - stored.start;
        stored.start = start;
        stored.end = off.toCodePoint(best + len);
        if (kept != i)
            items[kept] = std::move(stored);
        ++kept;
    }
    list.resize(kept);
    result.placed = std::move(list);
    return result;
}

} // namespace annotator
