#pragma once

// A main window on an article of the test's own, driven as a user does: the
// set-up the widget tests of the correction workflow share.
#include "articleview.h"
#include "mainwindow.h"
#include "model/annotation.h"
#include "settings.h"
#include "testsupport.h"

#include <QApplication>
#include <QMessageBox>
#include <QTest>

#include <memory>

namespace annotator::test {

class WindowTest : public ::testing::Test
{
protected:
    /// Writes @p text as @p name in a temporary folder and makes the window,
    /// with the recognisers off: the test sees only the annotations it makes.
    void setUpArticle(const QString &name, const QString &text)
    {
        ASSERT_TRUE(m_dir.isValid());
        Settings().setAnnotateNewArticles(false);
        m_text = text;
        m_article = m_dir.filePath(name);
        writeAll(m_article, text.toUtf8());
        newWindow();
    }

    /// A new window, as after a restart. Its questions are kept in
    /// m_prompts and answered with m_answer when that is offered (Ok if not).
    void newWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setPrompter([this](QMessageBox::Icon, const QString &, const QString &text, QMessageBox::StandardButtons buttons) {
            m_prompts.append(text);
            return buttons.testFlag(m_answer) ? m_answer : QMessageBox::Ok;
        });
    }

    /// Opens the article (or @p path), shows the window and puts the focus in the text.
    void open() { open(m_article); }
    void open(const QString &path)
    {
        ASSERT_TRUE(m_window->openFile(path));
        m_window->waitUntilIdle();
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
        m_window->view()->setFocus();
        QCoreApplication::processEvents();
    }

    /// Presses a key in the article view, as the user does after a dialog
    /// closed: the window must be active again first.
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
    {
        if (QApplication::activeWindow() != m_window.get() || !m_window->view()->hasFocus()) {
            m_window->activateWindow();
            ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
            m_window->view()->setFocus();
        }
        QTest::keyClick(m_window->view(), k, m);
    }

    /// Where the @p nth (from 0) occurrence of @p text starts in the article.
    qsizetype offsetOf(const QString &text, int nth = 0) const
    {
        qsizetype at = -1;
        for (int i = 0; i <= nth; ++i)
            at = m_text.indexOf(text, at + 1);
        return at;
    }

    /// An annotation of @p type on the @p nth occurrence of @p text.
    Annotation mentionOf(const QString &type, const QString &text, int nth = 0) const
    {
        Annotation a;
        a.type = type;
        a.start = offsetOf(text, nth);
        a.end = a.start + text.size();
        a.text = text;
        return a;
    }

    /// Selects the @p nth occurrence of @p text.
    void select(const QString &text, int nth = 0)
    {
        const qsizetype at = offsetOf(text, nth);
        m_window->view()->selectRange(at, at + text.size());
    }

    QTemporaryDir m_dir;
    QString m_article; ///< its path
    QString m_text;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_prompts;
    QMessageBox::StandardButton m_answer = QMessageBox::Ok;
};

} // namespace annotator::test
