#pragma once

#include "model/annotationset.h"
#include "model/document.h"

#include <KSyntaxHighlighting/Repository>

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class QActionGroup;
class QLabel;
class QMenu;

namespace annotator {

class ArticleView;
class BackgroundRecognition;
class LegendWidget;
struct Recognition;

/// The main window: one article, its annotations, the menus that open,
/// save and correct them. Holds no annotation logic: every change is an
/// AnnotationSet intent, so it can be undone and the views follow it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Asks the user a question or tells them something; returns the button
    /// pressed. Tests and the screenshot mode replace the message box.
    using Prompter = std::function<QMessageBox::StandardButton(QMessageBox::Icon icon, const QString &title,
                                                               const QString &text, QMessageBox::StandardButtons buttons)>;
    void setPrompter(Prompter prompter) { m_prompter = std::move(prompter); }

    /// Opens the article at @p path with its annotations; false (and the user
    /// told why) when it cannot be read.
    bool openFile(const QString &path);
    /// Shows @p document with its sidecar's annotations, or with the
    /// recognisers' suggestions when it has none (or no file: the sample).
    void openDocument(const Document &document);
    /// Saves the annotations beside the article; false when it did not.
    bool save();

    /// Runs the recognisers again and adds what they find as suggestions.
    void annotateAgain();
    /// Picks a KSyntaxHighlighting theme by name; empty follows the palette.
    /// Returns false when there is no theme of that name.
    bool setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }

    const Document &document() const { return m_document; }
    AnnotationSet *annotations() const { return m_set; }
    ArticleView *view() const { return m_view; }
    /// True while the recognisers are still working on the article.
    bool isBusy() const;
    /// Blocks until the recognisers are done and their result is shown.
    void waitUntilIdle();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void addSuggestions(quint64 revision, const Recognition &result);
    void startRecognition();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void applyTheme();
    bool maybeKeepChanges();
    void openDialog();
    QMessageBox::StandardButton ask(QMessageBox::Icon icon, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons = QMessageBox::Ok);

    KSyntaxHighlighting::Repository m_repository;
    Document m_document;
    AnnotationSet *m_set;
    ArticleView *m_view;
    LegendWidget *m_legend;
    QLabel *m_statusLabel;
    BackgroundRecognition *m_recognition;
    quint64 m_recognitionRevision = 0;
    QString m_themeName;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    /// The existing sidecar could not be read: saving over it needs consent.
    bool m_sidecarInvalid = false;
    QString m_sidecarError;
    Prompter m_prompter;
};

} // namespace annotator
