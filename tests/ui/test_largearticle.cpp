// An edit in a 5 MB article must feel as instant as in a 50 KB one: only the
// touched block is highlighted again, and the panels do not hold it up.
#include "annotationhighlighter.h"
#include "articleview.h"
#include "mainwindow.h"
#include "settings.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProgressBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTest>


using namespace annotator;
using namespace annotator::test;

namespace {

/// Milliseconds per edit (tag a word, let the window catch up, undo) in an
/// article of about @p bytes built from the sample, with its names tagged.
double msPerEdit(qsizetype bytes, int *blocksPerEdit)
{
    const QString sample = QString::fromUtf8(readAll(QStringLiteral(ANNOTATOR_SOURCE_DIR "/resources/sample/sample-article.md")));
    EXPECT_FALSE(sample.isEmpty());
    QString text;
    while (text.size() < bytes)
        text += sample;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.md"));
    writeAll(path, text.toUtf8());
    QString error;
    auto doc = Document::load(path, &error);
    EXPECT_TRUE(doc);
    {
        QList<Annotation> annotations;
        int n = 0;
        for (const QString &name : {QStringLiteral("Haugland"), QStringLiteral("Colombia"), QStringLiteral("ceasefire"), QStringLiteral("Mendieta")}) {
            for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                Annotation a;
                a.id = QStringLiteral("a%1").arg(++n);
                a.type = name == QStringLiteral("Colombia") ? Types::Country : name == QStringLiteral("ceasefire") ? Types::Event : Types::Speaker;
                a.start = at; // the sample is all in the BMP
                a.end = at + name.size();
                a.text = name;
                annotations.append(a);
            }
        }
        AnnotationSet set;
        set.reset(annotations, {});
        EXPECT_TRUE(SidecarStore::save(*doc, set, &error)) << error.toStdString();
    }
    Settings().setAnnotateNewArticles(false);
    MainWindow window;
    window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    EXPECT_TRUE(window.openFile(path));
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    // A large article's annotations load and highlight after the text shows.
    window.waitUntilIdle();
    QCoreApplication::processEvents();

    // Edits near the end of the article, where a whole-document pass would hurt most.
    const qsizetype target = text.lastIndexOf(QStringLiteral("schoolteacher"));
    const int rounds = 10;
    window.view()->highlighter()->takeRehighlightCount();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i) {
        window.view()->moveCursorTo(target);
        window.tag(Types::Speaker);
        QCoreApplication::processEvents();
        window.annotations()->undo();
        QCoreApplication::processEvents();
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6 / (2 * rounds);
    *blocksPerEdit = window.view()->highlighter()->takeRehighlightCount() / (2 * rounds);
    window.annotations()->setClean();
    return ms;
}

} // namespace

// The time per edit at 50 KB and 5 MB is a benchmark (gui_bench's
// BM_EditAnnotation, `scripts/bench gui`), not a timed test; what a test can
// hold without a clock is why it stays flat: an edit redraws its own block only.
TEST(LargeArticle, AnEditRehighlightsOnlyItsOwnBlockAt50KBAndAt5MB)
{
    int smallBlocks = 0, largeBlocks = 0;
    msPerEdit(50 * 1024, &smallBlocks);
    msPerEdit(5 * 1024 * 1024, &largeBlocks);
    EXPECT_EQ(smallBlocks, 1);
    EXPECT_EQ(largeBlocks, 1);
}

namespace {

/// Writes an article of about @p bytes built from the sample into @p dir,
/// with every mention of one name saved as a speaker beside it; returns the
/// path and sets @p mentions.
QString annotatedArticle(const QTemporaryDir &dir, qsizetype bytes, QString *text, qsizetype *mentions)
{
    const QString sample = QString::fromUtf8(readAll(QStringLiteral(ANNOTATOR_SOURCE_DIR "/resources/sample/sample-article.md")));
    while (text->size() < bytes)
        *text += sample;
    const QString path = dir.filePath(QStringLiteral("long.md"));
    writeAll(path, text->toUtf8());
    QString error;
    auto doc = Document::load(path, &error);
    EXPECT_TRUE(doc);
    QList<Annotation> annotations;
    const QString name = QStringLiteral("Haugland");
    for (qsizetype at = text->indexOf(name); at >= 0; at = text->indexOf(name, at + 1)) {
        Annotation a;
        a.id = QStringLiteral("a%1").arg(annotations.size() + 1);
        a.type = Types::Speaker;
        a.start = at; // the sample is all in the BMP
        a.end = at + name.size();
        a.text = name;
        annotations.append(a);
    }
    *mentions = annotations.size();
    AnnotationSet set;
    set.reset(annotations, {});
    EXPECT_TRUE(SidecarStore::save(*doc, set, &error)) << error.toStdString();
    return path;
}

/// The annotation underline drawn at UTF-16 position @p at of the view.
QColor underlineAt(ArticleView *view, qsizetype at)
{
    const QTextBlock block = view->document()->findBlock(int(at));
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (block.position() + r.start <= at && at < block.position() + r.start + r.length)
            return r.format.hasProperty(QTextFormat::TextUnderlineColor) ? r.format.underlineColor() : QColor();
    }
    return QColor();
}

} // namespace

TEST(LargeArticle, TheTextShowsAtOnceAndTheHighlightsFollow)
{
    QTemporaryDir dir;
    QString text;
    qsizetype mentions = 0;
    const QString path = annotatedArticle(dir, 2 * 1024 * 1024, &text, &mentions);
    ASSERT_GT(mentions, 100);
    Settings().setAnnotateNewArticles(false);
    MainWindow window;
    window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    window.show();
    ASSERT_TRUE(window.openFile(path));
    // Back from opening: the whole text is on screen, the annotations are
    // still on their way and the progress says so.
    EXPECT_EQ(window.view()->document()->characterCount() - 1, text.size());
    EXPECT_TRUE(window.isBusy());
    auto *progress = window.findChild<QProgressBar *>();
    ASSERT_TRUE(progress);
    EXPECT_TRUE(progress->isVisible());
    // The window answers meanwhile: events are handled while it works.
    bool answered = false;
    bool busyThen = false;
    QTimer::singleShot(0, &window, [&] {
        answered = true;
        busyThen = window.isBusy();
    });
    QElapsedTimer clock;
    clock.start();
    while (!answered && clock.elapsed() < 10000)
        QCoreApplication::processEvents();
    EXPECT_TRUE(answered);
    EXPECT_TRUE(busyThen);

    window.waitUntilIdle();
    EXPECT_FALSE(window.isBusy());
    EXPECT_FALSE(progress->isVisible());
    EXPECT_EQ(window.annotations()->size(), mentions);
    // The last mention, at the far end of the article, is highlighted.
    const QColor speaker = window.view()->highlighter()->style().color(Types::Speaker);
    EXPECT_EQ(underlineAt(window.view(), text.lastIndexOf(QStringLiteral("Haugland"))), speaker);
    EXPECT_FALSE(underlineAt(window.view(), text.lastIndexOf(QStringLiteral("schoolteacher"))).isValid());
}

TEST(LargeArticle, SavingWhileTheAnnotationsLoadKeepsThem)
{
    QTemporaryDir dir;
    QString text;
    qsizetype mentions = 0;
    const QString path = annotatedArticle(dir, 1024 * 1024, &text, &mentions);
    Settings().setAnnotateNewArticles(false);
    MainWindow window;
    window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    ASSERT_TRUE(window.openFile(path));
    EXPECT_TRUE(window.save());
    window.waitUntilIdle();
    QString error;
    const auto doc = Document::load(path, &error);
    ASSERT_TRUE(doc);
    const SidecarStore::LoadResult saved = SidecarStore::load(*doc);
    EXPECT_EQ(saved.data.annotations.size(), mentions);
}
