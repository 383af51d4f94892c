#include "recognition/analyzedtext.h"
#include "recognition/eventlexicon.h"
#include "recognition/eventrecognizer.h"
#include "recognition/recognition.h"
#include "testsupport.h"

#include <QRegularExpression>

using namespace annotator;

namespace {

struct CountryHint {
    QString name;
    QString code;
};

/// Runs the event recogniser on @p text after marking @p countries as the
/// country recogniser would (every whole-word occurrence, with its code).
Recognition recognize(const QString &text, const QList<CountryHint> &countries = {})
{
    const AnalyzedText analyzed(text);
    Recognition r;
    for (const CountryHint &c : countries) {
        const QRegularExpression re(QStringLiteral("\\b") + QRegularExpression::escape(c.name) + QStringLiteral("\\b"));
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const qsizetype i = r.add(analyzed, Types::Country, qint32(m.capturedStart()), qint32(m.capturedEnd()));
            r.annotations[i].attributes.insert(Attr::Code, c.code);
        }
    }
    EventRecognizer::instance().recognize(analyzed, r);
    return r;
}

QList<Annotation> events(const Recognition &r)
{
    QList<Annotation> out;
    for (const Annotation &a : r.annotations) {
        if (a.type == Types::Event)
            out.append(a);
    }
    return out;
}

QStringList eventTexts(const Recognition &r)
{
    QStringList out;
    for (const Annotation &a : events(r))
        out.append(a.text);
    return out;
}

const Annotation *eventNamed(const Recognition &r, const QString &text, int occurrence = 0)
{
    for (const Annotation &a : r.annotations) {
        if (a.type == Types::Event && a.text == text && occurrence-- == 0)
            return &a;
    }
    return nullptr;
}

const Entity *entityOf(const Recognition &r, const Annotation *a)
{
    if (!a)
        return nullptr;
    for (const Entity &e : r.entities) {
        if (e.id == a->entity)
            return &e;
    }
    return nullptr;
}

QStringList sortedCodes(const Entity *e)
{
    QStringList codes = e ? e->attributes.value(Attr::Countries).split(u' ', Qt::SkipEmptyParts) : QStringList();
    codes.sort();
    return codes;
}

} // namespace

TEST(EventLexicon, ShippedTablesLoad)
{
    const EventLexicon &lexicon = EventLexicon::instance();
    ASSERT_FALSE(lexicon.isEmpty());
    // Inflected forms are generated from the lemma: regular and irregular.
    EXPECT_NE(lexicon.find(QStringLiteral("invaded")), nullptr);
    EXPECT_NE(lexicon.find(QStringLiteral("sent")), nullptr);
    EXPECT_NE(lexicon.find(QStringLiteral("summits")), nullptr);
    EXPECT_EQ(lexicon.find(QStringLiteral("said")), nullptr);
}

TEST(EventRecognizer, FindsNounTriggers)
{
    const Recognition r = recognize(QStringLiteral("The invasion began at dawn. Weeks later the earthquake hit the coast, "
                                                   "and the summit was cancelled after protests in the capital."));
    const QStringList found = eventTexts(r);
    EXPECT_TRUE(found.contains(QStringLiteral("invasion"))) << found.join(u'|').toStdString();
    EXPECT_TRUE(found.contains(QStringLiteral("earthquake")));
    EXPECT_TRUE(found.contains(QStringLiteral("summit")));
    EXPECT_TRUE(found.contains(QStringLiteral("protests")));
}

TEST(EventRecognizer, FindsVerbTriggersAndVerbPhrases)
{
    const Recognition r = recognize(QStringLiteral("In 2014 Moscow annexed the peninsula. On Friday the delegation abstained, "
                                                   "and last year the government sent troops to the border."),
                                    {{QStringLiteral("Moscow"), QStringLiteral("RU")}});
    const QStringList found = eventTexts(r);
    EXPECT_TRUE(found.contains(QStringLiteral("annexed"))) << found.join(u'|').toStdString();
    EXPECT_TRUE(found.contains(QStringLiteral("abstained")));
    EXPECT_TRUE(found.contains(QStringLiteral("sent troops")));
}

TEST(EventRecognizer, BareVerbOnlyWhenScheduled)
{
    const Recognition scheduled = recognize(QStringLiteral("The premier is due to visit the region and will meet farmers."));
    EXPECT_EQ(eventTexts(scheduled), (QStringList{QStringLiteral("visit"), QStringLiteral("meet")}));
    const Recognition wished = recognize(QStringLiteral("Farmers want to visit the capital to meet officials."));
    EXPECT_TRUE(eventTexts(wished).isEmpty()) << eventTexts(wished).join(u'|').toStdString();
}

TEST(EventRecognizer, FindsMultiwordEventNames)
{
    const Recognition r = recognize(QStringLiteral("Athletes arrived for the Winter Olympics weeks before the G20 summit and "
                                                   "long after the Second World War."));
    const QStringList found = eventTexts(r);
    EXPECT_TRUE(found.contains(QStringLiteral("Winter Olympics"))) << found.join(u'|').toStdString();
    EXPECT_TRUE(found.contains(QStringLiteral("G20 summit")));
    EXPECT_TRUE(found.contains(QStringLiteral("Second World War")));
    EXPECT_FALSE(found.contains(QStringLiteral("Olympics")));
}

TEST(EventRecognizer, LinksMentionsOfOneWarIntoOneEntity)
{
    const Recognition r = recognize(QStringLiteral("Russia's invasion of Ukraine has intensified. Diplomats said the war would drag on. "
                                                   "Back in 2008, Russia sent troops into Georgia. "
                                                   "Until the eve of the attack, few expected it, and the conflict now dominates the summit."),
                                    {{QStringLiteral("Russia"), QStringLiteral("RU")},
                                     {QStringLiteral("Ukraine"), QStringLiteral("UA")},
                                     {QStringLiteral("Georgia"), QStringLiteral("GE")}});
    const Annotation *invasion = eventNamed(r, QStringLiteral("invasion"));
    const Annotation *war = eventNamed(r, QStringLiteral("war"));
    const Annotation *attack = eventNamed(r, QStringLiteral("attack"));
    const Annotation *conflict = eventNamed(r, QStringLiteral("conflict"));
    const Annotation *troops = eventNamed(r, QStringLiteral("sent troops"));
    const Annotation *summit = eventNamed(r, QStringLiteral("summit"));
    ASSERT_TRUE(invasion && war && attack && conflict && troops && summit) << eventTexts(r).join(u'|').toStdString();
    EXPECT_FALSE(invasion->entity.isEmpty());
    EXPECT_EQ(war->entity, invasion->entity);
    EXPECT_EQ(attack->entity, invasion->entity);
    EXPECT_EQ(conflict->entity, invasion->entity);
    // Another war: other countries and another year.
    EXPECT_NE(troops->entity, invasion->entity);
    // Another kind of happening.
    EXPECT_NE(summit->entity, invasion->entity);
}

TEST(EventRecognizer, KeepsTimeAndParticipatingCountries)
{
    const Recognition r = recognize(QStringLiteral("Back in 2008, Russia sent troops into Georgia. "
                                                   "Russia's attack on Ukraine began this month."),
                                    {{QStringLiteral("Russia"), QStringLiteral("RU")},
                                     {QStringLiteral("Ukraine"), QStringLiteral("UA")},
                                     {QStringLiteral("Georgia"), QStringLiteral("GE")}});
    const Entity *troops = entityOf(r, eventNamed(r, QStringLiteral("sent troops")));
    ASSERT_TRUE(troops);
    EXPECT_TRUE(troops->attributes.value(Attr::Time).contains(QStringLiteral("2008")));
    EXPECT_EQ(sortedCodes(troops), (QStringList{QStringLiteral("GE"), QStringLiteral("RU")}));
    const Entity *attack = entityOf(r, eventNamed(r, QStringLiteral("attack")));
    ASSERT_TRUE(attack);
    EXPECT_EQ(attack->attributes.value(Attr::Time), QStringLiteral("this month"));
    EXPECT_EQ(sortedCodes(attack), (QStringList{QStringLiteral("RU"), QStringLiteral("UA")}));
}

TEST(EventRecognizer, WeekdayTimeAndNoTimeWhereTheTextGivesNone)
{
    const Recognition r = recognize(QStringLiteral("The parliament voted on Tuesday. The earthquake left many homeless."));
    const Entity *vote = entityOf(r, eventNamed(r, QStringLiteral("voted")));
    ASSERT_TRUE(vote);
    EXPECT_EQ(vote->attributes.value(Attr::Time), QStringLiteral("on Tuesday"));
    const Entity *quake = entityOf(r, eventNamed(r, QStringLiteral("earthquake")));
    ASSERT_TRUE(quake);
    EXPECT_FALSE(quake->attributes.contains(Attr::Time));
}

TEST(EventRecognizer, SkipsNegatedAndHypotheticalHappenings)
{
    const QStringList texts = {
        QStringLiteral("Analysts warned the dispute could escalate into a wider war."),
        QStringLiteral("No matter what happens, unless it becomes an all-out regional war, little will change."),
        QStringLiteral("The army did not attack the town."),
        QStringLiteral("The minister has no plans to visit the region."),
        QStringLiteral("Officials said Washington would impose tariffs."),
        QStringLiteral("The government threatened to impose sanctions."),
        QStringLiteral("Both sides hope to avoid a war."),
        QStringLiteral("A defeat would be humiliating for the coalition."),
        QStringLiteral("If nothing changes, there will be a war over water within twenty years."),
        QStringLiteral("The opposition called for a ceasefire and ruled out an invasion."),
    };
    for (const QString &text : texts) {
        const Recognition r = recognize(text);
        EXPECT_TRUE(eventTexts(r).isEmpty()) << text.toStdString() << " -> " << eventTexts(r).join(u'|').toStdString();
    }
}

TEST(EventRecognizer, ExistingHappeningUnderAConditionIsKept)
{
    // The tariffs exist; only their staying is conditional.
    const Recognition r = recognize(QStringLiteral("If the tariffs stay in place, growth will slow."));
    EXPECT_EQ(eventTexts(r), QStringList{QStringLiteral("tariffs")});
    // A definite noun phrase names a real happening even after "helped broker".
    const Recognition brokered = recognize(QStringLiteral("She helped broker the 2019 agreement on dam releases."));
    EXPECT_EQ(eventTexts(brokered), QStringList{QStringLiteral("agreement")});
    // Reported future with a date is scheduled, not hypothetical.
    const Recognition reported = recognize(QStringLiteral("The ministry said the envoy would visit the capital next week."));
    EXPECT_EQ(eventTexts(reported), QStringList{QStringLiteral("visit")});
}

TEST(EventRecognizer, SpeechVerbsAreNotEvents)
{
    const Recognition r = recognize(QStringLiteral("\"We are ready,\" the minister said on Monday. She added that the plan was sound, "
                                                   "told reporters it was fair, announced a review and recalls the old days fondly."));
    EXPECT_TRUE(eventTexts(r).isEmpty()) << eventTexts(r).join(u'|').toStdString();
}

TEST(EventRecognizer, GenericNotionsAreNotEvents)
{
    const Recognition r = recognize(QStringLiteral("Its foreign policy rests on trade and partnership, rhetoric about conflicts "
                                                   "in the region and destabilising actions. Prosecutors opened a war crimes inquiry, "
                                                   "and the firm can deal with a great deal of demand."));
    EXPECT_TRUE(eventTexts(r).isEmpty()) << eventTexts(r).join(u'|').toStdString();
}

TEST(EventRecognizer, WeakNounsNeedAPossessorOrSpecifier)
{
    const Recognition r = recognize(QStringLiteral("Russia's action surprised Europe, and the conflict deepened."),
                                    {{QStringLiteral("Russia"), QStringLiteral("RU")}});
    EXPECT_EQ(eventTexts(r), (QStringList{QStringLiteral("action"), QStringLiteral("conflict")}));
}

TEST(EventRecognizer, HeadlineDropsArticles)
{
    const Recognition r = recognize(QStringLiteral("Ministers strike deal with Brussels\n\nThe deal was signed on Friday."));
    const QStringList found = eventTexts(r);
    EXPECT_FALSE(found.contains(QStringLiteral("strike")));
    ASSERT_EQ(found.count(QStringLiteral("deal")), 2) << found.join(u'|').toStdString();
    EXPECT_TRUE(found.contains(QStringLiteral("signed")));
    EXPECT_EQ(eventNamed(r, QStringLiteral("deal"), 0)->entity, eventNamed(r, QStringLiteral("deal"), 1)->entity);
}

TEST(EventRecognizer, OffsetsCountCodePointsAfterAstralCharacters)
{
    // Flags and mathematical letters are outside the BMP: two UTF-16 units each.
    const QString text = QStringLiteral("🇺🇦🔥 𝐀𝐁 Fans cheered. The summit opened in Rome.");
    const Recognition r = recognize(text);
    const Annotation *summit = eventNamed(r, QStringLiteral("summit"));
    ASSERT_TRUE(summit);
    const qsizetype utf16 = text.indexOf(QStringLiteral("summit"));
    const qint64 codePoints = text.left(utf16).toUcs4().size();
    EXPECT_LT(codePoints, utf16);
    EXPECT_EQ(summit->start, codePoints);
    EXPECT_EQ(summit->end, codePoints + 6);
    EXPECT_EQ(summit->origin, Origin::Automatic);
    EXPECT_EQ(summit->status, Status::Suggested);
}

TEST(EventRecognizer, CustomLexicon)
{
    EventLexicon lexicon;
    lexicon.loadTriggers(QStringLiteral("# test\nregatta\tn\tsport\t-\trowing race\n"));
    lexicon.loadNames(QStringLiteral("Boat Race\tsport\n"));
    const EventRecognizer recognizer(lexicon);
    const AnalyzedText text(QStringLiteral("The Boat Race drew crowds to the regattas, not the summit."));
    Recognition r;
    recognizer.recognize(text, r);
    EXPECT_EQ(eventTexts(r), (QStringList{QStringLiteral("Boat Race"), QStringLiteral("regattas")}));
    ASSERT_EQ(r.entities.size(), 1);
    EXPECT_EQ(r.entities.first().type, Types::Event);
}

TEST(EventRecognizer, GenericStatementsAreNotEvents)
{
    const QStringList texts = {
        QStringLiteral("Critics argue that war is bad for business."),
        QStringLiteral("Economists say that sanctions rarely change a government's behaviour."),
        QStringLiteral("\"Sanctions won't solve old problems,\" the minister said."),
        QStringLiteral("Prices jumped after a flood of cheap imports."),
    };
    for (const QString &text : texts) {
        const Recognition r = recognize(text);
        EXPECT_TRUE(eventTexts(r).isEmpty()) << text.toStdString() << " -> " << eventTexts(r).join(u'|').toStdString();
    }
}

TEST(EventRecognizer, IndefiniteMentionStartsANewHappening)
{
    const Recognition r = recognize(QStringLiteral("The floods destroyed 300 homes on Monday. On Tuesday an earthquake struck the west. "
                                                   "Rescuers said the floods had receded."));
    const Annotation *floods = eventNamed(r, QStringLiteral("floods"));
    const Annotation *quake = eventNamed(r, QStringLiteral("earthquake"));
    const Annotation *again = eventNamed(r, QStringLiteral("floods"), 1);
    ASSERT_TRUE(floods && quake && again) << eventTexts(r).join(u'|').toStdString();
    EXPECT_NE(floods->entity, quake->entity);
    EXPECT_EQ(floods->entity, again->entity);
}

TEST(EventRecognizer, NoTriggerInsideACompoundOrAsAModifier)
{
    const Recognition r = recognize(QStringLiteral("The pro-war camp and anti-war groups marched past war-torn towns. "
                                                   "Europe's sanctions debate keeps going."));
    const QStringList found = eventTexts(r);
    EXPECT_FALSE(found.contains(QStringLiteral("war"))) << found.join(u'|').toStdString();
    EXPECT_FALSE(found.contains(QStringLiteral("sanctions")));
    EXPECT_TRUE(found.contains(QStringLiteral("debate")));
}

TEST(EventRecognizer, CriticismAndAdjectivesAreNotEvents)
{
    const Recognition r = recognize(QStringLiteral("The opposition leader attacked the government's budget, and the final text "
                                                   "drew offensive remarks. Militants attacked a police station; the final is on Sunday."));
    EXPECT_EQ(eventTexts(r), (QStringList{QStringLiteral("attacked"), QStringLiteral("final")}));
    const Annotation *attacked = eventNamed(r, QStringLiteral("attacked"));
    ASSERT_TRUE(attacked);
    EXPECT_GT(attacked->start, 100);
}

TEST(EventRecognizer, OddTextsGiveValidSpans)
{
    const QStringList texts = {
        QString(),
        QStringLiteral("war"),
        QStringLiteral("-war- the"),
        QStringLiteral("The"),
        QStringLiteral("sent"),
        QStringLiteral("# COP28\n\n\"summit\" — talks, talks; talks."),
        QStringLiteral("a a a a a an the war war war war, no no no attack"),
        QStringLiteral("\U0001F600 invasion \U0001F600"),
        QStringLiteral("Hurricane"),
        QStringLiteral("He will"),
    };
    for (const QString &text : texts) {
        const Recognition r = recognize(text);
        const qint64 length = text.toUcs4().size();
        for (const Annotation &a : events(r)) {
            EXPECT_GE(a.start, 0) << text.toStdString();
            EXPECT_LT(a.start, a.end) << text.toStdString();
            EXPECT_LE(a.end, length) << text.toStdString();
            EXPECT_FALSE(a.entity.isEmpty());
        }
    }
    EXPECT_EQ(eventTexts(recognize(QStringLiteral("Delegates gathered for COP28 in Dubai."))), QStringList{QStringLiteral("COP28")});
}

TEST(EventRecognizer, IncidentsDeploymentsAndMarketsFromWiderVocabulary)
{
    const Recognition r = recognize(QStringLiteral(
        "A cyberattack on the water utility disrupted supplies last week. The intrusion was detected on Sunday. "
        "The navy deployed two frigates, and a cargo ship rammed a patrol boat near the strait. "
        "Bank shares fell in a sell-off on Thursday after the central bank's rate increase."));
    const QStringList found = eventTexts(r);
    for (const QString &w : {QStringLiteral("cyberattack"), QStringLiteral("intrusion"), QStringLiteral("deployed"),
                             QStringLiteral("rammed"), QStringLiteral("sell-off"), QStringLiteral("rate increase")})
        EXPECT_TRUE(found.contains(w)) << w.toStdString() << " not in " << found.join(u'|').toStdString();
    const Annotation *attack = eventNamed(r, QStringLiteral("cyberattack"));
    const Annotation *intrusion = eventNamed(r, QStringLiteral("intrusion"));
    ASSERT_TRUE(attack && intrusion);
    EXPECT_EQ(attack->entity, intrusion->entity);
}

TEST(EventRecognizer, RulingsSessionsAndParticipants)
{
    const Recognition r = recognize(QStringLiteral(
        "The court ruled that the quotas were unlawful, weeks after an arbitral ruling in March. "
        "The foreign minister summoned the ambassador on Monday. Officials raised the issue in meetings with "
        "envoys, and the next round of consultations is set for May 12. Parliament approved a supplementary budget."));
    const QStringList found = eventTexts(r);
    for (const QString &w : {QStringLiteral("ruled that"), QStringLiteral("arbitral ruling"), QStringLiteral("summoned the ambassador"),
                             QStringLiteral("meetings"), QStringLiteral("consultations"), QStringLiteral("supplementary budget")})
        EXPECT_TRUE(found.contains(w)) << w.toStdString() << " not in " << found.join(u'|').toStdString();
}

TEST(EventRecognizer, NamesWithAPlaceOrYearBeforeTheirHead)
{
    const Recognition r = recognize(QStringLiteral(
        "Rain delayed the Lakeside Open, a WTA 250 event, on Monday. She won the Harbour Cup Finals and hopes to "
        "compete at the Paris 2024 Games. The Open was moved indoors."));
    const QStringList found = eventTexts(r);
    for (const QString &w : {QStringLiteral("Lakeside Open"), QStringLiteral("WTA 250 event"), QStringLiteral("Harbour Cup Finals"),
                             QStringLiteral("Paris 2024 Games")})
        EXPECT_TRUE(found.contains(w)) << w.toStdString() << " not in " << found.join(u'|').toStdString();
    EXPECT_FALSE(found.contains(QStringLiteral("Open"))) << found.join(u'|').toStdString();
}

TEST(EventRecognizer, WiderVocabularyKeepsGenericUsesOut)
{
    const QStringList texts = {
        QStringLiteral("Why trade wars rarely end well"),
        QStringLiteral("Market turmoil tends to follow a sudden policy shift."),
        QStringLiteral("Job cuts were not planned, the company said."),
        QStringLiteral("Court strikes down fishing limits"),
        QStringLiteral("Air raid sirens sounded across the city."),
        QStringLiteral("You can sign sensible agreements with your neighbours."),
        QStringLiteral("Voting rights groups held their annual dinner."),
        QStringLiteral("Muscat tries to stop a flare-up from spiralling into a wider confrontation."),
    };
    for (const QString &text : texts) {
        const Recognition r = recognize(text);
        const QStringList found = eventTexts(r);
        EXPECT_TRUE(found.isEmpty() || found == QStringList{QStringLiteral("flare-up")})
            << text.toStdString() << " -> " << found.join(u'|').toStdString();
    }
}

TEST(EventRecognizer, ModalPassivesAndNameModifiersAreNotEvents)
{
    const Recognition r = recognize(QStringLiteral("The update can be deployed on any phone. Games consoles sold well. "
                                                   "Two battalions will be deployed next week."));
    EXPECT_EQ(eventTexts(r), QStringList{QStringLiteral("deployed")});
    const Annotation *deployed = eventNamed(r, QStringLiteral("deployed"));
    ASSERT_TRUE(deployed);
    EXPECT_GT(deployed->start, 60);
}

TEST(EventRecognizer, WordNetHappeningsBeforeATime)
{
    const Recognition r = recognize(QStringLiteral("Nine people died in the stampede on Saturday. The blackout last week left "
                                                   "homes without power. A blackout is a nuisance. Officials discussed the issue on Monday."));
    EXPECT_EQ(eventTexts(r), (QStringList{QStringLiteral("stampede"), QStringLiteral("blackout")}));
}

TEST(EventRecognizer, BarePluralSubjectsInTheSimplePresentAreGeneric)
{
    const Recognition r = recognize(QStringLiteral("Economists argue that tariffs hurt the countries that impose them, but rate cuts "
                                                   "take months to work. Talks resume on Monday. Job cuts were not planned."));
    EXPECT_EQ(eventTexts(r), QStringList{QStringLiteral("Talks")});
}

TEST(EventRecognizer, SeriesOfHappeningsAndCountriesInsideVerbPhrases)
{
    const Recognition r = recognize(QStringLiteral("It was the latest in a series of confrontations at sea. Manila summoned "
                                                   "China's ambassador on Tuesday. The incident came days after talks in Shanghai."),
                                    {{QStringLiteral("China"), QStringLiteral("CN")}, {QStringLiteral("Manila"), QStringLiteral("PH")}});
    const QStringList found = eventTexts(r);
    for (const QString &w : {QStringLiteral("confrontations"), QStringLiteral("summoned China's ambassador"), QStringLiteral("incident")})
        EXPECT_TRUE(found.contains(w)) << w.toStdString() << " not in " << found.join(u'|').toStdString();
}

TEST(EventRecognizer, CompoundNoAndMarchesAreNotMonthsOrNegations)
{
    const Recognition r = recognize(QStringLiteral("The minister faces a no-confidence motion next week. Thousands of protesters "
                                                   "marched through the capital on Saturday.\n\nBy Ann Lee\nMarch 14, 2025"));
    EXPECT_EQ(eventTexts(r), (QStringList{QStringLiteral("motion"), QStringLiteral("marched")}));
}

TEST(EventRecognizer, PredicateNounsWithModifiersClassifyRatherThanReport)
{
    const Recognition r = recognize(QStringLiteral("The ruling is a genuine legal victory for the farmers. Analysts said the "
                                                   "criticism is a sign that the war is unlikely to end soon."));
    const QStringList found = eventTexts(r);
    EXPECT_FALSE(found.contains(QStringLiteral("victory"))) << found.join(u'|').toStdString();
    EXPECT_TRUE(found.contains(QStringLiteral("war"))) << found.join(u'|').toStdString();
}
