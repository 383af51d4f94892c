// The `stream` command's JSON Lines reader: any bytes on its input give, for
// each line that is not blank, one output line holding a JSON object with the
// annotations found or an error; broken lines are reported by line number;
// never a crash. It runs the command's own loop (cli::streamLines, which the
// command runs on stdin and stdout) on memory, so no file, process or
// command-line parsing is paid per input.
//
// The loop is given a simple annotator instead of the recognisers: every
// word of a line's text becomes an annotation (types in turn, speakers and
// events linked to entities, countries with a code), so the writer gets
// mentions of any text the reader lets through, and each result can be
// checked against its line. The recognisers run on any text in a target of
// their own (fuzz_recognition); run here, they took nine tenths of each
// input's time, and this target reached a tenth of the runs per hour.
// Inputs are capped at 4 KB by scripts/fuzz (-max_len): a few dozen short
// lines, enough for several windows of the reader (4 lines per job) and for
// blank, broken and valid lines side by side.
#include "cli.h"
#include "model/annotation.h"
#include "recognition/recognition.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace annotator;

/// At most this many words of a line become annotations.
constexpr int MaxWords = 64;

/// Every word (run of letters and digits, in code points) of @p text as a
/// mention, in order.
Recognition wordsAsMentions(const QString &text)
{
    static const QString types[] = {Types::Speaker, Types::Country, Types::Event, Types::Quote};
    Recognition r;
    const QList<uint> points = text.toUcs4();
    qsizetype i = 0;
    while (i < points.size() && r.annotations.size() < MaxWords) {
        if (!QChar::isLetterOrNumber(char32_t(points[i]))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < points.size() && QChar::isLetterOrNumber(char32_t(points[end])))
            ++end;
        const qsizetype n = r.annotations.size();
        Annotation a;
        a.id = QStringLiteral("T%1").arg(n + 1);
        a.type = types[n % 4];
        a.start = i;
        a.end = end;
        a.text = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + i), end - i);
        a.origin = Origin::Automatic;
        a.status = Status::Suggested;
        if (a.type == Types::Country)
            a.attributes.insert(Attr::Code, a.text.left(2).toUpper());
        if (a.type == Types::Speaker || a.type == Types::Event) {
            Entity e;
            e.id = QStringLiteral("E%1").arg(r.entities.size() + 1);
            e.type = a.type;
            e.name = a.text;
            a.entity = e.id;
            r.entities.append(e);
        }
        r.annotations.append(a);
        i = end;
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer in(&input);
    if (!in.open(QIODevice::ReadOnly))
        std::abort();
    QByteArray out;
    std::atomic<qint64> reported{0};
    const cli::StreamSummary s = cli::streamLines(
        in, 1, [&](const QByteArray &block) { out += block; }, [&](const QString &) { ++reported; }, cli::StreamAnnotator(wordsAsMentions));

    // One result per line that is not blank (the reader drops CR and LF at a
    // line's end, then skips lines of only white space), in input order.
    QList<QByteArray> lines;
    for (QByteArray &line : input.split('\n')) {
        while (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    qint64 results = 0;
    qint64 errors = 0;
    // Every result line is a JSON object with the annotations found or what
    // was wrong with the line. (A line without an "id" gets "id": null: the
    // order still tells which input it answers.)
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        if (results >= lines.size())
            std::abort(); // more results than lines
        const QByteArray &input_line = lines[results++];
        const QJsonDocument json = QJsonDocument::fromJson(line);
        if (!json.isObject())
            std::abort();
        const QJsonObject o = json.object();
        if (!o.contains(QLatin1String("id")))
            std::abort();
        const QJsonDocument given = QJsonDocument::fromJson(input_line);
        const bool valid = given.isObject() && given.object().value(QLatin1String("text")).isString();
        if (o.contains(QLatin1String("error"))) {
            if (valid)
                std::abort(); // a good line reported as broken
            ++errors;
            continue;
        }
        if (!valid || !o.contains(QLatin1String("annotations")))
            std::abort();
        // The result carries the line's id and exactly the mentions of its
        // text, each with its text.
        if (o.value(QLatin1String("id")) != (given.object().contains(QLatin1String("id")) ? given.object().value(QLatin1String("id")) : QJsonValue(QJsonValue::Null)))
            std::abort();
        const Recognition expected = wordsAsMentions(given.object().value(QLatin1String("text")).toString());
        const QJsonArray annotations = o.value(QLatin1String("annotations")).toArray();
        if (annotations.size() != expected.annotations.size())
            std::abort();
        for (qsizetype i = 0; i < annotations.size(); ++i) {
            const QJsonObject a = annotations[i].toObject();
            const Annotation &e = expected.annotations[i];
            if (a.value(QLatin1String("text")).toString() != e.text || a.value(QLatin1String("start")).toInteger() != e.start
                || a.value(QLatin1String("end")).toInteger() != e.end || a.value(QLatin1String("type")).toString() != e.type)
                std::abort();
        }
        if (o.value(QLatin1String("entities")).toArray().size() != expected.entities.size())
            std::abort();
    }
    if (results != lines.size() || results != s.processed || errors != s.broken || reported != s.broken)
        std::abort();
    return 0;
}
