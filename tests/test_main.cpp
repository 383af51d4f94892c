// The one main of every test executable: picks the offscreen platform unless
// one is set, creates the application object, switches QStandardPaths to
// test mode so no test touches the user's settings or data, runs the tests.
#include "testsupport.h"

#include <QStandardPaths>
#ifdef ANNOTATOR_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif

int main(int argc, char **argv)
{
#ifdef ANNOTATOR_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setOrganizationName(QStringLiteral("ArticleAnnotatorTests"));
    QCoreApplication::setApplicationName(QStringLiteral("article-annotator-tests"));
    QStandardPaths::setTestModeEnabled(true);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
