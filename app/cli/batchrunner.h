#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace annotator::cli {

/// Runs one task per input on several threads, shows progress on stderr
/// when it is a terminal, and collects what failed so one bad input never
/// stops the others.
class BatchRunner
{
public:
    /// A task returns an empty string on success, else the reason (which
    /// names its input). It may call report() for warnings.
    using Task = std::function<QString(qsizetype index)>;

    explicit BatchRunner(int jobs);

    /// Runs @p task for every index below @p count; returns the failures,
    /// in input order.
    QStringList run(qsizetype count, const Task &task);

    /// Writes one line to stderr without tearing the progress bar.
    static void report(const QString &message);
    /// Prints "N done, M failed" and the reasons; returns the exit status
    /// (0 when nothing failed, 1 otherwise).
    static int summarize(const QString &what, qsizetype count, const QStringList &failures);

private:
    int m_jobs;
};

/// Default for --jobs: the number of cores.
int defaultJobs();

} // namespace annotator::cli
