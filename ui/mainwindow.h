#pragma once

#include "model/annotationset.h"
#include "model/document.h"
#include "recognition/personallexicon.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"

#include <KSyntaxHighlighting/Repository>

#include <QDateTime>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <functional>

class QActionGroup;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;

namespace annotator {

class ArticleView;
class Autosaver;
class BackgroundRecognition;
class CorrectionLearner;
class SidecarLoader;
class EntityPanel;
class FindBar;
class LegendWidget;
class OverviewRuler;
class PersonalLexiconDialog;
class QuoteList;
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
    /// Merges a recogniser result into the set as suggestions, in one
    /// undoable step (SuggestionMerger: the user's decisions are kept).
    void addSuggestions(const Recognition &result);
    /// Picks a KSyntaxHighlighting theme by name; empty follows the palette.
    /// Returns false when there is no theme of that name.
    bool setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }

    // --- correcting, each one undoable step on the AnnotationSet
    /// Keys 1-4: tags the selection (snapped to words, without quote marks)
    /// as @p type; a selection or cursor on an annotation retypes it; no
    /// selection tags the word at the cursor.
    void tag(const QString &type);
    /// Removes the annotation under the cursor.
    void deleteCurrent();
    /// Accepts or rejects the annotation under the cursor, then moves to the
    /// next suggestion.
    void setCurrentStatus(Status status);
    /// Moves the start or end of the annotation under the cursor by a word
    /// or a character; it stays selected for the next move.
    void moveEdge(bool start, int direction, bool byWord);
    /// Sets attribute @p key of the annotation under the cursor (a country's
    /// ISO code, a speaker's role); an empty value removes it.
    void setAttribute(const QString &key, const QString &value);
    /// Links the current mention to entity @p entityId, or attributes the
    /// current quote to that speaker.
    void linkTo(const QString &entityId);
    /// Links what is at code point @p from (a quote, a speaker or event
    /// mention) to the speaker or event mention at @p to: the mouse way of
    /// linking (Alt+drag). Returns whether a link was made.
    bool linkByDrag(qint64 from, qint64 to);
    /// Links annotation @p id (a quote dragged from the quote list, or the
    /// start of an Alt+drag) to the speaker or event mention at @p to.
    bool linkDropped(const QString &id, qint64 to);
    /// Gives the current mention an entity of its own.
    void splitOff();
    /// Moves every mention and quote of entity @p from to @p into and
    /// removes @p from, in one step.
    void mergeEntities(const QString &into, const QString &from);
    /// Picks from a searchable list; tests replace the dialog.
    using Chooser = std::function<QString(const QString &title, const QList<QPair<QString, QString>> &items)>;
    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }
    /// Asks for the attribute that matters for the current annotation's type.
    void editAttributes();
    /// Rich text describing what is at @p offset: types, codes, and for a
    /// speaker its mentions and quotes.
    QString describe(qint64 offset) const;
    /// Makes every occurrence of the current annotation's (or the
    /// selection's) text a @p type annotation, retagging the ones already
    /// tagged, in one step.
    void tagAllOccurrences(const QString &type);
    /// Removes every annotation with the current annotation's text and type.
    void deleteAllOccurrences();
    /// Selects the next (or previous) suggestion after the cursor, wrapping.
    bool gotoSuggestion(bool forward);
    /// Accepts or rejects every suggestion of @p type (all types when empty).
    void setStatusOfAll(const QString &type, Status status);
    /// Accepts or rejects every suggestion with the current annotation's
    /// text and type.
    void setStatusOfSameText(Status status);
    /// Opens the dialog that adds and removes user-defined annotation types.
    void editAnnotationTypes();
    /// Keys that already run a command in the article view (A, R, N, ...),
    /// which a user-defined type cannot take.
    QStringList reservedKeys() const;
    /// The annotation the next correction applies to: the one whose span is
    /// selected, or the innermost one under the cursor.
    std::optional<Annotation> currentAnnotation() const;

    const Document &document() const { return m_document; }
    AnnotationSet *annotations() const { return m_set; }
    ArticleView *view() const { return m_view; }
    EntityPanel *entityPanel() const { return m_entityPanel; }
    /// Writes unsaved edits to a recovery file a short time after each edit.
    Autosaver *autosaver() const { return m_autosaver; }
    QuoteList *quoteList() const { return m_quoteList; }
    OverviewRuler *overviewRuler() const { return m_ruler; }
    FindBar *findBar() const { return m_findBar; }
    /// Opens the statistics chart window.
    void showStatistics();
    /// The text of the keyboard shortcuts help: action, shortcut.
    QList<QPair<QString, QString>> shortcuts() const;
    /// The corrections remembered across articles (PersonalLexicon::defaultPath()):
    /// corrections made here feed it, the recognisers use it, unless the
    /// user switched it off (remembered in the settings).
    PersonalLexicon &personalLexicon() { return m_lexicon; }
    bool isPersonalLexiconEnabled() const { return m_lexiconOn; }
    /// Switches the lexicon on or off and runs the recognisers again.
    void setPersonalLexiconEnabled(bool enabled);
    /// Opens (or raises) the window listing the lexicon's entries.
    PersonalLexiconDialog *showPersonalLexicon();
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
    void createEditActions();
    void createPanels();
    /// Rebuilds the tag, show and legend entries of the user-defined types.
    void updateUserTypes();
    QAction *addShowToggle(QMenu *menu, QAction *before, const QString &type);
    void updateHistoryMenu();
    void showShortcuts();
    void jumpTo(qint64 start, qint64 end);
    void watchFiles();
    void chooseLink();
    QString choose(const QString &title, const QString &placeholder, const QList<QPair<QString, QString>> &items,
                   const QString &current);
    void fileChangedOnDisk(const QString &path);
    /// Opens @p document; with @p restoreSilently a recovery file is taken
    /// without asking (a reload the user asked for).
    void showArticle(const Document &document, bool restoreSilently);
    /// The second half of showArticle(): puts the loaded annotations (and a
    /// recovery file's, if the user wants them) in the set and highlights;
    /// @p textShown when the text is on screen already (a large article).
    /// The annotations and entities are moved out of @p loaded into the set.
    void showAnnotations(SidecarStore::LoadResult &loaded, const RecoveryStore::Recovered &found,
                         const QString &olderRecovery, bool restoreSilently, bool textShown);
    void sidecarLoaded(quint64 revision, SidecarStore::LoadResult *loaded);
    void setAnnotatingEnabled(bool enabled);
    /// Shows @p done of @p total in the status bar (0 of 0: busy); an empty
    /// @p what hides it.
    void showProgress(const QString &what, int done, int total);
    /// An action with a plain key that must only fire in the article view,
    /// so typing in a filter field is not taken for a command.
    QAction *viewAction(QMenu *menu, const QString &text, const QKeySequence &key, std::function<void()> slot);
    void suggestionsArrived(quint64 revision, const Recognition &result);
    void startRecognition();
    void updateTitle();
    /// Counts the annotations for the status bar afresh (on load).
    void updateStatus();
    /// Shows the counts in the status bar.
    void showStatus();
    void updateRecentMenu();
    /// Puts @p path first in the recent articles, written to the settings a
    /// moment later (writing them syncs a file to disk twice, which opening
    /// an article must not wait for; several opens in a row write once).
    void addRecent(const QString &path);
    /// Writes the recent articles not written yet.
    void writeRecent();
    void applyTheme();
    void savePersonalLexicon();
    bool maybeKeepChanges();
    void openDialog();
    QMessageBox::StandardButton ask(QMessageBox::Icon icon, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons = QMessageBox::Ok);

    KSyntaxHighlighting::Repository m_repository;
    Document m_document;
    AnnotationSet *m_set;
    ArticleView *m_view;
    LegendWidget *m_legend;
    OverviewRuler *m_ruler;
    FindBar *m_findBar;
    QLabel *m_statusLabel;
    qsizetype m_suggestedCount = 0; ///< shown in the status bar; follow each edit
    qsizetype m_acceptedCount = 0;
    BackgroundRecognition *m_recognition;
    Autosaver *m_autosaver;
    quint64 m_recognitionRevision = 0;
    QString m_themeName;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recentToWrite; ///< opened since the last write, oldest first
    QTimer *m_recentWrite = nullptr;
    QMenu *m_historyMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_annotateMenu = nullptr;
    QAction *m_userTagsEnd = nullptr; ///< user types' tag actions go before it
    QAction *m_userShowEnd = nullptr; ///< their show toggles go before it
    QAction *m_userAcceptAllEnd = nullptr; ///< their "accept all suggested" entries go before it
    QAction *m_userRejectAllEnd = nullptr; ///< their "reject all suggested" entries go before it
    QList<QAction *> m_userTypeActions;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    EntityPanel *m_entityPanel = nullptr;
    QuoteList *m_quoteList = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    /// The existing sidecar could not be read: saving over it needs consent.
    bool m_sidecarInvalid = false;
    QString m_sidecarError;
    QFileSystemWatcher *m_watcher;
    SidecarLoader *m_loader;
    QProgressBar *m_progress;
    quint64 m_loadRevision = 0;
    QString m_olderRecovery; ///< set aside while a large article's annotations load
    QDateTime m_sidecarStamp; ///< modification time of the sidecar as last read or written
    bool m_askingReload = false;
    PersonalLexicon m_lexicon;
    QString m_lexiconProblem; ///< why the lexicon file could not be read; nothing is learnt then
    bool m_lexiconOn = true;
    CorrectionLearner *m_learner = nullptr;
    QAction *m_lexiconToggle = nullptr;
    QPointer<PersonalLexiconDialog> m_lexiconDialog;
    Prompter m_prompter;
    Chooser m_chooser;
};

} // namespace annotator
