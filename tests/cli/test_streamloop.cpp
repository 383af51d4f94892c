// The stream command's loop on memory (cli::streamLines) with a fixed
// annotator: its hand-written result lines say what QJsonObject said, for
// any id and any text, and lines are read whole whatever their length.
#include "cli.h"
#include "model/annotation.h"
#include "recognition/recognition.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <mutex>

using namespace annotator;

namespace {

/// The whole text as one speaker with an entity, and its first character as
/// a country with attributes; a quote said by the speaker.
Recognition annotateWhole(const QString &text)
{
    Recognition r;
    Annotation speaker;
    speaker.id = QStringLiteral("T1");
    speaker.type = Types::Speaker;
    speaker.start = 0;
    speaker.end = text.size();
    speaker.text = text;
    speaker.entity = QStringLiteral("E\"1\"");
    r.annotations.append(speaker);
    Annotation country;
    country.id = QStringLiteral("T2");
    country.type = Types::Country;
    country.start = 0;
    country.end = 1;
    country.text = text.left(1);
    country.attributes.insert(Attr::Code, text.left(2));
    country.attributes.insert(QStringLiteral("note\n"), QStringLiteral("\\"));
    r.annotations.append(country);
    Annotation quote;
    quote.id = QStringLiteral("T3");
    quote.type = Types::Quote;
    quote.start = 0;
    quote.end = text.size();
    quote.text = text;
    quote.saidBy = QStringLiteral("T1");
    r.annotations.append(quote);
    Entity e;
    e.id = speaker.entity;
    e.type = Types::Speaker;
    e.name = text;
    e.attributes.insert(QStringLiteral("wikidata"), text.right(3));
    r.entities.append(e);
    return r;
}

/// The result line as QJsonObject built it before the writer was hand-made.
QJsonObject expectedResult(const QJsonValue &id, const Recognition &r)
{
    auto map = [](const QMap<QString, QString> &m) {
        QJsonObject o;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    QJsonArray annotations;
    for (const Annotation &a : r.annotations) {
        QJsonObject o{{QStringLiteral("id"), a.id}, {QStringLiteral("type"), a.type}, {QStringLiteral("start"), a.start},
                      {QStringLiteral("end"), a.end}, {QStringLiteral("text"), a.text}};
        if (!a.entity.isEmpty())
            o.insert(QStringLiteral("entity"), a.entity);
        if (!a.saidBy.isEmpty())
            o.insert(QStringLiteral("saidBy"), a.saidBy);
        if (!a.attributes.isEmpty())
            o.insert(QStringLiteral("attributes"), map(a.attributes));
        annotations.append(o);
    }
    QJsonArray entities;
    for (const Entity &e : r.entities) {
        QJsonObject o{{QStringLiteral("id"), e.id}, {QStringLiteral("type"), e.type}, {QStringLiteral("name"), e.name}};
        if (!e.attributes.isEmpty())
            o.insert(QStringLiteral("attributes"), map(e.attributes));
        entities.append(o);
    }
    return QJsonObject{{QStringLiteral("id"), id.isUndefined() ? QJsonValue(QJsonValue::Null) : id},
                       {QStringLiteral("annotations"), annotations},
                       {QStringLiteral("entities"), entities}};
}

struct StreamRun {
    QList<QByteArray> results;
    QStringList reports;
    cli::StreamSummary summary;
};

StreamRun stream(QByteArray input, int jobs = 1)
{
    QBuffer in(&input);
    EXPECT_TRUE(in.open(QIODevice::ReadOnly));
    StreamRun run;
    QByteArray out;
    std::mutex m;
    run.summary = cli::streamLines(
        in, jobs, [&](const QByteArray &block) { out += block; },
        [&](const QString &message) {
            std::lock_guard lock(m);
            run.reports.append(message);
        },
        cli::StreamAnnotator(annotateWhole));
    run.results = out.split('\n');
    EXPECT_TRUE(run.results.takeLast().isEmpty()) << "the last result line ends with a line break";
    return run;
}

} // namespace

TEST(StreamLoop, ResultsSayWhatQJsonObjectSaidForAnyIdAndText)
{
    const QJsonValue ids[] = {QJsonValue(QStringLiteral("a \"quoted\"\\id\u2028\U0001F30D")),
                              QJsonValue(7),
                              QJsonValue(-2.5),
                              QJsonValue(1e300),
                              QJsonValue(true),
                              QJsonValue(QJsonValue::Null),
                              QJsonValue(QJsonArray{1, QStringLiteral("two")}),
                              QJsonValue(QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}),
                              QJsonValue(QJsonValue::Undefined)};
    const QString texts[] = {QStringLiteral("Ministers met in Lima."), QStringLiteral("\"Quoted\"\ttab\\slash\x01"),
                             QStringLiteral("caf\u00e9 \U0001F30D ") + QChar(0xD800) + QStringLiteral(" lone"), QStringLiteral("x")};
    QByteArray input;
    QList<QJsonObject> expected;
    for (const QJsonValue &id : ids) {
        for (const QString &text : texts) {
            QJsonObject line{{QStringLiteral("text"), text}};
            if (!id.isUndefined())
                line.insert(QStringLiteral("id"), id);
            input += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            expected.append(expectedResult(id, annotateWhole(text)));
        }
    }
    const StreamRun run = stream(input);
    ASSERT_EQ(run.results.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.results[i], &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << run.results[i].constData();
        EXPECT_EQ(doc.object(), expected[i]) << run.results[i].constData();
    }
    EXPECT_EQ(run.summary.processed, expected.size());
    EXPECT_EQ(run.summary.broken, 0);
}

TEST(StreamLoop, BrokenLinesGetAnErrorWithTheirIdWhenTheyHaveOne)
{
    const StreamRun run = stream("{\"id\": \"n\\\"1\", \"text\": 5}\n[1, 2]\n{\"id\": 3, \"text\": \"ok\"}\n{\"text\": \n");
    ASSERT_EQ(run.results.size(), 4);
    const QJsonObject first = QJsonDocument::fromJson(run.results[0]).object();
    EXPECT_EQ(first.value(QLatin1String("id")).toString(), QStringLiteral("n\"1"));
    EXPECT_EQ(first.value(QLatin1String("error")).toString(), QStringLiteral("has no \"text\" string"));
    EXPECT_TRUE(QJsonDocument::fromJson(run.results[1]).object().value(QLatin1String("id")).isNull());
    EXPECT_EQ(QJsonDocument::fromJson(run.results[2]).object().value(QLatin1String("annotations")).toArray().size(), 3);
    EXPECT_TRUE(QJsonDocument::fromJson(run.results[3]).object().value(QLatin1String("error")).toString().startsWith(QStringLiteral("not valid JSON")));
    EXPECT_EQ(run.summary.broken, 3);
    EXPECT_EQ(run.reports.size(), 3);
}

TEST(StreamLoop, LinesLongerThanOneReadPieceAndALastLineWithoutBreakAreReadWhole)
{
    // 200 KB and 64 KB exactly (the piece the loop reads with), CRLF ends,
    // blank lines between, and a last line with no line break.
    const QString longText = QString(200 * 1024, u'a') + QStringLiteral(" end");
    QByteArray input = QJsonDocument(QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("text"), longText}}).toJson(QJsonDocument::Compact) + "\r\n";
    input += "\n  \r\n";
    QByteArray exact = "{\"id\":2,\"text\":\"";
    exact += QByteArray(64 * 1024 - exact.size() - 3, 'b') + "\"}\n"; // the line break is the piece's last byte
    ASSERT_EQ(exact.size(), 64 * 1024);
    input += exact;
    input += "{\"id\":3,\"text\":\"last\"}";
    const StreamRun run = stream(input, 3);
    ASSERT_EQ(run.results.size(), 3);
    const QJsonObject first = QJsonDocument::fromJson(run.results[0]).object();
    EXPECT_EQ(first.value(QLatin1String("annotations")).toArray().at(0).toObject().value(QLatin1String("text")).toString(), longText);
    const QJsonObject second = QJsonDocument::fromJson(run.results[1]).object();
    EXPECT_EQ(second.value(QLatin1String("id")).toInt(), 2);
    EXPECT_EQ(second.value(QLatin1String("annotations")).toArray().at(0).toObject().value(QLatin1String("end")).toInt(), 64 * 1024 - 19);
    EXPECT_EQ(QJsonDocument::fromJson(run.results[2]).object().value(QLatin1String("entities")).toArray().at(0).toObject().value(QLatin1String("name")).toString(),
              QStringLiteral("last"));
    EXPECT_EQ(run.summary.broken, 0);
}
