// The user's own annotation types and mouse linking, driven as a user does:
// the types dialog from the keyboard, tagging by key and context menu,
// hiding, saving and reopening, undo; Alt+drag from a quote to a speaker.
#include "annotationstyle.h"
#include "annotationtypesdialog.h"
#include "articleview.h"
#include "entitypanel.h"
#include "legendwidget.h"
#include "mainwindow.h"
#include "quotelist.h"
#include "recognition/personallexicon.h"
#include "annotationhighlighter.h"
#include "settings.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"
#include "windowtest.h"

#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cmath>
#include <functional>
#include <memory>

using namespace annotator;
using namespace annotator::test;

namespace {

// Original text written for these tests.
const QString Article = QStringLiteral(
    "# Harbour levy\n\n"
    "\"The levy will fall by 12 percent,\" said Tom Reyes, the port director. Brazil welcomed it.\n\n"
    "Reyes added that the cut starts in March.\n");

class UserTypesTest : public WindowTest
{
protected:
    void SetUp() override
    {
        setUpArticle(QStringLiteral("levy.md"), Article);
        m_answer = QMessageBox::Discard;
    }

    /// Runs @p steps on the types dialog once Ctrl+T has opened it.
    void withTypesDialog(const std::function<void(AnnotationTypesDialog *)> &steps)
    {
        bool ran = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<AnnotationTypesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            steps(dialog);
            ran = true;
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        key(Qt::Key_T, Qt::ControlModifier);
        ASSERT_TRUE(ran) << "Ctrl+T did not open the annotation types dialog";
    }

    /// Adds a type by typing into the dialog's fields and pressing Return.
    static void typeIn(AnnotationTypesDialog *d, const QString &name, const QString &key)
    {
        d->nameEdit()->clear();
        d->keyEdit()->clear();
        QTest::keyClicks(d->nameEdit(), name);
        QTest::keyClick(d->nameEdit(), Qt::Key_Tab);
        QTest::keyClicks(d->keyEdit(), key);
        QTest::keyClick(d->keyEdit(), Qt::Key_Return);
    }

    QAction *menuAction(const QString &text) const
    {
        for (QAction *a : m_window->findChildren<QAction *>()) {
            QString t = a->text();
            t.remove(u'&');
            if (t == text)
                return a;
        }
        return nullptr;
    }

    QPoint pointOf(qint64 offset) const
    {
        QTextCursor c(m_window->view()->document());
        c.setPosition(int(m_window->view()->positions().toView(offset)));
        const QRect r = m_window->view()->cursorRect(c);
        return QPoint(r.left() + 3, r.center().y());
    }

};

} // namespace

TEST_F(UserTypesTest, ATypeAddedFromTheDialogTagsByItsKeyAndShowsEverywhere)
{
    open();
    withTypesDialog([&](AnnotationTypesDialog *d) {
        // Names that clash are refused with a reason, and nothing is added.
        typeIn(d, QStringLiteral("Quote"), QStringLiteral("5"));
        EXPECT_TRUE(d->message().contains(QStringLiteral("built-in"))) << d->message().toStdString();
        typeIn(d, QStringLiteral("Figure"), QStringLiteral("a")); // A accepts suggestions
        EXPECT_TRUE(d->message().contains(QStringLiteral("command"))) << d->message().toStdString();
        typeIn(d, QString(), QStringLiteral("5"));
        EXPECT_TRUE(d->message().contains(QStringLiteral("name"))) << d->message().toStdString();
        EXPECT_TRUE(m_window->annotations()->userTypes().isEmpty());
        typeIn(d, QStringLiteral("Figure"), QStringLiteral("5"));
        EXPECT_EQ(d->list()->count(), 1);
        typeIn(d, QStringLiteral("figure"), QStringLiteral("6"));
        EXPECT_TRUE(d->message().contains(QStringLiteral("already"))) << d->message().toStdString();
        typeIn(d, QStringLiteral("Claim"), QStringLiteral("c"));
        EXPECT_EQ(d->list()->count(), 2);
    });
    const auto &types = m_window->annotations()->userTypes();
    ASSERT_EQ(types.size(), 2);
    EXPECT_EQ(types.at(0).name, QStringLiteral("Figure"));
    EXPECT_NE(types.at(0).color, types.at(1).color); // each gets a colour of its own
    EXPECT_EQ(types.at(1).key, QStringLiteral("C"));

    // Select and press the type's key.
    select(QStringLiteral("12 percent"));
    key(Qt::Key_5);
    const auto figures = m_window->annotations()->ofType(QStringLiteral("Figure"));
    ASSERT_EQ(figures.size(), 1);
    EXPECT_EQ(figures.first().text, QStringLiteral("12 percent"));

    // The legend names it, the entity panel lists it.
    bool inLegend = false;
    for (const QLabel *l : m_window->findChildren<LegendWidget *>().value(0)->findChildren<QLabel *>())
        inLegend = inLegend || l->text().contains(QStringLiteral("Figure"));
    EXPECT_TRUE(inLegend);
    m_window->entityPanel()->refresh();
    const QList<QTreeWidgetItem *> groups = m_window->entityPanel()->tree()->findItems(QStringLiteral("Figure (1)"), Qt::MatchExactly);
    ASSERT_EQ(groups.size(), 1);
    EXPECT_EQ(groups.first()->child(0)->text(0), QStringLiteral("12 percent"));
    // The panel's filter narrows it like any other row.
    QTest::keyClicks(m_window->entityPanel()->filter(), QStringLiteral("percent"));
    EXPECT_FALSE(groups.first()->child(0)->isHidden());
    m_window->entityPanel()->filter()->clear();
    QTest::keyClicks(m_window->entityPanel()->filter(), QStringLiteral("Brazil"));
    EXPECT_TRUE(m_window->entityPanel()->tree()->findItems(QStringLiteral("Figure (1)"), Qt::MatchExactly).first()->child(0)->isHidden());
    m_window->entityPanel()->filter()->clear();

    // Hidden from the View menu like a built-in type.
    QAction *show = menuAction(QStringLiteral("Show Figure Annotations"));
    ASSERT_NE(show, nullptr);
    show->trigger();
    EXPECT_TRUE(m_window->view()->highlighter()->hiddenTypes().contains(QStringLiteral("Figure")));
    show->trigger();
    EXPECT_FALSE(m_window->view()->highlighter()->hiddenTypes().contains(QStringLiteral("Figure")));

    // The context menu offers it too.
    select(QStringLiteral("Brazil"));
    bool offered = false;
    QTimer::singleShot(0, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("Tag as Claim")) {
                offered = true;
                menu->close();
                a->trigger();
                return;
            }
        }
        menu->close();
    });
    Q_EMIT m_window->view()->customContextMenuRequested(pointOf(Article.indexOf(QStringLiteral("Brazil")) + 1));
    EXPECT_TRUE(offered);
    ASSERT_EQ(m_window->annotations()->ofType(QStringLiteral("Claim")).size(), 1);
    EXPECT_EQ(m_window->annotations()->ofType(QStringLiteral("Claim")).first().text, QStringLiteral("Brazil"));
}

TEST_F(UserTypesTest, TypesAreSavedWithTheAnnotationsAndComeBackOnReopen)
{
    open();
    withTypesDialog([&](AnnotationTypesDialog *d) { typeIn(d, QStringLiteral("Figure"), QStringLiteral("7")); });
    select(QStringLiteral("12 percent"));
    key(Qt::Key_7);
    key(Qt::Key_S, Qt::ControlModifier);
    EXPECT_FALSE(m_window->isWindowModified());
    const QByteArray sidecar = readAll(SidecarStore::sidecarPath(m_article));
    EXPECT_TRUE(sidecar.contains("\"name\": \"Figure\"")) << sidecar.toStdString();
    const QString color = m_window->annotations()->userTypes().value(0).color;

    newWindow();
    open();
    ASSERT_EQ(m_window->annotations()->userTypes().size(), 1);
    EXPECT_EQ(m_window->annotations()->userTypes().first().color, color);
    EXPECT_EQ(m_window->annotations()->ofType(QStringLiteral("Figure")).size(), 1);
    // Its key works again without visiting the dialog.
    select(QStringLiteral("March"));
    key(Qt::Key_7);
    EXPECT_EQ(m_window->annotations()->ofType(QStringLiteral("Figure")).size(), 2);
}

TEST_F(UserTypesTest, AddingAndRemovingATypeIsUndone)
{
    open();
    withTypesDialog([&](AnnotationTypesDialog *d) { typeIn(d, QStringLiteral("Figure"), QStringLiteral("5")); });
    select(QStringLiteral("12 percent"));
    key(Qt::Key_5);
    withTypesDialog([&](AnnotationTypesDialog *d) {
        d->list()->setCurrentRow(0);
        QTest::mouseClick(d->removeButton(), Qt::LeftButton);
        EXPECT_EQ(d->list()->count(), 0);
        EXPECT_TRUE(d->message().contains(QStringLiteral("Undo"))) << d->message().toStdString();
    });
    EXPECT_TRUE(m_window->annotations()->userTypes().isEmpty());
    EXPECT_EQ(m_window->annotations()->size(), 0);
    EXPECT_EQ(menuAction(QStringLiteral("Tag as Figure")), nullptr);
    key(Qt::Key_Z, Qt::ControlModifier); // type and annotation come back together
    EXPECT_EQ(m_window->annotations()->userTypes().size(), 1);
    EXPECT_EQ(m_window->annotations()->ofType(QStringLiteral("Figure")).size(), 1);
    ASSERT_NE(menuAction(QStringLiteral("Tag as Figure")), nullptr);
    key(Qt::Key_Z, Qt::ControlModifier);
    key(Qt::Key_Z, Qt::ControlModifier); // the adding itself
    EXPECT_TRUE(m_window->annotations()->userTypes().isEmpty());
    EXPECT_EQ(menuAction(QStringLiteral("Tag as Figure")), nullptr);
    EXPECT_FALSE(m_window->isWindowModified());
    // The key does nothing now.
    select(QStringLiteral("12 percent"));
    key(Qt::Key_5);
    EXPECT_EQ(m_window->annotations()->size(), 0);
}

namespace {

/// The entries of the Annotate menu's submenu @p title, without '&'.
QStringList entriesOf(QMenu *menu)
{
    QStringList out;
    for (const QAction *a : menu->actions()) {
        QString t = a->isSeparator() ? QStringLiteral("--") : a->text();
        out.append(t.remove(u'&'));
    }
    return out;
}

QMenu *annotateSubmenu(MainWindow &window, const QString &title)
{
    for (QMenu *m : window.menuBar()->findChildren<QMenu *>()) {
        if (m->title() == title)
            return m;
    }
    return nullptr;
}

/// Opens @p menu and picks its entry @p text with the arrow keys and Return.
void pickEntry(QMenu *menu, const QString &text)
{
    menu->popup(QPoint(10, 10));
    ASSERT_TRUE(QTest::qWaitForWindowExposed(menu));
    for (int i = 0; i < menu->actions().size() && (!menu->activeAction() || menu->activeAction()->text() != text); ++i)
        QTest::keyClick(menu, Qt::Key_Down);
    ASSERT_TRUE(menu->activeAction());
    ASSERT_EQ(menu->activeAction()->text(), text);
    QTest::keyClick(menu, Qt::Key_Return);
    EXPECT_FALSE(menu->isVisible());
}

} // namespace

TEST_F(UserTypesTest, AcceptAndRejectAllSuggestedListTheUsersTypesAsTheyComeAndGo)
{
    Settings().setPersonalLexiconEnabled(true);
    open();
    QMenu *acceptAll = annotateSubmenu(*m_window, QStringLiteral("Accept All Suggested"));
    QMenu *rejectAll = annotateSubmenu(*m_window, QStringLiteral("Reject All Suggested"));
    ASSERT_TRUE(acceptAll && rejectAll);
    const QStringList builtIn = {QStringLiteral("Speaker Suggestions"), QStringLiteral("Country Suggestions"),
                                 QStringLiteral("Event Suggestions"), QStringLiteral("Quote Suggestions"), QStringLiteral("--"),
                                 QStringLiteral("All Suggestions")};
    EXPECT_EQ(entriesOf(acceptAll), builtIn);

    withTypesDialog([&](AnnotationTypesDialog *d) {
        typeIn(d, QStringLiteral("Figure"), QStringLiteral("5"));
        typeIn(d, QStringLiteral("Claim"), QStringLiteral("c"));
    });
    QStringList withOwn = builtIn;
    withOwn.insert(4, QStringLiteral("Figure Suggestions"));
    withOwn.insert(5, QStringLiteral("Claim Suggestions"));
    EXPECT_EQ(entriesOf(acceptAll), withOwn);
    EXPECT_EQ(entriesOf(rejectAll), withOwn);

    // The user's own types get suggestions from the personal lexicon.
    m_window->personalLexicon().set({QStringLiteral("Figure"), QStringLiteral("12 percent"), PersonalLexicon::Decision::Always, {}});
    m_window->personalLexicon().set({QStringLiteral("Figure"), QStringLiteral("March"), PersonalLexicon::Decision::Always, {}});
    m_window->personalLexicon().set({QStringLiteral("Claim"), QStringLiteral("Brazil"), PersonalLexicon::Decision::Always, {}});
    m_window->annotateAgain();
    m_window->waitUntilIdle();
    auto statuses = [&](const QString &type) {
        QList<Status> out;
        for (const Annotation &a : m_window->annotations()->ofType(type))
            out.append(a.status);
        return out;
    };
    ASSERT_EQ(statuses(QStringLiteral("Figure")), (QList<Status>{Status::Suggested, Status::Suggested}));
    ASSERT_EQ(statuses(QStringLiteral("Claim")), QList<Status>{Status::Suggested});

    pickEntry(acceptAll, QStringLiteral("Figure Suggestions"));
    EXPECT_EQ(statuses(QStringLiteral("Figure")), (QList<Status>{Status::Accepted, Status::Accepted}));
    EXPECT_EQ(statuses(QStringLiteral("Claim")), QList<Status>{Status::Suggested});
    pickEntry(rejectAll, QStringLiteral("Claim Suggestions"));
    EXPECT_EQ(statuses(QStringLiteral("Claim")), QList<Status>{Status::Rejected});
    // Each is one step.
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(statuses(QStringLiteral("Claim")), QList<Status>{Status::Suggested});
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(statuses(QStringLiteral("Figure")), (QList<Status>{Status::Suggested, Status::Suggested}));

    // A removed type leaves both submenus; undoing the removal brings it back.
    withTypesDialog([&](AnnotationTypesDialog *d) {
        d->list()->setCurrentRow(1);
        QTest::mouseClick(d->removeButton(), Qt::LeftButton);
    });
    ASSERT_EQ(m_window->annotations()->userTypes().size(), 1);
    ASSERT_EQ(m_window->annotations()->userTypes().first().name, QStringLiteral("Figure"));
    withOwn.removeAll(QStringLiteral("Claim Suggestions"));
    EXPECT_EQ(entriesOf(acceptAll), withOwn);
    EXPECT_EQ(entriesOf(rejectAll), withOwn);
    key(Qt::Key_Z, Qt::ControlModifier);
    withOwn.insert(5, QStringLiteral("Claim Suggestions"));
    EXPECT_EQ(entriesOf(rejectAll), withOwn);
}

TEST(UserTypeColours, StayLegibleOnLightAndDarkBackgrounds)
{
    // A pale yellow and a near-black chosen by the user: both kept apart
    // from the background on either theme.
    const QList<AnnotationType> types = {AnnotationType{QStringLiteral("Pale"), QStringLiteral("#ffff99"), QString(), {}},
                                         AnnotationType{QStringLiteral("Dark"), QStringLiteral("#101010"), QString(), {}}};
    auto luminance = [](const QColor &c) {
        auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    auto contrast = [&](const QColor &a, const QColor &b) {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    for (const QColor background : {QColor(Qt::white), QColor(0x23, 0x26, 0x29)}) {
        const AnnotationStyle style(background, types);
        for (const AnnotationType &t : types)
            EXPECT_GE(contrast(style.color(t.name), background), 3.0) << t.name.toStdString() << " on " << background.name().toStdString();
    }
}

TEST_F(UserTypesTest, AltDragFromAQuoteToASpeakerAttributesItAndUndoTakesItBack)
{
    // A quote and two speaker mentions, none linked yet.
    QString error;
    auto doc = Document::load(m_article, &error);
    ASSERT_TRUE(doc);
    AnnotationSet set;
    auto add = [&](const QString &type, const QString &text, int nth = 0) { return set.addAnnotation(mentionOf(type, text, nth)); };
    const QString quote = add(Types::Quote, QStringLiteral("The levy will fall by 12 percent,"));
    const QString tom = add(Types::Speaker, QStringLiteral("Tom Reyes"));
    const QString reyes = add(Types::Speaker, QStringLiteral("Reyes"), 1);
    ASSERT_TRUE(SidecarStore::save(*doc, set, &error));
    open();
    QWidget *viewport = m_window->view()->viewport();

    // Alt+drag from inside the quote to "Tom Reyes".
    const QPoint from = pointOf(Article.indexOf(QStringLiteral("levy will")));
    const QPoint to = pointOf(Article.indexOf(QStringLiteral("Tom Reyes")) + 2);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::AltModifier, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::AltModifier, to);
    const AnnotationSet *s = m_window->annotations();
    const QString speaker = s->annotation(tom)->entity;
    ASSERT_FALSE(speaker.isEmpty());
    EXPECT_EQ(s->annotation(quote)->saidBy, speaker);
    EXPECT_FALSE(m_window->view()->hasSelection()); // a link, not a selection

    // And from the later "Reyes" to "Tom Reyes": the same speaker.
    const QPoint later = pointOf(Article.lastIndexOf(QStringLiteral("Reyes")) + 1);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::AltModifier, later);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::AltModifier, to);
    EXPECT_EQ(s->annotation(reyes)->entity, speaker);

    // Hovering the speaker shows its quote and both mentions.
    const QString tip = m_window->describe(Article.indexOf(QStringLiteral("Tom Reyes")) + 1);
    EXPECT_TRUE(tip.contains(QStringLiteral("2 mentions"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("The levy will fall"))) << tip.toStdString();

    // A quote dropped on plain text links nothing.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::AltModifier, from);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::AltModifier, pointOf(Article.indexOf(QStringLiteral("welcomed"))));
    EXPECT_EQ(s->annotation(quote)->saidBy, speaker);

    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(s->annotation(reyes)->entity.isEmpty());
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(s->annotation(quote)->saidBy.isEmpty());
    EXPECT_TRUE(s->annotation(tom)->entity.isEmpty());
    EXPECT_TRUE(s->entities().isEmpty());
    EXPECT_FALSE(m_window->isWindowModified());
}

TEST_F(UserTypesTest, AQuoteDraggedFromTheQuoteListOntoASpeakerIsAttributedToThem)
{
    QString error;
    auto doc = Document::load(m_article, &error);
    ASSERT_TRUE(doc);
    AnnotationSet set;
    Annotation q;
    q.type = Types::Quote;
    q.text = QStringLiteral("The levy will fall by 12 percent,");
    q.start = Article.indexOf(q.text);
    q.end = q.start + q.text.size();
    const QString quote = set.addAnnotation(q);
    Annotation sp;
    sp.type = Types::Speaker;
    sp.text = QStringLiteral("Reyes");
    sp.start = Article.lastIndexOf(sp.text);
    sp.end = sp.start + sp.text.size();
    const QString reyes = set.addAnnotation(sp);
    ASSERT_TRUE(SidecarStore::save(*doc, set, &error));
    open();
    m_window->quoteList()->refresh();

    QTreeView *tree = m_window->quoteList()->tree();
    ASSERT_EQ(tree->model()->rowCount(), 1);
    EXPECT_EQ(tree->model()->index(0, 0).data().toString(), QStringLiteral("(unattributed)"));
    // What the list hands to a drag, dropped where "Reyes" is drawn.
    std::unique_ptr<QMimeData> mime(tree->model()->mimeData({tree->model()->index(0, 0)}));
    ASSERT_TRUE(mime && mime->hasFormat(QuoteList::mimeType()));
    QWidget *viewport = m_window->view()->viewport();
    const QPoint at = pointOf(sp.start + 1);
    QDragEnterEvent enter(at, Qt::LinkAction | Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::LinkAction | Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    const QString speaker = m_window->annotations()->annotation(reyes)->entity;
    ASSERT_FALSE(speaker.isEmpty());
    EXPECT_EQ(m_window->annotations()->annotation(quote)->saidBy, speaker);
    m_window->quoteList()->refresh();
    EXPECT_EQ(tree->model()->index(0, 0).data().toString(), QStringLiteral("Reyes"));
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(m_window->annotations()->annotation(quote)->saidBy.isEmpty());
}
