#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("article-annotator-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("ArticleAnnotator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANNOTATOR_VERSION));
    return annotator::cli::run(QCoreApplication::arguments());
}
