// The personal lexicon from the window: corrections made in one article
// change what the recognisers suggest in the next, the lexicon can be
// switched off, and its entries edited and deleted in their dialog.
#include "articleview.h"
#include "mainwindow.h"
#include "personallexicondialog.h"
#include "recognition/personallexicon.h"
#include "settings.h"
#include "testsupport.h"
#include "windowtest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace annotator;
using namespace annotator::test;

namespace {

// Original texts written for these tests; both name Georgia and Acme Holdings.
const QString ArticleA = QStringLiteral(
    "# Storm update\n\n"
    "Officials in Georgia said on Monday that the storm had passed.\n\n"
    "\"We are safe now,\" said Tomas Ferreira. The repairs were paid for by Acme Holdings.\n");
const QString ArticleB = QStringLiteral(
    "# Rain\n\n"
    "Georgia reported heavy rain on Tuesday, officials said.\n\n"
    "Acme Holdings did not reply to questions.\n");

class PersonalLexiconTest : public WindowTest
{
protected:
    void SetUp() override
    {
        Settings().setPersonalLexiconEnabled(true); // read when the window is made
        setUpArticle(QStringLiteral("a.md"), ArticleA);
        m_answer = QMessageBox::Discard;
        Settings().setAnnotateNewArticles(true); // the recognisers are what the lexicon corrects
        m_a = m_article;
        m_b = m_dir.filePath(QStringLiteral("b.md"));
        writeAll(m_b, ArticleB.toUtf8());
    }
    void TearDown() override { Settings().setPersonalLexiconEnabled(true); }

    std::optional<Annotation> find(const QString &type, const QString &text, std::optional<Status> status = std::nullopt) const
    {
        for (const Annotation &a : m_window->annotations()->annotations()) {
            if (a.type == type && a.text == text && (!status || a.status == *status))
                return a;
        }
        return std::nullopt;
    }

    /// The row of the lexicon window's table that shows @p text (-1 if none).
    static int rowOf(const QTableWidget *table, const QString &text)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, PersonalLexiconDialog::TextColumn)->text() == text)
                return r;
        }
        return -1;
    }

    QString m_a, m_b;
};

} // namespace

TEST_F(PersonalLexiconTest, RejectedCountryIsNotSuggestedInTheNextArticleUntilSwitchedOff)
{
    open(m_b);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested)) << "the recognisers suggest it on their own";

    open(m_a);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested));
    select(QStringLiteral("Georgia"));
    QTest::keyClick(m_window->view(), Qt::Key_R);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Rejected));
    EXPECT_TRUE(m_window->personalLexicon().isRejected(Types::Country, u"Georgia"));
    // Remembered on disk, for the next session.
    PersonalLexicon onDisk;
    QString error;
    ASSERT_TRUE(onDisk.load(PersonalLexicon::defaultPath(), &error)) << error.toStdString();
    EXPECT_TRUE(onDisk.isRejected(Types::Country, u"Georgia"));
    ASSERT_TRUE(m_window->save());

    open(m_b);
    EXPECT_FALSE(find(Types::Country, QStringLiteral("Georgia")));

    // Switched off from the menu: suggested again, and the choice is kept.
    QAction *toggle = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("&Use Personal Lexicon"))
            toggle = a;
    }
    ASSERT_TRUE(toggle);
    EXPECT_TRUE(toggle->isChecked());
    toggle->trigger();
    m_window->waitUntilIdle();
    EXPECT_FALSE(m_window->isPersonalLexiconEnabled());
    EXPECT_FALSE(Settings().personalLexiconEnabled());
    EXPECT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested));

    // A new window (the next session) keeps it off.
    newWindow();
    EXPECT_FALSE(m_window->isPersonalLexiconEnabled());
}

TEST_F(PersonalLexiconTest, TaggedSpeakerIsSuggestedInTheNextArticle)
{
    open(m_b);
    ASSERT_FALSE(find(Types::Speaker, QStringLiteral("Acme Holdings")));
    open(m_a);
    ASSERT_FALSE(find(Types::Speaker, QStringLiteral("Acme Holdings")));
    select(QStringLiteral("Acme Holdings"));
    QTest::keyClick(m_window->view(), Qt::Key_1);
    ASSERT_TRUE(find(Types::Speaker, QStringLiteral("Acme Holdings"), Status::Accepted));
    ASSERT_TRUE(m_window->personalLexicon().find(Types::Speaker, u"Acme Holdings"));
    // Undo takes the lesson back, redo teaches it again.
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FALSE(m_window->personalLexicon().find(Types::Speaker, u"Acme Holdings"));
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(m_window->personalLexicon().find(Types::Speaker, u"Acme Holdings"));
    ASSERT_TRUE(m_window->save());

    // Another window, as after a restart: read from the data folder.
    newWindow();
    open(m_b);
    const auto acme = find(Types::Speaker, QStringLiteral("Acme Holdings"), Status::Suggested);
    ASSERT_TRUE(acme);
    EXPECT_FALSE(acme->entity.isEmpty());
}

TEST_F(PersonalLexiconTest, DialogFiltersEditsDeletesAndSwitchesOff)
{
    PersonalLexicon &lex = m_window->personalLexicon();
    lex.set({Types::Country, QStringLiteral("Georgia"), PersonalLexicon::Decision::Never, {}});
    lex.set({Types::Country, QStringLiteral("Hermit Kingdom"), PersonalLexicon::Decision::Always, QStringLiteral("KP")});
    lex.set({Types::Speaker, QStringLiteral("Acme Holdings"), PersonalLexicon::Decision::Always, {}});
    open(m_b);
    ASSERT_FALSE(find(Types::Country, QStringLiteral("Georgia")));

    // Ctrl+Shift+L opens it.
    QTest::keyClick(m_window->view(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = m_window->findChild<PersonalLexiconDialog *>();
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(dialog->isVisible());
    QTableWidget *table = dialog->table();
    ASSERT_EQ(table->rowCount(), 3);
    auto visibleRows = [&] {
        QStringList texts;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (!table->isRowHidden(r))
                texts.append(table->item(r, PersonalLexiconDialog::TextColumn)->text());
        }
        return texts;
    };

    // Filtering narrows the table.
    QTest::keyClicks(dialog->filter(), QStringLiteral("kingdom"));
    EXPECT_EQ(visibleRows(), QStringList{QStringLiteral("Hermit Kingdom")});
    dialog->filter()->clear();
    EXPECT_EQ(visibleRows().size(), 3);

    // Editing the text of an entry by typing into its cell.
    int acmeRow = rowOf(table, QStringLiteral("Acme Holdings"));
    ASSERT_GE(acmeRow, 0);
    table->setFocus();
    table->setCurrentCell(acmeRow, PersonalLexiconDialog::TextColumn);
    // Double-clicking the cell opens its editor.
    const QRect cell = table->visualItemRect(table->item(acmeRow, PersonalLexiconDialog::TextColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    auto *editor = table->viewport()->findChild<QLineEdit *>();
    ASSERT_TRUE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Acme  Group"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    EXPECT_FALSE(lex.find(Types::Speaker, u"Acme Holdings"));
    ASSERT_TRUE(lex.find(Types::Speaker, u"acme group"));
    EXPECT_EQ(lex.find(Types::Speaker, u"acme group")->text, QStringLiteral("Acme Group"));

    // Deleting the rejection of Georgia with the Delete key.
    int georgiaRow = rowOf(table, QStringLiteral("Georgia"));
    ASSERT_GE(georgiaRow, 0);
    table->setFocus();
    table->selectRow(georgiaRow);
    // Return is not Delete: the entry stays (the Delete button is not the default).
    EXPECT_FALSE(dialog->deleteButton()->isDefault() || dialog->deleteButton()->autoDefault());
    QTest::keyClick(table, Qt::Key_Return);
    EXPECT_TRUE(lex.find(Types::Country, u"Georgia"));
    if (!dialog->isVisible()) { // Return may close it, as Close is the default
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        dialog = m_window->showPersonalLexicon();
        ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    }
    table = dialog->table();
    ASSERT_EQ(table->rowCount(), 3);
    georgiaRow = rowOf(table, QStringLiteral("Georgia"));
    ASSERT_GE(georgiaRow, 0);
    table->setFocus();
    table->selectRow(georgiaRow);
    QTest::keyClick(table, Qt::Key_Delete);
    EXPECT_FALSE(lex.find(Types::Country, u"Georgia"));
    EXPECT_EQ(table->rowCount(), 2);
    // The edits are saved.
    PersonalLexicon onDisk;
    QString error;
    ASSERT_TRUE(onDisk.load(PersonalLexicon::defaultPath(), &error)) << error.toStdString();
    EXPECT_EQ(onDisk.entries(), lex.entries());

    // The Delete button removes the selected entry too.
    table->selectRow(0);
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    EXPECT_EQ(lex.size(), 1);

    // The checkbox switches the lexicon off for the window.
    QTest::mouseClick(dialog->enabledBox(), Qt::LeftButton, {}, QPoint(8, dialog->enabledBox()->height() / 2));
    EXPECT_FALSE(m_window->isPersonalLexiconEnabled());
    dialog->close();
}

TEST_F(PersonalLexiconTest, UndoInTheArticleLeavesWhatTheUserSetInTheDialog)
{
    open(m_a);
    select(QStringLiteral("Acme Holdings"));
    QTest::keyClick(m_window->view(), Qt::Key_1);
    select(QStringLiteral("Georgia"));
    QTest::keyClick(m_window->view(), Qt::Key_R);
    PersonalLexicon &lex = m_window->personalLexicon();
    ASSERT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Always);
    ASSERT_TRUE(lex.isRejected(Types::Country, u"Georgia"));

    QTest::keyClick(m_window->view(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = m_window->findChild<PersonalLexiconDialog *>();
    ASSERT_TRUE(dialog);
    QTableWidget *table = dialog->table();
    // Acme: "never", then "always" again, from the keyboard.
    auto *decision = qobject_cast<QComboBox *>(table->cellWidget(rowOf(table, QStringLiteral("Acme Holdings")), PersonalLexiconDialog::DecisionColumn));
    ASSERT_TRUE(decision);
    decision->setFocus();
    QTest::keyClick(decision, Qt::Key_Down);
    ASSERT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Never);
    QCoreApplication::processEvents(); // the table is rebuilt
    decision = qobject_cast<QComboBox *>(table->cellWidget(rowOf(table, QStringLiteral("Acme Holdings")), PersonalLexiconDialog::DecisionColumn));
    decision->setFocus();
    QTest::keyClick(decision, Qt::Key_Up);
    ASSERT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Always);
    QCoreApplication::processEvents();
    // Georgia: the rejection deleted.
    table->setFocus();
    table->selectRow(rowOf(table, QStringLiteral("Georgia")));
    QTest::keyClick(table, Qt::Key_Delete);
    ASSERT_FALSE(lex.find(Types::Country, u"Georgia"));
    dialog->close();

    // Back in the article, both steps undone and redone.
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_FALSE(find(Types::Speaker, QStringLiteral("Acme Holdings"))) << "the tag was undone";
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested)) << "the rejection was undone";
    ASSERT_TRUE(lex.find(Types::Speaker, u"Acme Holdings")) << "undo took back what the user set in the dialog";
    EXPECT_EQ(lex.find(Types::Speaker, u"Acme Holdings")->decision, PersonalLexicon::Decision::Always);
    EXPECT_FALSE(lex.find(Types::Country, u"Georgia"));
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(lex.find(Types::Country, u"Georgia")) << "redo taught again what the user deleted";
    // And so on disk.
    PersonalLexicon onDisk;
    QString error;
    ASSERT_TRUE(onDisk.load(PersonalLexicon::defaultPath(), &error)) << error.toStdString();
    EXPECT_EQ(onDisk.entries(), lex.entries());
}

TEST_F(PersonalLexiconTest, BrokenFileIsNamedAndLeftAlone)
{
    const QString path = PersonalLexicon::defaultPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray broken("{\"format\": \"article-annotator personal lexicon\", \"version\": 1, \"entries\": [");
    writeAll(path, broken);
    newWindow();
    open(m_a);
    const auto georgia = find(Types::Country, QStringLiteral("Georgia"), Status::Suggested);
    ASSERT_TRUE(georgia);
    select(QStringLiteral("Georgia"));
    QTest::keyClick(m_window->view(), Qt::Key_R);
    EXPECT_EQ(readAll(path), broken);
    PersonalLexiconDialog *dialog = m_window->showPersonalLexicon();
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problem"));
    ASSERT_TRUE(problem);
    EXPECT_TRUE(problem->text().contains(QDir::toNativeSeparators(path)));
    dialog->close();
}

TEST_F(PersonalLexiconTest, RejectingAWholeTypeTeachesNothingButTheSameTextDoes)
{
    open(m_a);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested));
    m_window->setStatusOfAll(Types::Country, Status::Rejected);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Rejected));
    EXPECT_TRUE(m_window->personalLexicon().isEmpty());
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Suggested));
    // Ctrl+Alt+R: every suggestion with this text.
    select(QStringLiteral("Georgia"));
    QTest::keyClick(m_window->view(), Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
    ASSERT_TRUE(find(Types::Country, QStringLiteral("Georgia"), Status::Rejected));
    EXPECT_TRUE(m_window->personalLexicon().isRejected(Types::Country, u"Georgia"));
}
