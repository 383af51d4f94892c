// GUI timings against a bare editor, in one run so the ratios hold on a
// noisy machine:
// - opening an article to a fully highlighted view (7 KB and 5 MB) against a
//   bare QPlainTextEdit with KSyntaxHighlighting's Markdown highlighting;
// - one annotation edit (add, then undo) in a 50 KB and a 5 MB article,
//   with the entity panel, quote list and overview ruler brought up to date.
// `gui_bench --memory FILE` opens FILE in the main window and prints the
// peak resident memory in KiB (`--memory` alone, no article open: the
// program's baseline);
// `--memory-bare FILE` does the same for the bare editor, for comparison.
// Run: scripts/dev-shell build/bin/gui_bench
#include "articleview.h"
#include "corpus.h"
#include "entitypanel.h"
#include "mainwindow.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "recognition/pipeline.h"
#include "storage/sidecarstore.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <map>

using namespace annotator;

namespace {

QTemporaryDir &workDir()
{
    static QTemporaryDir dir;
    return dir;
}

/// An article of about @p bytes with its annotations saved beside it, so
/// opening it measures loading and highlighting, not recognition.
QString annotatedArticle(qsizetype bytes)
{
    static std::map<qsizetype, QString> made;
    auto it = made.find(bytes);
    if (it != made.end())
        return it->second;
    const QString path = workDir().filePath(QStringLiteral("article-%1.md").arg(bytes));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        std::abort();
    f.write(bench::newsText(bytes).toUtf8());
    f.close();
    QString error;
    const Document doc = *Document::load(path, &error);
    const Recognition r = Pipeline::run(doc.text());
    AnnotationSet set;
    set.reset(r.annotations, r.entities);
    if (!SidecarStore::save(doc, set, &error))
        std::abort();
    made.emplace(bytes, path);
    return path;
}

void settle()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

/// The comparison: a read-only QPlainTextEdit with KSyntaxHighlighting's
/// Markdown highlighting, sized as the main window.
void makeBareEditor(QPlainTextEdit &editor, const KSyntaxHighlighting::Repository &repository)
{
    editor.setReadOnly(true);
    editor.resize(1200, 800);
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(editor.document());
    highlighter->setTheme(repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(repository.definitionForName(QStringLiteral("Markdown")));
}

/// The main window as the user has it: shown, the bare editor's size;
/// every question answered with @p answer.
void showWindow(MainWindow &window, QMessageBox::StandardButton answer)
{
    window.setPrompter([answer](auto, auto, auto, auto) { return answer; });
    window.resize(1200, 800);
    window.show();
}

/// Opens @p path and waits for all it does.
void openAndWait(MainWindow &window, const QString &path)
{
    window.openFile(path);
    window.waitUntilIdle();
}

/// Prints the process's peak resident memory in KiB.
void printPeakMemory()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%ld\n", usage.ru_maxrss);
}

} // namespace

static void BM_OpenBareEditor(benchmark::State &state)
{
    const QString path = annotatedArticle(state.range(0));
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QString text = QString::fromUtf8(f.readAll());
    static KSyntaxHighlighting::Repository repository;
    // Shown once, as the main window below: the time is from setting the
    // text to its highlighted view, not the window's creation or teardown.
    QPlainTextEdit editor;
    makeBareEditor(editor, repository);
    editor.show();
    settle();
    for (auto _ : state) {
        state.PauseTiming();
        editor.clear();
        settle();
        state.ResumeTiming();
        editor.setPlainText(text);
        settle();
        benchmark::DoNotOptimize(editor.document()->blockCount());
    }
}
// Process CPU time: the main window loads a large article's annotations on a
// worker thread, which must count too.
BENCHMARK(BM_OpenBareEditor)->Arg(7 << 10)->Arg(1 << 20)->Arg(5 << 20)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

static void BM_OpenAnnotated(benchmark::State &state)
{
    // The program is running (as the bare editor's repository is loaded):
    // the time is from File > Open to the highlighted view, annotations and
    // all (waitUntilIdle: the sidecar read and every highlight slice done).
    const QString path = annotatedArticle(state.range(0));
    const QString other = annotatedArticle(1 << 10);
    MainWindow window;
    showWindow(window, QMessageBox::Discard);
    for (auto _ : state) {
        state.PauseTiming();
        openAndWait(window, other);
        settle();
        state.ResumeTiming();
        openAndWait(window, path);
        settle();
        benchmark::DoNotOptimize(window.annotations()->size());
    }
}
BENCHMARK(BM_OpenAnnotated)->Arg(7 << 10)->Arg(1 << 20)->Arg(5 << 20)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

static void BM_EditAnnotation(benchmark::State &state)
{
    const QString path = annotatedArticle(state.range(0));
    MainWindow window;
    window.setPrompter([](auto, auto, auto, auto) { return QMessageBox::Ok; });
    window.resize(1200, 800);
    window.openFile(path);
    window.show();
    window.waitUntilIdle();
    settle();
    AnnotationSet *set = window.annotations();
    const qint64 middle = window.document().length() / 2;
    Annotation a;
    a.type = Types::Event;
    a.start = middle;
    a.end = middle + 4;
    a.text = window.document().slice(a.start, a.end);
    // The edit's time counts bringing the entity panel, the quote list and
    // the ruler up to date: they must be when the edit returns (none waits
    // for a timer the loop below would not reach).
    auto events = [&] {
        QTreeWidgetItem *group = window.entityPanel()->tree()->topLevelItem(2);
        qsizetype mentions = 0;
        for (int i = 0; i < group->childCount(); ++i)
            mentions += window.entityPanel()->mentions(group->child(i)).size();
        return mentions;
    };
    const qsizetype before = events();
    set->addAnnotation(a);
    if (events() != before + 1)
        state.SkipWithError("the entity panel did not follow the edit at once");
    set->undo();
    QCoreApplication::processEvents();
    for (auto _ : state) {
        set->addAnnotation(a);
        QCoreApplication::processEvents();
        set->undo();
        QCoreApplication::processEvents();
    }
}
BENCHMARK(BM_EditAnnotation)->Arg(50 << 10)->Arg(1 << 20)->Arg(5 << 20)->Unit(benchmark::kMicrosecond);

// A long article is highlighted where it is shown: the first jump to its
// far end (Ctrl+End) once it is open, from the keystroke to the painted,
// highlighted view. The Markdown states of the blocks before it were worked
// out while it opened (counted in BM_OpenAnnotated).
static void BM_FirstJumpToTheEnd(benchmark::State &state)
{
    const QString path = annotatedArticle(state.range(0));
    const QString other = annotatedArticle(1 << 10);
    MainWindow window;
    showWindow(window, QMessageBox::Discard);
    for (auto _ : state) {
        state.PauseTiming();
        openAndWait(window, other);
        openAndWait(window, path);
        settle();
        state.ResumeTiming();
        window.view()->moveCursorTo(window.document().length());
        settle();
        benchmark::DoNotOptimize(window.view()->cursorOffset());
    }
}
BENCHMARK(BM_FirstJumpToTheEnd)->Arg(1 << 20)->Arg(5 << 20)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The same jump the moment the article's text shows, before the states are
// worked out: the lines there are highlighted provisionally at once.
static void BM_JumpToTheEndWhileOpening(benchmark::State &state)
{
    const QString path = annotatedArticle(state.range(0));
    const QString other = annotatedArticle(1 << 10);
    MainWindow window;
    showWindow(window, QMessageBox::Discard);
    for (auto _ : state) {
        state.PauseTiming();
        openAndWait(window, other);
        window.openFile(path);
        state.ResumeTiming();
        window.view()->moveCursorTo(window.document().length());
        window.view()->viewport()->repaint();
        state.PauseTiming();
        window.waitUntilIdle();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_JumpToTheEndWhileOpening)->Arg(1 << 20)->Arg(5 << 20)->Unit(benchmark::kMillisecond);

static int peakMemory(const QString &path)
{
    {
        MainWindow window;
        window.setPrompter([](auto, auto, auto, auto) { return QMessageBox::Ok; });
        window.resize(1200, 800);
        if (!path.isEmpty())
            window.openFile(path);
        window.show();
        window.waitUntilIdle();
        settle();
        printPeakMemory();
    }
    return 0;
}

/// The bare editor's peak with @p path shown and highlighted (an empty path:
/// its baseline), for comparison with the main window's; without
/// @p highlighted, a plain QPlainTextEdit: what holding the text in a
/// QTextDocument costs by itself.
static int bareEditorPeakMemory(const QString &path, bool highlighted)
{
    {
        QString text;
        if (!path.isEmpty()) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return 1;
            text = QString::fromUtf8(f.readAll());
        }
        KSyntaxHighlighting::Repository repository;
        QPlainTextEdit editor;
        if (highlighted) {
            makeBareEditor(editor, repository);
        } else {
            editor.setReadOnly(true);
            editor.resize(1200, 800);
        }
        editor.setPlainText(text);
        text.clear();
        editor.show();
        settle();
        printPeakMemory();
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype memory = args.indexOf(QStringLiteral("--memory"));
    if (memory >= 0)
        return peakMemory(args.value(memory + 1));
    const qsizetype bare = args.indexOf(QStringLiteral("--memory-bare"));
    if (bare >= 0)
        return bareEditorPeakMemory(args.value(bare + 1), true);
    const qsizetype plain = args.indexOf(QStringLiteral("--memory-plain"));
    if (plain >= 0)
        return bareEditorPeakMemory(args.value(plain + 1), false);
    const qsizetype prepare = args.indexOf(QStringLiteral("--prepare"));
    if (prepare >= 0) {
        // Writes an annotated article of N bytes to PATH (for --memory).
        const QString path = annotatedArticle(args.value(prepare + 1).toLongLong());
        const QString target = args.value(prepare + 2);
        QFile::remove(target);
        QFile::remove(SidecarStore::sidecarPath(target));
        QFile::copy(path, target);
        QFile::copy(SidecarStore::sidecarPath(path), SidecarStore::sidecarPath(target));
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
