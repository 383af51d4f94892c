// Re-anchoring searches outward from where the shift predicts a mention and
// stops at the first occurrence with its whole context; it must choose what
// a search of every occurrence chooses: best context, then nearest, then
// earlier.
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/reanchor.h"
#include "testsupport.h"

#include <QRandomGenerator>

using namespace annotator;

namespace {

qsizetype contextScore(QStringView text, qsizetype pos, qsizetype len, const AnchorContext &ctx)
{
    qsizetype n = 0;
    const QStringView before = text.left(pos).right(ctx.before.size());
    while (n < before.size() && before.at(before.size() - 1 - n) == ctx.before.at(ctx.before.size() - 1 - n))
        ++n;
    qsizetype m = 0;
    const QStringView after = text.mid(pos + len).left(ctx.after.size());
    while (m < after.size() && after.at(m) == ctx.after.at(m))
        ++m;
    return n + m;
}

/// Every occurrence scored, the rule applied literally (texts without
/// astral characters, so UTF-16 positions are code points).
QList<Annotation> everyOccurrence(const SidecarData &data, const QString &text)
{
    QList<qsizetype> order;
    for (qsizetype i = 0; i < data.annotations.size(); ++i)
        order.append(i);
    std::sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return positionLess(data.annotations[x], data.annotations[y]); });
    QList<Annotation> placed;
    qint64 shift = 0;
    for (const qsizetype i : order) {
        Annotation a = data.annotations[i];
        const AnchorContext ctx = data.contexts.value(i);
        const qsizetype want = std::clamp<qint64>(a.start + shift, 0, text.size());
        qsizetype best = -1;
        qsizetype bestScore = -1;
        qsizetype bestDistance = 0;
        for (qsizetype pos = text.indexOf(a.text); pos >= 0 && !a.text.isEmpty(); pos = text.indexOf(a.text, pos + 1)) {
            const qsizetype sc = contextScore(text, pos, a.text.size(), ctx);
            const qsizetype distance = std::abs(pos - want);
            if (sc > bestScore || (sc == bestScore && distance < bestDistance)) {
                best = pos;
                bestScore = sc;
                bestDistance = distance;
            }
        }
        if (best < 0)
            continue;
        shift = best - a.start;
        a.end = best + a.text.size();
        a.start = best;
        placed.append(a);
    }
    return placed;
}

} // namespace

TEST(Reanchor, ChoosesWhatASearchOfEveryOccurrenceChooses)
{
    // Few words, many repeats: ties of context and of distance are common.
    const QStringList words = {QStringLiteral("Chile"), QStringLiteral("met"), QStringLiteral("Peru"), QStringLiteral("and"), QStringLiteral("Chile met")};
    QRandomGenerator rng(6);
    for (int round = 0; round < 300; ++round) {
        QString text;
        for (int i = 0; i < 40; ++i)
            text += words.at(rng.bounded(int(words.size()))) + (rng.bounded(4) ? u' ' : u'\n');
        const Document doc = Document::fromText(text);
        QList<Annotation> list;
        for (int i = 0; i < 12; ++i) {
            const QString &w = words.at(rng.bounded(int(words.size())));
            const qsizetype pos = text.indexOf(w, rng.bounded(int(text.size())));
            if (pos < 0)
                continue;
            Annotation a;
            a.id = QStringLiteral("a%1").arg(i);
            a.type = Types::Country;
            a.start = pos;
            a.end = pos + w.size();
            a.text = w;
            if (std::none_of(list.cbegin(), list.cend(), [&](const Annotation &b) { return b.start == a.start && b.end == a.end; }))
                list.append(a);
        }
        AnnotationSet set;
        set.reset(list, {});
        const SidecarData data = SidecarData::capture(doc, set);
        // An edit: some text inserted, removed or replaced somewhere.
        QString edited = text;
        const qsizetype at = rng.bounded(int(text.size()));
        switch (rng.bounded(3)) {
        case 0:
            edited.insert(at, words.at(rng.bounded(int(words.size()))) + u' ');
            break;
        case 1:
            edited.remove(at, rng.bounded(1, 30));
            break;
        default:
            edited.replace(at, rng.bounded(1, 12), QStringLiteral("Peru and "));
        }
        const ReanchorResult r = reanchor(data, Document::fromText(edited));
        const QList<Annotation> expected = everyOccurrence(data, edited);
        ASSERT_EQ(r.placed, expected) << "round " << round << ": " << edited.toStdString();
        ASSERT_EQ(r.placed.size() + r.orphans.size(), data.annotations.size());
    }
}

TEST(Reanchor, OfTwoEquallyGoodOccurrencesEquallyNearTheEarlierWins)
{
    const Document before = Document::fromText(QStringLiteral("xxxxxxChile"));
    Annotation a;
    a.id = QStringLiteral("a1");
    a.type = Types::Country;
    a.start = 6;
    a.end = 11;
    a.text = QStringLiteral("Chile");
    AnnotationSet set;
    set.reset({a}, {});
    // Neither occurrence keeps any context; both are 3 from where it was.
    const ReanchorResult r = reanchor(SidecarData::capture(before, set), Document::fromText(QStringLiteral("abcChile_Chile")));
    ASSERT_EQ(r.placed.size(), 1);
    EXPECT_EQ(r.placed.first().start, 3);
}

// Annotations handed over out of position order keep their own contexts:
// two mentions of the same word swapped places in the text, and each must
// follow its context, not the other's.
TEST(Reanchor, AnnotationsOutOfOrderKeepTheirOwnContexts)
{
    const Document before = Document::fromText(QStringLiteral("Chile in the north. Chile in the south."));
    QList<Annotation> list;
    for (const qsizetype at : {0, 20}) {
        Annotation a;
        a.id = QStringLiteral("a%1").arg(list.size() + 1);
        a.type = Types::Country;
        a.start = at;
        a.end = at + 5;
        a.text = QStringLiteral("Chile");
        list.append(a);
    }
    AnnotationSet set;
    set.reset(list, {});
    const SidecarData data = SidecarData::capture(before, set);
    const Document after = Document::fromText(QStringLiteral("Chile in the south. Chile in the north."));
    const ReanchorResult inOrder = reanchor(data, after);
    ASSERT_EQ(inOrder.placed.size(), 2);
    for (const Annotation &a : inOrder.placed)
        EXPECT_EQ(a.start, a.id == QStringLiteral("a1") ? 20 : 0) << a.id.toStdString();

    QList<Annotation> reversed = data.annotations;
    QList<AnchorContext> contexts = data.contexts;
    std::reverse(reversed.begin(), reversed.end());
    std::reverse(contexts.begin(), contexts.end());
    const ReanchorResult outOfOrder = reanchor(reversed, contexts, after);
    EXPECT_EQ(outOfOrder.placed, inOrder.placed);
    EXPECT_EQ(outOfOrder.moved, 2);
}
