// The `stream` command's JSON Lines reader: any bytes on its input give, for
// each line that is not blank, one output line holding a JSON object with the
// annotations found or an error; broken lines are reported by line number;
// never a crash. It runs the command's own loop (cli::streamLines, which the
// command runs on stdin and stdout) on memory, so no file, process or
// command-line parsing is paid per input.
// Inputs are capped at 4 KB by scripts/fuzz (-max_len): a few dozen short
// lines, enough for several windows of the reader (4 lines per job) and for
// blank, broken and valid lines side by side.
#include "cli.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer in(&input);
    if (!in.open(QIODevice::ReadOnly))
        std::abort();
    QByteArray out;
    std::atomic<qint64> reported{0};
    const cli::StreamSummary s = cli::streamLines(
        in, 1, [&](const QByteArray &block) { out += block; }, [&](const QString &) { ++reported; });

    // One result per line that is not blank (the reader drops CR and LF at a
    // line's end, then skips lines of only white space).
    qint64 expected = 0;
    for (const QByteArray &line : input.split('\n')) {
        if (!line.trimmed().isEmpty())
            ++expected;
    }
    qint64 results = 0;
    qint64 errors = 0;
    // Every result line is a JSON object with the annotations found or what
    // was wrong with the line. (A line without an "id" gets "id": null: the
    // order still tells which input it answers.)
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        ++results;
        const QJsonDocument json = QJsonDocument::fromJson(line);
        if (!json.isObject())
            std::abort();
        const QJsonObject o = json.object();
        if (!o.contains(QLatin1String("id")))
            std::abort();
        if (o.contains(QLatin1String("error")))
            ++errors;
        else if (!o.contains(QLatin1String("annotations")))
            std::abort();
    }
    if (results != expected || results != s.processed || errors != s.broken || reported != s.broken)
        std::abort();
    return 0;
}
