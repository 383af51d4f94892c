// The correction workflow driven from the keyboard, as a user does it: tag,
// retype, delete, accept and reject suggestions, undo and redo, the panels.
#include "articleview.h"
#include "entitypanel.h"
#include "findbar.h"
#include "statisticsview.h"
#include "mainwindow.h"
#include "quotelist.h"
#include "settings.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"
#include "windowtest.h"

#include <QLineEdit>
#include <QApplication>
#include <QTest>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>

using namespace annotator;
using namespace annotator::test;

namespace {

// Original text written for these tests.
const QString Article = QStringLiteral(
    "# Grain corridor talks\n\n"
    "\"We will keep the ships moving,\" said Elena Marsh, the Maltese envoy. Turkey and Ukraine welcomed the talks.\n\n"
    "Marsh added that Egypt would host the next round.\n");

class CorrectionTest : public WindowTest
{
protected:
    // The recognisers' suggestions are tested on their own below.
    void SetUp() override { setUpArticle(QStringLiteral("grain.md"), Article); }

    /// Writes a sidecar with @p annotations (and a speaker entity e1 for
    /// every Speaker and Quote) before the article is opened.
    void writeSidecar(QList<Annotation> annotations)
    {
        QString error;
        auto doc = Document::load(m_article, &error);
        ASSERT_TRUE(doc);
        AnnotationSet set;
        AnnotationEdit edit;
        edit.add(Entity{QStringLiteral("e1"), Types::Speaker, QStringLiteral("Elena Marsh"), {{Attr::Role, QStringLiteral("Maltese envoy")}}});
        for (Annotation &a : annotations) {
            a.id = set.newAnnotationId();
            edit.add(a);
        }
        set.apply(edit);
        ASSERT_TRUE(SidecarStore::save(*doc, set, &error)) << error.toStdString();
    }

    Annotation mention(const QString &type, const QString &text, Status status = Status::Accepted, int occurrence = 0) const
    {
        Annotation a = mentionOf(type, text, occurrence);
        a.status = status;
        a.origin = status == Status::Suggested ? Origin::Automatic : Origin::Manual;
        if (type == Types::Speaker)
            a.entity = QStringLiteral("e1");
        if (type == Types::Quote)
            a.saidBy = QStringLiteral("e1");
        return a;
    }

    /// Puts the cursor at the start of @p text.
    void cursorAt(const QString &text, int delta = 0) { m_window->view()->moveCursorTo(Article.indexOf(text) + delta); }

    QList<Annotation> ofType(const QString &type, Status status) const
    {
        QList<Annotation> out;
        for (const Annotation &a : m_window->annotations()->ofType(type)) {
            if (a.status == status)
                out.append(a);
        }
        return out;
    }
};

} // namespace

TEST_F(CorrectionTest, AKeyboardSelectionTaggedWithAKeySnapsToWholeWordsWithoutQuoteMarks)
{
    open();
    // Shift+arrows from inside "Elena" to inside "Marsh": the tag covers both
    // whole words.
    cursorAt(QStringLiteral("Elena"), 2);
    for (int i = 0; i < 8; ++i)
        key(Qt::Key_Right, Qt::ShiftModifier);
    key(Qt::Key_1);
    const auto speakers = ofType(Types::Speaker, Status::Accepted);
    ASSERT_EQ(speakers.size(), 1);
    EXPECT_EQ(speakers.first().text, QStringLiteral("Elena Marsh"));
    EXPECT_EQ(speakers.first().origin, Origin::Manual);

    // A quote selected with its quote marks and the comma after them.
    const qsizetype open = Article.indexOf(u'"');
    m_window->view()->selectRange(open, Article.indexOf(QStringLiteral(" said")));
    key(Qt::Key_4);
    const auto quotes = ofType(Types::Quote, Status::Accepted);
    ASSERT_EQ(quotes.size(), 1);
    EXPECT_EQ(quotes.first().text, QStringLiteral("We will keep the ships moving,"));

    // No selection: the word at the cursor.
    cursorAt(QStringLiteral("Egypt"), 3);
    key(Qt::Key_2);
    ASSERT_EQ(ofType(Types::Country, Status::Accepted).size(), 1);
    EXPECT_EQ(ofType(Types::Country, Status::Accepted).first().text, QStringLiteral("Egypt"));
    EXPECT_TRUE(m_window->isWindowModified());
}

TEST_F(CorrectionTest, AnAnnotationCanNestInsideAnother)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh, the Maltese envoy"))});
    open();
    m_window->view()->selectRange(Article.indexOf(QStringLiteral("Maltese")), Article.indexOf(QStringLiteral("Maltese")) + 7);
    key(Qt::Key_2);
    EXPECT_EQ(m_window->annotations()->size(), 2);
    EXPECT_EQ(ofType(Types::Country, Status::Accepted).value(0).text, QStringLiteral("Maltese"));
}

TEST_F(CorrectionTest, KeysRetypeAndDeleteTheAnnotationUnderTheCursorAndUndoRedoBringsThemBack)
{
    writeSidecar({mention(Types::Country, QStringLiteral("Turkey")), mention(Types::Event, QStringLiteral("Ukraine"), Status::Suggested)});
    open();
    cursorAt(QStringLiteral("Ukraine"), 2);
    key(Qt::Key_2);
    ASSERT_EQ(ofType(Types::Country, Status::Accepted).size(), 2);
    EXPECT_TRUE(ofType(Types::Event, Status::Suggested).isEmpty());

    cursorAt(QStringLiteral("Turkey"), 1);
    key(Qt::Key_Delete);
    ASSERT_EQ(m_window->annotations()->size(), 1);
    EXPECT_EQ(m_window->annotations()->annotations().first().text, QStringLiteral("Ukraine"));

    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window->annotations()->size(), 2);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Event, Status::Suggested).size(), 1);
    EXPECT_FALSE(m_window->isWindowModified());
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(ofType(Types::Country, Status::Accepted).size(), 2);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(m_window->annotations()->size(), 1);
    EXPECT_TRUE(m_window->isWindowModified());
}

TEST_F(CorrectionTest, SuggestionsAreWalkedAcceptedAndRejectedFromTheKeyboard)
{
    writeSidecar({mention(Types::Country, QStringLiteral("Maltese"), Status::Suggested),
                  mention(Types::Country, QStringLiteral("Turkey"), Status::Suggested),
                  mention(Types::Event, QStringLiteral("talks"), Status::Suggested, 1),
                  mention(Types::Country, QStringLiteral("Egypt"), Status::Suggested)});
    open();
    m_window->view()->moveCursorTo(0);
    key(Qt::Key_N);
    EXPECT_EQ(m_window->currentAnnotation().value_or(Annotation()).text, QStringLiteral("Maltese"));
    key(Qt::Key_A); // accept, and on to Turkey
    EXPECT_EQ(m_window->currentAnnotation().value_or(Annotation()).text, QStringLiteral("Turkey"));
    key(Qt::Key_R); // reject, and on to talks
    EXPECT_EQ(m_window->currentAnnotation().value_or(Annotation()).text, QStringLiteral("talks"));
    key(Qt::Key_N, Qt::ShiftModifier); // back: Turkey is no longer a suggestion
    EXPECT_EQ(m_window->currentAnnotation().value_or(Annotation()).text, QStringLiteral("Egypt"));

    EXPECT_EQ(ofType(Types::Country, Status::Accepted).value(0).text, QStringLiteral("Maltese"));
    EXPECT_EQ(ofType(Types::Country, Status::Rejected).value(0).text, QStringLiteral("Turkey"));
    // The rejected one is kept (the lexicon learns from it) but not drawn.
    EXPECT_EQ(m_window->annotations()->size(), 4);

    // Undo takes back the rejection alone.
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Country, Status::Suggested).size(), 2);
}

TEST_F(CorrectionTest, AllSuggestionsOfATypeAreAcceptedOrRejectedInOneUndoableStep)
{
    writeSidecar({mention(Types::Country, QStringLiteral("Turkey"), Status::Suggested),
                  mention(Types::Country, QStringLiteral("Ukraine"), Status::Suggested),
                  mention(Types::Country, QStringLiteral("Egypt"), Status::Suggested),
                  mention(Types::Event, QStringLiteral("talks"), Status::Suggested, 1)});
    open();
    cursorAt(QStringLiteral("Ukraine"));
    key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(ofType(Types::Country, Status::Accepted).size(), 3);
    EXPECT_EQ(ofType(Types::Event, Status::Suggested).size(), 1);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Country, Status::Suggested).size(), 3);

    m_window->setStatusOfAll(QString(), Status::Rejected);
    EXPECT_EQ(ofType(Types::Country, Status::Rejected).size(), 3);
    EXPECT_EQ(ofType(Types::Event, Status::Rejected).size(), 1);
    EXPECT_EQ(m_window->annotations()->undoText(), QStringLiteral("Reject all suggestions"));
}

TEST_F(CorrectionTest, TheEntityPanelCountsQuotesAndMentionsAndJumpsToThem)
{
    Annotation malta = mention(Types::Country, QStringLiteral("Maltese"));
    malta.attributes.insert(Attr::Code, QStringLiteral("MT"));
    Annotation egypt = mention(Types::Country, QStringLiteral("Egypt"));
    egypt.attributes.insert(Attr::Code, QStringLiteral("EG"));
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh")), mention(Types::Speaker, QStringLiteral("Marsh"), Status::Accepted, 1),
                  mention(Types::Quote, QStringLiteral("We will keep the ships moving,")), malta, egypt});
    open();
    QTreeWidget *tree = m_window->entityPanel()->tree();
    ASSERT_EQ(tree->topLevelItemCount(), 3);
    QTreeWidgetItem *speakers = tree->topLevelItem(0);
    ASSERT_EQ(speakers->childCount(), 1);
    EXPECT_EQ(speakers->child(0)->text(0), QStringLiteral("Elena Marsh"));
    EXPECT_EQ(speakers->child(0)->text(1), QStringLiteral("Maltese envoy"));
    EXPECT_EQ(speakers->child(0)->text(2), QStringLiteral("1")); // quotes
    QTreeWidgetItem *countries = tree->topLevelItem(1);
    ASSERT_EQ(countries->childCount(), 2);
    EXPECT_EQ(countries->child(0)->text(1).size(), 2);

    // Activating the speaker goes to each of its mentions in turn.
    Q_EMIT tree->itemActivated(speakers->child(0), 0);
    EXPECT_EQ(m_window->view()->textCursor().selectedText(), QStringLiteral("Elena Marsh"));
    Q_EMIT tree->itemActivated(speakers->child(0), 0);
    EXPECT_EQ(m_window->view()->textCursor().selectedText(), QStringLiteral("Marsh"));
    EXPECT_EQ(m_window->view()->selectionStart(), Article.lastIndexOf(QStringLiteral("Marsh")));

    // The filter narrows the rows.
    m_window->entityPanel()->filter()->setText(QStringLiteral("eg"));
    EXPECT_TRUE(countries->child(0)->isHidden() != countries->child(1)->isHidden());

    // An edit shows in the panel.
    cursorAt(QStringLiteral("Turkey"));
    key(Qt::Key_2);
    QTRY_COMPARE(m_window->entityPanel()->tree()->topLevelItem(1)->childCount(), 3);

    // The quote list says who said what.
    QTreeView *quotes = m_window->quoteList()->tree();
    ASSERT_EQ(quotes->model()->rowCount(), 1);
    EXPECT_EQ(quotes->model()->index(0, 0).data().toString(), QStringLiteral("Elena Marsh"));
    EXPECT_EQ(quotes->model()->index(0, 1).data().toString(), QStringLiteral("We will keep the ships moving,"));
    Q_EMIT quotes->activated(quotes->model()->index(0, 1));
    EXPECT_EQ(m_window->view()->textCursor().selectedText(), QStringLiteral("We will keep the ships moving,"));
}

TEST_F(CorrectionTest, ClosingWithUnsavedChangesAsksAndCancelKeepsTheWindow)
{
    open();
    cursorAt(QStringLiteral("Egypt"));
    key(Qt::Key_2);
    m_answer = QMessageBox::Cancel;
    EXPECT_FALSE(m_window->close());
    EXPECT_EQ(m_prompts.size(), 1);
    EXPECT_TRUE(m_window->isVisible());
    m_answer = QMessageBox::Save;
    EXPECT_TRUE(m_window->close());
    QString error;
    EXPECT_EQ(SidecarStore::load(*Document::load(m_article, &error)).data.annotations.size(), 1);
}

TEST_F(CorrectionTest, TheShortcutHelpListsTheTaggingKeys)
{
    const auto rows = m_window->shortcuts();
    auto keyOf = [&](const QString &action) {
        for (const auto &[text, keys] : rows) {
            if (text == action)
                return keys;
        }
        return QString();
    };
    EXPECT_EQ(keyOf(QStringLiteral("Tag as Speaker")), QStringLiteral("1"));
    EXPECT_EQ(keyOf(QStringLiteral("Tag as Quote")), QStringLiteral("4"));
    EXPECT_TRUE(keyOf(QStringLiteral("Save Annotations")).contains(QStringLiteral("S")));
}

TEST_F(CorrectionTest, TheShortcutHelpSaysHowToOpenALink)
{
    bool listed = false;
    for (const auto &[text, keys] : m_window->shortcuts()) {
        if (text.startsWith(QStringLiteral("Open Link"))) {
            listed = true;
            EXPECT_TRUE(text.contains(QStringLiteral("Ctrl+Click")));
            EXPECT_EQ(keys, QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText));
        }
    }
    EXPECT_TRUE(listed);
}

TEST(Recovery, EditsSurviveACrashAndAreOfferedBackWhenTheArticleIsOpenedAgain)
{
    Settings().setAnnotateNewArticles(false);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("grain.md"));
    writeAll(article, Article.toUtf8());
    const qsizetype egypt = Article.indexOf(QStringLiteral("Egypt"));
    QStringList asked;
    auto answering = [&asked](QMessageBox::StandardButton answer) {
        return [&asked, answer](QMessageBox::Icon, const QString &, const QString &text, QMessageBox::StandardButtons) {
            asked.append(text);
            return answer;
        };
    };
    {
        // The first session tags a country, the autosave runs, then the
        // program dies: the window goes away without being closed.
        auto *crashing = new MainWindow;
        crashing->setPrompter(answering(QMessageBox::Ok));
        ASSERT_TRUE(crashing->openFile(article));
        crashing->waitUntilIdle();
        crashing->autosaver()->setDelay(10);
        crashing->view()->moveCursorTo(egypt);
        crashing->tag(Types::Country);
        ASSERT_EQ(crashing->annotations()->size(), 1);
        QTRY_VERIFY(RecoveryStore::exists(article));
        delete crashing;
    }
    EXPECT_TRUE(asked.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(SidecarStore::sidecarPath(article))); // never saved

    {
        ASSERT_TRUE(RecoveryStore::exists(article));
        MainWindow restoring;
        restoring.setPrompter(answering(QMessageBox::Yes));
        ASSERT_TRUE(restoring.openFile(article));
        ASSERT_EQ(asked.size(), 1);
        EXPECT_TRUE(asked.first().contains(QStringLiteral("grain.md")));
        ASSERT_EQ(restoring.annotations()->size(), 1);
        EXPECT_EQ(restoring.annotations()->annotations().first().text, QStringLiteral("Egypt"));
        EXPECT_TRUE(restoring.isWindowModified());
        EXPECT_TRUE(RecoveryStore::exists(article));

        // Saving makes the recovery file go away.
        ASSERT_TRUE(restoring.save());
        EXPECT_FALSE(RecoveryStore::exists(article));
    }
}

TEST(Recovery, DecliningTheRestoreDropsTheRecoveryFile)
{
    Settings().setAnnotateNewArticles(false);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("grain.md"));
    writeAll(article, Article.toUtf8());
    {
        auto *crashing = new MainWindow;
        ASSERT_TRUE(crashing->openFile(article));
        crashing->waitUntilIdle();
        crashing->view()->moveCursorTo(Article.indexOf(QStringLiteral("Turkey")));
        crashing->tag(Types::Country);
        crashing->autosaver()->flush();
        ASSERT_TRUE(RecoveryStore::exists(article));
        delete crashing;
    }
    int questions = 0;
    MainWindow declining;
    declining.setPrompter([&questions](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) {
        ++questions;
        return QMessageBox::No;
    });
    ASSERT_TRUE(declining.openFile(article));
    EXPECT_EQ(questions, 1);
    EXPECT_TRUE(declining.annotations()->isEmpty());
    EXPECT_FALSE(RecoveryStore::exists(article));
}

TEST(Recovery, SavingWritesPendingEditsToTheRecoveryFileFirst)
{
    Settings().setAnnotateNewArticles(false);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("grain.md"));
    writeAll(article, Article.toUtf8());
    MainWindow window;
    ASSERT_TRUE(window.openFile(article));
    window.waitUntilIdle();
    window.autosaver()->setDelay(600000); // the timer never fires by itself here
    QSignalSpy kept(window.autosaver(), &Autosaver::saved);
    window.view()->moveCursorTo(Article.indexOf(QStringLiteral("Egypt")));
    window.tag(Types::Country);
    EXPECT_EQ(kept.size(), 0);
    // A crash in the middle of the save would then cost nothing: the
    // recovery file already holds the edit when the sidecar is written.
    ASSERT_TRUE(window.save());
    EXPECT_EQ(kept.size(), 1);
    EXPECT_FALSE(RecoveryStore::exists(article));
}

TEST(Recovery, ARecoveryFileOlderThanTheSavedAnnotationsIsNotOfferedAndKeptAside)
{
    Settings().setAnnotateNewArticles(false);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("grain.md"));
    writeAll(article, Article.toUtf8());
    QFile::remove(RecoveryStore::olderPath(article));
    QStringList asked;
    auto recordQuestions = [&asked](QMessageBox::Icon, const QString &, const QString &text, QMessageBox::StandardButtons) {
        asked.append(text);
        return QMessageBox::Yes;
    };
    QByteArray older;
    {
        MainWindow first;
        first.setPrompter(recordQuestions);
        ASSERT_TRUE(first.openFile(article));
        first.waitUntilIdle();
        first.view()->moveCursorTo(Article.indexOf(QStringLiteral("Egypt")));
        first.tag(Types::Country);
        first.autosaver()->flush();
        older = readAll(RecoveryStore::recoveryPath(article)); // Egypt only
        ASSERT_FALSE(older.isEmpty());
        first.view()->moveCursorTo(Article.indexOf(QStringLiteral("Turkey")));
        first.tag(Types::Country);
        ASSERT_TRUE(first.save()); // Egypt and Turkey
    }
    // The older recovery file is back, as a kill before its removal leaves
    // it when the save could not refresh it first.
    writeAll(RecoveryStore::recoveryPath(article), older);
    {
        MainWindow reopened;
        reopened.setPrompter(recordQuestions);
        ASSERT_TRUE(reopened.openFile(article));
        EXPECT_TRUE(asked.isEmpty()) << asked.join(u'\n').toStdString();
        EXPECT_EQ(reopened.annotations()->size(), 2); // the saved work, whole
        EXPECT_FALSE(reopened.isWindowModified());
        EXPECT_FALSE(RecoveryStore::exists(article));
        EXPECT_EQ(readAll(RecoveryStore::olderPath(article)), older);
        EXPECT_TRUE(reopened.statusBar()->currentMessage().contains(QDir::toNativeSeparators(RecoveryStore::olderPath(article))))
            << reopened.statusBar()->currentMessage().toStdString();
    }
    // A recovery file equal to the sidecar (killed right after a save) is
    // dropped without a word.
    {
        QString error;
        const auto doc = Document::load(article, &error);
        ASSERT_TRUE(doc);
        const auto saved = SidecarStore::load(*doc);
        AnnotationSet same;
        same.reset(saved.data.annotations, saved.data.entities, saved.data.orphans, saved.data.types);
        ASSERT_TRUE(RecoveryStore::write(*doc, same, &error)) << error.toStdString();
        ASSERT_TRUE(RecoveryStore::exists(article));
        MainWindow reopened;
        reopened.setPrompter(recordQuestions);
        ASSERT_TRUE(reopened.openFile(article));
        EXPECT_TRUE(asked.isEmpty());
        EXPECT_EQ(reopened.annotations()->size(), 2);
        EXPECT_FALSE(RecoveryStore::exists(article));
    }
    QFile::remove(RecoveryStore::olderPath(article));
}

TEST_F(CorrectionTest, AltArrowsMoveTheBoundariesOfTheAnnotationUnderTheCursor)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena"), Status::Suggested)});
    open();
    cursorAt(QStringLiteral("Elena"), 1);
    key(Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier); // end one word right
    ASSERT_EQ(m_window->annotations()->size(), 1);
    Annotation a = m_window->annotations()->annotations().first();
    EXPECT_EQ(a.text, QStringLiteral("Elena Marsh"));
    EXPECT_EQ(a.status, Status::Accepted); // corrected by the user
    EXPECT_EQ(a.entity, QStringLiteral("e1")); // still the same speaker
    key(Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier | Qt::ControlModifier); // end one character left
    EXPECT_EQ(m_window->annotations()->annotations().first().text, QStringLiteral("Elena Mars"));
    key(Qt::Key_Left, Qt::AltModifier); // start one word left
    EXPECT_EQ(m_window->annotations()->annotations().first().text, QStringLiteral("said Elena Mars"));
    key(Qt::Key_Z, Qt::ControlModifier);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window->annotations()->annotations().first().text, QStringLiteral("Elena Marsh"));
}

TEST_F(CorrectionTest, F2PicksACountrysCodeFromASearchableList)
{
    writeSidecar({mention(Types::Country, QStringLiteral("Egypt"))});
    open();
    cursorAt(QStringLiteral("Egypt"), 1);
    bool typed = false;
    QTimer::singleShot(0, [&typed] {
        QWidget *dialog = QApplication::activeModalWidget();
        ASSERT_NE(dialog, nullptr);
        auto *filter = dialog->findChild<QLineEdit *>();
        ASSERT_NE(filter, nullptr);
        QTest::keyClicks(filter, QStringLiteral("egypt"));
        QTest::keyClick(filter, Qt::Key_Return);
        typed = true;
    });
    key(Qt::Key_F2);
    EXPECT_TRUE(typed) << m_window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(m_window->annotations()->annotations().first().attributes.value(Attr::Code), QStringLiteral("EG"));
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(m_window->annotations()->annotations().first().attributes.value(Attr::Code).isEmpty());
}

TEST_F(CorrectionTest, HoveringASpeakerShowsItsMentionsAndQuotes)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh")), mention(Types::Speaker, QStringLiteral("Marsh"), Status::Accepted, 1),
                  mention(Types::Quote, QStringLiteral("We will keep the ships moving,"))});
    open();
    const QString tip = m_window->describe(Article.lastIndexOf(QStringLiteral("Marsh")) + 1);
    EXPECT_TRUE(tip.contains(QStringLiteral("Speaker")));
    EXPECT_TRUE(tip.contains(QStringLiteral("2 mentions")));
    EXPECT_TRUE(tip.contains(QStringLiteral("We will keep the ships moving,")));
    EXPECT_TRUE(m_window->describe(Article.indexOf(QStringLiteral("Turkey"))).isEmpty());
    EXPECT_TRUE(m_window->describe(Article.indexOf(QStringLiteral("ships"))).contains(QStringLiteral("said by Elena Marsh")));
}

TEST_F(CorrectionTest, CtrlNumberTagsEveryOccurrenceAndShiftDeleteRemovesThemInOneStep)
{
    writeSidecar({mention(Types::Event, QStringLiteral("talks"), Status::Suggested, 1)});
    open();
    cursorAt(QStringLiteral("Marsh"), 1); // the first "Marsh", untagged
    key(Qt::Key_1, Qt::ControlModifier);
    const auto speakers = ofType(Types::Speaker, Status::Accepted);
    ASSERT_EQ(speakers.size(), 2);
    EXPECT_EQ(speakers.at(0).text, QStringLiteral("Marsh"));
    EXPECT_EQ(speakers.at(1).start, Article.lastIndexOf(QStringLiteral("Marsh")));

    // Retagging all: the suggested "talks" event and the untagged heading one.
    cursorAt(QStringLiteral("talks"), 1);
    key(Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Event, Status::Accepted).size(), 2);
    EXPECT_TRUE(ofType(Types::Event, Status::Suggested).isEmpty());

    cursorAt(QStringLiteral("Marsh"), 1);
    key(Qt::Key_Delete, Qt::ShiftModifier);
    EXPECT_TRUE(ofType(Types::Speaker, Status::Accepted).isEmpty());
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Speaker, Status::Accepted).size(), 2);
}

TEST_F(CorrectionTest, AChangeOfTheArticleOnDiskIsNoticedAndTheAnnotationsFollowTheText)
{
    writeSidecar({mention(Types::Country, QStringLiteral("Egypt"))});
    open();
    cursorAt(QStringLiteral("Turkey"), 1);
    key(Qt::Key_2); // unsaved
    m_answer = QMessageBox::Yes;
    const QString inserted = QStringLiteral("Update: a new paragraph before the story.\n\n");
    writeAll(m_article, (inserted + Article).toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(m_prompts.size(), 1, 5000);
    EXPECT_TRUE(m_prompts.first().contains(QStringLiteral("grain.md")));
    QTRY_VERIFY(m_window->document().text().startsWith(QStringLiteral("Update:")));
    const auto countries = ofType(Types::Country, Status::Accepted);
    ASSERT_EQ(countries.size(), 2);
    for (const Annotation &c : countries)
        EXPECT_EQ(m_window->document().slice(c.start, c.end), c.text);
    EXPECT_TRUE(m_window->isWindowModified()); // the Turkey tag is still unsaved

    // Our own save is not taken for a change by another program.
    ASSERT_TRUE(m_window->save());
    QTest::qWait(600);
    EXPECT_EQ(m_prompts.size(), 1);
}

TEST(EndToEnd, TheSampleArticleCorrectedFromTheKeyboardReopensInExactlyTheCorrectedState)
{
    Settings().setAnnotateNewArticles(true);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("sample-article.md"));
    const QByteArray sample = readAll(QStringLiteral(ANNOTATOR_SOURCE_DIR "/resources/sample/sample-article.md"));
    ASSERT_FALSE(sample.isEmpty());
    writeAll(article, sample);
    const QString text = QString::fromUtf8(sample);

    QList<Annotation> corrected;
    {
        MainWindow window;
        window.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
        ASSERT_TRUE(window.openFile(article));
        window.waitUntilIdle();
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        ArticleView *view = window.view();
        view->setFocus();
        auto press = [view](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(view, k, m); };

        // Walk the suggestions: accept the first, reject the second.
        view->moveCursorTo(0);
        press(Qt::Key_N);
        press(Qt::Key_A);
        press(Qt::Key_R);
        // Tag a word by moving to it with the keyboard and pressing 3.
        view->moveCursorTo(0);
        const qsizetype round = text.indexOf(QStringLiteral("third round"));
        ASSERT_GT(round, 0);
        for (int i = 0; i < 20 && view->cursorOffset() < round; ++i)
            press(Qt::Key_Down);
        while (view->cursorOffset() < round + 6)
            press(Qt::Key_Right);
        while (view->cursorOffset() > round + 6)
            press(Qt::Key_Left);
        EXPECT_EQ(view->cursorOffset(), round + 6);
        press(Qt::Key_3); // "round"
        // A selection by Shift+arrows that stops inside the last word,
        // tagged as a speaker: it snaps to the whole name.
        const qsizetype front = text.indexOf(QStringLiteral("Andean People's Front"));
        view->moveCursorTo(front);
        for (int i = 0; i < 19; ++i)
            press(Qt::Key_Right, Qt::ShiftModifier);
        press(Qt::Key_1);
        // Delete the first annotation found after "Haugland".
        view->moveCursorTo(text.indexOf(QStringLiteral("Norway")));
        press(Qt::Key_Delete);
        press(Qt::Key_S, Qt::ControlModifier);
        EXPECT_FALSE(window.isWindowModified());
        corrected = window.annotations()->annotations();

        bool hasRound = false, hasFront = false, hasNorway = false;
        for (const Annotation &a : corrected) {
            // "round" itself, or a suggestion around it that the key retyped.
            hasRound = hasRound || (a.type == Types::Event && a.start <= round + 6 && round + 6 < a.end && a.status == Status::Accepted);
            hasFront = hasFront || (a.type == Types::Speaker && a.text == QStringLiteral("Andean People's Front") && a.status == Status::Accepted);
            hasNorway = hasNorway || (a.start == text.indexOf(QStringLiteral("Norway")) && a.status != Status::Rejected && a.type == Types::Country);
        }
        EXPECT_TRUE(hasRound);
        EXPECT_TRUE(hasFront);
        EXPECT_FALSE(hasNorway);
    }
    MainWindow reopened;
    reopened.setPrompter([](QMessageBox::Icon, const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Ok; });
    ASSERT_TRUE(reopened.openFile(article));
    reopened.waitUntilIdle();
    EXPECT_FALSE(reopened.isWindowModified());
    EXPECT_EQ(reopened.annotations()->annotations(), corrected);
}

TEST_F(CorrectionTest, LKeyAttributesAQuoteToASpeakerAndLinksAMentionToAnEntity)
{
    Annotation quote = mention(Types::Quote, QStringLiteral("We will keep the ships moving,"));
    quote.saidBy.clear();
    Annotation marsh = mention(Types::Speaker, QStringLiteral("Marsh"), Status::Accepted, 1);
    marsh.entity.clear();
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh")), quote, marsh});
    open();
    QStringList offered;
    m_window->setChooser([&offered](const QString &, const QList<QPair<QString, QString>> &items) {
        for (const auto &item : items)
            offered.append(item.first);
        return items.isEmpty() ? QString() : items.first().second;
    });
    cursorAt(QStringLiteral("ships"));
    key(Qt::Key_L);
    ASSERT_EQ(offered.size(), 1);
    EXPECT_TRUE(offered.first().startsWith(QStringLiteral("Elena Marsh")));
    EXPECT_EQ(ofType(Types::Quote, Status::Accepted).value(0).saidBy, QStringLiteral("e1"));

    m_window->view()->moveCursorTo(Article.lastIndexOf(QStringLiteral("Marsh")) + 1);
    key(Qt::Key_L);
    EXPECT_EQ(m_window->annotations()->mentionsOf(QStringLiteral("e1")).size(), 2);
    // The panel now counts the quote for the speaker.
    m_window->entityPanel()->refresh();
    EXPECT_EQ(m_window->entityPanel()->tree()->topLevelItem(0)->child(0)->text(2), QStringLiteral("1"));

    // Shift+L splits the mention off again; undo joins it back.
    key(Qt::Key_L, Qt::ShiftModifier);
    EXPECT_EQ(m_window->annotations()->mentionsOf(QStringLiteral("e1")).size(), 1);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window->annotations()->mentionsOf(QStringLiteral("e1")).size(), 2);
}

TEST_F(CorrectionTest, MergingTwoSpeakersMovesTheirMentionsAndQuotesInOneUndoableStep)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh")), mention(Types::Quote, QStringLiteral("We will keep the ships moving,"))});
    open();
    cursorAt(QStringLiteral("Marsh added"));
    key(Qt::Key_1);
    const auto marsh = m_window->annotations()->annotationsIn(Article.lastIndexOf(QStringLiteral("Marsh")), Article.lastIndexOf(QStringLiteral("Marsh")) + 1);
    ASSERT_EQ(marsh.size(), 1);
    m_window->view()->moveCursorTo(marsh.first().start);
    key(Qt::Key_L, Qt::ShiftModifier); // its own speaker
    const QString other = m_window->annotations()->annotation(marsh.first().id)->entity;
    ASSERT_FALSE(other.isEmpty());
    ASSERT_NE(other, QStringLiteral("e1"));
    m_window->entityPanel()->refresh();
    EXPECT_EQ(m_window->entityPanel()->tree()->topLevelItem(0)->childCount(), 2);

    m_window->mergeEntities(other, QStringLiteral("e1"));
    EXPECT_EQ(m_window->annotations()->entity(QStringLiteral("e1")), nullptr);
    EXPECT_EQ(m_window->annotations()->mentionsOf(other).size(), 2);
    EXPECT_EQ(m_window->annotations()->quotesOf(other).size(), 1);
    m_window->entityPanel()->refresh();
    EXPECT_EQ(m_window->entityPanel()->tree()->topLevelItem(0)->childCount(), 1);

    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_NE(m_window->annotations()->entity(QStringLiteral("e1")), nullptr);
    EXPECT_EQ(m_window->annotations()->quotesOf(QStringLiteral("e1")).size(), 1);
}

TEST_F(CorrectionTest, CtrlFFindsTextAndTheHitCanBeTaggedWithAKey)
{
    open();
    key(Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = m_window->findBar();
    ASSERT_TRUE(bar->isVisible());
    QTRY_VERIFY(bar->field()->hasFocus());
    QTest::keyClicks(bar->field(), QStringLiteral("TALKS"));
    EXPECT_EQ(bar->hitCount(), 2);
    const qsizetype first = Article.indexOf(QStringLiteral("talks"));
    const qsizetype second = Article.indexOf(QStringLiteral("talks"), first + 1);
    EXPECT_EQ(m_window->view()->selectionStart(), first);
    QTest::keyClick(bar->field(), Qt::Key_Return);
    EXPECT_EQ(m_window->view()->selectionStart(), second);
    QTest::keyClick(bar->field(), Qt::Key_Escape);
    EXPECT_FALSE(bar->isVisible());
    EXPECT_TRUE(m_window->view()->hasFocus());
    key(Qt::Key_3);
    const auto events = ofType(Types::Event, Status::Accepted);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().start, second);

    // "Tag all hits" tags the rest of them too.
    bar->activate();
    Q_EMIT bar->tagAllRequested(Types::Event);
    EXPECT_EQ(ofType(Types::Event, Status::Accepted).size(), 2);
}

TEST_F(CorrectionTest, TheStatisticsCountMentionsPerSpeakerAndPerCountryMostFirst)
{
    Annotation malta = mention(Types::Country, QStringLiteral("Maltese"));
    malta.attributes.insert(Attr::Code, QStringLiteral("MT"));
    writeSidecar({mention(Types::Speaker, QStringLiteral("Elena Marsh")), mention(Types::Speaker, QStringLiteral("Marsh"), Status::Accepted, 1),
                  malta, mention(Types::Country, QStringLiteral("Turkey")), mention(Types::Country, QStringLiteral("Egypt"), Status::Rejected)});
    open();
    const auto speakers = StatisticsView::speakerCounts(*m_window->annotations());
    ASSERT_EQ(speakers.size(), 1);
    EXPECT_EQ(speakers.first(), (QPair<QString, int>(QStringLiteral("Elena Marsh"), 2)));
    const auto countries = StatisticsView::countryCounts(*m_window->annotations());
    ASSERT_EQ(countries.size(), 2); // the rejected Egypt does not count
    EXPECT_EQ(countries.at(0).first, QStringLiteral("Malta"));
    m_window->showStatistics(); // builds the charts without trouble
}

TEST_F(CorrectionTest, SuggestionsWithTheSameTextAreAcceptedTogether)
{
    writeSidecar({mention(Types::Speaker, QStringLiteral("Marsh"), Status::Suggested, 0),
                  mention(Types::Speaker, QStringLiteral("Marsh"), Status::Suggested, 1),
                  mention(Types::Country, QStringLiteral("Egypt"), Status::Suggested)});
    open();
    cursorAt(QStringLiteral("Marsh"), 1);
    key(Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_EQ(ofType(Types::Speaker, Status::Accepted).size(), 2);
    EXPECT_EQ(ofType(Types::Country, Status::Suggested).size(), 1);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ofType(Types::Speaker, Status::Suggested).size(), 2);
}
