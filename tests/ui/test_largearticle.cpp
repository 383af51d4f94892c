// An edit in a 5 MB article must feel as instant as in a 50 KB one: only the
// touched block is highlighted again, and the panels do not hold it up.
#include "annotationhighlighter.h"
#include "articleview.h"
#include "mainwindow.h"
#include "settings.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <iostream>

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

TEST(LargeArticle, AnEditAt5MBTakesAboutAsLongAsAt50KB)
{
    int smallBlocks = 0, largeBlocks = 0;
    const double small = msPerEdit(50 * 1024, &smallBlocks);
    const double large = msPerEdit(5 * 1024 * 1024, &largeBlocks);
    std::cout << "time per edit: 50 KB " << small << " ms, 5 MB " << large << " ms" << std::endl;
    EXPECT_EQ(smallBlocks, 1);
    EXPECT_EQ(largeBlocks, 1);
    // Factor two, with a few milliseconds of slack for timer noise on a busy machine.
    EXPECT_LT(large, 2 * small + 5);
}
