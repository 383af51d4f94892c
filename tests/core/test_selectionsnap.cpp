#include "model/annotation.h"
#include "model/selectionsnap.h"
#include "testsupport.h"

using namespace annotator;

namespace {

/// Snaps the selection of @p selected (its first occurrence) in @p text and
/// returns the text of the resulting span, or "-" when nothing is left.
QString snapped(const QString &text, const QString &selected, const QString &type = Types::Speaker)
{
    const qsizetype start = text.indexOf(selected);
    EXPECT_GE(start, 0);
    const auto r = snapSelection(text, start, start + selected.size(), type);
    return r ? text.mid(r->start, r->end - r->start) : QStringLiteral("-");
}

} // namespace

TEST(SelectionSnap, GrowsAPartialWordToTheWholeWord)
{
    const QString text = QStringLiteral("Minister Ana Duarte said so.");
    EXPECT_EQ(snapped(text, QStringLiteral("na Dua")), QStringLiteral("Ana Duarte"));
    EXPECT_EQ(snapped(text, QStringLiteral("Ana Duarte")), QStringLiteral("Ana Duarte"));
}

TEST(SelectionSnap, DropsQuoteMarksWhitespaceAndMarkdownButKeepsAQuotesPunctuation)
{
    const QString text = QStringLiteral("She said: \u201cWe will win, and soon.\u201d **Kathrin Hille** wrote.");
    EXPECT_EQ(snapped(text, QStringLiteral(" \u201cWe will win, and soon.\u201d "), Types::Quote), QStringLiteral("We will win, and soon."));
    EXPECT_EQ(snapped(text, QStringLiteral("**Kathrin Hille** ")), QStringLiteral("Kathrin Hille"));
}

TEST(SelectionSnap, AMentionLosesTrailingPunctuationAndAPossessive)
{
    const QString text = QStringLiteral("Colombia's president, and Chile, agreed.");
    EXPECT_EQ(snapped(text, QStringLiteral("Colombia's"), Types::Country), QStringLiteral("Colombia"));
    EXPECT_EQ(snapped(text, QStringLiteral("Chile, "), Types::Country), QStringLiteral("Chile"));
}

TEST(SelectionSnap, AHyphenatedCompoundKeepsItsPartsApart)
{
    const QString text = QStringLiteral("the Peru-Chile border pact");
    EXPECT_EQ(snapped(text, QStringLiteral("Chil"), Types::Country), QStringLiteral("Chile"));
}

TEST(SelectionSnap, AnEmptySelectionTakesTheWordAtTheCursorAndNothingInBetween)
{
    const QString text = QStringLiteral("in Oslo , said");
    const qsizetype inOslo = text.indexOf(QStringLiteral("sl"));
    auto r = snapSelection(text, inOslo, inOslo, Types::Country);
    ASSERT_TRUE(r);
    EXPECT_EQ(text.mid(r->start, r->end - r->start), QStringLiteral("Oslo"));
    const qsizetype comma = text.indexOf(u',');
    EXPECT_FALSE(snapSelection(text, comma, comma + 1, Types::Country));
    EXPECT_FALSE(snapSelection(text, comma + 1, comma + 1, Types::Country));
}

TEST(SelectionSnap, EdgesMoveByWordOrCharacterWithoutEmptyingTheSpan)
{
    const QString text = QStringLiteral("said the envoy Elena Marsh, later");
    const qsizetype s = text.indexOf(QStringLiteral("Elena"));
    const Utf16Range name{s, s + 5};
    auto spanText = [&](const std::optional<Utf16Range> &r) { return r ? text.mid(r->start, r->end - r->start) : QStringLiteral("-"); };
    EXPECT_EQ(spanText(moveSpanEdge(text, name, SpanEdge::End, +1, true)), QStringLiteral("Elena Marsh"));
    EXPECT_EQ(spanText(moveSpanEdge(text, name, SpanEdge::Start, -1, true)), QStringLiteral("envoy Elena"));
    EXPECT_EQ(spanText(moveSpanEdge(text, name, SpanEdge::End, -1, false)), QStringLiteral("Elen"));
    EXPECT_EQ(spanText(moveSpanEdge(text, name, SpanEdge::Start, +1, true)), QStringLiteral("-"));
    const Utf16Range two{s, s + 11};
    EXPECT_EQ(spanText(moveSpanEdge(text, two, SpanEdge::End, -1, true)), QStringLiteral("Elena"));
    EXPECT_EQ(spanText(moveSpanEdge(text, two, SpanEdge::Start, +1, true)), QStringLiteral("Marsh"));
}
