#include "recognition/analyzedtext.h"
#include "recognition/recognition.h"
#include "recognition/speakerrecognizer.h"
#include "testsupport.h"


using namespace annotator;

namespace {

struct Result {
    Recognition r;
    QString text;

    /// Texts of the Speaker mentions, in order.
    QStringList speakers() const
    {
        QStringList out;
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Speaker)
                out << a.text;
        }
        return out;
    }
    QStringList quotes() const
    {
        QStringList out;
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Quote)
                out << a.text;
        }
        return out;
    }
    const Annotation *speaker(const QString &text, int nth = 0) const
    {
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Speaker && a.text == text && nth-- == 0)
                return &a;
        }
        return nullptr;
    }
    const Annotation *quote(const QString &startsWith) const
    {
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Quote && a.text.startsWith(startsWith))
                return &a;
        }
        return nullptr;
    }
    const Entity *entity(const QString &id) const
    {
        for (const Entity &e : r.entities) {
            if (e.id == id)
                return &e;
        }
        return nullptr;
    }
    /// Name of the speaker entity a quote starting with @p startsWith is linked to.
    QString saidBy(const QString &startsWith) const
    {
        const Annotation *q = quote(startsWith);
        if (!q)
            return QStringLiteral("<no quote>");
        const Entity *e = entity(q->saidBy);
        return e ? e->name : QStringLiteral("<no speaker>");
    }
    QString entityOf(const QString &speakerText, int nth = 0) const
    {
        const Annotation *a = speaker(speakerText, nth);
        if (!a)
            return QStringLiteral("<no mention>");
        const Entity *e = entity(a->entity);
        return e ? e->name : QStringLiteral("<no entity>");
    }
};

Result run(const QString &text, const QList<std::pair<QString, QString>> &countries = {})
{
    Result res;
    res.text = text;
    AnalyzedText analyzed(text);
    // Country annotations as the country recogniser would leave them: (text, code).
    for (const auto &[name, code] : countries) {
        qsizetype from = 0;
        while ((from = text.indexOf(name, from)) >= 0) {
            const qsizetype i = res.r.add(analyzed, Types::Country, qint32(from), qint32(from + name.size()));
            res.r.annotations[i].attributes.insert(Attr::Code, code);
            from += name.size();
        }
    }
    SpeakerRecognizer::instance().recognize(analyzed, res.r);
    return res;
}

} // namespace

TEST(SpeakerRecognizer, QuoteSplitByItsAttributionGivesTwoQuotesOfOneSpeaker)
{
    const Result r = run(QStringLiteral("\"Sanctions will not work,\" said Maria Lindqvist, a senior fellow at the Baltic Policy Institute. \"They never have.\"\n"));
    EXPECT_EQ(r.quotes(), (QStringList{QStringLiteral("Sanctions will not work,"), QStringLiteral("They never have.")}));
    EXPECT_EQ(r.saidBy(QStringLiteral("Sanctions")), QStringLiteral("Maria Lindqvist"));
    EXPECT_EQ(r.saidBy(QStringLiteral("They never")), QStringLiteral("Maria Lindqvist"));
    const Annotation *s = r.speaker(QStringLiteral("Maria Lindqvist"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->attributes.value(Attr::Role), QStringLiteral("a senior fellow at the Baltic Policy Institute"));
    EXPECT_EQ(r.entity(s->entity)->attributes.value(Attr::Kind), QStringLiteral("person"));
}

TEST(SpeakerRecognizer, QuoteOverSeveralParagraphsIsOneQuoteAParagraphWithOneSpeaker)
{
    const Result r = run(QStringLiteral("The mayor was blunt.\n\n\u201CWe have waited ten years for this bridge. Nobody should pretend otherwise.\n\n"
                                        "\u201CThe money is there now, and we will spend it,\u201D said Tomasz Brenner, the city's mayor.\n"));
    EXPECT_EQ(r.quotes(),
              (QStringList{QStringLiteral("We have waited ten years for this bridge. Nobody should pretend otherwise."),
                           QStringLiteral("The money is there now, and we will spend it,")}));
    EXPECT_EQ(r.saidBy(QStringLiteral("We have waited")), QStringLiteral("Tomasz Brenner"));
    EXPECT_EQ(r.saidBy(QStringLiteral("The money")), QStringLiteral("Tomasz Brenner"));
}

TEST(SpeakerRecognizer, NestedQuoteStaysInsideItsQuote)
{
    const Result r = run(QStringLiteral("\"They keep promising a 'fair deal' and never deliver one,\" said Lena Ostrova.\n"));
    EXPECT_EQ(r.quotes(), QStringList{QStringLiteral("They keep promising a 'fair deal' and never deliver one,")});
}

TEST(SpeakerRecognizer, ScareQuotesInNarrationAreNotQuotesUnlessAttributed)
{
    const Result r = run(QStringLiteral("The two leaders sealed their \"iron friendship\" in June.\n\n"
                                        "Critics say the pact is what one economist called a \"marriage of convenience\".\n"));
    EXPECT_EQ(r.quotes(), QStringList{QStringLiteral("marriage of convenience")});
    EXPECT_EQ(r.saidBy(QStringLiteral("marriage")), QStringLiteral("one economist"));
}

TEST(SpeakerRecognizer, ReportedSpeechWithoutQuoteMarks)
{
    const Result r = run(QStringLiteral("Finance Minister Adaeze Okafor warned on Saturday that the budget would be cut. "
                                        "The plan will fail, according to Piotr Zielinski, an economist at the Vistula Institute.\n"));
    EXPECT_EQ(r.speakers(), (QStringList{QStringLiteral("Adaeze Okafor"), QStringLiteral("Piotr Zielinski")}));
    EXPECT_EQ(r.speaker(QStringLiteral("Adaeze Okafor"))->attributes.value(Attr::Role), QStringLiteral("Finance Minister"));
    EXPECT_EQ(r.speaker(QStringLiteral("Piotr Zielinski"))->attributes.value(Attr::Role), QStringLiteral("an economist at the Vistula Institute"));
    EXPECT_TRUE(r.quotes().isEmpty());
}

TEST(SpeakerRecognizer, AppositionBetweenSubjectAndVerb)
{
    const Result r = run(QStringLiteral("\u201CPrices will rise again,\u201D Ingrid Solberg, chief economist at Nordbank and a former central banker, said on Monday.\n"));
    EXPECT_EQ(r.speakers(), QStringList{QStringLiteral("Ingrid Solberg")});
    EXPECT_EQ(r.speaker(QStringLiteral("Ingrid Solberg"))->attributes.value(Attr::Role),
              QStringLiteral("chief economist at Nordbank and a former central banker"));
    EXPECT_EQ(r.saidBy(QStringLiteral("Prices")), QStringLiteral("Ingrid Solberg"));
}

TEST(SpeakerRecognizer, TitleBeforeTheNameIsARoleNotPartOfTheSpan)
{
    const Result r = run(QStringLiteral("Kenya's foreign minister Daniel Mwangi told reporters that talks would resume. "
                                        "\"We are ready,\" Mr Mwangi said.\n"));
    const QStringList s = r.speakers();
    ASSERT_EQ(s, (QStringList{QStringLiteral("Daniel Mwangi"), QStringLiteral("Mwangi")}));
    EXPECT_EQ(r.speaker(QStringLiteral("Daniel Mwangi"))->attributes.value(Attr::Role), QStringLiteral("Kenya's foreign minister"));
    EXPECT_EQ(r.entityOf(QStringLiteral("Mwangi")), QStringLiteral("Daniel Mwangi"));
    EXPECT_EQ(r.saidBy(QStringLiteral("We are ready")), QStringLiteral("Daniel Mwangi"));
}

TEST(SpeakerRecognizer, UnnamedAndOrganisationSources)
{
    const Result r = run(QStringLiteral("\u201CThe decision was taken in haste,\u201D a senior European diplomat said, asking not to be named. "
                                        "The agriculture ministry said in a statement that exports would resume. "
                                        "Analysts said the move was overdue.\n"));
    EXPECT_EQ(r.speakers(),
              (QStringList{QStringLiteral("a senior European diplomat"), QStringLiteral("The agriculture ministry"), QStringLiteral("Analysts")}));
    for (const QString &s : r.speakers())
        EXPECT_EQ(r.entity(r.speaker(s)->entity)->attributes.value(Attr::Kind), QStringLiteral("unnamed")) << s.toStdString();
    EXPECT_EQ(r.saidBy(QStringLiteral("The decision")), QStringLiteral("a senior European diplomat"));
}

TEST(SpeakerRecognizer, NamedOrganisationAndItsLaterMentions)
{
    const Result r = run(QStringLiteral("The Harbour Trust said it would appeal. Lawyers for Harbour Trust filed papers on Friday.\n"));
    EXPECT_EQ(r.speakers(), (QStringList{QStringLiteral("Harbour Trust"), QStringLiteral("Harbour Trust")}));
    EXPECT_EQ(r.entity(r.speaker(QStringLiteral("Harbour Trust"))->entity)->attributes.value(Attr::Kind), QStringLiteral("organisation"));
}

TEST(SpeakerRecognizer, PronounGoesToTheRightOneOfTwoPeople)
{
    const Result r = run(QStringLiteral("\u201CWe will win this,\u201D said Ms Clara Weiss, the party's leader.\n\n"
                                        "\u201CThey will not,\u201D said Mr Jonas Berger, her rival.\n\n"
                                        "She added that the campaign would start on Monday.\n"));
    ASSERT_TRUE(r.speaker(QStringLiteral("She")));
    EXPECT_EQ(r.entityOf(QStringLiteral("She")), QStringLiteral("Clara Weiss"));
}

TEST(SpeakerRecognizer, PronounSpeakerOfAPersonNamedBeforeSpeaking)
{
    const Result r = run(QStringLiteral("Mariam Haddad has run the clinic for twenty years. \u201CWe never close,\u201D she says.\n"));
    EXPECT_EQ(r.speakers(), (QStringList{QStringLiteral("Mariam Haddad"), QStringLiteral("she")}));
    EXPECT_EQ(r.entityOf(QStringLiteral("she")), QStringLiteral("Mariam Haddad"));
    EXPECT_EQ(r.saidBy(QStringLiteral("We never close")), QStringLiteral("Mariam Haddad"));
}

TEST(SpeakerRecognizer, EveryMentionOfASpeakerIsLinkedAndMentionedPeopleAreNot)
{
    const Result r = run(QStringLiteral("Jakob Lindahl met President Ruiz in Lima. \u201CIt went well,\u201D said Lindahl, who praised Ruiz.\n\n"
                                        "Lindahl's office later released a photo.\n"));
    EXPECT_EQ(r.speakers(), (QStringList{QStringLiteral("Jakob Lindahl"), QStringLiteral("Lindahl"), QStringLiteral("Lindahl")}));
    EXPECT_EQ(r.entityOf(QStringLiteral("Lindahl"), 1), QStringLiteral("Jakob Lindahl"));
    EXPECT_FALSE(r.speaker(QStringLiteral("Ruiz")));
}

TEST(SpeakerRecognizer, BylineAndContributorsAreNotSpeakers)
{
    const Result r = run(QStringLiteral("# Port strike spreads\n\n**Ravi Menon** in Mumbai\n\nBy Ravi Menon\n\n"
                                        "Dock workers walked out, union leader Asha Rao said.\n\n*Additional reporting by Ravi Menon*\n"));
    EXPECT_EQ(r.speakers(), QStringList{QStringLiteral("Asha Rao")});
}

TEST(SpeakerRecognizer, CountryActingAsASourceIsAlsoASpeaker)
{
    const Result r = run(QStringLiteral("Norway announced on Monday that it would expel two diplomats.\n"), {{QStringLiteral("Norway"), QStringLiteral("NO")}});
    EXPECT_EQ(r.speakers(), QStringList{QStringLiteral("Norway")});
    EXPECT_EQ(r.entity(r.speaker(QStringLiteral("Norway"))->entity)->attributes.value(Attr::Code), QStringLiteral("NO"));
}

TEST(SpeakerRecognizer, QuoteWithoutAttributionFollowsThePreviousParagraphsSpeaker)
{
    const Result r = run(QStringLiteral("\"The river is rising,\" said Anneke de Vries, a hydrologist.\n\n"
                                        "\"If the rain continues, the dykes will be tested.\"\n\n"
                                        "The government has not commented.\n\n\"Nobody is listening.\"\n"));
    EXPECT_EQ(r.saidBy(QStringLiteral("If the rain")), QStringLiteral("Anneke de Vries"));
    // A quote after a paragraph without a speaker has nobody to belong to.
    EXPECT_FALSE(r.quote(QStringLiteral("Nobody is listening")));
}

TEST(SpeakerRecognizer, OffsetsCountCodePointsAfterAstralCharacters)
{
    const QString text = QStringLiteral("Fans cheered \U0001F389\U0001F389. \u201CWhat a night,\u201D said Zoltan Kis.\n");
    const Result r = run(text);
    const Annotation *q = r.quote(QStringLiteral("What a night"));
    ASSERT_TRUE(q);
    // Two astral characters before the quote: UTF-16 positions are two more than code points.
    const qsizetype utf16 = text.indexOf(QStringLiteral("What"));
    EXPECT_EQ(q->start, utf16 - 2);
    EXPECT_EQ(q->end, q->start + 13);
    const Annotation *s = r.speaker(QStringLiteral("Zoltan Kis"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->start, text.indexOf(QStringLiteral("Zoltan")) - 2);
}

TEST(SpeakerRecognizer, ThinkingVerbsDoNotMakeSpeakers)
{
    const Result r = run(QStringLiteral("Some investors wonder whether the rally will last. Many economists believe it will not.\n"));
    EXPECT_TRUE(r.speakers().isEmpty());
}

TEST(SpeakerRecognizer, PronounAfterAnUnnamedPersonStaysWithThem)
{
    const Result r = run(QStringLiteral("Viktor Hale visited the border on Monday.\n\n"
                                        "\u201CThe army is not ready,\u201D a senior officer said. \u201CWe need more time,\u201D he added.\n"));
    EXPECT_EQ(r.entityOf(QStringLiteral("he")), QStringLiteral("a senior officer"));
    EXPECT_FALSE(r.speaker(QStringLiteral("Viktor Hale")));
}

TEST(SpeakerRecognizer, AcronymInBracketsIsAMentionOfTheOrganisation)
{
    const Result r = run(QStringLiteral("The Baltic Grain Council (BGC) declared the harvest a record. Farmers cheered. BGC said exports would rise.\n"));
    EXPECT_EQ(r.speakers(), (QStringList{QStringLiteral("Baltic Grain Council"), QStringLiteral("BGC"), QStringLiteral("BGC")}));
    EXPECT_EQ(r.entityOf(QStringLiteral("BGC"), 1), QStringLiteral("Baltic Grain Council"));
}
