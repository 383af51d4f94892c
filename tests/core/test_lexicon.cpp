#include "recognition/lexicon.h"

#include "testsupport.h"

using namespace annotator;

namespace {

// The lemma a form maps to in a "form \t lemma" lexicon, or empty.
QStringList lemmasOf(const QString &lexicon, const QString &form)
{
    QStringList lemmas;
    const QList<QStringList> rows = Lexicon::table(lexicon);
    for (const QStringList &row : rows) {
        if (row.value(0) == form)
            lemmas << row.value(1);
    }
    return lemmas;
}

} // namespace

TEST(Lexicon, VerbsOfCommunicationComeWithTheirInflectedForms)
{
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("said")).contains(QStringLiteral("say")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("says")).contains(QStringLiteral("say")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("told")).contains(QStringLiteral("tell")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("warned")).contains(QStringLiteral("warn")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("arguing")).contains(QStringLiteral("argue")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.communication.tsv"), QStringLiteral("denies")).contains(QStringLiteral("deny")));
    EXPECT_TRUE(lemmasOf(QStringLiteral("wn-verb.motion.tsv"), QStringLiteral("stopped")).contains(QStringLiteral("stop")));
    // A verb that is not about communication is not in the list.
    EXPECT_FALSE(Lexicon::words(QStringLiteral("wn-verb.communication.tsv")).contains(QStringLiteral("ate")));
}

TEST(Lexicon, NounsComeWithTheirPlurals)
{
    const QSet<QString> people = Lexicon::words(QStringLiteral("wn-noun.person.tsv"));
    EXPECT_TRUE(people.contains(QStringLiteral("diplomat")));
    EXPECT_TRUE(people.contains(QStringLiteral("diplomats")));
    EXPECT_TRUE(people.contains(QStringLiteral("spokeswomen")));
    EXPECT_TRUE(people.contains(QStringLiteral("prime minister")));
    EXPECT_TRUE(Lexicon::words(QStringLiteral("wn-noun.act.tsv")).contains(QStringLiteral("invasion")));
    EXPECT_TRUE(Lexicon::words(QStringLiteral("wn-noun.event.tsv")).contains(QStringLiteral("earthquake")));
    EXPECT_FALSE(people.contains(QStringLiteral("invasion")));
}

TEST(Lexicon, CountriesFromIsoCodes)
{
    bool france = false, korea = false;
    const QList<QStringList> countries = Lexicon::table(QStringLiteral("countries.tsv"));
    for (const QStringList &row : countries) {
        if (row.value(0) == QStringLiteral("FR"))
            france = row.contains(QStringLiteral("France"));
        if (row.value(0) == QStringLiteral("KR"))
            korea = row.contains(QStringLiteral("South Korea"));
    }
    EXPECT_TRUE(france);
    EXPECT_TRUE(korea);
    EXPECT_GT(Lexicon::table(QStringLiteral("countries.tsv")).size(), 240);
}

TEST(Lexicon, HandWrittenTablesSkipComments)
{
    const QList<QStringList> aliases = Lexicon::table(QStringLiteral("country-aliases.tsv"));
    ASSERT_FALSE(aliases.isEmpty());
    for (const QStringList &row : aliases)
        EXPECT_FALSE(row.value(0).startsWith(QLatin1Char('#')));
    EXPECT_TRUE(aliases.contains(QStringList{QStringLiteral("XK"), QStringLiteral("Kosovo")}));
}

TEST(Lexicon, MissingLexiconIsEmpty)
{
    EXPECT_TRUE(Lexicon::table(QStringLiteral("no-such-lexicon.tsv")).isEmpty());
    EXPECT_TRUE(Lexicon::words(QStringLiteral("no-such-lexicon.tsv")).isEmpty());
}
