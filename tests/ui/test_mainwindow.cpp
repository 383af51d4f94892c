// The first window: opening an article with its annotations, drawing them,
// the modified state, saving, and never overwriting an unreadable sidecar.
#include "annotationhighlighter.h"
#include "annotationstyle.h"
#include "articleview.h"
#include "mainwindow.h"
#include "overviewruler.h"
#include "settings.h"
#include "recognition/recognition.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QMenu>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace annotator;
using namespace annotator::test;

namespace {

// Original text written for these tests; a CRLF line break and a character
// outside the BMP before the mentions, so both offset systems are exercised.
const QString Article = QStringLiteral("# Harbour deal 🚢 signed\r\n\r\n"
                                       "Minister Ana Duarte said \"the port opens in May.\" Portugal and Brazil agreed.\r\n");

struct Recorded {
    QMessageBox::Icon icon;
    QString title;
    QString text;
};

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // The recognisers' suggestions are tested on their own below.
        Settings().setAnnotateNewArticles(false);
        m_article = m_dir.filePath(QStringLiteral("harbour.md"));
        writeAll(m_article, Article.toUtf8());
        m_window.setPrompter([this](QMessageBox::Icon icon, const QString &title, const QString &text, QMessageBox::StandardButtons) {
            m_prompts.append({icon, title, text});
            return m_answer;
        });
    }

    /// Code point offset of @p needle in the article.
    static qint64 offsetOf(const QString &needle)
    {
        const qsizetype utf16 = Article.indexOf(needle);
        return codePointCount(Article.left(utf16));
    }

    static Annotation mention(const QString &type, const QString &text, Status status = Status::Accepted)
    {
        Annotation a;
        a.type = type;
        a.start = offsetOf(text);
        a.end = a.start + codePointCount(text);
        a.text = text;
        a.status = status;
        a.origin = status == Status::Suggested ? Origin::Automatic : Origin::Manual;
        return a;
    }

    /// Writes a sidecar for the article holding @p annotations.
    void writeSidecar(const QList<Annotation> &annotations)
    {
        QString error;
        auto doc = Document::load(m_article, &error);
        ASSERT_TRUE(doc) << error.toStdString();
        AnnotationSet set;
        for (const Annotation &a : annotations)
            set.addAnnotation(a);
        ASSERT_TRUE(SidecarStore::save(*doc, set, &error)) << error.toStdString();
    }

    /// The character format drawn at the start of @p text in the view.
    QTextCharFormat formatAt(const QString &text)
    {
        ArticleView *view = m_window.view();
        const int pos = view->positions().toView(offsetOf(text));
        const QTextBlock block = view->document()->findBlock(pos);
        const int inBlock = pos - block.position();
        QTextCharFormat found;
        for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
            if (r.start <= inBlock && inBlock < r.start + r.length)
                found.merge(r.format);
        }
        return found;
    }

    QTemporaryDir m_dir;
    QString m_article;
    MainWindow m_window;
    QList<Recorded> m_prompts;
    QMessageBox::StandardButton m_answer = QMessageBox::Ok;
};

} // namespace

TEST_F(MainWindowTest, DrawsStoredAnnotationsAtTheirMentionsInTheTypesColour)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Ana Duarte")), mention(Types::Country, QStringLiteral("Brazil"), Status::Suggested)});
    ASSERT_TRUE(m_window.openFile(m_article));
    EXPECT_TRUE(m_prompts.isEmpty());
    ASSERT_EQ(m_window.annotations()->size(), 2);

    const AnnotationStyle &style = m_window.view()->highlighter()->style();
    const QTextCharFormat speaker = formatAt(QStringLiteral("Ana Duarte"));
    EXPECT_EQ(speaker.underlineColor(), style.color(Types::Speaker));
    EXPECT_EQ(speaker.underlineStyle(), QTextCharFormat::SingleUnderline);
    EXPECT_EQ(speaker.background().color().rgb(), style.color(Types::Speaker).rgb());

    // The suggestion is drawn, but differently from an accepted annotation.
    const QTextCharFormat country = formatAt(QStringLiteral("Brazil"));
    EXPECT_EQ(country.underlineColor(), style.color(Types::Country));
    EXPECT_EQ(country.underlineStyle(), QTextCharFormat::DashUnderline);

    // Text around the mentions carries no annotation colour.
    EXPECT_FALSE(formatAt(QStringLiteral("Minister")).hasProperty(QTextFormat::TextUnderlineColor));
    EXPECT_FALSE(formatAt(QStringLiteral("Portugal")).hasProperty(QTextFormat::TextUnderlineColor));
    // The Markdown highlighting is still there beneath: the heading differs
    // from body text.
    EXPECT_NE(formatAt(QStringLiteral("Harbour")), formatAt(QStringLiteral("Minister")));
}

TEST_F(MainWindowTest, AnEditRedrawsOnlyItsBlockAndMarksTheWindowModified)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Ana Duarte"))});
    ASSERT_TRUE(m_window.openFile(m_article));
    EXPECT_TRUE(m_window.windowTitle().contains(QStringLiteral("harbour.md")));
    EXPECT_FALSE(m_window.isWindowModified());
    m_window.view()->highlighter()->takeRehighlightCount();

    m_window.annotations()->addAnnotation(mention(Types::Country, QStringLiteral("Portugal")));
    EXPECT_TRUE(m_window.isWindowModified());
    EXPECT_EQ(formatAt(QStringLiteral("Portugal")).underlineColor(), m_window.view()->highlighter()->style().color(Types::Country));
    EXPECT_EQ(m_window.view()->highlighter()->takeRehighlightCount(), 1);

    // A rejected annotation is not drawn.
    Annotation rejected = m_window.annotations()->ofType(Types::Country).first();
    rejected.status = Status::Rejected;
    m_window.annotations()->updateAnnotation(rejected);
    EXPECT_FALSE(formatAt(QStringLiteral("Portugal")).hasProperty(QTextFormat::TextUnderlineColor));

    m_window.annotations()->undo();
    m_window.annotations()->undo();
    EXPECT_FALSE(m_window.isWindowModified());
    EXPECT_FALSE(formatAt(QStringLiteral("Portugal")).hasProperty(QTextFormat::TextUnderlineColor));
}

TEST_F(MainWindowTest, CtrlSSavesTheSidecarAndClearsTheModifiedState)
{
    ASSERT_TRUE(m_window.openFile(m_article));
    m_window.waitUntilIdle();
    m_window.annotations()->addAnnotation(mention(Types::Event, QStringLiteral("agreed")));
    ASSERT_TRUE(m_window.isWindowModified());

    m_window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
    QTest::keyClick(m_window.view(), Qt::Key_S, Qt::ControlModifier);
    EXPECT_FALSE(m_window.isWindowModified());
    EXPECT_TRUE(m_prompts.isEmpty());

    QString error;
    auto doc = Document::load(m_article, &error);
    ASSERT_TRUE(doc);
    const auto loaded = SidecarStore::load(*doc);
    ASSERT_EQ(loaded.status, SidecarStore::LoadStatus::Loaded);
    ASSERT_EQ(loaded.data.annotations.size(), 1);
    EXPECT_EQ(loaded.data.annotations.first().text, QStringLiteral("agreed"));
    // The article is among the recent ones, in the settings a moment later.
    const QString absolute = QFileInfo(m_article).absoluteFilePath();
    EXPECT_TRUE(QTest::qWaitFor([&] { return Settings().recentFiles().value(0) == absolute; }, 5000));
}

// Opening an article does not wait for the settings file to be written (two
// syncs to disk), but File > Open Recent lists it at once, and the settings
// hold it a moment later.
TEST_F(MainWindowTest, OpenRecentListsAnArticleAsSoonAsItIsOpened)
{
    ASSERT_TRUE(m_window.openFile(m_article));
    QMenu *recent = nullptr;
    for (QMenu *menu : m_window.findChildren<QMenu *>()) {
        if (menu->title() == MainWindow::tr("Open &Recent"))
            recent = menu;
    }
    ASSERT_TRUE(recent);
    Q_EMIT recent->aboutToShow();
    ASSERT_FALSE(recent->actions().isEmpty());
    EXPECT_EQ(recent->actions().first()->text(), QFileInfo(m_article).fileName());
    EXPECT_EQ(Settings().recentFiles().value(0), QFileInfo(m_article).absoluteFilePath());
}

TEST_F(MainWindowTest, AnUnreadableSidecarIsReportedAndOnlyReplacedWithConsent)
{
    const QString sidecar = SidecarStore::sidecarPath(m_article);
    const QByteArray broken = "{ \"version\": 1, \"annotations\": [ broken";
    writeAll(sidecar, broken);

    ASSERT_TRUE(m_window.openFile(m_article));
    ASSERT_EQ(m_prompts.size(), 1);
    EXPECT_EQ(m_prompts.first().icon, QMessageBox::Warning);
    EXPECT_TRUE(m_prompts.first().text.contains(QFileInfo(sidecar).fileName()));
    EXPECT_TRUE(m_window.annotations()->isEmpty());
    // No suggestions either: the user first decides about the file.
    EXPECT_FALSE(m_window.isBusy());

    m_window.annotations()->addAnnotation(mention(Types::Country, QStringLiteral("Portugal")));
    m_answer = QMessageBox::Cancel;
    EXPECT_FALSE(m_window.save());
    EXPECT_EQ(readAll(sidecar), broken);
    EXPECT_TRUE(m_window.isWindowModified());

    m_answer = QMessageBox::Yes;
    EXPECT_TRUE(m_window.save());
    EXPECT_NE(readAll(sidecar), broken);
    QString error;
    auto doc = Document::load(m_article, &error);
    EXPECT_EQ(SidecarStore::load(*doc).data.annotations.size(), 1);
}

TEST_F(MainWindowTest, AnnotationsThatCannotBePlacedAfterAnEditOfTheArticleAreCounted)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Ana Duarte")), mention(Types::Country, QStringLiteral("Brazil"))});
    QString changed = Article;
    changed.replace(QStringLiteral(" and Brazil"), QString());
    changed.prepend(QStringLiteral("Updated. "));
    writeAll(m_article, changed.toUtf8());

    ASSERT_TRUE(m_window.openFile(m_article));
    ASSERT_EQ(m_prompts.size(), 1);
    EXPECT_TRUE(m_prompts.first().text.contains(QStringLiteral("1 annotation")));
    EXPECT_EQ(m_window.annotations()->orphans().size(), 1);
    // The moved speaker is drawn at its new place.
    const ArticleView *view = m_window.view();
    const Annotation speaker = m_window.annotations()->ofType(Types::Speaker).value(0);
    EXPECT_EQ(view->document()->toPlainText().mid(view->positions().toView(speaker.start), 10), QStringLiteral("Ana Duarte"));
}

TEST_F(MainWindowTest, AnArticleThatCannotBeReadIsReportedByName)
{
    const QString binary = m_dir.filePath(QStringLiteral("picture.md"));
    writeAll(binary, QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11));
    EXPECT_FALSE(m_window.openFile(binary));
    ASSERT_EQ(m_prompts.size(), 1);
    EXPECT_TRUE(m_prompts.first().text.contains(QStringLiteral("picture.md")));
}

TEST_F(MainWindowTest, ThemesComeFromTheViewMenuAndDarkThemesGetLighterColours)
{
    ASSERT_TRUE(m_window.setThemeName(QStringLiteral("Breeze Dark")));
    EXPECT_TRUE(m_window.view()->highlighter()->style().isDark());
    EXPECT_LT(m_window.view()->palette().color(QPalette::Base).lightness(), 100);
    const QColor darkSpeaker = m_window.view()->highlighter()->style().color(Types::Speaker);
    ASSERT_TRUE(m_window.setThemeName(QStringLiteral("Breeze Light")));
    EXPECT_FALSE(m_window.view()->highlighter()->style().isDark());
    EXPECT_GT(darkSpeaker.lightness(), m_window.view()->highlighter()->style().color(Types::Speaker).lightness());
    EXPECT_FALSE(m_window.setThemeName(QStringLiteral("No Such Theme")));
}

TEST_F(MainWindowTest, RecogniserResultsBecomeSuggestionsWithFreshIdsAndTheirLinksKept)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Ana Duarte"))});
    ASSERT_TRUE(m_window.openFile(m_article));
    const QString existingId = m_window.annotations()->annotations().first().id;

    // A result whose local ids collide with the ones in the set.
    Recognition r;
    const QString speaker = QStringLiteral("e1");
    r.entities.append(Entity{speaker, Types::Speaker, QStringLiteral("Ana Duarte"), {}});
    Annotation same = mention(Types::Speaker, QStringLiteral("Ana Duarte"), Status::Suggested);
    same.id = existingId;
    same.entity = speaker;
    Annotation quote = mention(Types::Quote, QStringLiteral("the port opens in May."), Status::Suggested);
    quote.id = QStringLiteral("a2");
    quote.saidBy = speaker;
    Annotation country = mention(Types::Country, QStringLiteral("Brazil"), Status::Suggested);
    country.id = existingId;
    r.annotations = {same, quote, country};
    m_window.addSuggestions(r);

    const AnnotationSet *set = m_window.annotations();
    ASSERT_EQ(set->size(), 3); // the span already tagged is not suggested again
    const Annotation q = set->ofType(Types::Quote).value(0);
    const Annotation c = set->ofType(Types::Country).value(0);
    EXPECT_EQ(q.status, Status::Suggested);
    EXPECT_EQ(q.origin, Origin::Automatic);
    EXPECT_NE(c.id, existingId);
    EXPECT_NE(q.id, c.id);
    ASSERT_NE(set->entity(q.saidBy), nullptr);
    EXPECT_EQ(set->entity(q.saidBy)->name, QStringLiteral("Ana Duarte"));
    // One step: one undo takes all of it back.
    m_window.annotations()->undo();
    EXPECT_EQ(set->size(), 1);
    EXPECT_FALSE(m_window.isWindowModified());
}

TEST_F(MainWindowTest, AnArticleWithoutAnnotationsIsSentToTheRecognisersOffTheGuiThread)
{
    Settings().setAnnotateNewArticles(true);
    ASSERT_TRUE(m_window.openFile(m_article));
    EXPECT_TRUE(m_window.isBusy());
    m_window.waitUntilIdle();
    EXPECT_FALSE(m_window.isBusy());
    for (const Annotation &a : m_window.annotations()->annotations()) {
        EXPECT_EQ(a.status, Status::Suggested);
        EXPECT_EQ(a.origin, Origin::Automatic);
    }
    // Opening another article before the result arrives drops the stale one.
    const QString other = m_dir.filePath(QStringLiteral("empty.md"));
    writeAll(other, QByteArray("Nothing here.\n"));
    ASSERT_TRUE(m_window.openFile(m_article));
    ASSERT_TRUE(m_window.openFile(other));
    m_window.waitUntilIdle();
    EXPECT_TRUE(m_window.annotations()->isEmpty() || m_window.annotations()->annotations().first().end <= 13);
}

TEST_F(MainWindowTest, TheRulerBesideTheScrollBarMarksWhereEachTypeOccurs)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Ana Duarte")), mention(Types::Country, QStringLiteral("Brazil"))});
    ASSERT_TRUE(m_window.openFile(m_article));
    m_window.resize(900, 600);
    m_window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
    OverviewRuler *ruler = m_window.overviewRuler();
    const int h = ruler->height();
    ASSERT_GT(h, 100);
    const qint64 length = m_window.document().length();
    const int speakerRow = int(offsetOf(QStringLiteral("Ana Duarte")) * h / length);
    const int countryRow = int(offsetOf(QStringLiteral("Brazil")) * h / length);
    ASSERT_NE(speakerRow, countryRow);
    EXPECT_EQ(ruler->typesAt(speakerRow), QStringList{Types::Speaker});
    EXPECT_EQ(ruler->typesAt(countryRow), QStringList{Types::Country});
    EXPECT_TRUE(ruler->typesAt(0).isEmpty());
    // A new annotation shows at once; a hidden type does not.
    m_window.annotations()->addAnnotation(mention(Types::Event, QStringLiteral("signed")));
    EXPECT_TRUE(ruler->typesAt(int(offsetOf(QStringLiteral("signed")) * h / length)).contains(Types::Event));
    ruler->setHiddenTypes({Types::Speaker});
    EXPECT_TRUE(ruler->typesAt(speakerRow).isEmpty());
}

TEST_F(MainWindowTest, TheSampleOpensHighlightedAndAnnotatingAgainKeepsTheUsersDecisions)
{
    Settings().setAnnotateNewArticles(true);
    // The bundled sample: no sidecar, so the recognisers run and draw at once.
    QFile sample(QStringLiteral(":/sample/sample-article.md"));
    ASSERT_TRUE(sample.open(QIODevice::ReadOnly));
    const QString path = m_dir.filePath(QStringLiteral("sample-article.md"));
    writeAll(path, sample.readAll());
    ASSERT_TRUE(m_window.openFile(path));
    m_window.waitUntilIdle();
    QCoreApplication::processEvents();
    AnnotationSet *set = m_window.annotations();
    const QList<Annotation> first = set->annotations();
    ASSERT_GE(first.size(), 20);
    // Something is drawn over the first suggestion's text.
    const Annotation shown = first.first();
    const int pos = m_window.view()->positions().toView(shown.start);
    const QTextBlock block = m_window.view()->document()->findBlock(pos);
    bool drawn = false;
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        drawn = drawn || (r.start <= pos - block.position() && pos - block.position() < r.start + r.length && r.format.underlineStyle() != QTextCharFormat::NoUnderline);
    EXPECT_TRUE(drawn);

    // The user rejects one suggestion, accepts another and tags a word by hand.
    Annotation rejected = first.at(0);
    Annotation accepted = first.at(1);
    set->setStatus({rejected.id}, Status::Rejected, QStringLiteral("reject"));
    set->setStatus({accepted.id}, Status::Accepted, QStringLiteral("accept"));
    Annotation manual;
    manual.type = Types::Event;
    manual.start = first.last().end + 1;
    manual.end = manual.start + 3;
    manual.text = m_window.document().slice(manual.start, manual.end);
    const QString manualId = set->addAnnotation(manual);

    m_window.annotateAgain();
    m_window.waitUntilIdle();
    QCoreApplication::processEvents();
    // The manual one is untouched, the accepted one kept, and the rejected
    // one neither comes back as a suggestion nor loses its rejection.
    ASSERT_NE(set->annotation(manualId), nullptr);
    EXPECT_EQ(set->annotation(manualId)->origin, Origin::Manual);
    int sameSpanAsRejected = 0;
    bool acceptedKept = false;
    for (const Annotation &a : set->annotations()) {
        if (a.sameSpan(rejected)) {
            ++sameSpanAsRejected;
            EXPECT_EQ(a.status, Status::Rejected);
        }
        acceptedKept = acceptedKept || (a.sameSpan(accepted) && a.status == Status::Accepted);
    }
    EXPECT_EQ(sameSpanAsRejected, 1);
    EXPECT_TRUE(acceptedKept);
}
