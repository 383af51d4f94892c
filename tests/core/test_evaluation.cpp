#include "recognition/evaluation.h"
#include "model/document.h"
#include "testsupport.h"

using namespace annotator;

namespace {

struct Builder {
    Document doc;
    AnnotationData data;
    int next = 0;

    explicit Builder(const QString &text)
        : doc(Document::fromText(text, QStringLiteral("t.txt")))
    {
    }
    Annotation &add(const QString &type, const QString &text, int occurrence = 0, const QString &entity = QString())
    {
        qsizetype pos = -1;
        for (int i = 0; i <= occurrence; ++i)
            pos = doc.text().indexOf(text, pos + 1);
        EXPECT_GE(pos, 0) << text.toStdString();
        Annotation a;
        a.id = QStringLiteral("x%1").arg(++next);
        a.type = type;
        a.start = doc.offsets().toCodePoint(pos);
        a.end = doc.offsets().toCodePoint(pos + text.size());
        a.text = text;
        a.entity = entity;
        if (!entity.isEmpty() && !data.entity(entity))
            data.entities.append(Entity{entity, type, text, {}});
        data.annotations.append(a);
        return data.annotations.last();
    }
    Annotation &country(const QString &text, const QString &code, int occurrence = 0)
    {
        Annotation &a = add(Types::Country, text, occurrence);
        a.attributes.insert(Attr::Code, code);
        return a;
    }
};

const QString Text = QStringLiteral("\"We stay,\" said Ana Lima of Brazil. \"Fine,\" a Peruvian envoy said. Lima added that the war in Chad and the war in Mali went on.");

} // namespace

TEST(Evaluation, CountryNeedsSpanAndCode)
{
    Builder gold(Text), predicted(Text);
    gold.country(QStringLiteral("Brazil"), QStringLiteral("BR"));
    gold.country(QStringLiteral("Peruvian"), QStringLiteral("PE"));
    gold.country(QStringLiteral("Chad"), QStringLiteral("TD"));
    predicted.country(QStringLiteral("Brazil"), QStringLiteral("BR"));
    predicted.country(QStringLiteral("Peruvian"), QStringLiteral("PY")); // wrong code
    predicted.country(QStringLiteral("Cha"), QStringLiteral("TD")); // wrong span
    predicted.country(QStringLiteral("Mali"), QStringLiteral("ML")); // not in gold
    const Score s = Evaluation::score(gold.data, predicted.data, &gold.doc)[Measure::Country];
    EXPECT_EQ(s.correct, 1);
    EXPECT_EQ(s.predicted, 4);
    EXPECT_EQ(s.gold, 3);
    EXPECT_DOUBLE_EQ(s.precision(), 0.25);
    EXPECT_DOUBLE_EQ(s.recall(), 1.0 / 3);
}

TEST(Evaluation, EventsMatchLenientlyEachGoldOnce)
{
    Builder gold(Text), predicted(Text);
    gold.add(Types::Event, QStringLiteral("war"), 0);
    gold.add(Types::Event, QStringLiteral("war"), 1);
    predicted.add(Types::Event, QStringLiteral("the war"), 0); // overlaps the first
    predicted.add(Types::Event, QStringLiteral("war in Chad")); // overlaps the first again
    predicted.add(Types::Event, QStringLiteral("went on")); // overlaps nothing
    const Score s = Evaluation::score(gold.data, predicted.data)[Measure::Events];
    EXPECT_EQ(s.correct, 1);
    EXPECT_EQ(s.found, 1);
    EXPECT_EQ(s.predicted, 3);
    EXPECT_EQ(s.gold, 2);
}

TEST(Evaluation, QuoteAttributionNeedsAMatchingSpeakerMention)
{
    Builder gold(Text), predicted(Text);
    gold.add(Types::Speaker, QStringLiteral("Ana Lima"), 0, QStringLiteral("g1"));
    gold.add(Types::Speaker, QStringLiteral("Lima"), 1, QStringLiteral("g1"));
    gold.add(Types::Speaker, QStringLiteral("a Peruvian envoy"), 0, QStringLiteral("g2"));
    gold.add(Types::Quote, QStringLiteral("We stay,")).saidBy = QStringLiteral("g1");
    gold.add(Types::Quote, QStringLiteral("Fine,")).saidBy = QStringLiteral("g2");
    // Predicted: the first quote shorter but overlapping, its speaker found
    // only through the later surname; the second linked to the wrong entity.
    predicted.add(Types::Speaker, QStringLiteral("Lima"), 1, QStringLiteral("p1"));
    predicted.add(Types::Speaker, QStringLiteral("Peruvian envoy"), 0, QStringLiteral("p2"));
    predicted.add(Types::Quote, QStringLiteral("We stay")).saidBy = QStringLiteral("p1");
    predicted.add(Types::Quote, QStringLiteral("Fine,")).saidBy = QStringLiteral("p2");
    const Scores s = Evaluation::score(gold.data, predicted.data, &gold.doc);
    EXPECT_EQ(s[Measure::Quotes].correct, 2);
    EXPECT_EQ(s[Measure::Attribution].found, 1);
    EXPECT_EQ(s[Measure::Attribution].gold, 2);
    EXPECT_DOUBLE_EQ(s[Measure::Attribution].recall(), 0.5);
    EXPECT_EQ(s[Measure::Speakers].correct, 1);
    EXPECT_EQ(s[Measure::SpeakerNames].gold, 2); // not "a Peruvian envoy"
    EXPECT_EQ(s[Measure::SpeakerNames].correct, 1);
}

TEST(Evaluation, RejectedSuggestionsDoNotCount)
{
    Builder gold(Text), predicted(Text);
    gold.country(QStringLiteral("Brazil"), QStringLiteral("BR"));
    predicted.country(QStringLiteral("Brazil"), QStringLiteral("BR"));
    predicted.country(QStringLiteral("Mali"), QStringLiteral("ML")).status = Status::Rejected;
    const Score s = Evaluation::score(gold.data, predicted.data)[Measure::Country];
    EXPECT_EQ(s.predicted, 1);
    EXPECT_DOUBLE_EQ(s.f1(), 1.0);
}

TEST(Evaluation, NameMentions)
{
    const Document d = Document::fromText(QStringLiteral("Some analysts spoke. Analysts said more. Officials met Ursula von der Leyen."));
    EXPECT_TRUE(Evaluation::isNameMention(QStringLiteral("Karin Lindgren"), 0, nullptr));
    EXPECT_TRUE(Evaluation::isNameMention(QStringLiteral("Mensah-Bonsu"), 0, nullptr));
    EXPECT_TRUE(Evaluation::isNameMention(QStringLiteral("Ursula von der Leyen"), 0, nullptr));
    EXPECT_TRUE(Evaluation::isNameMention(QStringLiteral("Center for a New American Security"), 0, nullptr));
    EXPECT_FALSE(Evaluation::isNameMention(QStringLiteral("She"), 0, nullptr));
    EXPECT_FALSE(Evaluation::isNameMention(QStringLiteral("a Chinese diplomat"), 0, nullptr));
    EXPECT_FALSE(Evaluation::isNameMention(QStringLiteral("Chinese state media"), 0, nullptr));
    EXPECT_FALSE(Evaluation::isNameMention(QStringLiteral("The foreign ministry"), 0, nullptr));
    // A sentence-initial common noun the article also writes in lower case.
    EXPECT_FALSE(Evaluation::isNameMention(QStringLiteral("Analysts"), 21, &d));
    EXPECT_TRUE(Evaluation::isNameMention(QStringLiteral("Analysts"), 21, nullptr));
}
