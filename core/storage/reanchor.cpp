#include "reanchor.h"

#include "model/document.h"

#include <algorithm>

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
    const TextOffsets &off = doc.offsets();
    QList<Annotation> sorted = data.annotations;
    std::sort(sorted.begin(), sorted.end(), positionLess);
    qint64 shift = 0; // code point shift seen at the previous annotation
    for (Annotation a : sorted) {
        const AnchorContext ctx = data.contexts.value(a.id);
        const QStringView needle(a.text);
        const qsizetype len = needle.size();
        if (len == 0) {
            result.orphans.append(a);
            continue;
        }
        auto score = [&](qsizetype pos) {
            const QStringView before = QStringView(text).left(pos);
            const QStringView after = QStringView(text).mid(pos + len);
            return commonSuffix(before.right(ctx.before.size()), ctx.before) + commonPrefix(after.left(ctx.after.size()), ctx.after);
        };
        const qint64 want = a.start + shift;
        const qsizetype wantUtf16 = off.toUtf16(want);
        qsizetype best = -1;
        qsizetype bestScore = -1;
        qint64 bestDistance = 0;
        const qsizetype full = ctx.before.size() + ctx.after.size();
        if (wantUtf16 + len <= text.size() && QStringView(text).mid(wantUtf16, len) == needle && score(wantUtf16) == full) {
            best = wantUtf16;
        } else {
            for (qsizetype pos = text.indexOf(needle); pos >= 0; pos = text.indexOf(needle, pos + 1)) {
                const qsizetype sc = score(pos);
                const qint64 distance = std::abs(qint64(pos) - qint64(wantUtf16));
                if (sc > bestScore || (sc == bestScore && distance < bestDistance)) {
                    best = pos;
                    bestScore = sc;
                    bestDistance = distance;
                }
                if (sc == full && distance == 0)
                    break;
            }
        }
        if (best < 0) {
            result.orphans.append(a);
            continue;
        }
        const qint64 start = off.toCodePoint(best);
        const qint64 end = off.toCodePoint(best + len);
        if (start != a.start)
            ++result.moved;
        shift = start - a.start;
        a.end = end;
        a.start = start;
        result.placed.append(a);
    }
    return result;
}

} // namespace annotator
