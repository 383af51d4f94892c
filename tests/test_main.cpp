// The one main of every test executable: picks the offscreen platform unless
// one is set, creates the application object, switches QStandardPaths to
// test mode so no test touches the user's settings or data, runs the tests.
#include "recognition/personallexicon.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#ifdef ANNOTATOR_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif

namespace {

// Corrections are remembered across articles in the personal lexicon; each
// test starts without the previous tests' corrections.
class FreshPersonalLexicon : public ::testing::EmptyTestEventListener
{
    void OnTestStart(const ::testing::TestInfo &) override { QFile::remove(annotator::PersonalLexicon::defaultPath()); }
};

} // namespace

int main(int argc, char **argv)
{
    // ctest runs test processes side by side; each gets a home of its own so
    // their settings, recent files and recovery files never mix (test mode
    // puts them under $HOME/.qttest).
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/article-annotator-test-home-XXXXXX"));
    if (home.isValid())
        qputenv("HOME", QFile::encodeName(home.path()));
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
    ::testing::UnitTest::GetInstance()->listeners().Append(new FreshPersonalLexicon);
    return RUN_ALL_TESTS();
}
