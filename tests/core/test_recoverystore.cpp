#include "model/annotationset.h"
#include "model/document.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace annotator;

TEST(RecoveryStore, AutosaveWritesAfterDelayAndSaveDiscardsIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    test::writeAll(path, "Chile and Peru.\n");
    QString error;
    const Document doc = *Document::load(path, &error);
    AnnotationSet set;
    Autosaver autosaver(&doc, &set, 50);
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    Annotation a;
    a.type = Types::Country;
    a.start = 0;
    a.end = 5;
    a.text = QStringLiteral("Chile");
    set.addAnnotation(a);
    EXPECT_FALSE(RecoveryStore::exists(path));
    ASSERT_TRUE(saved.wait(2000));
    ASSERT_TRUE(RecoveryStore::exists(path));
    const auto recovered = RecoveryStore::read(path, &error);
    ASSERT_TRUE(recovered) << error.toStdString();
    EXPECT_EQ(recovered->annotations, set.annotations());
    // The recovery file lives outside the article's folder.
    EXPECT_FALSE(RecoveryStore::recoveryPath(path).startsWith(dir.path()));

    ASSERT_TRUE(SidecarStore::save(doc, set, &error));
    set.setClean();
    EXPECT_FALSE(RecoveryStore::exists(path));
}

namespace {

// An article with a sidecar holding one country, as the program leaves it
// after opening and saving.
struct Session {
    Session()
    {
        path = dir.filePath(QStringLiteral("b.txt"));
        test::writeAll(path, "Chile and Peru signed a fisheries pact with Ecuador.\n");
        QString error;
        doc = *Document::load(path, &error);
        RecoveryStore::discard(path);
        RecoveryStore::discard(path + QStringLiteral(".gone"));
        QFile::remove(RecoveryStore::olderPath(path));
    }
    ~Session()
    {
        RecoveryStore::discard(path);
        QFile::remove(RecoveryStore::olderPath(path));
    }
    void tag(const QString &text)
    {
        Annotation a;
        a.type = Types::Country;
        a.start = doc.text().indexOf(text);
        a.end = a.start + text.size();
        a.text = text;
        set.addAnnotation(a);
    }
    bool saveSidecar()
    {
        QString error;
        const bool ok = SidecarStore::save(doc, set, &error);
        EXPECT_TRUE(ok) << error.toStdString();
        return ok;
    }
    /// Chile tagged and saved, then Peru tagged and autosaved: the program
    /// dies with Peru only in the recovery file.
    void crashAfterAnEditSinceTheSave()
    {
        tag(QStringLiteral("Chile"));
        ASSERT_TRUE(saveSidecar());
        set.setClean();
        Autosaver autosaver(&doc, &set, 60000);
        tag(QStringLiteral("Peru"));
        autosaver.flush();
    }
    QStringList recoveredTexts(const RecoveryStore::Recovered &r) const
    {
        QStringList out;
        for (const Annotation &a : r.loaded.data.annotations)
            out.append(a.text);
        out.sort();
        return out;
    }
    QTemporaryDir dir;
    QString path;
    Document doc;
    AnnotationSet set;
};

} // namespace

TEST(RecoveryStore, EditsAfterTheLastSaveAreOfferedBack)
{
    Session s;
    s.crashAfterAnEditSinceTheSave();
    const auto r = RecoveryStore::find(s.doc);
    EXPECT_EQ(r.freshness, RecoveryStore::Freshness::Newer);
    EXPECT_EQ(s.recoveredTexts(r), QStringList({QStringLiteral("Chile"), QStringLiteral("Peru")}));
    EXPECT_TRUE(r.keptAt.isValid());
}

TEST(RecoveryStore, EditsOfAnArticleNeverSavedAreOfferedBack)
{
    Session s;
    Autosaver autosaver(&s.doc, &s.set, 60000);
    s.tag(QStringLiteral("Peru"));
    autosaver.flush();
    EXPECT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::Newer);
}

TEST(RecoveryStore, AKillBetweenASaveAndTheRemovalOfTheRecoveryFileOffersNothing)
{
    Session s;
    Autosaver autosaver(&s.doc, &s.set, 60000);
    s.tag(QStringLiteral("Chile"));
    autosaver.flush();
    s.tag(QStringLiteral("Peru"));
    // A save as the program makes it: pending edits first, then the sidecar;
    // the program dies before marking the set clean (which removes the file).
    autosaver.flush();
    ASSERT_TRUE(s.saveSidecar());
    ASSERT_TRUE(RecoveryStore::exists(s.path));
    const auto r = RecoveryStore::find(s.doc);
    EXPECT_EQ(r.freshness, RecoveryStore::Freshness::SameAsSaved);
}

TEST(RecoveryStore, ARecoveryFileOlderThanTheSavedAnnotationsIsNeverOffered)
{
    Session s;
    Autosaver autosaver(&s.doc, &s.set, 60000);
    s.tag(QStringLiteral("Chile"));
    autosaver.flush(); // the recovery file holds Chile only
    s.tag(QStringLiteral("Peru"));
    s.tag(QStringLiteral("Ecuador"));
    // Saved without flushing (an older program, or a failed autosave): the
    // sidecar holds three countries, the recovery file one.
    ASSERT_TRUE(s.saveSidecar());
    ASSERT_TRUE(RecoveryStore::exists(s.path));
    const auto r = RecoveryStore::find(s.doc);
    EXPECT_EQ(r.freshness, RecoveryStore::Freshness::OlderThanSaved);
    EXPECT_EQ(s.recoveredTexts(r), QStringList({QStringLiteral("Chile")}));

    // Set aside, not deleted: nothing the user typed is thrown away.
    const QString aside = RecoveryStore::setAside(s.path);
    EXPECT_EQ(aside, RecoveryStore::olderPath(s.path));
    EXPECT_FALSE(RecoveryStore::exists(s.path));
    EXPECT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::None);
    const auto older = RecoveryStore::assess(aside, s.doc);
    EXPECT_EQ(s.recoveredTexts(older), QStringList({QStringLiteral("Chile")}));
}

TEST(RecoveryStore, ASidecarRewrittenByAnotherProgramAfterTheCrashWins)
{
    Session s;
    s.crashAfterAnEditSinceTheSave();
    ASSERT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::Newer);
    // Another program (the command-line annotator, say) saves the article's
    // annotations after the crash.
    AnnotationSet other;
    Annotation a;
    a.type = Types::Country;
    a.start = s.doc.text().indexOf(QStringLiteral("Ecuador"));
    a.end = a.start + 7;
    a.text = QStringLiteral("Ecuador");
    other.addAnnotation(a);
    QString error;
    ASSERT_TRUE(SidecarStore::save(s.doc, other, &error)) << error.toStdString();
    EXPECT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::OlderThanSaved);
}

TEST(RecoveryStore, ARecoveryFileWithoutASidecarHashIsJudgedByItsTime)
{
    Session s;
    s.tag(QStringLiteral("Chile"));
    ASSERT_TRUE(s.saveSidecar());
    s.tag(QStringLiteral("Peru"));
    // As an earlier version wrote it: no record of the sidecar.
    SidecarData data = SidecarData::capture(s.doc, s.set);
    ASSERT_TRUE(data.basedOnSidecar.isEmpty());
    QDir().mkpath(RecoveryStore::recoveryDir());
    const QString file = RecoveryStore::recoveryPath(s.path);
    QString error;
    ASSERT_TRUE(SidecarStore::writeFile(file, SidecarJson::serialize(data), &error)) << error.toStdString();
    const QString sidecar = SidecarStore::sidecarPath(s.path);
    const QDateTime now = QDateTime::currentDateTime();
    auto setTime = [](const QString &f, const QDateTime &t) {
        QFile file(f);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_TRUE(file.setFileTime(t, QFileDevice::FileModificationTime));
    };
    setTime(sidecar, now.addSecs(-60));
    setTime(file, now);
    EXPECT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::Newer);
    setTime(sidecar, now.addSecs(60));
    EXPECT_EQ(RecoveryStore::find(s.doc).freshness, RecoveryStore::Freshness::OlderThanSaved);
}

TEST(RecoveryStore, TheSidecarHashSurvivesTheRoundTripAndNonsenseIsIgnored)
{
    Session s;
    Autosaver autosaver(&s.doc, &s.set, 60000);
    s.tag(QStringLiteral("Chile"));
    autosaver.flush();
    QString error;
    const auto rec = RecoveryStore::read(s.path, &error);
    ASSERT_TRUE(rec) << error.toStdString();
    EXPECT_EQ(rec->basedOnSidecar, QByteArray("none"));
    ASSERT_TRUE(s.saveSidecar());
    s.set.setClean();
    s.tag(QStringLiteral("Peru"));
    autosaver.flush();
    const auto again = RecoveryStore::read(s.path, &error);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->basedOnSidecar.size(), 64);
    EXPECT_NE(again->basedOnSidecar, QByteArray("none"));

    QByteArray bytes = SidecarJson::serialize(*again);
    bytes.replace(again->basedOnSidecar, "<script>");
    const auto odd = SidecarJson::parse(bytes, QStringLiteral("odd"), &error);
    ASSERT_TRUE(odd) << error.toStdString();
    EXPECT_TRUE(odd->basedOnSidecar.isEmpty());
    // An ordinary sidecar carries no such record.
    EXPECT_FALSE(test::readAll(SidecarStore::sidecarPath(s.path)).contains("recovery"));
}
