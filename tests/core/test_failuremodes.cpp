// Saving when the world does not cooperate: a folder that cannot be written,
// a full disk, a folder that vanished while the article was open, a recovery
// location that cannot be used. Each must give a message naming the file,
// keep the edits in memory (the set stays modified) and lose nothing on disk:
// the previous sidecar stays as it was and the recovery file still holds the
// edits.
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace annotator;

namespace {

Annotation country(const Document &doc, qint64 start, qint64 end)
{
    Annotation a;
    a.type = Types::Country;
    a.start = start;
    a.end = end;
    a.text = doc.slice(start, end);
    return a;
}

/// An article in its own folder, opened, with one saved annotation and one
/// unsaved edit on top.
struct OpenArticle {
    QTemporaryDir root;
    QString folder;
    QString path;
    std::optional<Document> doc;
    AnnotationSet set;
    QByteArray savedSidecar;

    OpenArticle()
    {
        folder = root.filePath(QStringLiteral("articles"));
        QDir().mkpath(folder);
        path = folder + QStringLiteral("/report.txt");
        test::writeAll(path, "Chile and Peru signed the treaty in Lima on Monday.\n");
        QString error;
        doc = Document::load(path, &error);
        set.addAnnotation(country(*doc, 0, 5));
        if (SidecarStore::save(*doc, set, &error))
            set.setClean();
        savedSidecar = test::readAll(SidecarStore::sidecarPath(path));
        set.addAnnotation(country(*doc, 10, 14)); // unsaved
    }
    ~OpenArticle() { RecoveryStore::discard(path); }

    QString sidecar() const { return SidecarStore::sidecarPath(path); }
};

/// Makes writes to regular files fail past @p bytes, as on a full disk
/// (EFBIG instead of ENOSPC; the path through QSaveFile is the same). No test
/// output may happen while it is in force.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

/// The checks every failure shares.
void expectNothingLost(OpenArticle &a, const QString &error)
{
    // The message names the file the user's work was going to.
    EXPECT_TRUE(error.contains(a.sidecar())) << error.toStdString();
    // The edits are still in memory and still count as unsaved.
    EXPECT_EQ(a.set.size(), 2);
    EXPECT_FALSE(a.set.isClean());
    // And the recovery location gets them.
    QString why;
    ASSERT_TRUE(RecoveryStore::write(*a.doc, a.set, &why)) << why.toStdString();
    const auto recovered = RecoveryStore::read(a.path, &why);
    ASSERT_TRUE(recovered) << why.toStdString();
    EXPECT_EQ(recovered->annotations, a.set.annotations());
}

bool canWriteInto(const QString &folder)
{
    QFile probe(folder + QStringLiteral("/.probe"));
    const bool ok = probe.open(QIODevice::WriteOnly);
    probe.remove();
    return ok;
}

} // namespace

TEST(FailureModes, ReadOnlyFolderRefusesTheSaveAndKeepsEverything)
{
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    ASSERT_FALSE(a.savedSidecar.isEmpty());
    ::chmod(QFile::encodeName(a.folder).constData(), 0555);
    if (canWriteInto(a.folder)) {
        // Running as root (CI): permission bits do not stop root. Put the
        // folder out of reach the other way, a regular file where the folder
        // was, so no write can land there.
        ::chmod(QFile::encodeName(a.folder).constData(), 0755);
        const QString moved = a.root.filePath(QStringLiteral("moved"));
        ASSERT_TRUE(QDir().rename(a.folder, moved));
        test::writeAll(a.folder, "not a folder");
        QString error;
        EXPECT_FALSE(SidecarStore::save(*a.doc, a.set, &error));
        expectNothingLost(a, error);
        EXPECT_TRUE(error.contains(QStringLiteral("not a folder"))) << error.toStdString();
        EXPECT_EQ(test::readAll(moved + QStringLiteral("/report.txt.annotations.json")), a.savedSidecar);
        return;
    }
    QString error;
    EXPECT_FALSE(SidecarStore::save(*a.doc, a.set, &error));
    ::chmod(QFile::encodeName(a.folder).constData(), 0755);
    expectNothingLost(a, error);
    EXPECT_TRUE(error.contains(QStringLiteral("read-only")) || error.contains(QStringLiteral("ermission"))) << error.toStdString();
    // The sidecar on disk is the one saved before, untouched.
    EXPECT_EQ(test::readAll(a.sidecar()), a.savedSidecar);
    // Once the folder is writable again, the same save goes through.
    ASSERT_TRUE(SidecarStore::save(*a.doc, a.set, &error)) << error.toStdString();
}

TEST(FailureModes, FullDiskKeepsThePreviousSidecarAndTheEdits)
{
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    // Enough annotations that the file outgrows the limit.
    for (int i = 0; i < 40; ++i)
        a.set.addAnnotation(country(*a.doc, 24, 30));
    QString error;
    bool saved = true;
    {
        FileSizeLimit full(512);
        ASSERT_TRUE(full.ok());
        saved = SidecarStore::save(*a.doc, a.set, &error);
    }
    EXPECT_FALSE(saved);
    EXPECT_TRUE(error.contains(a.sidecar())) << error.toStdString();
    // The system's reason, not Qt's "Unknown error" after a failed flush.
    EXPECT_FALSE(error.contains(QStringLiteral("Unknown error"))) << error.toStdString();
    EXPECT_FALSE(a.set.isClean());
    EXPECT_EQ(test::readAll(a.sidecar()), a.savedSidecar) << "a failed save damaged the saved sidecar";
    // The backup, if written, is the previous version, whole.
    const QByteArray bak = test::readAll(SidecarStore::backupPath(a.path));
    if (!bak.isEmpty())
        EXPECT_EQ(bak, a.savedSidecar);
    // With room again, nothing was lost.
    ASSERT_TRUE(SidecarStore::save(*a.doc, a.set, &error)) << error.toStdString();
    const auto loaded = SidecarStore::load(*a.doc);
    EXPECT_EQ(loaded.data.annotations, a.set.annotations());
}

TEST(FailureModes, FullDiskDuringAutosaveKeepsThePreviousRecoveryFile)
{
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    Autosaver autosaver(&*a.doc, &a.set, 60000);
    QSignalSpy failed(&autosaver, &Autosaver::failed);
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    a.set.addAnnotation(country(*a.doc, 24, 30));
    autosaver.flush();
    ASSERT_EQ(saved.size(), 1) << autosaver.lastError().toStdString();
    const QByteArray good = test::readAll(RecoveryStore::recoveryPath(a.path));
    ASSERT_FALSE(good.isEmpty());

    for (int i = 0; i < 40; ++i)
        a.set.addAnnotation(country(*a.doc, 35, 39));
    {
        FileSizeLimit full(good.size() + 16);
        ASSERT_TRUE(full.ok());
        autosaver.flush();
    }
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().first().toString().contains(RecoveryStore::recoveryPath(a.path))) << autosaver.lastError().toStdString();
    EXPECT_EQ(test::readAll(RecoveryStore::recoveryPath(a.path)), good) << "a failed autosave damaged the previous recovery file";
    EXPECT_EQ(a.set.size(), 43);
}

TEST(FailureModes, FullDeviceReportsTheFile)
{
    // /dev/full is a character device: writeFile writes into it directly
    // (it never puts a QSaveFile on a device). Checked before use so that
    // nothing but that device is ever written.
    const QString full = QStringLiteral("/dev/full");
    const QFileInfo info(full);
    struct stat st{};
    if (!info.exists() || ::stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
        GTEST_SKIP() << "no /dev/full character device here";
    QString error;
    EXPECT_FALSE(SidecarStore::writeFile(full, QByteArray(4096, 'x'), &error));
    EXPECT_TRUE(error.contains(full)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("space"))) << error.toStdString();
    // Still the same device afterwards.
    ASSERT_EQ(::stat("/dev/full", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(FailureModes, VanishedFolderGivesAClearMessageAndKeepsTheEdits)
{
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    // The folder is deleted (or its drive unplugged) while the article is open.
    ASSERT_TRUE(QDir(a.folder).removeRecursively());
    QString error;
    EXPECT_FALSE(SidecarStore::save(*a.doc, a.set, &error));
    expectNothingLost(a, error);
    EXPECT_TRUE(error.contains(QStringLiteral("no longer exists"))) << error.toStdString();
    // Nothing was created in its place.
    EXPECT_FALSE(QFileInfo::exists(a.folder));
    // When it comes back, the save goes through with every edit.
    ASSERT_TRUE(QDir().mkpath(a.folder));
    ASSERT_TRUE(SidecarStore::save(*a.doc, a.set, &error)) << error.toStdString();
    const auto loaded = SidecarStore::load(*a.doc);
    EXPECT_EQ(loaded.data.annotations, a.set.annotations());
}

TEST(FailureModes, UnusableRecoveryLocationIsReportedAndTheSidecarStillSaves)
{
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    // The data folder (test mode: under HOME) is a regular file.
    const QByteArray oldHome = qgetenv("HOME");
    const QString home = a.root.filePath(QStringLiteral("home"));
    test::writeAll(home, "not a folder");
    qputenv("HOME", QFile::encodeName(home));
    QString error;
    const bool written = RecoveryStore::write(*a.doc, a.set, &error);
    const QString dir = RecoveryStore::recoveryDir();
    qputenv("HOME", oldHome);
    if (!dir.startsWith(home))
        GTEST_SKIP() << "the data folder does not follow HOME here";
    EXPECT_FALSE(written);
    EXPECT_TRUE(error.contains(dir)) << error.toStdString();
    EXPECT_EQ(a.set.size(), 2);
    // The user can still save beside the article.
    ASSERT_TRUE(SidecarStore::save(*a.doc, a.set, &error)) << error.toStdString();
}

TEST(FailureModes, SteadyEditingStillWritesTheRecoveryFile)
{
    // Regression: the autosave timer restarted on every edit, so someone
    // editing more often than the delay never got a recovery file.
    OpenArticle a;
    ASSERT_TRUE(a.doc);
    Autosaver autosaver(&*a.doc, &a.set, 80);
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    QElapsedTimer clock;
    clock.start();
    int edits = 0;
    while (clock.elapsed() < 400) {
        a.set.addAnnotation(country(*a.doc, 15, 19));
        ++edits;
        QTest::qWait(20);
    }
    EXPECT_GE(saved.size(), 2) << edits << " edits in 400 ms";
    ASSERT_TRUE(RecoveryStore::exists(a.path));
}
