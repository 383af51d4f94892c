#include "batchrunner.h"

#include <QThread>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace annotator::cli {

namespace {

std::mutex outputMutex;
bool progressShown = false;

bool stderrIsTerminal()
{
    static const bool tty = isatty(fileno(stderr));
    return tty;
}

void clearProgress()
{
    if (progressShown) {
        std::fputs("\r\033[K", stderr);
        progressShown = false;
    }
}

} // namespace

int defaultJobs()
{
    return std::max(1, QThread::idealThreadCount());
}

BatchRunner::BatchRunner(int jobs)
    : m_jobs(std::max(1, jobs))
{
}

void BatchRunner::report(const QString &message)
{
    std::lock_guard lock(outputMutex);
    clearProgress();
    const QByteArray bytes = message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QStringList BatchRunner::run(qsizetype count, const Task &task)
{
    std::vector<QString> errors(static_cast<size_t>(count));
    std::atomic<qsizetype> next{0};
    std::atomic<qsizetype> done{0};
    const bool progress = stderrIsTerminal() && count > 1;
    auto worker = [&] {
        for (qsizetype i = next++; i < count; i = next++) {
            errors[size_t(i)] = task(i);
            const qsizetype finished = ++done;
            if (progress) {
                std::lock_guard lock(outputMutex);
                const int width = 30;
                const int filled = int(width * finished / count);
                std::fprintf(stderr, "\r[%s%s] %lld/%lld", QByteArray(filled, '#').constData(), QByteArray(width - filled, '.').constData(),
                             static_cast<long long>(finished), static_cast<long long>(count));
                std::fflush(stderr);
                progressShown = true;
            }
        }
    };
    const int threads = int(std::min<qsizetype>(m_jobs, std::max<qsizetype>(count, 1)));
    if (threads <= 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(worker);
        for (auto &t : pool)
            t.join();
    }
    {
        std::lock_guard lock(outputMutex);
        clearProgress();
    }
    QStringList failures;
    for (const QString &e : errors) {
        if (!e.isEmpty())
            failures.append(e);
    }
    return failures;
}

int BatchRunner::summarize(const QString &what, qsizetype count, const QStringList &failures)
{
    if (count > 1 || !failures.isEmpty()) {
        QString text = QStringLiteral("%1: %2 of %3 done").arg(what).arg(count - failures.size()).arg(count);
        if (!failures.isEmpty()) {
            text += QStringLiteral(", %1 failed:").arg(failures.size());
            for (const QString &f : failures)
                text += QStringLiteral("\n  ") + f;
        }
        report(text);
    }
    return failures.isEmpty() ? 0 : 1;
}

} // namespace annotator::cli
