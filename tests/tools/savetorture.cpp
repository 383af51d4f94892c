// savetorture: a harness the crash-safety test kills at random moments.
//
//   savetorture ARTICLE [--interval MS] [--delay MS] [--save-every N]
//               [--max-edits N]
//
// Opens ARTICLE with its sidecar, then makes one annotation edit every
// --interval ms through AnnotationSet (the edits of tortureedits.h), lets an
// Autosaver with --delay ms keep the recovery file, and saves the sidecar with
// SidecarStore::save after every --save-every edits, as a user pressing
// Ctrl+S would. Each step prints one flushed line with a CLOCK_MONOTONIC
// timestamp in microseconds, so the killer can tell what happened before the
// kill:
//   ready RECOVERY-FILE
//   edit K T          edit K is in memory
//   save-start K T    a save of the state after edit K begins
//   saved K T         ... and completed
//   autosaved K T     the recovery file holds the state after edit K
//   failed MESSAGE
// The recovery file lives under XDG_DATA_HOME; without it set the harness
// switches QStandardPaths to test mode so it never touches the user's data.
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"
#include "tortureedits.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace annotator;

namespace {

long long nowMicros()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void say(const char *what, int k)
{
    std::printf("%s %d %lld\n", what, k, nowMicros());
    std::fflush(stdout);
}

void fail(const QString &message)
{
    std::printf("failed %s\n", qPrintable(message));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArticleAnnotatorTests"));
    QCoreApplication::setApplicationName(QStringLiteral("savetorture"));
    if (qEnvironmentVariableIsEmpty("XDG_DATA_HOME"))
        QStandardPaths::setTestModeEnabled(true);

    QStringList args = app.arguments().mid(1);
    int interval = 5;
    int delay = 100;
    int saveEvery = 7;
    int maxEdits = 100000;
    QString articlePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto next = [&] { return i + 1 < args.size() ? args[++i].toInt() : 0; };
        if (a == QLatin1String("--interval"))
            interval = next();
        else if (a == QLatin1String("--delay"))
            delay = next();
        else if (a == QLatin1String("--save-every"))
            saveEvery = std::max(1, next());
        else if (a == QLatin1String("--max-edits"))
            maxEdits = next();
        else
            articlePath = a;
    }
    if (articlePath.isEmpty()) {
        fail(QStringLiteral("usage: savetorture ARTICLE [--interval MS] [--delay MS] [--save-every N] [--max-edits N]"));
        return 2;
    }

    QString error;
    const std::optional<Document> doc = Document::load(articlePath, &error);
    if (!doc) {
        fail(error);
        return 1;
    }
    AnnotationSet set;
    const SidecarStore::LoadResult loaded = SidecarStore::load(*doc);
    if (loaded.status == SidecarStore::LoadStatus::Invalid) {
        fail(loaded.error);
        return 1;
    }
    set.reset(loaded.data.annotations, loaded.data.entities, loaded.data.orphans, loaded.data.types);

    int k = 0;
    Autosaver autosaver(&*doc, &set, delay);
    QObject::connect(&autosaver, &Autosaver::saved, [&] { say("autosaved", k); });
    QObject::connect(&autosaver, &Autosaver::failed, [&](const QString &why) { fail(why); });

    QTimer editor;
    editor.setInterval(interval);
    QObject::connect(&editor, &QTimer::timeout, [&] {
        if (k >= maxEdits) {
            editor.stop();
            return;
        }
        ++k;
        torture::applyEdit(set, *doc, k);
        say("edit", k);
        if (k % saveEvery == 0) {
            // As the program does: pending edits go to the recovery file
            // first, so a save that takes long (a slow or network drive)
            // and is cut short by a crash cannot cost them.
            autosaver.flush();
            say("save-start", k);
            QString why;
            if (SidecarStore::save(*doc, set, &why)) {
                set.setClean();
                say("saved", k);
            } else {
                fail(why);
            }
        }
    });
    std::printf("ready %s\n", qPrintable(RecoveryStore::recoveryPath(doc->path())));
    std::fflush(stdout);
    editor.start();
    return app.exec();
}
