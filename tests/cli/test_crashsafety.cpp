// The crash-safety promise, tried by force: the savetorture harness edits,
// autosaves and saves an article while this test kills it with SIGKILL at
// random moments, at least 200 times. After every kill the sidecar must be
// complete and exactly one of the saved versions, its backup loadable, and
// what a restart would restore (the recovery file, or the sidecar when there
// is none) must hold every edit made more than the autosave delay before the
// kill.
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/recoverystore.h"
#include "storage/sidecardata.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"
#include "../tools/tortureedits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <ctime>
#include <random>
#include <thread>

using namespace annotator;

namespace {

long long nowMicros()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/// The states after 0, 1, 2, ... edits, as fingerprints, built on demand
/// with the harness's own edit function.
class States
{
public:
    States(const Document &doc, int preloadCount)
        : m_doc(doc)
    {
        torture::preload(m_set, doc, preloadCount);
        push();
    }
    const AnnotationSet &initial() const { return m_set; }
    void extendTo(int k)
    {
        while (m_fingerprints.size() <= k) {
            torture::applyEdit(m_set, m_doc, int(m_fingerprints.size()));
            push();
        }
    }
    /// Which state @p data is, or -1 when it is none of them (torn, mixed).
    int indexOf(const SidecarData &data) const { return m_index.value(torture::fingerprint(data.annotations, data.entities), -1); }

private:
    void push()
    {
        const QByteArray fp = torture::fingerprint(m_set.annotations(), m_set.entities());
        m_index.insert(fp, int(m_fingerprints.size()));
        m_fingerprints.append(fp);
    }
    const Document &m_doc;
    AnnotationSet m_set;
    QList<QByteArray> m_fingerprints;
    QHash<QByteArray, int> m_index;
};

struct Event {
    QByteArray what;
    int k = 0;
    long long at = 0;
};

} // namespace

TEST(CrashSafety, KilledAtRandomWhileSavingAndAutosavingLosesNothing)
{
    constexpr int Kills = 200;
    constexpr int DelayMs = 100; // autosave delay
    constexpr int MarginMs = 50; // scheduling slack on a loaded machine
    constexpr int IntervalMs = 4; // between edits
    constexpr int Preload = 1500; // annotations in the article, so saves take real time (and kills land in them)
    constexpr int MaxRunMs = 300; // kill within this long after the harness is ready

    const unsigned seed = qEnvironmentVariableIsSet("ANNOTATOR_TORTURE_SEED") ? qEnvironmentVariableIntValue("ANNOTATOR_TORTURE_SEED") : 20261128u;
    RecordProperty("seed", int(seed));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> killAfterUs(0, MaxRunMs * 1000);
    // A third of the runs never save, so only the recovery file can keep
    // their edits; the others save every few edits, so kills land in saves.
    std::uniform_int_distribution<int> saveEveryDist(-20, 40);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString article = dir.filePath(QStringLiteral("article.txt"));
    test::writeAll(article, test::readAll(test::dataPath(QStringLiteral("articles/01_wire_report.txt"))));
    QString error;
    const std::optional<Document> doc = Document::load(article, &error);
    ASSERT_TRUE(doc) << error.toStdString();

    States states(*doc, Preload);
    const QByteArray initialSidecar = SidecarJson::serialize(SidecarData::capture(*doc, states.initial()));
    const QString sidecar = SidecarStore::sidecarPath(doc->path());
    const QString backup = SidecarStore::backupPath(doc->path());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));

    int runs = 0, killedDuringSave = 0, killedWithRecovery = 0, staleRecovery = 0, maxEdits = 0;
    QElapsedTimer clock;
    clock.start();
    for (int run = 0; run < Kills; ++run) {
        const int drawn = saveEveryDist(rng);
        const int saveEvery = drawn < 0 ? 1000000 : std::max(5, drawn);
        SCOPED_TRACE(testing::Message() << "kill " << run << " (seed " << seed << ", saving every " << saveEvery << " edits)");
        const QStringList args{article,
                               QStringLiteral("--interval"), QString::number(IntervalMs),
                               QStringLiteral("--delay"), QString::number(DelayMs),
                               QStringLiteral("--save-every"), QString::number(saveEvery)};
        // Every run starts from the same saved state, no backup, no recovery.
        test::writeAll(sidecar, initialSidecar);
        QFile::remove(backup);
        QDir(dir.filePath(QStringLiteral("data"))).removeRecursively();

        QProcess harness;
        harness.setProcessEnvironment(env);
        harness.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        harness.start(QStringLiteral(ANNOTATOR_SAVETORTURE), args);
        ASSERT_TRUE(harness.waitForStarted(5000));
        QByteArray out;
        while (!out.contains('\n') && harness.waitForReadyRead(5000))
            out += harness.readAll();
        ASSERT_TRUE(out.startsWith("ready ")) << out.toStdString();
        const QString recovery = QString::fromLocal8Bit(out.mid(6, out.indexOf('\n') - 6));

        std::this_thread::sleep_for(std::chrono::microseconds(killAfterUs(rng)));
        const long long killedAt = nowMicros();
        ASSERT_EQ(::kill(pid_t(harness.processId()), SIGKILL), 0);
        ASSERT_TRUE(harness.waitForFinished(5000));
        ASSERT_EQ(harness.exitStatus(), QProcess::CrashExit) << "the harness ended by itself: " << out.toStdString();
        out += harness.readAll();

        QList<Event> events;
        int lastEdit = 0, lastSaved = 0, lastSaveStart = 0;
        for (const QByteArray &line : out.split('\n')) {
            ASSERT_FALSE(line.startsWith("failed")) << line.toStdString();
            const QList<QByteArray> f = line.split(' ');
            if (f.size() != 3 || line.startsWith("ready"))
                continue;
            const Event e{f[0], f[1].toInt(), f[2].toLongLong()};
            events.append(e);
            if (e.what == "edit")
                lastEdit = e.k;
            else if (e.what == "saved")
                lastSaved = e.k;
            else if (e.what == "save-start")
                lastSaveStart = e.k;
        }
        maxEdits = std::max(maxEdits, lastEdit);
        states.extendTo(lastEdit + 1);
        if (lastSaveStart > lastSaved)
            ++killedDuringSave;

        // The sidecar: complete, loadable, exactly the last saved version or
        // the one being saved when the kill came.
        const auto saved = SidecarJson::parse(test::readAll(sidecar), sidecar, &error);
        ASSERT_TRUE(saved) << error.toStdString();
        const int savedState = states.indexOf(*saved);
        ASSERT_GE(savedState, 0) << "the sidecar holds no state the program ever had";
        EXPECT_TRUE(savedState == lastSaved || savedState == lastSaveStart)
            << "sidecar holds edit " << savedState << ", last save completed " << lastSaved << ", last begun " << lastSaveStart;

        // The backup: loadable, the version before (or, when the kill came
        // between writing the backup and the sidecar, the same).
        if (QFile::exists(backup)) {
            const auto bak = SidecarJson::parse(test::readAll(backup), backup, &error);
            ASSERT_TRUE(bak) << error.toStdString();
            const int bakState = states.indexOf(*bak);
            EXPECT_TRUE(bakState == savedState || bakState == std::max(0, savedState - saveEvery))
                << "backup holds edit " << bakState << ", sidecar " << savedState;
        } else {
            EXPECT_EQ(savedState, 0) << "a save replaced the sidecar without keeping a backup";
        }

        // What a restart restores: the recovery file when there is one.
        int restored = savedState;
        if (QFile::exists(recovery)) {
            ++killedWithRecovery;
            const auto rec = SidecarJson::parse(test::readAll(recovery), recovery, &error);
            ASSERT_TRUE(rec) << "torn recovery file: " << error.toStdString();
            const int kept = states.indexOf(*rec);
            ASSERT_GE(kept, 0) << "the recovery file holds no state the program ever had";
            // What reopening does: the program offers the recovery file only
            // when it is newer than the sidecar. Killed between a save and
            // the removal of the recovery file, the sidecar is the newer (or
            // the same) copy, and offering the file would undo saved work.
            const RecoveryStore::Recovered verdict = RecoveryStore::assess(recovery, *doc);
            if (kept < savedState)
                EXPECT_EQ(verdict.freshness, RecoveryStore::Freshness::OlderThanSaved) << "a recovery file older than the sidecar is offered";
            else if (kept == savedState)
                EXPECT_EQ(verdict.freshness, RecoveryStore::Freshness::SameAsSaved) << "a copy of the sidecar is offered as unsaved edits";
            else
                EXPECT_EQ(verdict.freshness, RecoveryStore::Freshness::Newer) << "edits made after the save are not offered";
            if (verdict.freshness == RecoveryStore::Freshness::Newer) {
                restored = kept;
            } else {
                ++staleRecovery;
            }
        }
        // Measured against the kill, or against the last moment the harness
        // is known to have been running (its last edit) when that is
        // earlier: on a machine so loaded that the harness got no CPU for a
        // while, no timer can fire, and that is not the program's fault.
        long long lastAlive = killedAt;
        for (const Event &e : std::as_const(events)) {
            if (e.what == "edit")
                lastAlive = std::min(killedAt, e.at);
        }
        int required = 0;
        for (const Event &e : std::as_const(events)) {
            if (e.what == "edit" && e.at < lastAlive - (DelayMs + MarginMs) * 1000)
                required = e.k;
        }
        EXPECT_GE(restored, required) << "edits older than the autosave delay were lost; the kill came "
                                      << (killedAt - events.value(0).at) / 1000 << " ms after the first edit";
        EXPECT_LE(restored, lastEdit + 1);
        ++runs;
        if (testing::Test::HasFailure())
            break;
    }
    const qint64 elapsed = clock.elapsed();
    std::printf("[          ] %d kills in %lld ms: %d during a sidecar save, %d with a recovery file (%d not newer than the sidecar, not offered), up to %d edits per run\n",
                runs, (long long)elapsed, killedDuringSave, killedWithRecovery, staleRecovery, maxEdits);
    RecordProperty("killedDuringSave", killedDuringSave);
    // Too few kills inside a save would make the test prove little.
    EXPECT_GE(killedDuringSave, Kills / 20);
}
