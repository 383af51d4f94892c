#include "cli.h"

#include <QTextStream>

namespace annotator::cli {

int run(const QStringList &arguments)
{
    QTextStream err(stderr);
    err << "usage: " << arguments.value(0) << " COMMAND ...\n";
    return 2;
}

} // namespace annotator::cli
