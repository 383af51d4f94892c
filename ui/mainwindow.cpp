#include "mainwindow.h"

#include "annotationhighlighter.h"
#include "annotationstyle.h"
#include "annotationtypesdialog.h"
#include "articleview.h"
#include "backgroundrecognition.h"
#include "entitypanel.h"
#include "exchangedialogs.h"
#include "findbar.h"
#include "legendwidget.h"
#include "overviewruler.h"
#include "personallexicondialog.h"
#include "model/selectionsnap.h"
#include "quotelist.h"
#include "statisticsview.h"
#include "titlebarstyle.h"
#include "recognition/correctionlearner.h"
#include "recognition/suggestionmerger.h"
#include "settings.h"
#include "sidecarloader.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"

#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QLocale>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSaveFile>
#include <QStatusBar>

namespace annotator {

namespace {
/// Above this many characters an article's annotations load off the GUI
/// thread and its highlights follow the text (see ArticleView).
constexpr qsizetype LargeArticle = 256 * 1024;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_set(new AnnotationSet(this))
    , m_view(new ArticleView(m_repository, this))
    , m_legend(new LegendWidget(this))
    , m_ruler(new OverviewRuler(m_set, this))
    , m_findBar(new FindBar(m_view, this))
    , m_statusLabel(new QLabel(this))
    , m_recognition(new BackgroundRecognition(this))
    , m_autosaver(new Autosaver(&m_document, m_set, 2000, this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_loader(new SidecarLoader(this))
    , m_progress(new QProgressBar(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // Editors and QSaveFile replace files: wait for the writer to finish.
        QTimer::singleShot(300, this, [this, path] { fileChangedOnDisk(path); });
    });
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    auto *textRow = new QHBoxLayout;
    textRow->setSpacing(0);
    textRow->addWidget(m_view);
    textRow->addWidget(m_ruler);
    centralLayout->addLayout(textRow, 1);
    centralLayout->addWidget(m_findBar);
    m_findBar->hide();
    setCentralWidget(central);
    connect(m_findBar, &FindBar::closed, m_view, [this] { m_view->setFocus(); });
    connect(m_findBar, &FindBar::tagAllRequested, this, [this](const QString &type) {
        if (m_findBar->findNext(true))
            tagAllOccurrences(type);
    });
    connect(m_ruler, &OverviewRuler::jumpTo, this, [this](qint64 offset) {
        m_view->moveCursorTo(offset);
        m_view->centerCursor();
    });
    m_view->setToolTipProvider([this](qint64 offset) { return describe(offset); });
    // The same commands from a context menu, on what was clicked.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QTextCursor clicked = m_view->cursorForPosition(pos);
        const QTextCursor selection = m_view->textCursor();
        if (!selection.hasSelection() || clicked.position() < selection.selectionStart() || clicked.position() > selection.selectionEnd())
            m_view->setTextCursor(clicked);
        QMenu menu(this);
        if (m_view->linkAtCursor()) {
            menu.addAction(m_view->openLinkAction());
            menu.addSeparator();
        }
        menu.addActions(m_annotateMenu->actions());
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    // The personal lexicon: read once, fed by the corrections made here.
    m_lexiconOn = Settings().personalLexiconEnabled();
    m_learner = new CorrectionLearner(m_set, nullptr, this);
    if (!m_lexicon.load(PersonalLexicon::defaultPath(), &m_lexiconProblem))
        m_lexicon.clear();
    m_learner->setLexicon(m_lexiconOn && m_lexiconProblem.isEmpty() ? &m_lexicon : nullptr);
    connect(m_learner, &CorrectionLearner::lexiconChanged, this, &MainWindow::savePersonalLexicon);
    setAcceptDrops(true);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_legend);
    // Loading a large article's annotations: how far it got.
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    connect(m_loader, &SidecarLoader::finished, this, &MainWindow::sidecarLoaded);
    createActions();
    createPanels();

    connect(m_set, &AnnotationSet::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    // The counts in the status bar follow each edit by what it touched: a
    // pass over all annotations of a long article is more than an edit may
    // wait for.
    connect(m_set, &AnnotationSet::edited, this, [this](const AnnotationEdit &edit) {
        for (const auto &d : edit.annotations) {
            for (const auto &[a, sign] : {std::pair(&d.before, -1), std::pair(&d.after, 1)}) {
                if (*a && (*a)->status == Status::Suggested)
                    m_suggestedCount += sign;
                else if (*a && (*a)->status == Status::Accepted)
                    m_acceptedCount += sign;
            }
        }
        showStatus();
    });
    connect(m_set, &AnnotationSet::wasReset, this, &MainWindow::updateStatus);
    connect(m_recognition, &BackgroundRecognition::finished, this, &MainWindow::suggestionsArrived);
    connect(m_autosaver, &Autosaver::failed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Could not write the recovery file: %1").arg(error), 10000);
    });

    Settings settings;
    m_themeName = settings.themeName();
    applyTheme();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1100, 760);
    restoreState(settings.windowState());
    updateTitle();
    if (!m_lexiconProblem.isEmpty())
        statusBar()->showMessage(m_lexiconProblem, 15000);
}

MainWindow::~MainWindow()
{
    // The highlighter must not follow a set that is going away.
    m_view->highlighter()->setAnnotations(nullptr, nullptr);
    writeRecent();
}

void MainWindow::addRecent(const QString &path)
{
    m_recentToWrite.append(path);
    m_recentWrite->start();
}

void MainWindow::writeRecent()
{
    m_recentWrite->stop();
    if (m_recentToWrite.isEmpty())
        return;
    Settings settings; // written to disk when it goes
    for (const QString &path : std::as_const(m_recentToWrite))
        settings.addRecentFile(path);
    m_recentToWrite.clear();
}

QMessageBox::StandardButton MainWindow::ask(QMessageBox::Icon icon, const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons)
{
    if (m_prompter)
        return m_prompter(icon, title, text, buttons);
    QMessageBox box(icon, title, text, buttons, this);
    return QMessageBox::StandardButton(box.exec());
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_recentWrite = new QTimer(this);
    m_recentWrite->setSingleShot(true);
    m_recentWrite->setInterval(1000);
    connect(m_recentWrite, &QTimer::timeout, this, &MainWindow::writeRecent);
    updateRecentMenu();
    file->addAction(tr("Open Sample &Article"), this, [this] {
        if (!maybeKeepChanges())
            return;
        QString error;
        QFile f(QStringLiteral(":/sample/sample-article.md"));
        f.open(QIODevice::ReadOnly);
        if (auto doc = Document::decode(f.readAll(), QStringLiteral("sample-article.md"), &error))
            openDocument(*doc);
    });
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save Annotations"), this, &MainWindow::save);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    file->addAction(tr("&Export…"), this, [this] {
        QString error;
        const QString done = Exchange::runExportDialog(this, m_document, *m_set, &error);
        if (!error.isEmpty())
            ask(QMessageBox::Warning, tr("Export"), error);
        else if (!done.isEmpty())
            statusBar()->showMessage(done, 8000);
    });
    file->addAction(tr("&Import…"), this, [this] {
        QString error;
        // Imported annotations are someone's work, not corrections to learn from.
        m_learner->setPaused(true);
        const QString report = Exchange::runImportDialog(this, m_document, *m_set, &error);
        m_learner->setPaused(false);
        if (!error.isEmpty())
            ask(QMessageBox::Warning, tr("Import"), error);
        else if (report.count(QLatin1Char('\n')) > 0)
            ask(QMessageBox::Information, tr("Import"), report);
        else if (!report.isEmpty())
            statusBar()->showMessage(report, 8000);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    createEditActions();

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *themes = viewMenu->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    QAction *automatic = themes->addAction(tr("Follow the System"));
    automatic->setCheckable(true);
    automatic->setData(QString());
    m_themeGroup->addAction(automatic);
    themes->addSeparator();
    auto all = m_repository.themes();
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.translatedName().localeAwareCompare(b.translatedName()) < 0; });
    for (const auto &theme : all) {
        QAction *a = themes->addAction(theme.translatedName());
        a->setCheckable(true);
        a->setData(theme.name());
        m_themeGroup->addAction(a);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        setThemeName(a->data().toString());
        Settings().setThemeName(m_themeName);
    });
    viewMenu->addSeparator();
    for (const QString &type : AnnotationStyle::builtInTypes())
        addShowToggle(viewMenu, nullptr, type);
    m_userShowEnd = viewMenu->addSeparator();
    viewMenu->addAction(tr("&Statistics…"), this, &MainWindow::showStatistics);
    viewMenu->addSeparator();
    m_viewMenu = viewMenu;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Article Annotator"), this, [this] {
        QMessageBox::about(this, tr("About Article Annotator"),
                           tr("<p><b>Article Annotator</b> %1</p><p>Highlights speakers and their quotes, countries and "
                              "events in news articles, and lets you correct them.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

QAction *MainWindow::addShowToggle(QMenu *menu, QAction *before, const QString &type)
{
    auto *show = new QAction(tr("Show %1 Annotations").arg(type), menu);
    menu->insertAction(before, show);
    show->setCheckable(true);
    show->setChecked(!m_view->highlighter()->hiddenTypes().contains(type));
    connect(show, &QAction::toggled, this, [this, type](bool on) {
        QSet<QString> hidden = m_view->highlighter()->hiddenTypes();
        if (on)
            hidden.remove(type);
        else
            hidden.insert(type);
        m_view->highlighter()->setHiddenTypes(hidden);
        m_ruler->setHiddenTypes(hidden);
    });
    return show;
}

QAction *MainWindow::viewAction(QMenu *menu, const QString &text, const QKeySequence &key, std::function<void()> slot)
{
    QAction *a = menu->addAction(text);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(a);
    connect(a, &QAction::triggered, this, std::move(slot));
    return a;
}

void MainWindow::createEditActions()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(tr("&Undo"), m_set, &AnnotationSet::undo);
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = edit->addAction(tr("&Redo"), m_set, &AnnotationSet::redo);
    // Ctrl+Shift+Z everywhere, plus the platform's own redo key.
    QList<QKeySequence> redoKeys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(k))
            redoKeys.append(k);
    }
    m_redo->setShortcuts(redoKeys);
    m_historyMenu = edit->addMenu(tr("&History"));
    connect(m_set, &AnnotationSet::historyChanged, this, &MainWindow::updateHistoryMenu);
    updateHistoryMenu();
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find…"), this, [this] { m_findBar->activate(); });
    find->setShortcut(QKeySequence::Find);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    m_annotateMenu = annotate;
    const QStringList types = AnnotationStyle::builtInTypes();
    for (int i = 0; i < types.size(); ++i) {
        const QString type = types.at(i);
        viewAction(annotate, tr("Tag as &%1").arg(type), QKeySequence(Qt::Key_1 + i), [this, type] { tag(type); });
    }
    m_userTagsEnd = annotate->addSeparator();
    QAction *ownTypes = annotate->addAction(tr("Annotation &Types…"), this, &MainWindow::editAnnotationTypes);
    ownTypes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    annotate->addSeparator();
    viewAction(annotate, tr("&Delete Annotation"), QKeySequence(Qt::Key_Delete), [this] { deleteCurrent(); });
    QMenu *everywhere = annotate->addMenu(tr("All &Occurrences"));
    for (int i = 0; i < types.size(); ++i) {
        const QString type = types.at(i);
        viewAction(everywhere, tr("Tag Every Occurrence as %1").arg(type), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)),
                   [this, type] { tagAllOccurrences(type); });
    }
    viewAction(everywhere, tr("Delete Every Occurrence"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), [this] { deleteAllOccurrences(); });
    viewAction(annotate, tr("Edit A&ttributes…"), QKeySequence(Qt::Key_F2), [this] { editAttributes(); });
    viewAction(annotate, tr("&Link to Speaker or Event…"), QKeySequence(Qt::Key_L), [this] { chooseLink(); });
    viewAction(annotate, tr("S&plit Off as a New Speaker or Event"), QKeySequence(Qt::SHIFT | Qt::Key_L), [this] { splitOff(); });
    QMenu *bounds = annotate->addMenu(tr("&Move Boundary"));
    struct Move {
        QString text;
        QKeySequence key;
        bool start;
        int direction;
        bool byWord;
    };
    const QList<Move> moves = {
        {tr("Start One Word Left"), QKeySequence(Qt::ALT | Qt::Key_Left), true, -1, true},
        {tr("Start One Word Right"), QKeySequence(Qt::ALT | Qt::Key_Right), true, +1, true},
        {tr("End One Word Left"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Left), false, -1, true},
        {tr("End One Word Right"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Right), false, +1, true},
        {tr("Start One Character Left"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Left), true, -1, false},
        {tr("Start One Character Right"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Right), true, +1, false},
        {tr("End One Character Left"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Left), false, -1, false},
        {tr("End One Character Right"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Right), false, +1, false},
    };
    for (const Move &m : moves)
        viewAction(bounds, m.text, m.key, [this, m] { moveEdge(m.start, m.direction, m.byWord); });
    annotate->addSeparator();
    viewAction(annotate, tr("&Accept Suggestion"), QKeySequence(Qt::Key_A), [this] { setCurrentStatus(Status::Accepted); });
    viewAction(annotate, tr("&Reject Suggestion"), QKeySequence(Qt::Key_R), [this] { setCurrentStatus(Status::Rejected); });
    viewAction(annotate, tr("&Next Suggestion"), QKeySequence(Qt::Key_N), [this] { gotoSuggestion(true); });
    viewAction(annotate, tr("&Previous Suggestion"), QKeySequence(Qt::SHIFT | Qt::Key_N), [this] { gotoSuggestion(false); });
    QAction *acceptType = annotate->addAction(tr("Accept All Suggestions of This Type"), this, [this] {
        if (auto a = currentAnnotation())
            setStatusOfAll(a->type, Status::Accepted);
    });
    acceptType->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction *rejectType = annotate->addAction(tr("Reject All Suggestions of This Type"), this, [this] {
        if (auto a = currentAnnotation())
            setStatusOfAll(a->type, Status::Rejected);
    });
    rejectType->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    viewAction(annotate, tr("Accept All Suggestions With This Text"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A),
               [this] { setStatusOfSameText(Status::Accepted); });
    viewAction(annotate, tr("Reject All Suggestions With This Text"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R),
               [this] { setStatusOfSameText(Status::Rejected); });
    QMenu *acceptAll = annotate->addMenu(tr("Accept All Suggested"));
    QMenu *rejectAll = annotate->addMenu(tr("Reject All Suggested"));
    for (const QString &type : types) {
        acceptAll->addAction(tr("%1 Suggestions").arg(type), this, [this, type] { setStatusOfAll(type, Status::Accepted); });
        rejectAll->addAction(tr("%1 Suggestions").arg(type), this, [this, type] { setStatusOfAll(type, Status::Rejected); });
    }
    m_userAcceptAllEnd = acceptAll->addSeparator();
    m_userRejectAllEnd = rejectAll->addSeparator();
    acceptAll->addAction(tr("All Suggestions"), this, [this] { setStatusOfAll(QString(), Status::Accepted); });
    rejectAll->addAction(tr("All Suggestions"), this, [this] { setStatusOfAll(QString(), Status::Rejected); });
    annotate->addSeparator();
    annotate->addAction(tr("Annotate &Again"), this, &MainWindow::annotateAgain);
    annotate->addSeparator();
    m_lexiconToggle = annotate->addAction(tr("&Use Personal Lexicon"), this, &MainWindow::setPersonalLexiconEnabled);
    m_lexiconToggle->setCheckable(true);
    m_lexiconToggle->setChecked(m_lexiconOn);
    QAction *lexicon = annotate->addAction(tr("Personal &Lexicon…"), this, &MainWindow::showPersonalLexicon);
    lexicon->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
}

void MainWindow::setPersonalLexiconEnabled(bool enabled)
{
    if (enabled != m_lexiconOn) {
        m_lexiconOn = enabled;
        Settings().setPersonalLexiconEnabled(enabled);
        m_learner->setLexicon(enabled && m_lexiconProblem.isEmpty() ? &m_lexicon : nullptr);
        statusBar()->showMessage(enabled ? tr("The personal lexicon is on: corrections are remembered and used.")
                                         : tr("The personal lexicon is off: the recognisers work on their own."),
                                 6000);
        annotateAgain();
    }
    m_lexiconToggle->setChecked(enabled);
    if (m_lexiconDialog)
        m_lexiconDialog->enabledBox()->setChecked(enabled);
}

PersonalLexiconDialog *MainWindow::showPersonalLexicon()
{
    if (!m_lexiconDialog) {
        m_lexiconDialog = new PersonalLexiconDialog(&m_lexicon, PersonalLexicon::defaultPath(), m_lexiconProblem, m_lexiconOn, this);
        m_lexiconDialog->setAttribute(Qt::WA_DeleteOnClose);
        // What the user sets by hand is theirs: undoing an old lesson leaves it be.
        connect(m_lexiconDialog, &PersonalLexiconDialog::entryChanged, m_learner, &CorrectionLearner::userChanged);
        connect(m_lexiconDialog, &PersonalLexiconDialog::edited, this, &MainWindow::savePersonalLexicon);
        connect(m_lexiconDialog, &PersonalLexiconDialog::enabledChanged, this, &MainWindow::setPersonalLexiconEnabled);
        connect(m_learner, &CorrectionLearner::lexiconChanged, m_lexiconDialog, &PersonalLexiconDialog::refresh);
    }
    m_lexiconDialog->show();
    m_lexiconDialog->raise();
    m_lexiconDialog->activateWindow();
    return m_lexiconDialog;
}

void MainWindow::savePersonalLexicon()
{
    if (!m_lexiconProblem.isEmpty())
        return; // the file there is left alone
    QString error;
    if (!m_lexicon.save(PersonalLexicon::defaultPath(), &error))
        statusBar()->showMessage(error, 15000);
    else if (m_lexiconDialog) // the save may have brought in what another window saved
        QMetaObject::invokeMethod(m_lexiconDialog, &PersonalLexiconDialog::refresh, Qt::QueuedConnection);
}

void MainWindow::updateUserTypes()
{
    qDeleteAll(m_userTypeActions);
    m_userTypeActions.clear();
    for (const AnnotationType &t : m_set->userTypes()) {
        auto *tagAction = new QAction(tr("Tag as %1").arg(t.name), m_annotateMenu);
        m_annotateMenu->insertAction(m_userTagsEnd, tagAction);
        if (!t.key.isEmpty()) {
            tagAction->setShortcut(QKeySequence(t.key));
            tagAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_view->addAction(tagAction);
        }
        const QString name = t.name;
        connect(tagAction, &QAction::triggered, this, [this, name] { tag(name); });
        m_userTypeActions.append(tagAction);
        m_userTypeActions.append(addShowToggle(m_viewMenu, m_userShowEnd, name));
        for (const Status status : {Status::Accepted, Status::Rejected}) {
            QAction *end = status == Status::Accepted ? m_userAcceptAllEnd : m_userRejectAllEnd;
            auto *menu = qobject_cast<QMenu *>(end->parent()); // the separator belongs to its submenu
            auto *all = new QAction(tr("%1 Suggestions").arg(name), menu);
            menu->insertAction(end, all);
            connect(all, &QAction::triggered, this, [this, name, status] { setStatusOfAll(name, status); });
            m_userTypeActions.append(all);
        }
    }
    // New colours for the text, the legend and the ruler.
    applyTheme();
}

QStringList MainWindow::reservedKeys() const
{
    QStringList keys;
    for (const QAction *a : m_view->actions()) {
        if (m_userTypeActions.contains(a))
            continue;
        for (const QKeySequence &k : a->shortcuts()) {
            if (k.count() == 1 && k[0].keyboardModifiers() == Qt::NoModifier)
                keys.append(k.toString());
        }
    }
    return keys;
}

void MainWindow::editAnnotationTypes()
{
    AnnotationTypesDialog dialog(m_set, reservedKeys(), this);
    dialog.exec();
}

void MainWindow::updateHistoryMenu()
{
    m_undo->setEnabled(m_set->canUndo());
    m_redo->setEnabled(m_set->canRedo());
    m_undo->setText(m_set->canUndo() ? tr("&Undo %1").arg(m_set->undoText()) : tr("&Undo"));
    m_redo->setText(m_set->canRedo() ? tr("&Redo %1").arg(m_set->redoText()) : tr("&Redo"));
    m_historyMenu->clear();
    const QStringList steps = m_set->historyTexts();
    QAction *start = m_historyMenu->addAction(tr("<as opened>"));
    start->setCheckable(true);
    start->setChecked(m_set->historyIndex() == 0);
    connect(start, &QAction::triggered, this, [this] {
        while (m_set->canUndo())
            m_set->undo();
    });
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QAction *a = m_historyMenu->addAction(steps.at(i));
        a->setCheckable(true);
        a->setChecked(i + 1 == m_set->historyIndex());
        // Steps after the current one are undone: shown, but greyed in italics.
        if (i + 1 > m_set->historyIndex()) {
            QFont f = a->font();
            f.setItalic(true);
            a->setFont(f);
        }
        const qsizetype target = i + 1;
        connect(a, &QAction::triggered, this, [this, target] {
            while (m_set->historyIndex() > target && m_set->canUndo())
                m_set->undo();
            while (m_set->historyIndex() < target && m_set->canRedo())
                m_set->redo();
        });
    }
}

void MainWindow::createPanels()
{
    m_entityPanel = new EntityPanel(m_set, this);
    auto *entities = new QDockWidget(tr("Speakers, Countries, Events"), this);
    entities->setObjectName(QStringLiteral("entities"));
    entities->setStyle(new TitleBarStyle(entities));
    entities->setWidget(m_entityPanel);
    addDockWidget(Qt::RightDockWidgetArea, entities);
    m_quoteList = new QuoteList(m_set, this);
    auto *quotes = new QDockWidget(tr("Quotes"), this);
    quotes->setObjectName(QStringLiteral("quotes"));
    quotes->setStyle(new TitleBarStyle(quotes));
    quotes->setWidget(m_quoteList);
    addDockWidget(Qt::RightDockWidgetArea, quotes);
    resizeDocks({entities, quotes}, {380, 380}, Qt::Horizontal);
    connect(m_entityPanel, &EntityPanel::jumpTo, this, &MainWindow::jumpTo);
    connect(m_set, &AnnotationSet::userTypesChanged, this, &MainWindow::updateUserTypes);
    connect(m_view, &ArticleView::linkDragged, this, &MainWindow::linkByDrag);
    connect(m_view, &ArticleView::annotationDropped, this, &MainWindow::linkDropped);
    connect(m_entityPanel, &EntityPanel::mergeRequested, this, &MainWindow::mergeEntities);
    connect(m_quoteList, &QuoteList::jumpTo, this, &MainWindow::jumpTo);
    m_viewMenu->addAction(entities->toggleViewAction());
    m_viewMenu->addAction(quotes->toggleViewAction());
}

void MainWindow::showStatistics()
{
    auto *window = new StatisticsView(m_set, this);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Statistics — %1").arg(m_document.name()));
    window->resize(900, 460);
    window->show();
}

void MainWindow::jumpTo(qint64 start, qint64 end)
{
    m_view->selectRange(start, end);
    m_view->setFocus();
}

std::optional<Annotation> MainWindow::currentAnnotation() const
{
    const qint64 start = m_view->selectionStart();
    const qint64 end = m_view->selectionEnd();
    std::optional<Annotation> best;
    auto consider = [&](qint64 from, qint64 to) {
        m_set->forEachIn(from, to, [&](const Annotation &a) {
            if (a.status == Status::Rejected || m_view->highlighter()->hiddenTypes().contains(a.type))
                return;
            if (start != end && a.start == start && a.end == end) {
                // The selected span itself; a suggestion first, it is what
                // the keys are most likely meant for.
                if (!best || best->start != start || best->end != end || a.status == Status::Suggested)
                    best = a;
                return;
            }
            if (best && best->start == start && best->end == end && start != end)
                return;
            if (a.start <= start && start < a.end && (!best || a.length() < best->length()))
                best = a;
        });
    };
    consider(start, start + 1);
    if (!best && start == end && start > 0) {
        // The cursor just after a word still means that word.
        const qint64 before = start - 1;
        m_set->forEachIn(before, start, [&](const Annotation &a) {
            if (a.status != Status::Rejected && a.end == start && (!best || a.length() < best->length()))
                best = a;
        });
    }
    return best;
}

void MainWindow::tag(const QString &type)
{
    if (m_document.text().isEmpty())
        return;
    const std::optional<Annotation> current = currentAnnotation();
    const bool exactSelection = current && m_view->hasSelection() && current->start == m_view->selectionStart()
        && current->end == m_view->selectionEnd();
    if (current && (exactSelection || !m_view->hasSelection())) {
        if (current->type == type && current->status != Status::Suggested) {
            statusBar()->showMessage(tr("Already tagged as %1.").arg(type), 4000);
            return;
        }
        m_set->setType(current->id, type);
        return;
    }
    const TextOffsets &offsets = m_document.offsets();
    const auto span = snapSelection(m_document.text(), offsets.toUtf16(m_view->selectionStart()),
                                    offsets.toUtf16(m_view->selectionEnd()), type);
    if (!span) {
        statusBar()->showMessage(tr("Select a word or a phrase to tag."), 4000);
        return;
    }
    Annotation a;
    a.type = type;
    a.start = offsets.toCodePoint(span->start);
    a.end = offsets.toCodePoint(span->end);
    a.text = m_document.slice(a.start, a.end);
    a.origin = Origin::Manual;
    a.status = Status::Accepted;
    // The same span already has this type (perhaps as a suggestion): accept
    // it rather than tag it twice.
    std::optional<Annotation> same;
    m_set->forEachIn(a.start, a.end, [&](const Annotation &o) {
        if (o.sameSpan(a))
            same = o;
    });
    if (same) {
        m_set->setStatus({same->id}, Status::Accepted);
    } else {
        const QString shown = a.text.size() > 40 ? a.text.left(37) + QStringLiteral("…") : a.text;
        m_set->addAnnotation(a, tr("Tag “%1” as %2").arg(shown, type));
    }
    m_view->moveCursorTo(a.start);
}

void MainWindow::deleteCurrent()
{
    if (const auto a = currentAnnotation()) {
        m_set->removeAnnotation(a->id, tr("Delete %1 “%2”").arg(a->type, a->text.left(40)));
        m_view->moveCursorTo(a->start);
    }
}

void MainWindow::moveEdge(bool start, int direction, bool byWord)
{
    const auto current = currentAnnotation();
    if (!current)
        return;
    const TextOffsets &offsets = m_document.offsets();
    const Utf16Range span{offsets.toUtf16(current->start), offsets.toUtf16(current->end)};
    const auto moved = moveSpanEdge(m_document.text(), span, start ? SpanEdge::Start : SpanEdge::End, direction, byWord);
    if (!moved) {
        statusBar()->showMessage(tr("The annotation cannot get any shorter."), 4000);
        return;
    }
    Annotation a = *current;
    a.start = offsets.toCodePoint(moved->start);
    a.end = offsets.toCodePoint(moved->end);
    a.text = m_document.slice(a.start, a.end);
    if (a.status == Status::Suggested)
        a.status = Status::Accepted; // corrected by the user
    m_set->updateAnnotation(a, start ? tr("Move start of %1").arg(a.type) : tr("Move end of %1").arg(a.type));
    m_view->selectRange(a.start, a.end);
}

void MainWindow::setAttribute(const QString &key, const QString &value)
{
    const auto current = currentAnnotation();
    if (!current)
        return;
    Annotation a = *current;
    if (value.isEmpty())
        a.attributes.remove(key);
    else
        a.attributes.insert(key, value);
    m_set->updateAnnotation(a, tr("Set %1 of “%2”").arg(key, a.text.left(40)));
}

namespace {

QString countryName(const QString &code)
{
    const QLocale::Territory t = QLocale::codeToTerritory(code);
    return t == QLocale::AnyTerritory ? QString() : QLocale::territoryToString(t);
}

} // namespace

QString MainWindow::choose(const QString &title, const QString &placeholder, const QList<QPair<QString, QString>> &items,
                          const QString &current)
{
    if (m_chooser)
        return m_chooser(title, items);
    QDialog dialog(this);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *filter = new QLineEdit(&dialog);
    filter->setPlaceholderText(placeholder);
    auto *list = new QListWidget(&dialog);
    for (const auto &[label, value] : items) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(Qt::UserRole, value);
        if (value == current)
            list->setCurrentItem(item);
    }
    if (!list->currentItem() && list->count())
        list->setCurrentRow(0);
    connect(filter, &QLineEdit::textChanged, list, [list](const QString &needle) {
        QListWidgetItem *first = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem *item = list->item(i);
            const bool match = item->text().contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            if (match && !first)
                first = item;
        }
        if (first)
            list->setCurrentItem(first);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    connect(filter, &QLineEdit::returnPressed, &dialog, &QDialog::accept);
    layout->addWidget(filter);
    layout->addWidget(list);
    layout->addWidget(buttons);
    filter->setFocus();
    dialog.resize(420, 480);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem() || list->currentItem()->isHidden())
        return QString();
    return list->currentItem()->data(Qt::UserRole).toString();
}

void MainWindow::linkTo(const QString &entityId)
{
    if (const auto current = currentAnnotation())
        m_set->link(current->id, entityId);
}

void MainWindow::chooseLink()
{
    const auto current = currentAnnotation();
    if (!current || (current->type != Types::Quote && current->type != Types::Speaker && current->type != Types::Event)) {
        statusBar()->showMessage(tr("Put the cursor on a quote, a speaker or an event first."), 4000);
        return;
    }
    const QString type = current->type == Types::Quote ? Types::Speaker : current->type;
    QList<QPair<QString, QString>> items;
    for (const Entity &e : m_set->entities()) {
        if (e.type != type)
            continue;
        const auto mentions = m_set->mentionsOf(e.id);
        QString label = e.name.isEmpty() ? (mentions.isEmpty() ? e.id : mentions.first().text) : e.name;
        if (!mentions.isEmpty())
            label += mentions.size() == 1 ? tr(" (1 mention)") : tr(" (%1 mentions)").arg(mentions.size());
        items.append({label, e.id});
    }
    if (items.isEmpty()) {
        statusBar()->showMessage(tr("There is no %1 to link to yet.").arg(type), 4000);
        return;
    }
    const QString title = current->type == Types::Quote ? tr("Who said “%1”?").arg(current->text.left(40))
                                                        : tr("Link “%1” to").arg(current->text);
    const QString chosen = choose(title, tr("Type a name"), items, current->type == Types::Quote ? current->saidBy : current->entity);
    if (!chosen.isEmpty())
        linkTo(chosen);
}

bool MainWindow::linkByDrag(qint64 from, qint64 to)
{
    // The innermost visible annotation of the wanted types at an offset.
    auto at = [this](qint64 offset, const QStringList &types) -> std::optional<Annotation> {
        std::optional<Annotation> best;
        m_set->forEachIn(offset, offset + 1, [&](const Annotation &a) {
            if (a.status == Status::Rejected || !types.contains(a.type) || m_view->highlighter()->hiddenTypes().contains(a.type))
                return;
            if (a.start <= offset && offset < a.end && (!best || a.length() < best->length()))
                best = a;
        });
        return best;
    };
    const auto source = at(from, {Types::Quote, Types::Speaker, Types::Event});
    if (!source) {
        statusBar()->showMessage(tr("Alt+drag from a quote, a speaker or an event to the speaker or event it belongs to."), 5000);
        return false;
    }
    return linkDropped(source->id, to);
}

bool MainWindow::linkDropped(const QString &id, qint64 to)
{
    const Annotation *dragged = m_set->annotation(id);
    if (!dragged)
        return false;
    const std::optional<Annotation> source = *dragged;
    std::optional<Annotation> target;
    m_set->forEachIn(to, to + 1, [&](const Annotation &a) {
        if (a.status == Status::Rejected || (a.type != Types::Speaker && a.type != Types::Event)
            || m_view->highlighter()->hiddenTypes().contains(a.type))
            return;
        if (a.start <= to && to < a.end && (!target || a.length() < target->length()))
            target = a;
    });
    if (!target || target->id == source->id) {
        statusBar()->showMessage(tr("Drop on a speaker or event mention to link to it."), 5000);
        return false;
    }
    if (!m_set->linkToMention(source->id, target->id)) {
        statusBar()->showMessage(source->type == Types::Quote ? tr("A quote can only be linked to a speaker.")
                                                              : tr("A %1 can only be linked to another %1.").arg(source->type),
                                 5000);
        return false;
    }
    const Annotation *linked = m_set->annotation(target->id);
    const Entity *e = linked ? m_set->entity(linked->entity) : nullptr;
    statusBar()->showMessage(source->type == Types::Quote ? tr("Quote attributed to %1.").arg(e ? e->name : target->text)
                                                          : tr("“%1” linked to %2.").arg(source->text.left(40), e ? e->name : target->text),
                             5000);
    return true;
}

void MainWindow::splitOff()
{
    if (const auto current = currentAnnotation())
        m_set->splitOff(current->id);
}

void MainWindow::mergeEntities(const QString &into, const QString &from)
{
    m_set->mergeEntities(into, from);
}

void MainWindow::editAttributes()
{
    const auto current = currentAnnotation();
    if (!current) {
        statusBar()->showMessage(tr("Put the cursor on an annotation first."), 4000);
        return;
    }
    if (current->type == Types::Country) {
        // A searchable list of the countries Qt knows, by name and code.
        QList<QPair<QString, QString>> items;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const QString code = QLocale::territoryToCode(QLocale::Territory(t));
            if (code.size() == 2 && code.at(0).isLetter())
                items.append({QStringLiteral("%1 — %2").arg(code, QLocale::territoryToString(QLocale::Territory(t))), code});
        }
        std::sort(items.begin(), items.end());
        const QString code = choose(tr("Country of “%1”").arg(current->text), tr("Type a name or an ISO code"), items,
                                    current->attributes.value(Attr::Code));
        if (!code.isEmpty())
            setAttribute(Attr::Code, code);
        return;
    }
    const QString key = current->type == Types::Speaker ? Attr::Role : current->type == Types::Event ? Attr::Time : QString();
    if (key.isEmpty()) {
        statusBar()->showMessage(tr("%1 annotations have no attributes to edit.").arg(current->type), 4000);
        return;
    }
    bool ok = false;
    const QString label = key == Attr::Role ? tr("Role of %1 (title or apposition):").arg(current->text)
                                            : tr("When did “%1” happen?").arg(current->text);
    const QString value = QInputDialog::getText(this, tr("Edit Attributes"), label, QLineEdit::Normal,
                                                current->attributes.value(key), &ok);
    if (ok)
        setAttribute(key, value.trimmed());
}

QString MainWindow::describe(qint64 offset) const
{
    QStringList parts;
    m_set->forEachIn(offset, offset + 1, [&](const Annotation &a) {
        if (a.status == Status::Rejected || m_view->highlighter()->hiddenTypes().contains(a.type))
            return;
        QString line = QStringLiteral("<b>%1</b>").arg(a.type.toHtmlEscaped());
        if (a.status == Status::Suggested)
            line += tr(" <i>(suggested: A accepts, R rejects)</i>");
        const QString code = a.attributes.value(Attr::Code);
        if (!code.isEmpty())
            line += QStringLiteral(" %1 %2").arg(code.toHtmlEscaped(), countryName(code).toHtmlEscaped());
        const QString role = a.attributes.value(Attr::Role);
        if (!role.isEmpty())
            line += QStringLiteral(" — %1").arg(role.toHtmlEscaped());
        if (const Entity *e = m_set->entity(a.entity)) {
            const auto mentions = m_set->mentionsOf(e->id);
            QStringList names;
            for (const Annotation &m : mentions) {
                if (!names.contains(m.text))
                    names.append(m.text);
            }
            line += tr("<br>%1: %2 (%3)")
                        .arg(e->name.toHtmlEscaped(),
                             mentions.size() == 1 ? tr("1 mention") : tr("%1 mentions").arg(mentions.size()),
                             names.join(QStringLiteral(", ")).toHtmlEscaped());
            const auto quotes = m_set->quotesOf(e->id);
            for (qsizetype i = 0; i < quotes.size() && i < 4; ++i) {
                QString q = quotes.at(i).text;
                if (q.size() > 90)
                    q = q.left(87) + QStringLiteral("…");
                line += QStringLiteral("<br>&nbsp;&nbsp;“%1”").arg(q.toHtmlEscaped());
            }
            if (quotes.size() > 4)
                line += tr("<br>&nbsp;&nbsp;and %1 more").arg(quotes.size() - 4);
        }
        if (const Entity *speaker = m_set->entity(a.saidBy))
            line += tr("<br>said by %1").arg(speaker->name.toHtmlEscaped());
        parts.append(line);
    });
    return parts.join(QStringLiteral("<hr>"));
}

void MainWindow::watchFiles()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_document.path().isEmpty())
        return;
    const QString sidecar = SidecarStore::sidecarPath(m_document.path());
    m_sidecarStamp = QFileInfo(sidecar).lastModified();
    m_watcher->addPath(m_document.path());
    if (QFileInfo::exists(sidecar))
        m_watcher->addPath(sidecar);
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    if (m_askingReload || m_document.path().isEmpty())
        return;
    const QString sidecar = SidecarStore::sidecarPath(m_document.path());
    // A replaced file drops out of the watcher: watch it again.
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    if (path == m_document.path()) {
        QString error;
        const std::optional<Document> changed = Document::load(path, &error);
        if (changed && changed->sha256() == m_document.sha256())
            return; // touched, not changed
        m_askingReload = true;
        const auto answer = ask(QMessageBox::Question, tr("Article Changed on Disk"),
                                tr("%1 was changed by another program. Reload it? The annotations, including your "
                                   "unsaved edits, are placed again in the new text.")
                                    .arg(m_document.name()),
                                QMessageBox::Yes | QMessageBox::No);
        m_askingReload = false;
        if (answer != QMessageBox::Yes || !changed)
            return;
        // Unsaved edits travel through the recovery file, which is
        // re-anchored to the new text like a sidecar.
        const bool modified = !m_set->isClean();
        if (modified) {
            QString why;
            if (!RecoveryStore::write(m_document, *m_set, &why)) {
                ask(QMessageBox::Critical, tr("Cannot Reload"), why);
                return;
            }
        }
        showArticle(*changed, modified);
        return;
    }
    if (path == sidecar) {
        if (QFileInfo(sidecar).lastModified() == m_sidecarStamp)
            return; // our own save
        m_askingReload = true;
        const QString text = m_set->isClean()
            ? tr("The annotations of %1 were changed by another program. Load them?").arg(m_document.name())
            : tr("The annotations of %1 were changed by another program. Load them and discard your unsaved edits?")
                  .arg(m_document.name());
        const auto answer = ask(QMessageBox::Question, tr("Annotations Changed on Disk"), text, QMessageBox::Yes | QMessageBox::No);
        m_askingReload = false;
        if (answer != QMessageBox::Yes) {
            m_sidecarStamp = QFileInfo(sidecar).lastModified(); // asked once per change
            return;
        }
        RecoveryStore::discard(m_document.path());
        m_set->clear(); // no question about unsaved edits: the user just chose
        showArticle(m_document, false);
    }
}

void MainWindow::tagAllOccurrences(const QString &type)
{
    const auto current = currentAnnotation();
    QString needle;
    if (current && (!m_view->hasSelection() || (current->start == m_view->selectionStart() && current->end == m_view->selectionEnd()))) {
        needle = current->text;
    } else {
        const TextOffsets &offsets = m_document.offsets();
        const auto span = snapSelection(m_document.text(), offsets.toUtf16(m_view->selectionStart()),
                                        offsets.toUtf16(m_view->selectionEnd()), type);
        if (span)
            needle = m_document.text().mid(span->start, span->end - span->start);
    }
    if (needle.isEmpty()) {
        statusBar()->showMessage(tr("Select a word or a phrase first."), 4000);
        return;
    }
    const bool sameType = current && current->type == type;
    const int count = m_set->tagAllOccurrences(m_document, needle, type, current ? current->type : QString(),
                                               sameType ? current->attributes : QMap<QString, QString>());
    if (count == 0) {
        statusBar()->showMessage(tr("Every occurrence is already a %1.").arg(type), 4000);
        return;
    }
    statusBar()->showMessage(tr("%1 occurrences of “%2” are now %3.").arg(count).arg(needle.left(40), type), 6000);
}

void MainWindow::deleteAllOccurrences()
{
    if (const auto current = currentAnnotation())
        m_set->removeAllOccurrences(current->type, current->text);
}

void MainWindow::setCurrentStatus(Status status)
{
    const auto a = currentAnnotation();
    if (!a)
        return;
    m_set->setStatus({a->id}, status);
    m_view->moveCursorTo(a->start);
    gotoSuggestion(true);
}

bool MainWindow::gotoSuggestion(bool forward)
{
    const qint64 from = m_view->selectionStart();
    const QList<Annotation> all = m_set->annotations();
    const QSet<QString> &hidden = m_view->highlighter()->hiddenTypes();
    auto isCandidate = [&](const Annotation &a) { return a.status == Status::Suggested && !hidden.contains(a.type); };
    const Annotation *found = nullptr;
    if (forward) {
        for (const Annotation &a : all) {
            if (isCandidate(a) && a.start > from) {
                found = &a;
                break;
            }
        }
        for (qsizetype i = 0; !found && i < all.size(); ++i) {
            if (isCandidate(all[i]))
                found = &all[i];
        }
    } else {
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (isCandidate(*it) && it->start < from) {
                found = &*it;
                break;
            }
        }
        for (auto it = all.crbegin(); !found && it != all.crend(); ++it) {
            if (isCandidate(*it))
                found = &*it;
        }
    }
    if (!found) {
        statusBar()->showMessage(tr("No suggestions left to review."), 4000);
        return false;
    }
    m_view->selectRange(found->start, found->end);
    statusBar()->showMessage(tr("Suggested %1: A accepts, R rejects, 1-4 retypes, N goes on.").arg(found->type), 6000);
    return true;
}

void MainWindow::setStatusOfAll(const QString &type, Status status)
{
    // Clearing a whole type says "not in this article", not "never this
    // text": the personal lexicon learns nothing from it.
    m_learner->setPaused(true);
    m_set->setStatusOfAll(type, status);
    m_learner->setPaused(false);
}

void MainWindow::setStatusOfSameText(Status status)
{
    if (const auto current = currentAnnotation())
        m_set->setStatusOfSameText(current->id, status);
}

QList<QPair<QString, QString>> MainWindow::shortcuts() const
{
    QList<QPair<QString, QString>> out;
    std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
        for (const QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            else if (!a->shortcuts().isEmpty()) {
                QStringList keys;
                for (const QKeySequence &k : a->shortcuts())
                    keys.append(k.toString(QKeySequence::NativeText));
                QString text = a->text();
                text.remove(u'&');
                out.append({text, keys.join(QStringLiteral(", "))});
            }
        }
    };
    for (const QAction *a : menuBar()->actions()) {
        if (a->menu())
            walk(a->menu());
    }
    // In the view's context menu only: it acts on the link at the cursor.
    out.append({tr("Open Link (or Ctrl+Click)"), m_view->openLinkAction()->shortcut().toString(QKeySequence::NativeText)});
    return out;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Move with the arrow keys, select with Shift+arrows, then press a key. "
                                "Plain keys work in the article text."), &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto rows = shortcuts();
    auto *table = new QTableWidget(int(rows.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, 560);
    dialog.exec();
}

void MainWindow::updateRecentMenu()
{
    writeRecent();
    m_recentMenu->clear();
    const QStringList files = Settings().recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeKeepChanges())
                openFile(path);
        });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Articles"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this, [this] {
        writeRecent();
        Settings().clearRecentFiles();
    });
}

void MainWindow::openDialog()
{
    if (!maybeKeepChanges())
        return;
    const QString dir = m_document.path().isEmpty() ? QString() : QFileInfo(m_document.path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Article"), dir,
                                                      tr("Articles (*.md *.markdown *.txt);;All Files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    std::optional<Document> doc = Document::load(path, &error);
    if (!doc) {
        ask(QMessageBox::Warning, tr("Cannot Open Article"), error);
        return false;
    }
    addRecent(path);
    openDocument(*doc);
    return true;
}

void MainWindow::openDocument(const Document &document)
{
    showArticle(document, false);
}

void MainWindow::showArticle(const Document &document, bool restoreSilently)
{
    m_recognition->cancel();
    m_loadRevision = 0;
    m_loader->cancel();
    setAnnotatingEnabled(true);
    showProgress(QString(), 0, 0);
    // Detach the highlighter while the set is replaced: the new annotations
    // belong to the new text, which the view does not show yet.
    m_view->highlighter()->setAnnotations(nullptr, nullptr);
    m_document = document;
    m_sidecarInvalid = false;
    m_sidecarError.clear();
    // Read the recovery file before anything else: replacing the set's
    // contents below marks it clean, which removes the file.
    // A recovery file the sidecar was saved after (the program died between
    // the save and the file's removal) is never offered: restoring it would
    // undo newer saved work. One that differs is kept aside, not deleted.
    const RecoveryStore::Recovered found = RecoveryStore::find(m_document);
    QString olderRecovery;
    if (found.freshness == RecoveryStore::Freshness::SameAsSaved)
        RecoveryStore::discard(m_document.path());
    else if (found.freshness == RecoveryStore::Freshness::OlderThanSaved)
        olderRecovery = RecoveryStore::setAside(m_document.path());

    // A large article's text shows at once and its annotations follow from
    // a worker thread (unless a recovery file asks a question first).
    if (!m_document.path().isEmpty() && found.freshness != RecoveryStore::Freshness::Newer
        && m_document.text().size() > LargeArticle) {
        m_olderRecovery = olderRecovery;
        m_set->clear();
        m_ruler->setLength(m_document.length());
        m_view->showText(m_document);
        setAnnotatingEnabled(false);
        m_loadRevision = m_loader->start(m_document);
        watchFiles();
        updateTitle();
        updateStatus();
        showProgress(tr("Loading annotations…"), 0, 0);
        return;
    }
    SidecarStore::LoadResult loaded;
    if (!m_document.path().isEmpty())
        loaded = SidecarStore::load(m_document, SidecarStore::Form::Batches);
    showAnnotations(loaded, found, olderRecovery, restoreSilently, false);
}

void MainWindow::showAnnotations(SidecarStore::LoadResult &loaded, const RecoveryStore::Recovered &found,
                                 const QString &olderRecovery, bool restoreSilently, bool textShown)
{
    const SidecarStore::LoadResult &recovered = found.loaded;
    const QDateTime &recoveredAt = found.keptAt;
    const QString sidecarName = QFileInfo(SidecarStore::sidecarPath(m_document.path())).fileName();
    QString message;
    QMessageBox::Icon icon = QMessageBox::Information;
    switch (loaded.status) {
    case SidecarStore::LoadStatus::Invalid:
        m_set->clear();
        m_sidecarInvalid = true;
        m_sidecarError = loaded.error;
        icon = QMessageBox::Warning;
        message = tr("The annotations in %1 cannot be read:\n\n%2\n\nThey were not loaded. The file will not be "
                     "overwritten unless you agree to it when saving.")
                      .arg(sidecarName, loaded.error);
        break;
    case SidecarStore::LoadStatus::Loaded:
    case SidecarStore::LoadStatus::Reanchored:
        // Moved, not copied, batch by batch: the loaded lists and the set's
        // copy of a large article's annotations are not both kept.
        m_set->resetFromBatches(std::move(loaded.batches), std::move(loaded.data.entities), loaded.data.orphans,
                                loaded.data.types);
        m_set->setUnknownFields(loaded.data.unknownFields);
        if (!loaded.data.orphans.isEmpty()) {
            icon = QMessageBox::Warning;
            const qsizetype n = loaded.data.orphans.size();
            message = tr("%1 changed since its annotations were saved. %2 could not be placed in the new text. "
                         "They are kept and will be saved with the others.")
                          .arg(m_document.name(), n == 1 ? tr("1 annotation") : tr("%1 annotations").arg(n));
        }
        if (!loaded.data.warnings.isEmpty())
            message += (message.isEmpty() ? QString() : QStringLiteral("\n\n")) + loaded.data.warnings.join(u'\n');
        break;
    case SidecarStore::LoadStatus::None:
        m_set->clear();
        break;
    }
    bool restored = false;
    if (found.freshness == RecoveryStore::Freshness::Newer) {
        const auto answer = restoreSilently ? QMessageBox::Yes : ask(QMessageBox::Question, tr("Restore Unsaved Edits?"),
                                tr("%1 has annotation edits that were never saved (last kept %2), probably because the "
                                   "program stopped unexpectedly. Restore them?")
                                    .arg(m_document.name(), QLocale().toString(recoveredAt, QLocale::ShortFormat)),
                                QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes) {
            m_set->reset(recovered.data.annotations, recovered.data.entities, recovered.data.orphans, recovered.data.types);
            m_set->setUnknownFields(recovered.data.unknownFields);
            m_set->setModified();
            m_autosaver->flush(); // the reset above removed the file: keep it until saved
            restored = true;
        } else {
            RecoveryStore::discard(m_document.path());
        }
    }
    m_ruler->setLength(m_document.length());
    if (textShown)
        m_view->showAnnotations(m_set);
    else
        m_view->showDocument(m_document, m_set);
    watchFiles();
    updateTitle();
    updateStatus();
    if (loaded.status == SidecarStore::LoadStatus::None && !restored && Settings().annotateNewArticles())
        startRecognition();
    if (!olderRecovery.isEmpty())
        statusBar()->showMessage(tr("Unsaved edits kept before the last save were older than the saved annotations; "
                                    "the saved ones are shown, the older edits kept in %1.")
                                     .arg(QDir::toNativeSeparators(olderRecovery)),
                                 15000);
    if (loaded.status == SidecarStore::LoadStatus::Reanchored && loaded.data.orphans.isEmpty())
        statusBar()->showMessage(tr("The article changed since the last save; %1 moved to fit.")
                                     .arg(loaded.moved == 1 ? tr("1 annotation was") : tr("%1 annotations were").arg(loaded.moved)),
                                 8000);
    if (!message.isEmpty())
        ask(icon, tr("Annotations of %1").arg(m_document.name()), message);
}

void MainWindow::sidecarLoaded(quint64 revision, SidecarStore::LoadResult *loaded)
{
    if (revision != m_loadRevision)
        return;
    setAnnotatingEnabled(true);
    showProgress(QString(), 0, 0);
    showAnnotations(*loaded, RecoveryStore::Recovered(), m_olderRecovery, false, true);
}

void MainWindow::setAnnotatingEnabled(bool enabled)
{
    // While a large article's annotations load, nothing may change the set
    // they will replace.
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            a->setEnabled(enabled);
            if (a->menu())
                walk(a->menu());
        }
    };
    walk(m_annotateMenu);
}

void MainWindow::showProgress(const QString &what, int done, int total)
{
    if (what.isEmpty()) {
        m_progress->hide();
        return;
    }
    m_progress->setFormat(what + QStringLiteral(" %p%"));
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setToolTip(what);
    m_progress->show();
}

void MainWindow::startRecognition()
{
    m_recognitionRevision = m_recognition->start(m_document.text(), m_lexiconOn ? &m_lexicon : nullptr);
    showStatus();
}

void MainWindow::annotateAgain()
{
    if (!m_document.text().isEmpty())
        startRecognition();
}

bool MainWindow::isBusy() const
{
    return m_recognition->isRunning() || m_loader->isRunning() || m_view->highlighter()->isPreparing();
}

void MainWindow::waitUntilIdle()
{
    while (isBusy()) {
        m_loader->finishNow();
        if (m_recognition->isRunning())
            m_recognition->waitForDone();
        // A large article's annotations, and the highlighter's preparation,
        // go on in the event loop.
        QCoreApplication::processEvents();
    }
}

void MainWindow::suggestionsArrived(quint64 revision, const Recognition &result)
{
    if (revision == m_recognitionRevision)
        addSuggestions(result);
}

void MainWindow::addSuggestions(const Recognition &result)
{
    // The merger keeps the user's decisions (manual, accepted and rejected
    // annotations) and gives the new suggestions ids of this set.
    AnnotationEdit edit = SuggestionMerger::merge(*m_set, result);
    edit.text = tr("Automatic annotations");
    const int count = int(std::count_if(edit.annotations.cbegin(), edit.annotations.cend(),
                                        [](const AnnotationEdit::AnnotationDelta &d) { return !d.before && d.after; }));
    m_learner->setPaused(true); // the recognisers' work is nothing to learn from
    m_set->apply(edit);
    m_learner->setPaused(false);
    showStatus();
    statusBar()->showMessage(count ? (count == 1 ? tr("1 suggestion added by the recognisers.") : tr("%1 suggestions added by the recognisers.").arg(count))
                                   : tr("The recognisers found nothing new."),
                             8000);
}

bool MainWindow::save()
{
    // Annotations still loading are part of what is saved.
    m_loader->finishNow();
    if (m_document.path().isEmpty()) {
        // The bundled sample has no file: keep a copy of the text so the
        // annotations have something to sit beside.
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Article and Annotations"), m_document.name(),
                                                          tr("Articles (*.md *.txt)"));
        if (path.isEmpty())
            return false;
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_document.text().toUtf8()) < 0 || !f.commit()) {
            ask(QMessageBox::Critical, tr("Cannot Save"), tr("Could not write %1: %2").arg(path, f.errorString()));
            return false;
        }
        QString error;
        std::optional<Document> copy = Document::load(path, &error);
        if (!copy) {
            ask(QMessageBox::Critical, tr("Cannot Save"), error);
            return false;
        }
        m_document = *copy;
        addRecent(path);
        updateTitle();
    }
    SidecarStore::SaveMode mode = SidecarStore::SaveMode::Safe;
    const QString sidecar = SidecarStore::sidecarPath(m_document.path());
    if (m_sidecarInvalid) {
        const auto answer = ask(QMessageBox::Warning, tr("Replace Unreadable Annotations?"),
                                tr("%1 could not be read when the article was opened:\n\n%2\n\nReplace it with the "
                                   "current annotations? The old file is kept as a backup.")
                                    .arg(QFileInfo(sidecar).fileName(), m_sidecarError),
                                QMessageBox::Yes | QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
        mode = SidecarStore::SaveMode::OverwriteInvalid;
    }
    // Pending edits go to the recovery file first: a save cut short by a
    // crash then costs nothing, and one that completes leaves a recovery
    // file equal to the sidecar until it is removed.
    m_autosaver->flush();
    QString error;
    if (!SidecarStore::save(m_document, *m_set, &error, mode)) {
        ask(QMessageBox::Critical, tr("Cannot Save Annotations"), error);
        return false;
    }
    m_sidecarInvalid = false;
    m_sidecarError.clear();
    m_set->setClean();
    watchFiles();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(sidecar)), 5000);
    return true;
}

bool MainWindow::maybeKeepChanges()
{
    if (m_set->isClean())
        return true;
    const auto answer = ask(QMessageBox::Question, tr("Unsaved Changes"),
                            tr("The annotations of %1 have unsaved changes. Save them?").arg(m_document.name()),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer != QMessageBox::Discard)
        return false;
    if (!m_document.path().isEmpty())
        RecoveryStore::discard(m_document.path());
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeKeepChanges()) {
        event->ignore();
        return;
    }
    writeRecent();
    Settings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    if (maybeKeepChanges())
        openFile(urls.first().toLocalFile());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // A theme that follows the system changes with the system's palette.
    if (event->type() == QEvent::ApplicationPaletteChange && m_themeName.isEmpty())
        applyTheme();
}

void MainWindow::updateTitle()
{
    const QString name = m_document.name().isEmpty() ? tr("No Article") : m_document.name();
    setWindowTitle(tr("%1[*] — Article Annotator").arg(name));
    setWindowModified(!m_set->isClean());
}

void MainWindow::updateStatus()
{
    // Count in place, without copying the annotations.
    qsizetype suggested = 0, accepted = 0;
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (a.status == Status::Suggested)
            ++suggested;
        else if (a.status == Status::Accepted)
            ++accepted;
    });
    m_suggestedCount = suggested;
    m_acceptedCount = accepted;
    showStatus();
}

void MainWindow::showStatus()
{
    const qsizetype suggested = m_suggestedCount, accepted = m_acceptedCount;
    QString text = (accepted == 1 ? tr("1 annotation") : tr("%1 annotations").arg(accepted));
    if (suggested)
        text += (suggested == 1 ? tr(", 1 suggestion to review") : tr(", %1 suggestions to review").arg(suggested));
    if (!m_set->orphans().isEmpty())
        text += tr(", %n could not be placed", nullptr, int(m_set->orphans().size()));
    // Only the recognisers: loading and highlighting show their own progress.
    if (m_recognition->isRunning())
        text += tr(" — recognising…");
    m_statusLabel->setText(text);
}

bool MainWindow::setThemeName(const QString &name)
{
    if (!name.isEmpty() && !m_repository.theme(name).isValid())
        return false;
    m_themeName = name;
    applyTheme();
    return true;
}

void MainWindow::applyTheme()
{
    using KSyntaxHighlighting::Theme;
    const bool automatic = m_themeName.isEmpty();
    const Theme theme = automatic ? m_repository.themeForPalette(QApplication::palette()) : m_repository.theme(m_themeName);
    const QColor background(theme.editorColor(Theme::BackgroundColor));
    const QColor text(theme.textColor(Theme::Normal));

    // A theme picked by hand dresses the whole window; one that follows the
    // system only the text, the rest keeps the system's palette.
    QPalette window = QApplication::palette();
    if (!automatic) {
        const QColor chrome(theme.editorColor(Theme::IconBorder));
        window.setColor(QPalette::Window, chrome);
        window.setColor(QPalette::WindowText, text);
        window.setColor(QPalette::Button, chrome);
        window.setColor(QPalette::ButtonText, text);
        window.setColor(QPalette::Base, background);
        window.setColor(QPalette::AlternateBase, QColor(theme.editorColor(Theme::CurrentLine)));
        window.setColor(QPalette::Text, text);
        window.setColor(QPalette::ToolTipBase, chrome);
        window.setColor(QPalette::ToolTipText, text);
        window.setColor(QPalette::PlaceholderText, QColor(theme.editorColor(Theme::LineNumbers)));
        window.setColor(QPalette::Highlight, QColor(theme.editorColor(Theme::TextSelection)));
        window.setColor(QPalette::HighlightedText, text);
    }
    setPalette(window);
    QPalette editor = window;
    editor.setColor(QPalette::Base, background);
    editor.setColor(QPalette::Text, text);
    editor.setColor(QPalette::Highlight, QColor(theme.editorColor(Theme::TextSelection)));
    editor.setColor(QPalette::HighlightedText, text);
    m_view->setPalette(editor);

    const AnnotationStyle style(background, m_set->userTypes());
    m_view->highlighter()->setThemeAndStyle(theme, style);
    QList<QPair<QString, QString>> types;
    const QStringList keys = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")};
    const QStringList builtIn = AnnotationStyle::builtInTypes();
    for (int i = 0; i < builtIn.size(); ++i)
        types.append({builtIn.at(i), keys.value(i)});
    for (const AnnotationType &t : m_set->userTypes())
        types.append({t.name, t.key});
    m_legend->setStyle(style, background, text, types);
    QHash<QString, QColor> colors;
    for (const auto &[type, key] : std::as_const(types))
        colors.insert(type, style.color(type));
    if (m_entityPanel)
        m_entityPanel->setTypeColors(colors);
    m_ruler->setPalette(editor);
    m_ruler->setStyle(style);

    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == m_themeName);
}

} // namespace annotator
