// The GUI: parses the command line and opens the main window.
#include "entitypanel.h"
#include "mainwindow.h"
#include "personallexicondialog.h"
#include "quotelist.h"
#include "statisticsview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

using namespace annotator;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ArticleAnnotator"));
    QApplication::setApplicationName(QStringLiteral("article-annotator"));
    QApplication::setApplicationDisplayName(QStringLiteral("Article Annotator"));
    QApplication::setApplicationVersion(QStringLiteral(ANNOTATOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("article-annotator"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/article-annotator.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Highlights speakers, quotes, countries and events in a news article."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article to open (UTF-8 text or Markdown). Without one, a sample article."),
                                 QStringLiteral("[ARTICLE]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window to PATH once the article is highlighted, then quit."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("KSyntaxHighlighting theme to use (e.g. \"Breeze Dark\")."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WIDTHxHEIGHT."), QStringLiteral("SIZE"));
    const QCommandLineOption statistics(QStringLiteral("statistics"), QStringLiteral("Open the statistics window (with --screenshot: grab it instead)."));
    const QCommandLineOption panel(QStringLiteral("panel"),
                                   QStringLiteral("With --screenshot: grab only the panel NAME (\"entities\" or \"quotes\") at its size in the window, or "
                                                  "the personal lexicon's window (\"lexicon\")."),
                                   QStringLiteral("NAME"));
    parser.addOptions({screenshot, theme, size, statistics, panel});
    parser.process(app);
    const QString panelName = parser.value(panel);
    if (!panelName.isEmpty() && panelName != QLatin1String("entities") && panelName != QLatin1String("quotes")
        && panelName != QLatin1String("lexicon")) {
        std::fprintf(stderr, "article-annotator: no panel named \"%s\" (entities, quotes or lexicon)\n", qPrintable(panelName));
        return 2;
    }

    MainWindow window;
    const QString shotPath = parser.value(screenshot);
    if (!shotPath.isEmpty()) {
        // Nobody is there to answer a message box: say it on stderr.
        window.setPrompter([](QMessageBox::Icon, const QString &title, const QString &text, QMessageBox::StandardButtons buttons) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(text));
            return buttons.testFlag(QMessageBox::Cancel) ? QMessageBox::Cancel : QMessageBox::Ok;
        });
    }
    if (parser.isSet(theme) && !window.setThemeName(parser.value(theme))) {
        std::fprintf(stderr, "article-annotator: no theme named \"%s\"\n", qPrintable(parser.value(theme)));
        return 2;
    }
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        if (wh.size() == 2)
            window.resize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    window.show();

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        if (!window.openFile(args.first()) && !shotPath.isEmpty())
            return 1;
    } else {
        QFile sample(QStringLiteral(":/sample/sample-article.md"));
        QString error;
        if (!sample.open(QIODevice::ReadOnly))
            return 1;
        if (auto doc = Document::decode(sample.readAll(), QStringLiteral("sample-article.md"), &error))
            window.openDocument(*doc);
    }

    if (shotPath.isEmpty() && parser.isSet(statistics)) {
        QTimer::singleShot(0, &window, [&window] {
            window.waitUntilIdle();
            window.showStatistics();
        });
    }
    if (!shotPath.isEmpty()) {
        auto *poll = new QTimer(&app);
        poll->setInterval(100);
        const bool stats = parser.isSet(statistics);
        QObject::connect(poll, &QTimer::timeout, &app, [&window, poll, shotPath, stats, panelName] {
            if (window.isBusy())
                return;
            poll->stop();
            if (stats)
                window.showStatistics();
            if (panelName == QLatin1String("lexicon"))
                window.showPersonalLexicon();
            // Let the highlighter and the layout finish before the grab.
            QTimer::singleShot(500, &window, [&window, shotPath, stats, panelName] {
                QWidget *target = &window;
                if (stats) {
                    if (auto *view = window.findChild<StatisticsView *>())
                        target = view;
                }
                // The dock with its title bar, as the user sees the panel.
                if (panelName == QLatin1String("entities"))
                    target = window.entityPanel()->parentWidget();
                else if (panelName == QLatin1String("quotes"))
                    target = window.quoteList()->parentWidget();
                else if (panelName == QLatin1String("lexicon"))
                    target = window.showPersonalLexicon();
                const QPixmap pixmap = target->grab();
                if (!pixmap.save(shotPath, "PNG")) {
                    std::fprintf(stderr, "article-annotator: could not write %s\n", qPrintable(shotPath));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("%s\n", qPrintable(shotPath));
                QCoreApplication::exit(0);
            });
        });
        poll->start();
    }
    return app.exec();
}
