#include "recognition/analyzedtext.h"
#include "recognition/countryrecognizer.h"
#include "recognition/recognition.h"

#include "testsupport.h"

using namespace annotator;

namespace {

// Every Country mention of @p text as "covered text=CODE", in text order.
QStringList countries(const QString &text)
{
    const AnalyzedText analyzed(text);
    Recognition r;
    CountryRecognizer::instance().recognize(analyzed, r);
    QStringList found;
    for (const Annotation &a : std::as_const(r.annotations)) {
        EXPECT_EQ(a.type, Types::Country);
        found << a.text + QLatin1Char('=') + a.attributes.value(Attr::Code);
    }
    return found;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList l;
    for (const char *s : items)
        l << QString::fromUtf8(s);
    return l;
}

} // namespace

TEST(CountryRecognizer, NamesAndShortFormsWithoutTheArticle)
{
    EXPECT_EQ(countries(QStringLiteral("Talks between the United States and China resumed, and the Philippines joined.")),
              list({"United States=US", "China=CN", "Philippines=PH"}));
    EXPECT_EQ(countries(QStringLiteral("The US and the U.S. Navy, the UK and Britain, America and North Korea.")),
              list({"US=US", "U.S.=US", "UK=GB", "Britain=GB", "America=US", "North Korea=KP"}));
    EXPECT_EQ(countries(QStringLiteral("Officials from South Korea, Ivory Coast, Kosovo and the Czech Republic met.")),
              list({"South Korea=KR", "Ivory Coast=CI", "Kosovo=XK", "Czech Republic=CZ"}));
    EXPECT_EQ(countries(QStringLiteral("Belgium and the Seychelles voted yes; Greenland, Aruba and Hong Kong are not states.")),
              list({"Belgium=BE", "Seychelles=SC"}));
    EXPECT_EQ(countries(QStringLiteral("Russia and Turkey, also called Türkiye, signed a deal with Vietnam.")),
              list({"Russia=RU", "Turkey=TR", "Türkiye=TR", "Vietnam=VN"}));
}

TEST(CountryRecognizer, LowerCaseUsIsNotTheUnitedStates)
{
    EXPECT_TRUE(countries(QStringLiteral("He told us that the turkey was served on fine china.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("JOIN US FOR THE LIVE BLOG")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("Let us see what the US does.")), list({"US=US"}));
    EXPECT_EQ(countries(QStringLiteral("US GDP grew 2%, the UK said.")), list({"US=US", "UK=GB"}));
    // An all-caps headline still names countries.
    EXPECT_EQ(countries(QStringLiteral("CHINA'S EXPORTS TO NORTH KOREA SURGE AS U.S. TARIFFS LOOM")),
              list({"CHINA=CN", "NORTH KOREA=KP", "U.S.=US"}));
}

TEST(CountryRecognizer, Demonyms)
{
    EXPECT_EQ(countries(QStringLiteral("The Chinese president praised Russian grain and met his German counterpart.")),
              list({"Chinese=CN", "Russian=RU", "German=DE"}));
    EXPECT_EQ(countries(QStringLiteral("Many Americans and Britons, and a South Korean delegation, attended.")),
              list({"Americans=US", "Britons=GB", "South Korean=KR"}));
}

TEST(CountryRecognizer, HyphenatedAndCompoundForms)
{
    EXPECT_EQ(countries(QStringLiteral("The Peru-Chile border pact reflects a pro-Ukraine stance and a US-led coalition.")),
              list({"Peru=PE", "Chile=CL", "Ukraine=UA", "US=US"}));
    EXPECT_EQ(countries(QStringLiteral("a Nigerian-owned tanker and a China expert")), list({"Nigerian=NG", "China=CN"}));
}

TEST(CountryRecognizer, StateOrgansCountButOtherBodiesDoNot)
{
    EXPECT_EQ(countries(QStringLiteral("The United States Department of Defense, the UK Parliament and China Development Bank agreed.")),
              list({"United States=US", "UK=GB", "China=CN"}));
    EXPECT_EQ(countries(QStringLiteral("The Japanese Defence Ministry and the Bank of Canada commented.")),
              list({"Japanese=JP", "Canada=CA"}));
    EXPECT_TRUE(countries(QStringLiteral("She teaches at East China Normal University and the University of New South Wales.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("He works at the Center for a New American Security and reads the Cyprus Mail.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Analysts at Bank of America and the British Federation of Exporters disagreed.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("The Norwegian Refugee Council disagreed with the Russian Security Council.")),
              list({"Russian=RU"}));
    EXPECT_TRUE(countries(QStringLiteral("Refugees arrived in Port Sudan. Air France and Turkish Airlines cancelled flights.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("She runs the Harlow Institute's Chile desk; the People's Bank of Vietnam agreed.")),
              list({"Chile=CL", "Vietnam=VN"}));
    EXPECT_EQ(countries(QStringLiteral("Russia Says Post-War Order Must Change")), list({"Russia=RU"}));
    EXPECT_TRUE(countries(QStringLiteral("The president of the Norwegian Olympic and Paralympic Committee spoke.")).isEmpty());
    // The body's own country, named outside its name, still counts.
    EXPECT_EQ(countries(QStringLiteral("Japan's Kitaura Shipbuilding won the order.")), list({"Japan=JP"}));
}

TEST(CountryRecognizer, CapitalsOnlyWhenTheyStandForTheGovernment)
{
    EXPECT_EQ(countries(QStringLiteral("Beijing has been here before. In 2014 Moscow annexed Crimea.")),
              list({"Beijing=CN", "Moscow=RU"}));
    EXPECT_EQ(countries(QStringLiteral("Beijing's policy avoided any criticism of Moscow.")), list({"Beijing=CN", "Moscow=RU"}));
    EXPECT_EQ(countries(QStringLiteral("Tokyo, Ottawa and Jakarta are discovering new partners.")),
              list({"Tokyo=JP", "Ottawa=CA", "Jakarta=ID"}));
    EXPECT_EQ(countries(QStringLiteral("The minister tried to persuade Washington and pressure on Ankara grew.")),
              list({"Washington=US", "Ankara=TR"}));
    EXPECT_TRUE(countries(QStringLiteral("He lives in Moscow and visited Beijing last week.")).isEmpty());
    // A title-case headline: every word is capitalised.
    EXPECT_EQ(countries(QStringLiteral("Beijing Warns Washington Over Taiwan Visit\n\nThe text.")),
              list({"Beijing=CN", "Washington=US", "Taiwan=TW"}));
    EXPECT_TRUE(countries(QStringLiteral("Protests Spread Across Moscow As Prices Rise\n\nThe text.")).isEmpty());
    // A capitalised word ending the line above does not join a name with the capital below.
    EXPECT_EQ(countries(QStringLiteral("A Trade War Arrives at the Pond's Edge\nWashington's tariffs bite.")), list({"Washington=US"}));
    EXPECT_TRUE(countries(QStringLiteral("A road leading into Kyiv was closed. In Washington, experts disagree.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("A London-based firm hired staff from Beijing Normal University.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("An air strike on Damascus hit a school. She studied at the University of Washington.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("New sanctions on Moscow were agreed.")), list({"Moscow=RU"}));
    EXPECT_EQ(countries(QStringLiteral("Sanctions imposed on Moscow hurt; ministers from Rome and Berlin came.")),
              list({"Moscow=RU", "Rome=IT", "Berlin=DE"}));
    EXPECT_TRUE(countries(QStringLiteral("The envoy shuttles between Tehran and Riyadh. Tourists flocked to Paris.")).isEmpty());
    // "protests" is a noun here, with its own verb; "denies" is Kyiv's verb.
    EXPECT_TRUE(countries(QStringLiteral("Tbilisi protests continued.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("Kyiv denies the report.")), list({"Kyiv=UA"}));
    EXPECT_EQ(countries(QStringLiteral("On Monday Kyiv said talks had failed. Washington, for its part, insists on them.")),
              list({"Kyiv=UA", "Washington=US"}));
}

TEST(CountryRecognizer, RegionsAndAlliancesAreNotCountries)
{
    EXPECT_TRUE(countries(QStringLiteral("Europe, Crimea, Nato, the EU and the UN responded.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Exports to South America and Latin American markets grew, as did trade with New Mexico.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Ships crossed the South China Sea and the Korean Peninsula (the Korean peninsula) stayed calm.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Storms in the Gulf of Mexico cost US$2 billion.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Voters in Northern Ireland and the Central African region agreed.")).isEmpty());
    // At a sentence start the adjective is only an adjective.
    EXPECT_EQ(countries(QStringLiteral("New Chinese rules apply. Eastern Ukraine was shelled.")), list({"Chinese=CN", "Ukraine=UA"}));
}

TEST(CountryRecognizer, GeorgiaTheStateIsNotGeorgiaTheCountry)
{
    EXPECT_TRUE(countries(QStringLiteral("Fans gathered in Atlanta, Georgia. Georgia's governor watched the game.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Senator Kay Doe, a Georgia Republican, voted against it.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("Japanese carmakers will build plants in Alabama and Georgia.")), list({"Japanese=JP"}));
    EXPECT_TRUE(countries(QStringLiteral("Voters in Arizona went to the polls. Turnout in Georgia was high.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("Texas oil firms recalled Russia's war with Georgia.")), list({"Russia=RU", "Georgia=GE"}));
    EXPECT_EQ(countries(QStringLiteral("In 2008 Russia fought a short war with Georgia.")), list({"Russia=RU", "Georgia=GE"}));
    EXPECT_EQ(countries(QStringLiteral("Georgia has asked to join the bloc, officials in Tbilisi said.")), list({"Georgia=GE"}));
}

TEST(CountryRecognizer, LanguagesAreNotCountries)
{
    EXPECT_TRUE(countries(QStringLiteral("She speaks Russian and answered in Chinese.")).isEmpty());
    EXPECT_TRUE(countries(QStringLiteral("Russian-language media reported it.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("The shells landed in Russian territory.")), list({"Russian=RU"}));
}

TEST(CountryRecognizer, CountryNamesThatArePeoplesNames)
{
    EXPECT_TRUE(countries(QStringLiteral("The coach said Jordan Ellery would start and thanked Chad Brook.")).isEmpty());
    EXPECT_EQ(countries(QStringLiteral("Jordan and Chad sent envoys.")), list({"Jordan=JO", "Chad=TD"}));
    EXPECT_EQ(countries(QStringLiteral("The Israel Defense Forces said so.")), list({"Israel=IL"}));
}

TEST(CountryRecognizer, OffsetsCountCodePoints)
{
    // Two astral emoji (two UTF-16 units each) before the name.
    const QString text = QStringLiteral("😀😀 Russia and 🇺🇦 Ukraine");
    const AnalyzedText analyzed(text);
    Recognition r;
    CountryRecognizer::instance().recognize(analyzed, r);
    ASSERT_EQ(r.annotations.size(), 2);
    EXPECT_EQ(r.annotations[0].start, 3);
    EXPECT_EQ(r.annotations[0].end, 9);
    EXPECT_EQ(r.annotations[0].text, QStringLiteral("Russia"));
    EXPECT_EQ(r.annotations[1].start, 17);
    EXPECT_EQ(r.annotations[1].end, 24);
    EXPECT_EQ(r.annotations[1].attributes.value(Attr::Code), QStringLiteral("UA"));
}
