// An edit in a 5 MB article must feel as instant as in a 50 KB one: only the
// touched block is highlighted again, and the panels do not hold it up.
#include "annotationhighlighter.h"
#include "articleview.h"
#include "mainwindow.h"
#include "settings.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProgressBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QTest>


using namespace annotator;
using namespace annotator::test;

namespace {

/// News text in Markdown of at least @p bytes, the sample article repeated.
QString longSample(qsizetype bytes)
{
    const QString sample = QString::fromUtf8(readAll(QStringLiteral(ANNOTATOR_SOURCE_DIR "/resources/sample/sample-article.md")));
    EXPECT_FALSE(sample.isEmpty());
    QString text;
    while (text.size() < bytes)
        text += sample;
    return text;
}

/// Milliseconds per edit (tag a word, let the window catch up, undo) in an
/// article of about @p bytes built from the sample, with its names tagged.
double msPerEdit(qsizetype bytes, int *blocksPerEdit)
{
    const QString text = longSample(bytes);
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
    // The user is there before editing: the blocks there are shown and
    // highlighted.
    window.view()->moveCursorTo(target);
    QCoreApplication::processEvents();
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
/// path and sets @p mentions. With @p crlf, its lines end in CRLF.
QString annotatedArticle(const QTemporaryDir &dir, qsizetype bytes, QString *text, qsizetype *mentions, bool crlf = false)
{
    *text = longSample(bytes);
    if (crlf)
        text->replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
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
    // The first mention, on screen, is highlighted; the last, at the far end
    // of the article, is not until it shows: the text off screen carries no
    // highlighting.
    ArticleView *view = window.view();
    const QColor speaker = view->highlighter()->style().color(Types::Speaker);
    QCoreApplication::processEvents();
    EXPECT_EQ(underlineAt(view, text.indexOf(QStringLiteral("Haugland"))), speaker);
    const qsizetype last = text.lastIndexOf(QStringLiteral("Haugland"));
    EXPECT_FALSE(view->highlighter()->isHighlighted(view->document()->findBlock(int(last)).blockNumber()));
    EXPECT_FALSE(underlineAt(view, last).isValid());
    // Scrolled to the far end, it is highlighted when painted.
    view->moveCursorTo(last);
    view->viewport()->repaint();
    EXPECT_EQ(underlineAt(view, last), speaker);
    EXPECT_FALSE(underlineAt(view, text.lastIndexOf(QStringLiteral("schoolteacher"))).isValid());
    // Only about a screenful of lines carries highlighting (a block of a
    // long article holds several lines).
    int highlighted = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (view->highlighter()->isHighlighted(block.blockNumber()))
            highlighted += int(block.text().count(QChar::LineSeparator)) + 1;
    }
    EXPECT_LT(highlighted, 400);
    EXPECT_GT(text.count(u'\n'), 4000);
}

// A long article highlighted only where it is shown must look as if it were
// highlighted whole: Markdown that runs across lines (a fenced code block)
// still colours a line far down that is scrolled to directly.
namespace {

/// The character format at @p inBlock of @p block, as drawn.
QTextCharFormat formatIn(const QTextBlock &block, int inBlock)
{
    QTextCharFormat f;
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.start <= inBlock && inBlock < r.start + r.length)
            f.merge(r.format);
    }
    return f;
}

/// The character format drawn at position @p at of @p document.
QTextCharFormat formatAt(const QTextDocument &document, qsizetype at)
{
    const QTextBlock block = document.findBlock(int(at));
    return formatIn(block, int(at - block.position()));
}

/// KSyntaxHighlighting's own highlighter over the whole of a text, with the
/// view's theme and definition: how the view must look wherever it is shown.
class WholeText
{
public:
    WholeText(const QString &text, const AnnotationHighlighter *highlighter)
    {
        m_document.setPlainText(text);
        auto *reference = new KSyntaxHighlighting::SyntaxHighlighter(&m_document);
        reference->setTheme(highlighter->theme());
        reference->setDefinition(highlighter->definition());
        reference->rehighlight();
    }
    QTextBlock block(qsizetype at) const { return m_document.findBlock(int(at)); }
    /// Whether the view draws the line at @p at as the whole text's
    /// highlighting does, character by character.
    bool matches(ArticleView *view, qsizetype at) const
    {
        const QTextBlock shown = view->document()->findBlock(int(at));
        EXPECT_TRUE(view->highlighter()->isHighlighted(shown.blockNumber()));
        // The reference has a block per line; the view may hold several
        // lines in a block. Positions are the same in both.
        const QTextBlock ref = block(at);
        for (qsizetype pos = ref.position(); pos < ref.position() + ref.length() - 1; ++pos) {
            const QTextCharFormat a = formatAt(*view->document(), pos);
            const QTextCharFormat b = formatAt(m_document, pos);
            if (a.foreground() != b.foreground() || a.fontWeight() != b.fontWeight() || a.fontItalic() != b.fontItalic()
                || a.background() != b.background())
                return false;
        }
        return true;
    }

private:
    QTextDocument m_document;
};

/// Writes @p text to @p dir and opens it, without recognition, in @p window,
/// shown; returns once the window shows the text.
void openShown(MainWindow &window, const QTemporaryDir &dir, const QString &text)
{
    const QString path = dir.filePath(QStringLiteral("long.md"));
    writeAll(path, text.toUtf8());
    Settings().setAnnotateNewArticles(false);
    window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_TRUE(window.openFile(path));
}

} // namespace

// A long article highlighted only where it is shown must look as if it were
// highlighted whole: Markdown that runs across lines (a fenced code block)
// still colours a line far down that is scrolled to directly.
TEST(LargeArticle, AFarLineIsHighlightedAsTheWholeTextWouldHighlightIt)
{
    QString text = longSample(1024 * 1024);
    const QString fenced = QStringLiteral("\n```\nThe port reopened on Monday, officials said.\n\nThe port reopened on Monday, officials said.\n```\n");
    const QString plain = QStringLiteral("\nThe port reopened on Monday, officials said.\n");
    text += fenced + longSample(1) + plain;
    QTemporaryDir dir;
    MainWindow window;
    openShown(window, dir, text);
    window.waitUntilIdle();
    ArticleView *view = window.view();
    ASSERT_TRUE(view->highlighter()->isLarge());
    // Straight to the second line inside the fence, past an empty line.
    const qsizetype inFence = text.indexOf(fenced) + fenced.indexOf(QStringLiteral("The port"), 6);
    const qsizetype outside = text.lastIndexOf(QStringLiteral("The port"));
    view->moveCursorTo(inFence);
    view->viewport()->repaint();
    view->moveCursorTo(outside);
    view->viewport()->repaint();
    const WholeText whole(text, view->highlighter());
    EXPECT_TRUE(whole.matches(view, inFence));
    EXPECT_TRUE(whole.matches(view, outside));
    // And the fence shows: the same words inside and outside it differ.
    EXPECT_NE(formatAt(*view->document(), inFence).foreground(), formatAt(*view->document(), outside).foreground());
}

// Jumping to the end of a long article the moment it opens does not wait for
// the Markdown states of everything before: the lines there show highlighted
// at once, and once the states reach them they are highlighted as the whole
// text would be (here inside a code block opened far above, which the first
// highlight could not know).
TEST(LargeArticle, AJumpRightAfterOpeningShowsHighlightsAtOnceAndSettlesThem)
{
    const QString last = QStringLiteral("The port reopened on Monday, officials said.");
    const QString text = longSample(1024 * 1024) + QStringLiteral("\n```\n") + longSample(64 * 1024) + QStringLiteral("\n") + last + QStringLiteral("\n");
    QTemporaryDir dir;
    MainWindow window;
    openShown(window, dir, text);
    ArticleView *view = window.view();
    AnnotationHighlighter *highlighter = view->highlighter();
    ASSERT_TRUE(highlighter->isPreparing());
    // No event has run since the text was set: the states are not there yet.
    const qsizetype at = text.lastIndexOf(last);
    const int block = view->document()->findBlock(int(at)).blockNumber();
    view->moveCursorTo(at);
    view->viewport()->repaint();
    EXPECT_TRUE(highlighter->isHighlighted(block));
    EXPECT_TRUE(highlighter->isPreparing());
    const WholeText whole(text, highlighter);
    EXPECT_FALSE(whole.matches(view, at)); // not yet: the fence is not known
    window.waitUntilIdle();
    EXPECT_TRUE(highlighter->isHighlighted(block));
    EXPECT_TRUE(whole.matches(view, at));
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

// A long article is held several lines to a block (one block per line cost
// a QTextLayout per line, some 16 MB at 5 MB), but the reader still sees,
// copies, selects and opens it line by line.
TEST(LargeArticle, ALongArticleReadsLineByLineThoughHeldInFewerBlocks)
{
    const QString link = QStringLiteral("https://example.org/port-report");
    const QString tail = QStringLiteral("\nThe full report: ") + link + QStringLiteral("\nThe port reopened on Monday, officials said.\n");
    const QString text = longSample(1024 * 1024) + tail;
    QTemporaryDir dir;
    MainWindow window;
    openShown(window, dir, text);
    window.waitUntilIdle();
    ArticleView *view = window.view();
    const qsizetype lines = text.count(u'\n') + 1;
    EXPECT_LT(view->document()->blockCount(), lines / 8);
    // The view holds the text as it is, line breaks and all.
    EXPECT_EQ(view->document()->toPlainText(), text);

    // Offsets below are UTF-16 positions in the text, which the view shares
    // (the cursor speaks code points).
    const auto cp = [view](qsizetype at) { return view->positions().toCodePoint(int(at)); };

    // Copying across lines gives the lines, not separators.
    const qsizetype reportAt = text.lastIndexOf(QStringLiteral("The full report"));
    const qsizetype portAt = text.lastIndexOf(QStringLiteral("The port reopened"));
    view->selectRange(cp(reportAt), cp(portAt + 8));
    view->copy();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), text.mid(reportAt, portAt + 8 - reportAt));

    // The link at the end of its line is the link, not the link and the
    // next line.
    const auto found = view->linkAt(int(reportAt + 20));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->address, link);
    view->moveCursorTo(cp(portAt + 2));
    EXPECT_FALSE(view->linkAtCursor());

    // A triple click selects the line clicked, not the lines around it.
    view->moveCursorTo(cp(portAt));
    view->viewport()->repaint();
    const QRect caret = view->cursorRect();
    const QPoint inLine = caret.center() + QPoint(40, 0);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, inLine);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, inLine);
    const qsizetype portEnd = portAt + QStringLiteral("The port reopened on Monday, officials said.").size();
    EXPECT_EQ(view->selectionStart(), cp(portAt));
    EXPECT_EQ(view->selectionEnd(), cp(portEnd));

    // A drag from a triple click grows the selection by lines, up or down,
    // not by the view's blocks of several lines.
    ASSERT_LT(view->document()->findBlock(int(reportAt)).position(), reportAt) << "the lines share a block with others";
    const QPoint reportLine = inLine - QPoint(0, caret.height());
    const auto dragTo = [&](QPoint at) {
        QMouseEvent move(QEvent::MouseMove, at, view->viewport()->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
    };
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, inLine);
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, inLine);
    dragTo(reportLine);
    EXPECT_EQ(view->selectionStart(), cp(reportAt));
    EXPECT_EQ(view->selectionEnd(), cp(portEnd));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, reportLine);

    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, reportLine);
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, reportLine);
    dragTo(inLine);
    EXPECT_EQ(view->selectionStart(), cp(reportAt));
    EXPECT_EQ(view->selectionEnd(), cp(portEnd));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, inLine);
}

// A long CRLF article is held in blocks of several lines too: each CRLF is
// one position in the view, as it always was, and a mention far down is
// highlighted on its own word.
TEST(LargeArticle, ACrlfArticleIsHighlightedInPlaceFarDown)
{
    QTemporaryDir dir;
    QString text;
    qsizetype mentions = 0;
    const QString path = annotatedArticle(dir, 1024 * 1024, &text, &mentions, true);
    ASSERT_GT(mentions, 100);
    Settings().setAnnotateNewArticles(false);
    MainWindow window;
    window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openFile(path));
    window.waitUntilIdle();
    ArticleView *view = window.view();
    QString shown = text;
    shown.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    EXPECT_EQ(view->document()->toPlainText(), shown);
    EXPECT_LT(view->document()->blockCount(), shown.count(u'\n') / 8);
    const qsizetype last = text.lastIndexOf(QStringLiteral("Haugland")); // code points: the sample is all in the BMP
    view->moveCursorTo(last);
    view->viewport()->repaint();
    const int at = view->positions().toView(last);
    EXPECT_EQ(view->document()->toPlainText().mid(at, 8), QStringLiteral("Haugland"));
    const QColor speaker = view->highlighter()->style().color(Types::Speaker);
    EXPECT_EQ(underlineAt(view, at), speaker);
    EXPECT_EQ(underlineAt(view, at + 7), speaker);
    EXPECT_NE(underlineAt(view, at - 1), speaker);
    EXPECT_NE(underlineAt(view, at + 8), speaker);
}

