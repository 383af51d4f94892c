#include "model/annotationset.h"
#include "recognition/correctionlearner.h"
#include "recognition/personallexicon.h"
#include "recognition/pipeline.h"
#include "recognition/suggestionmerger.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <chrono>
#include <thread>

using namespace annotator;

namespace {

// Two invented articles that share names.
const QString ArticleA = QStringLiteral(
    "Officials in Georgia said on Monday that the storm had passed.\n"
    "\"We are safe now,\" said Tomas Ferreira, the mayor of the port town.\n"
    "Relief came from the Hermit Kingdom, according to Acme Holdings.\n");
const QString ArticleB = QStringLiteral(
    "Georgia reported heavy rain on Tuesday, officials said.\n"
    "Acme Holdings did not reply. The Hermit Kingdom sent no aid.\n"
    "\"The roads are closed,\" Tomas Ferreira told reporters.\n");

QList<Annotation> ofType(const Recognition &r, const QString &type, const QString &text)
{
    QList<Annotation> out;
    for (const Annotation &a : r.annotations) {
        if (a.type == type && a.text == text)
            out.append(a);
    }
    return out;
}

// Opens @p text as the GUI does: recogniser suggestions merged while the learner is paused.
void openArticle(AnnotationSet &set, CorrectionLearner &learner, const QString &text, const PersonalLexicon *lexicon)
{
    set.clear();
    learner.setPaused(true);
    set.apply(SuggestionMerger::merge(set, Pipeline::run(text, lexicon)));
    learner.setPaused(false);
}

std::optional<Annotation> find(const AnnotationSet &set, const QString &type, const QString &text)
{
    for (const Annotation &a : set.annotations()) {
        if (a.type == type && a.text == text)
            return a;
    }
    return std::nullopt;
}

Annotation manual(const QString &source, const QString &type, const QString &text)
{
    Annotation a;
    a.type = type;
    a.start = source.indexOf(text); // ASCII texts: UTF-16 = code points
    a.end = a.start + text.size();
    a.text = text;
    return a;
}

} // namespace

TEST(PersonalLexicon, NormalisesCaseAndWhitespaceAndKeepsOneEntryPerText)
{
    PersonalLexicon lex;
    EXPECT_TRUE(lex.set({Types::Country, QStringLiteral("  New   Georgia "), PersonalLexicon::Decision::Never, {}}));
    EXPECT_TRUE(lex.isRejected(Types::Country, u"new georgia"));
    EXPECT_TRUE(lex.isRejected(Types::Country, u"NEW\nGEORGIA"));
    EXPECT_FALSE(lex.isRejected(Types::Speaker, u"New Georgia"));
    EXPECT_EQ(lex.entries().front().text, QStringLiteral("New Georgia"));
    EXPECT_FALSE(lex.set({Types::Country, QStringLiteral("New Georgia"), PersonalLexicon::Decision::Never, {}})) << "nothing new";
    lex.set({Types::Country, QStringLiteral("new  georgia"), PersonalLexicon::Decision::Never, {}});
    EXPECT_EQ(lex.size(), 1);
    // Tagging the text later replaces the rejection.
    EXPECT_TRUE(lex.set({Types::Country, QStringLiteral("New Georgia"), PersonalLexicon::Decision::Always, QStringLiteral("GE")}));
    EXPECT_EQ(lex.size(), 1);
    EXPECT_FALSE(lex.isRejected(Types::Country, u"New Georgia"));
    EXPECT_TRUE(lex.remove(Types::Country, u"NEW GEORGIA"));
    EXPECT_TRUE(lex.isEmpty());
}

TEST(PersonalLexicon, SavesReadableVersionedJsonAndReadsItBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/personal-lexicon.json"));
    PersonalLexicon lex;
    lex.set({Types::Country, QStringLiteral("Hermit Kingdom"), PersonalLexicon::Decision::Always, QStringLiteral("KP")});
    lex.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Always, {}});
    lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Never, {}});
    lex.set({Types::Event, QStringLiteral("Caf\u00e9 \"Nord\" \\ raid"), PersonalLexicon::Decision::Never, {}});
    QString error;
    ASSERT_TRUE(lex.save(path, &error)) << error.toStdString();
    const QByteArray bytes = test::readAll(path);
    EXPECT_TRUE(bytes.contains("\"version\": 1"));
    // One entry a line, for people to read and edit.
    EXPECT_TRUE(bytes.contains("{\"type\": \"Country\", \"text\": \"Georgia\", \"decision\": \"never\"}"));
    EXPECT_EQ(bytes.count("\"type\""), 4);
    EXPECT_EQ(bytes.count('\n'), 4 + 6);

    PersonalLexicon back;
    ASSERT_TRUE(back.load(path, &error)) << error.toStdString();
    EXPECT_EQ(back.entries(), lex.entries());
    EXPECT_EQ(back.find(Types::Country, u"hermit kingdom")->code, QStringLiteral("KP"));
}

TEST(PersonalLexicon, MissingFileIsEmptyAndDefaultPathIsInTheDataFolder)
{
    PersonalLexicon lex;
    QString error;
    QTemporaryDir dir;
    EXPECT_TRUE(lex.load(dir.filePath(QStringLiteral("none.json")), &error));
    EXPECT_TRUE(lex.isEmpty());
    EXPECT_TRUE(PersonalLexicon::defaultPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    EXPECT_TRUE(PersonalLexicon::defaultPath().endsWith(QStringLiteral("personal-lexicon.json")));
}

TEST(PersonalLexicon, BrokenOrNewerFileIsNamedInTheErrorAndNeverOverwrittenWithLess)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("personal-lexicon.json"));
    const QList<QByteArray> broken = {
        QByteArray("{\"format\": \"article-annotator personal lexicon\", \"version\": 1, \"entries\": [ {\"type\": \"Country\""),
        QByteArray("{\"format\": \"article-annotator personal lexicon\", \"version\": 7, \"entries\": []}"),
        QByteArray("{\"format\": \"article-annotator personal lexicon\", \"version\": 1, \"entries\": [{\"type\": \"Country\", \"text\": \"X\", \"decision\": \"maybe\"}]}"),
        QByteArray("[1, 2, 3]"),
    };
    for (const QByteArray &bytes : broken) {
        test::writeAll(path, bytes);
        PersonalLexicon lex;
        QString error;
        EXPECT_FALSE(lex.load(path, &error)) << bytes.toStdString();
        EXPECT_TRUE(error.contains(path)) << error.toStdString();
        EXPECT_TRUE(lex.isEmpty());
        lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Never, {}});
        error.clear();
        EXPECT_FALSE(lex.save(path, &error));
        EXPECT_TRUE(error.contains(path)) << error.toStdString();
        EXPECT_EQ(test::readAll(path), bytes);
        // With the user's consent the broken file is kept as .bak.
        ASSERT_TRUE(lex.save(path, &error, true)) << error.toStdString();
        EXPECT_EQ(test::readAll(path + QStringLiteral(".bak")), bytes);
        PersonalLexicon back;
        EXPECT_TRUE(back.load(path, &error));
        EXPECT_EQ(back.size(), 1);
    }
    const QByteArray newer("{\"format\": \"article-annotator personal lexicon\", \"version\": 2, \"entries\": []}");
    test::writeAll(path, newer);
    PersonalLexicon lex;
    QString error;
    EXPECT_FALSE(lex.load(path, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("newer"))) << error.toStdString();
}

TEST(PersonalLexicon, TwoProgramsSavingTheSameFileKeepEachOthersChanges)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("personal-lexicon.json"));
    QString error;
    {
        PersonalLexicon first;
        first.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Never, {}});
        first.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Always, {}});
        first.set({Types::Event, QStringLiteral("storm"), PersonalLexicon::Decision::Always, {}});
        ASSERT_TRUE(first.save(path, &error)) << error.toStdString();
        EXPECT_FALSE(first.hasUnsavedChanges());
    }
    // Two windows started from that file.
    PersonalLexicon a, b;
    ASSERT_TRUE(a.load(path, &error)) << error.toStdString();
    ASSERT_TRUE(b.load(path, &error)) << error.toStdString();

    // Each learns something different and saves.
    a.set({Types::Country, QStringLiteral("Hermit Kingdom"), PersonalLexicon::Decision::Always, QStringLiteral("KP")});
    EXPECT_TRUE(a.hasUnsavedChanges());
    ASSERT_TRUE(a.save(path, &error)) << error.toStdString();
    b.set({Types::Speaker, QStringLiteral("Tomas Ferreira"), PersonalLexicon::Decision::Always, {}});
    b.set({Types::Event, QStringLiteral("storm"), PersonalLexicon::Decision::Never, {}}); // edited
    ASSERT_TRUE(b.save(path, &error)) << error.toStdString();

    PersonalLexicon onDisk;
    ASSERT_TRUE(onDisk.load(path, &error)) << error.toStdString();
    EXPECT_EQ(onDisk.size(), 5);
    ASSERT_TRUE(onDisk.find(Types::Country, u"Hermit Kingdom")) << "b's save dropped what a saved";
    EXPECT_EQ(onDisk.find(Types::Country, u"Hermit Kingdom")->code, QStringLiteral("KP"));
    ASSERT_TRUE(onDisk.find(Types::Speaker, u"Tomas Ferreira"));
    EXPECT_EQ(onDisk.find(Types::Event, u"storm")->decision, PersonalLexicon::Decision::Never);
    // The one that saved last now knows the other's entries too.
    EXPECT_EQ(b.entries(), onDisk.entries());
    EXPECT_TRUE(b.find(Types::Country, u"Hermit Kingdom"));

    // A deletion in one survives a save of the other, which still holds the entry.
    ASSERT_TRUE(a.remove(Types::Country, u"Georgia"));
    ASSERT_TRUE(a.save(path, &error)) << error.toStdString();
    ASSERT_TRUE(b.find(Types::Country, u"Georgia"));
    b.set({Types::Country, QStringLiteral("Ruritania"), PersonalLexicon::Decision::Always, QStringLiteral("RU")});
    ASSERT_TRUE(b.save(path, &error)) << error.toStdString();
    ASSERT_TRUE(onDisk.load(path, &error)) << error.toStdString();
    EXPECT_FALSE(onDisk.find(Types::Country, u"Georgia")) << "b's save brought back what a deleted";
    EXPECT_FALSE(b.find(Types::Country, u"Georgia"));
    EXPECT_TRUE(onDisk.find(Types::Country, u"Ruritania"));
    EXPECT_TRUE(onDisk.find(Types::Speaker, u"Acme Holdings"));
    EXPECT_EQ(onDisk.size(), 5);

    // Clearing is deleting every entry this lexicon knows, not those it has not seen.
    ASSERT_TRUE(b.save(path, &error)) << error.toStdString();
    a.set({Types::Event, QStringLiteral("flood"), PersonalLexicon::Decision::Always, {}});
    ASSERT_TRUE(a.save(path, &error)) << error.toStdString();
    b.clear();
    ASSERT_TRUE(b.save(path, &error)) << error.toStdString();
    ASSERT_TRUE(onDisk.load(path, &error)) << error.toStdString();
    ASSERT_EQ(onDisk.size(), 1);
    EXPECT_TRUE(onDisk.find(Types::Event, u"flood"));
}

TEST(PersonalLexicon, SaveWaitsWhileAnotherProgramHoldsTheLockAndMergesWhatItWrote)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("personal-lexicon.json"));
    PersonalLexicon lex;
    lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Never, {}});
    // The other program holds the lock while it writes its file.
    QLockFile other(path + QStringLiteral(".lock"));
    ASSERT_TRUE(other.lock());
    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        PersonalLexicon theirs;
        theirs.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Always, {}});
        QSaveFile out(path);
        const QByteArray bytes = theirs.toJson();
        if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size())
            out.commit();
        other.unlock();
    });
    QString error;
    const bool saved = lex.save(path, &error);
    writer.join();
    ASSERT_TRUE(saved) << error.toStdString();
    PersonalLexicon back;
    ASSERT_TRUE(back.load(path, &error));
    EXPECT_TRUE(back.isRejected(Types::Country, u"Georgia"));
    EXPECT_TRUE(back.find(Types::Speaker, u"Acme Holdings")) << "written over what the lock holder wrote";
}

TEST(PersonalLexicon, MatchesWholeWordsAndCapitalisedNamesOnly)
{
    PersonalLexicon lex;
    lex.set({Types::Country, QStringLiteral("Hermit Kingdom"), PersonalLexicon::Decision::Always, QStringLiteral("KP")});
    const QString text = QStringLiteral("The Hermit Kingdoms fell. A hermit kingdom is no state. THE HERMIT KINGDOM'S ENVOY. Hermit  Kingdom said.");
    const Recognition r = Pipeline::run(text, &lex);
    QList<qint64> starts;
    for (const Annotation &a : r.annotations) {
        if (a.type == Types::Country) {
            starts.append(a.start);
            EXPECT_EQ(a.attributes.value(Attr::Code), QStringLiteral("KP"));
        }
    }
    EXPECT_EQ(starts, (QList<qint64>{text.indexOf(QStringLiteral("HERMIT")), text.lastIndexOf(QStringLiteral("Hermit"))}));
}

TEST(PersonalLexicon, EmptyLexiconChangesNothing)
{
    const PersonalLexicon empty;
    const Recognition plain = Pipeline::run(ArticleA);
    const Recognition with = Pipeline::run(ArticleA, &empty);
    EXPECT_EQ(with.annotations, plain.annotations);
    EXPECT_EQ(with.entities, plain.entities);
}

TEST(PersonalLexicon, CorrectionInOneArticleChangesSuggestionsInAnother)
{
    // The recognisers' own view of article B, before any correction.
    ASSERT_FALSE(ofType(Pipeline::run(ArticleB), Types::Country, QStringLiteral("Georgia")).isEmpty());
    ASSERT_TRUE(ofType(Pipeline::run(ArticleB), Types::Country, QStringLiteral("Hermit Kingdom")).isEmpty());
    ASSERT_TRUE(ofType(Pipeline::run(ArticleB), Types::Speaker, QStringLiteral("Acme Holdings")).isEmpty());

    PersonalLexicon lex;
    AnnotationSet set;
    CorrectionLearner learner(&set, &lex);
    openArticle(set, learner, ArticleA, &lex);
    EXPECT_TRUE(lex.isEmpty()) << "merging suggestions teaches nothing";

    // In article A: reject Georgia as a country, tag the Hermit Kingdom as
    // a country (North Korea) and Acme Holdings as a speaker.
    const auto georgia = find(set, Types::Country, QStringLiteral("Georgia"));
    ASSERT_TRUE(georgia);
    set.setStatus({georgia->id}, Status::Rejected);
    Annotation kingdom = manual(ArticleA, Types::Country, QStringLiteral("Hermit Kingdom"));
    kingdom.attributes.insert(Attr::Code, QStringLiteral("KP"));
    set.addAnnotation(kingdom);
    set.addAnnotation(manual(ArticleA, Types::Speaker, QStringLiteral("Acme Holdings")));
    EXPECT_EQ(lex.size(), 3);

    // Article B: Georgia is no longer suggested, the tagged texts are.
    const Recognition b = Pipeline::run(ArticleB, &lex);
    EXPECT_TRUE(ofType(b, Types::Country, QStringLiteral("Georgia")).isEmpty());
    const auto kingdoms = ofType(b, Types::Country, QStringLiteral("Hermit Kingdom"));
    ASSERT_EQ(kingdoms.size(), 1);
    EXPECT_EQ(kingdoms.front().attributes.value(Attr::Code), QStringLiteral("KP"));
    const auto acme = ofType(b, Types::Speaker, QStringLiteral("Acme Holdings"));
    ASSERT_EQ(acme.size(), 1);
    ASSERT_FALSE(acme.front().entity.isEmpty());
    bool entityKnown = false;
    for (const Entity &e : b.entities)
        entityKnown |= e.id == acme.front().entity && e.type == Types::Speaker;
    EXPECT_TRUE(entityKnown);
    // Ids stay unique after the lexicon removed and added mentions.
    QSet<QString> ids, entityIds;
    for (const Annotation &a : b.annotations)
        ids.insert(a.id);
    for (const Entity &e : b.entities)
        entityIds.insert(e.id);
    EXPECT_EQ(ids.size(), b.annotations.size());
    EXPECT_EQ(entityIds.size(), b.entities.size());
    // What the recognisers found elsewhere is unchanged.
    EXPECT_EQ(ofType(b, Types::Speaker, QStringLiteral("Tomas Ferreira")).size(), ofType(Pipeline::run(ArticleB), Types::Speaker, QStringLiteral("Tomas Ferreira")).size());

    // Switched off (the GUI passes no lexicon): the recognisers' own view.
    const Recognition off = Pipeline::run(ArticleB, nullptr);
    EXPECT_FALSE(ofType(off, Types::Country, QStringLiteral("Georgia")).isEmpty());
    EXPECT_TRUE(ofType(off, Types::Country, QStringLiteral("Hermit Kingdom")).isEmpty());
}

TEST(PersonalLexicon, RejectedSpeakerLeavesNoEmptyEntityBehind)
{
    const Recognition plain = Pipeline::run(ArticleB);
    const auto tomas = ofType(plain, Types::Speaker, QStringLiteral("Tomas Ferreira"));
    ASSERT_FALSE(tomas.isEmpty());
    PersonalLexicon lex;
    lex.set({Types::Speaker, QStringLiteral("Tomas Ferreira"), PersonalLexicon::Decision::Never, {}});
    const Recognition r = Pipeline::run(ArticleB, &lex);
    EXPECT_TRUE(ofType(r, Types::Speaker, QStringLiteral("Tomas Ferreira")).isEmpty());
    for (const Entity &e : r.entities)
        EXPECT_NE(e.id, tomas.front().entity);
    for (const Annotation &a : r.annotations)
        EXPECT_NE(a.saidBy, tomas.front().entity);
}

namespace {

/// ArticleA opened with a learner watching, as the window does.
class CorrectionLearnerTest : public ::testing::Test
{
protected:
    void SetUp() override { openArticle(set, learner, ArticleA, &lex); }

    PersonalLexicon lex;
    AnnotationSet set;
    CorrectionLearner learner{&set, &lex};
};

} // namespace

TEST_F(CorrectionLearnerTest, UndoTakesBackWhatAStepTaughtAndRedoTeachesItAgain)
{
    const auto georgia = find(set, Types::Country, QStringLiteral("Georgia"));
    ASSERT_TRUE(georgia);
    set.setStatus({georgia->id}, Status::Rejected);
    EXPECT_TRUE(lex.isRejected(Types::Country, u"Georgia"));
    set.undo();
    EXPECT_TRUE(lex.isEmpty());
    set.redo();
    EXPECT_TRUE(lex.isRejected(Types::Country, u"Georgia"));
    // Accepting it again forgets the rejection.
    set.setStatus({georgia->id}, Status::Accepted);
    EXPECT_TRUE(lex.isEmpty());
}

TEST_F(CorrectionLearnerTest, UndoLeavesAnEntryTheUserChangedByHandSince)
{
    const QString acme = set.addAnnotation(manual(ArticleA, Types::Speaker, QStringLiteral("Acme Holdings")));
    ASSERT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Always);
    const auto georgia = find(set, Types::Country, QStringLiteral("Georgia"));
    ASSERT_TRUE(georgia);
    set.setStatus({georgia->id}, Status::Rejected);
    ASSERT_TRUE(lex.isRejected(Types::Country, u"Georgia"));

    // In the lexicon's window: Acme becomes "never" and back to "always"
    // (the user's own word now, though it reads as the lesson did); the
    // rejection of Georgia becomes "always Georgia -> GE".
    lex.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Never, {}});
    learner.userChanged(Types::Speaker, QStringLiteral("Acme Holdings"));
    lex.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Always, {}});
    learner.userChanged(Types::Speaker, QStringLiteral("Acme Holdings"));
    lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Always, QStringLiteral("GE")});
    learner.userChanged(Types::Country, QStringLiteral("georgia"));

    // Undoing both steps in the article takes back neither.
    set.undo();
    set.undo();
    EXPECT_FALSE(set.annotation(acme));
    ASSERT_TRUE(lex.find(Types::Speaker, u"Acme Holdings"));
    EXPECT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Always);
    ASSERT_TRUE(lex.find(Types::Country, u"Georgia"));
    EXPECT_EQ(lex.find(Types::Country, u"Georgia")->code, QStringLiteral("GE"));
    // Nor does redoing them.
    set.redo();
    set.redo();
    EXPECT_EQ(lex.find(Types::Country, u"Georgia")->decision, PersonalLexicon::Decision::Always);
    EXPECT_EQ(lex.size(), 2);
}

TEST_F(CorrectionLearnerTest, UndoLeavesAnEntryThatChangedAnotherWay)
{
    const auto georgia = find(set, Types::Country, QStringLiteral("Georgia"));
    ASSERT_TRUE(georgia);
    set.setStatus({georgia->id}, Status::Rejected);
    // Changed without the learner hearing of it (another window's save, merged in).
    lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Always, QStringLiteral("GE")});
    set.undo();
    ASSERT_TRUE(lex.find(Types::Country, u"Georgia"));
    EXPECT_EQ(lex.find(Types::Country, u"Georgia")->decision, PersonalLexicon::Decision::Always);
    // An entry left as the step made it is still taken back.
    set.redo();
    const QString acme = set.addAnnotation(manual(ArticleA, Types::Speaker, QStringLiteral("Acme Holdings")));
    ASSERT_TRUE(lex.find(Types::Speaker, u"Acme Holdings"));
    set.undo();
    EXPECT_FALSE(lex.find(Types::Speaker, u"Acme Holdings"));
    EXPECT_FALSE(set.annotation(acme));
}

TEST_F(CorrectionLearnerTest, RetypeDeleteAndCodeChangesAreRemembered)
{
    const auto georgia = find(set, Types::Country, QStringLiteral("Georgia"));
    ASSERT_TRUE(georgia);
    // Deleting a recogniser's annotation is a rejection.
    set.removeAnnotation(georgia->id);
    EXPECT_TRUE(lex.isRejected(Types::Country, u"Georgia"));
    set.undo();
    // Retyping: never the old type, always the new one.
    set.setType(georgia->id, Types::Event);
    EXPECT_TRUE(lex.isRejected(Types::Country, u"Georgia"));
    ASSERT_TRUE(lex.find(Types::Event, u"Georgia"));
    EXPECT_EQ(lex.find(Types::Event, u"Georgia")->decision, PersonalLexicon::Decision::Always);
    set.undo();
    EXPECT_TRUE(lex.isEmpty());
    // A new code for a suggested country is remembered with the code.
    Annotation recoded = *set.annotation(georgia->id);
    recoded.attributes.insert(Attr::Code, QStringLiteral("US"));
    set.updateAnnotation(recoded);
    ASSERT_TRUE(lex.find(Types::Country, u"Georgia"));
    EXPECT_EQ(lex.find(Types::Country, u"Georgia")->code, QStringLiteral("US"));
    EXPECT_EQ(lex.find(Types::Country, u"Georgia")->decision, PersonalLexicon::Decision::Always);
    // Deleting one's own tag forgets it.
    const QString id = set.addAnnotation(manual(ArticleA, Types::Speaker, QStringLiteral("Acme Holdings")));
    EXPECT_TRUE(lex.find(Types::Speaker, u"Acme Holdings"));
    set.removeAnnotation(id);
    EXPECT_FALSE(lex.find(Types::Speaker, u"Acme Holdings"));
}

TEST(CorrectionLearner, RemembersSpeakerNamesButNotPronounsOrQuotes)
{
    EXPECT_TRUE(CorrectionLearner::isRememberable(Types::Speaker, QStringLiteral("Acme Holdings")));
    EXPECT_FALSE(CorrectionLearner::isRememberable(Types::Speaker, QStringLiteral("She")));
    EXPECT_FALSE(CorrectionLearner::isRememberable(Types::Speaker, QStringLiteral("a senior official")));
    EXPECT_FALSE(CorrectionLearner::isRememberable(Types::Quote, QStringLiteral("We are safe now")));
    EXPECT_TRUE(CorrectionLearner::isRememberable(Types::Event, QStringLiteral("storm")));
}
