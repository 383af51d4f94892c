#pragma once

#include <QStringList>

namespace annotator::cli {

/// Runs the command line (argv as Qt gives it) and returns the exit status.
int run(const QStringList &arguments);

}
