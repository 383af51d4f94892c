// Links in the article view open only after the user agreed, only in the
// user's own browser or mail program, and only for web and mail addresses.
#include "articleview.h"
#include "mainwindow.h"
#include "settings.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "testsupport.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTimer>
#include <QTest>
#include <QTextBlock>

using namespace annotator;

namespace {

// Original text written for these tests.
const QString Text = QStringLiteral(
    "# Dock strike ends\n"
    "\n"
    "The union [published its terms](https://union.example.org/terms?year=2026&lang=en) late on Friday.\n"
    "A summary is at https://news.example.net/dock-strike, and questions go to mailto:desk@example.org.\n"
    "One reader sent [a trick](javascript:document.title='x') and [a local file](file:///etc/passwd)\n"
    "and [inline data](data:text/html,hello).\n");

class LinksTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_doc = Document::fromText(Text, QStringLiteral("dock.md"));
        m_view.showDocument(m_doc, &m_set);
        m_view.resize(900, 400);
        m_view.show();
        m_view.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&m_view));
        m_view.setFocus();
        LinkOpener &opener = m_view.linkOpener();
        opener.setConfirm([this](QWidget *parent, const QString &shown) {
            EXPECT_EQ(parent, &m_view);
            m_asked.append(shown);
            return m_answer;
        });
        opener.setOpen([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        opener.setRefuse([this](QWidget *, const QString &message) { m_refused.append(message); });
    }

    /// The middle of the character at UTF-16 position @p pos of the text.
    QPoint pointAt(qsizetype pos)
    {
        QTextCursor c(m_view.document());
        c.setPosition(int(pos));
        const QRect left = m_view.cursorRect(c);
        c.setPosition(int(pos) + 1);
        const QRect right = m_view.cursorRect(c);
        return QPoint((left.left() + right.left()) / 2, left.center().y());
    }

    void ctrlClick(const QString &needle)
    {
        QTest::mouseClick(m_view.viewport(), Qt::LeftButton, Qt::ControlModifier, pointAt(Text.indexOf(needle) + 2));
    }

    KSyntaxHighlighting::Repository m_repository;
    ArticleView m_view{m_repository};
    Document m_doc;
    AnnotationSet m_set;
    QStringList m_asked;
    QList<QUrl> m_opened;
    QStringList m_refused;
    bool m_answer = false;
};

} // namespace

TEST_F(LinksTest, CtrlClickAsksWithTheFullAddressAndOpensOnlyAfterYes)
{
    const QString full = QStringLiteral("https://union.example.org/terms?year=2026&lang=en");
    m_answer = false;
    ctrlClick(QStringLiteral("published its terms"));
    ASSERT_EQ(m_asked, QStringList({full}));
    EXPECT_TRUE(m_opened.isEmpty()) << "opened without the user's consent";

    m_answer = true;
    ctrlClick(QStringLiteral("published its terms"));
    EXPECT_EQ(m_asked.size(), 2);
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened.first(), QUrl(full));
    EXPECT_TRUE(m_refused.isEmpty());
}

TEST_F(LinksTest, APlainClickOnALinkOnlyMovesTheCursor)
{
    m_answer = true;
    const qsizetype at = Text.indexOf(QStringLiteral("published")) + 2;
    QTest::mouseClick(m_view.viewport(), Qt::LeftButton, Qt::NoModifier, pointAt(at));
    EXPECT_TRUE(m_asked.isEmpty());
    EXPECT_TRUE(m_opened.isEmpty());
    EXPECT_EQ(m_view.textCursor().position(), int(at));
}

TEST_F(LinksTest, BareAddressesOpenFromTheKeyboardWithCtrlReturnAndTheMenuAction)
{
    m_answer = true;
    m_view.moveCursorTo(Text.indexOf(QStringLiteral("news.example.net")));
    QTest::keyClick(&m_view, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(m_opened, QList<QUrl>({QUrl(QStringLiteral("https://news.example.net/dock-strike"))}));
    EXPECT_EQ(m_asked, QStringList({QStringLiteral("https://news.example.net/dock-strike")}));

    m_view.moveCursorTo(Text.indexOf(QStringLiteral("desk@")));
    ASSERT_TRUE(m_view.linkAtCursor());
    m_view.openLinkAction()->trigger();
    ASSERT_EQ(m_opened.size(), 2);
    EXPECT_EQ(m_opened.last(), QUrl(QStringLiteral("mailto:desk@example.org")));

    // Away from a link the key does nothing, and asks nothing.
    m_view.moveCursorTo(Text.indexOf(QStringLiteral("late on Friday")));
    EXPECT_FALSE(m_view.linkAtCursor());
    QTest::keyClick(&m_view, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(m_asked.size(), 2);
    EXPECT_EQ(m_opened.size(), 2);
    // The view is read-only: the key did not break the line either.
    EXPECT_EQ(m_view.toPlainText(), Text);
}

TEST_F(LinksTest, JavascriptFileAndDataLinksAreRefusedWithAMessageAndNeverOffered)
{
    m_answer = true; // even a user who would say yes is not asked
    ctrlClick(QStringLiteral("a trick"));
    ctrlClick(QStringLiteral("a local file"));
    m_view.moveCursorTo(Text.indexOf(QStringLiteral("inline data")));
    QTest::keyClick(&m_view, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(m_asked.isEmpty());
    EXPECT_TRUE(m_opened.isEmpty());
    ASSERT_EQ(m_refused.size(), 3);
    EXPECT_TRUE(m_refused[0].contains(QStringLiteral("javascript:document.title='x'")));
    EXPECT_TRUE(m_refused[0].contains(QStringLiteral("only web (http, https) and mail (mailto) addresses")));
    EXPECT_TRUE(m_refused[1].contains(QStringLiteral("file:///etc/passwd")));
    EXPECT_TRUE(m_refused[2].contains(QStringLiteral("data:")));
}

TEST_F(LinksTest, ALookAlikeHostIsShownAsPunycodeInTheQuestion)
{
    // "examp\u0142e": the l is a Polish l with stroke.
    const QString text = QStringLiteral("See https://exampl\u0142e.org/login now.\n");
    Document doc = Document::fromText(text);
    m_view.showDocument(doc, &m_set);
    m_view.moveCursorTo(text.indexOf(QStringLiteral("https")) + 3);
    m_answer = false;
    m_view.openLinkAction()->trigger();
    ASSERT_EQ(m_asked.size(), 1);
    EXPECT_TRUE(m_asked.first().startsWith(QStringLiteral("https://xn--"))) << m_asked.first().toStdString();
    EXPECT_TRUE(m_opened.isEmpty());
    m_view.showDocument(m_doc, &m_set); // m_doc outlives the view's use
}

TEST(LinksInTheWindow, TheContextMenuOffersToOpenTheLinkAtTheCursorAndAsksFirst)
{
    Settings().setAnnotateNewArticles(false);
    QTemporaryDir dir;
    const QString article = dir.filePath(QStringLiteral("dock.md"));
    test::writeAll(article, Text.toUtf8());
    MainWindow window;
    ASSERT_TRUE(window.openFile(article));
    window.waitUntilIdle();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ArticleView *view = window.view();
    QStringList asked;
    QList<QUrl> opened;
    view->linkOpener().setConfirm([&asked](QWidget *, const QString &shown) {
        asked.append(shown);
        return false;
    });
    view->linkOpener().setOpen([&opened](const QUrl &url) {
        opened.append(url);
        return true;
    });

    // The menu as the Menu key brings it up: at the cursor.
    auto menuAt = [&](qsizetype pos, bool choose) {
        view->moveCursorTo(pos);
        QStringList texts;
        QTimer::singleShot(0, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *a : menu->actions()) {
                if (!a->isSeparator())
                    texts.append(a->text());
            }
            if (choose && !menu->actions().isEmpty())
                menu->actions().first()->trigger();
            menu->close();
        });
        Q_EMIT view->customContextMenuRequested(view->cursorRect().center());
        return texts;
    };
    const QStringList onLink = menuAt(Text.indexOf(QStringLiteral("published")), true);
    ASSERT_FALSE(onLink.isEmpty());
    EXPECT_EQ(onLink.first(), view->openLinkAction()->text());
    EXPECT_EQ(asked, QStringList({QStringLiteral("https://union.example.org/terms?year=2026&lang=en")}));
    EXPECT_TRUE(opened.isEmpty()); // the user said no
    const QStringList offLink = menuAt(Text.indexOf(QStringLiteral("late on Friday")), false);
    ASSERT_FALSE(offLink.isEmpty());
    EXPECT_FALSE(offLink.contains(view->openLinkAction()->text()));
}
