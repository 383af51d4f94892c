// The `stream` command's JSON Lines reader: any bytes on its standard input
// give, for each line that is not blank, one output line holding a JSON
// object with the input's id and annotations or an error; never a crash.
// It runs the real command with stdin and stdout on memory files.
#include "cli.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace {

int s_in = -1;
int s_out = -1;
int s_realOut = -1;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    s_in = memfd_create("stream-in", 0);
    s_out = memfd_create("stream-out", 0);
    s_realOut = dup(1);
    if (s_in < 0 || s_out < 0 || s_realOut < 0)
        std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    // The input on fd 0 from its start, an empty fd 1.
    if (ftruncate(s_in, 0) != 0 || pwrite(s_in, data, size, 0) != ssize_t(size) || lseek(s_in, 0, SEEK_SET) != 0 || dup2(s_in, 0) < 0)
        std::abort();
    std::clearerr(stdin);
    std::fseek(stdin, 0, SEEK_SET);
    std::fflush(stdout);
    if (ftruncate(s_out, 0) != 0 || lseek(s_out, 0, SEEK_SET) != 0 || dup2(s_out, 1) < 0)
        std::abort();

    const int status = cli::run({QStringLiteral("fuzz_stream"), QStringLiteral("stream"), QStringLiteral("--jobs"), QStringLiteral("1")});

    std::fflush(stdout);
    dup2(s_realOut, 1);
    if (status != 0 && status != 1)
        std::abort();
    const off_t n = lseek(s_out, 0, SEEK_END);
    QByteArray out(qsizetype(n), Qt::Uninitialized);
    if (n > 0 && pread(s_out, out.data(), size_t(n), 0) != ssize_t(n))
        std::abort();
    // Every result line is a JSON object with the annotations found or what
    // was wrong with the line. (A line without an "id" gets a result without
    // one: the order still tells which input it answers.)
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument json = QJsonDocument::fromJson(line);
        if (!json.isObject())
            std::abort();
        const QJsonObject o = json.object();
        if (!o.contains(QLatin1String("annotations")) && !o.contains(QLatin1String("error")))
            std::abort();
    }
    return 0;
}
