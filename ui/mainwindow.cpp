#include "mainwindow.h"

#include "annotationhighlighter.h"
#include "annotationstyle.h"
#include "articleview.h"
#include "backgroundrecognition.h"
#include "legendwidget.h"
#include "settings.h"
#include "storage/sidecarstore.h"

#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSaveFile>
#include <QStatusBar>

namespace annotator {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_set(new AnnotationSet(this))
    , m_view(new ArticleView(m_repository, this))
    , m_legend(new LegendWidget(this))
    , m_statusLabel(new QLabel(this))
    , m_recognition(new BackgroundRecognition(this))
{
    setCentralWidget(m_view);
    setAcceptDrops(true);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_legend);
    createActions();

    connect(m_set, &AnnotationSet::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    connect(m_set, &AnnotationSet::changed, this, &MainWindow::updateStatus);
    connect(m_set, &AnnotationSet::wasReset, this, &MainWindow::updateStatus);
    connect(m_recognition, &BackgroundRecognition::finished, this, &MainWindow::addSuggestions);

    Settings settings;
    m_themeName = settings.themeName();
    applyTheme();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1100, 760);
    restoreState(settings.windowState());
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The highlighter must not follow a set that is going away.
    m_view->highlighter()->setAnnotations(nullptr, nullptr);
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
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    annotate->addAction(tr("Annotate &Again"), this, &MainWindow::annotateAgain);

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
}

void MainWindow::updateRecentMenu()
{
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
    m_recentMenu->addAction(tr("Clear List"), this, [] { Settings().clearRecentFiles(); });
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
    Settings().addRecentFile(path);
    openDocument(*doc);
    return true;
}

void MainWindow::openDocument(const Document &document)
{
    m_recognition->cancel();
    // Detach the highlighter while the set is replaced: the new annotations
    // belong to the new text, which the view does not show yet.
    m_view->highlighter()->setAnnotations(nullptr, nullptr);
    m_document = document;
    m_sidecarInvalid = false;
    m_sidecarError.clear();

    SidecarStore::LoadResult loaded;
    if (!m_document.path().isEmpty())
        loaded = SidecarStore::load(m_document);
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
        m_set->reset(loaded.data.annotations, loaded.data.entities, loaded.data.orphans, loaded.data.types);
        if (!loaded.data.orphans.isEmpty()) {
            icon = QMessageBox::Warning;
            message = tr("%1 changed since its annotations were saved. %n annotation(s) could not be placed in the "
                         "new text. They are kept and will be saved with the others.",
                         nullptr, int(loaded.data.orphans.size()))
                          .arg(m_document.name());
        }
        if (!loaded.data.warnings.isEmpty())
            message += (message.isEmpty() ? QString() : QStringLiteral("\n\n")) + loaded.data.warnings.join(u'\n');
        break;
    case SidecarStore::LoadStatus::None:
        m_set->clear();
        break;
    }
    m_view->showDocument(m_document, m_set);
    updateTitle();
    updateStatus();
    if (loaded.status == SidecarStore::LoadStatus::None)
        startRecognition();
    if (loaded.status == SidecarStore::LoadStatus::Reanchored && loaded.data.orphans.isEmpty())
        statusBar()->showMessage(tr("The article changed since the last save; %n annotation(s) were moved to fit.",
                                    nullptr, int(loaded.moved)),
                                 8000);
    if (!message.isEmpty())
        ask(icon, tr("Annotations of %1").arg(m_document.name()), message);
}

void MainWindow::startRecognition()
{
    m_recognitionRevision = m_recognition->start(m_document.text());
    updateStatus();
}

void MainWindow::annotateAgain()
{
    if (!m_document.text().isEmpty())
        startRecognition();
}

bool MainWindow::isBusy() const
{
    return m_recognition->isRunning();
}

void MainWindow::waitUntilIdle()
{
    while (isBusy()) {
        m_recognition->waitForDone();
        QCoreApplication::processEvents();
    }
}

void MainWindow::addSuggestions(quint64 revision, const Recognition &result)
{
    if (revision != m_recognitionRevision)
        return;
    // Recognition ids are local to the result: give everything fresh ids in
    // this set and carry the links over.
    AnnotationEdit edit;
    edit.text = tr("Automatic annotations");
    QHash<QString, QString> entityIds;
    QHash<QString, const Entity *> entities;
    for (const Entity &e : result.entities)
        entities.insert(e.id, &e);
    auto mapEntity = [&](const QString &local) -> QString {
        if (local.isEmpty())
            return QString();
        auto it = entityIds.constFind(local);
        if (it != entityIds.cend())
            return it.value();
        const Entity *e = entities.value(local);
        if (!e)
            return QString();
        Entity copy = *e;
        copy.id = m_set->newEntityId();
        edit.add(copy);
        entityIds.insert(local, copy.id);
        return copy.id;
    };
    for (const Annotation &a : result.annotations) {
        // What the user already has (accepted, corrected or rejected) wins
        // over a suggestion for the same span.
        bool known = false;
        m_set->forEachIn(a.start, a.end, [&](const Annotation &o) { known = known || o.sameSpan(a); });
        if (known)
            continue;
        Annotation s = a;
        s.id = m_set->newAnnotationId();
        s.entity = mapEntity(a.entity);
        s.saidBy = mapEntity(a.saidBy);
        s.origin = Origin::Automatic;
        s.status = Status::Suggested;
        edit.add(s);
    }
    const int count = int(edit.annotations.size());
    m_set->apply(edit);
    updateStatus();
    statusBar()->showMessage(count ? tr("%n suggestion(s) added by the recognisers.", nullptr, count)
                                   : tr("The recognisers found nothing new."),
                             8000);
}

bool MainWindow::save()
{
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
        Settings().addRecentFile(path);
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
    QString error;
    if (!SidecarStore::save(m_document, *m_set, &error, mode)) {
        ask(QMessageBox::Critical, tr("Cannot Save Annotations"), error);
        return false;
    }
    m_sidecarInvalid = false;
    m_sidecarError.clear();
    m_set->setClean();
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
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeKeepChanges()) {
        event->ignore();
        return;
    }
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
    qsizetype suggested = 0, accepted = 0;
    for (const Annotation &a : m_set->annotations()) {
        if (a.status == Status::Suggested)
            ++suggested;
        else if (a.status == Status::Accepted)
            ++accepted;
    }
    QString text = tr("%n annotation(s)", nullptr, int(accepted));
    if (suggested)
        text += tr(", %n suggestion(s) to review", nullptr, int(suggested));
    if (!m_set->orphans().isEmpty())
        text += tr(", %n could not be placed", nullptr, int(m_set->orphans().size()));
    if (isBusy())
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

    for (QAction *a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == m_themeName);
}

} // namespace annotator
