// Recognition quality on the development set (tests/data/articles) and on the
// seed article beside the repository, measured by the guideline's matching.
// The floors are the targets of issue 3: a change that makes a measure fall
// below one fails here, so quality never drops silently.
#include "formats/bratformat.h"
#include "model/document.h"
#include "recognition/evaluation.h"
#include "recognition/pipeline.h"
#include "testsupport.h"

#include <QDir>

using namespace annotator;

namespace {

struct Floor {
    Measure measure;
    double f1;
};

// Quote attribution is the share of gold quotes found and linked, i.e. its
// recall; the others are F1.
const Floor Floors[] = {
    {Measure::Country, 0.95},
    {Measure::SpeakerNames, 0.90},
    {Measure::Attribution, 0.90},
    {Measure::Events, 0.75},
};

double figure(const Scores &s, Measure m)
{
    return m == Measure::Attribution ? s[m].recall() : s[m].f1();
}

Scores scoreFolder(const QString &folder, int *files)
{
    Scores total;
    *files = 0;
    QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        const QString base = dir.filePath(name.chopped(4));
        QString error;
        const auto doc = Document::load(base + QStringLiteral(".txt"), &error);
        EXPECT_TRUE(doc) << error.toStdString();
        if (!doc)
            continue;
        const ImportResult gold = BratFormat::read(test::readAll(base + QStringLiteral(".ann")), &*doc);
        EXPECT_TRUE(gold.ok()) << gold.error.toStdString();
        // Every gold span must fit its article: a broken gold file would make
        // every figure meaningless.
        EXPECT_TRUE(gold.issues.isEmpty()) << name.toStdString() << ": " << gold.messages(name).join(QLatin1Char('\n')).toStdString();
        const Recognition r = Pipeline::run(doc->text());
        AnnotationData predicted{r.annotations, r.entities, {}};
        total += Evaluation::score(gold.data, predicted, &*doc);
        ++*files;
    }
    return total;
}

void expectFloors(const Scores &s, const char *what)
{
    for (const Floor &f : Floors) {
        EXPECT_GE(figure(s, f.measure), f.f1) << what << ": " << toString(f.measure).toStdString() << " P=" << s[f.measure].precision()
                                              << " R=" << s[f.measure].recall();
    }
}

} // namespace

TEST(Quality, DevelopmentSetMeetsTheFloors)
{
    int files = 0;
    const Scores s = scoreFolder(test::dataPath(QStringLiteral("articles")), &files);
    ASSERT_GE(files, 10);
    expectFloors(s, "development set");
}

TEST(Quality, SeedArticleMeetsTheFloors)
{
    if (!QDir(test::sharedArticles()).exists())
        GTEST_SKIP() << "no ../shared/articles beside the repository";
    int files = 0;
    const Scores s = scoreFolder(test::sharedArticles(), &files);
    ASSERT_GE(files, 1);
    expectFloors(s, "seed article");
}
