// Bad input for the `stream` command (tests/BAD-INPUT.md): broken lines in
// the middle of a JSON Lines stream are reported by line number and answered
// with an error object; every other line is still processed, in order.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct StreamRun {
    int exitCode = -1;
    QList<QByteArray> lines;
    QString err;
};

StreamRun stream(const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral(ANNOTATOR_CLI), {QStringLiteral("stream"), QStringLiteral("--jobs"), QStringLiteral("2")});
    EXPECT_TRUE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(60000));
    StreamRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().split('\n'), QString::fromUtf8(p.readAllStandardError())};
    if (!r.lines.isEmpty() && r.lines.last().isEmpty())
        r.lines.removeLast();
    return r;
}

QJsonObject object(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

} // namespace

TEST(BadInputStream, BrokenLinesInTheMiddleAreReportedAndTheRestProcessed)
{
    const QByteArray input = "{\"id\": 1, \"text\": \"Chile and Peru signed.\"}\n"
                             "{\"id\": 2, \"text\": \"Kenya\n" // cut off mid-string
                             "{\"id\": 3, \"text\": \"Officials in Lima said \\\"yes\\\".\"}\r\n"
                             "{\"id\": 4, \"text\": \"Caf\xE9 in Lima\"}\n" // Latin-1 byte, not UTF-8
                             "\n"
                             "[\"id\", 5]\n"
                             "{\"id\": 6, \"text\": \"Peru again.\"}\n";
    const StreamRun r = stream(input);
    EXPECT_EQ(r.exitCode, 1); // something could not be processed
    ASSERT_EQ(r.lines.size(), 6) << r.err.toStdString(); // the blank line carries no article
    EXPECT_EQ(object(r.lines[0]).value(QLatin1String("id")).toInt(), 1);
    EXPECT_TRUE(object(r.lines[0]).contains(QLatin1String("annotations")));
    EXPECT_TRUE(object(r.lines[1]).contains(QLatin1String("error")));
    EXPECT_EQ(object(r.lines[2]).value(QLatin1String("id")).toInt(), 3);
    EXPECT_TRUE(object(r.lines[2]).contains(QLatin1String("annotations")));
    EXPECT_TRUE(object(r.lines[3]).contains(QLatin1String("error")));
    EXPECT_TRUE(object(r.lines[4]).contains(QLatin1String("error")));
    EXPECT_EQ(object(r.lines[5]).value(QLatin1String("id")).toInt(), 6);
    EXPECT_TRUE(object(r.lines[5]).contains(QLatin1String("annotations")));
    // Each broken line by its number in the input.
    EXPECT_TRUE(r.err.contains(QStringLiteral("stdin:2: not valid JSON"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("stdin:4:"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("stdin:6: not a JSON object"))) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("stdin:1:")));
    EXPECT_FALSE(r.err.contains(QStringLiteral("stdin:3:")));
    EXPECT_FALSE(r.err.contains(QStringLiteral("stdin:5:")));
}

TEST(BadInputStream, BinaryGarbageDoesNotStopTheStream)
{
    QByteArray input = "{\"id\": \"a\", \"text\": \"Kenya.\"}\n";
    input += QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n", 17);
    input += "{\"id\": \"b\", \"text\": \"Peru.\"}\n";
    const StreamRun r = stream(input);
    EXPECT_EQ(r.exitCode, 1);
    ASSERT_GE(r.lines.size(), 3) << r.err.toStdString();
    EXPECT_EQ(object(r.lines.first()).value(QLatin1String("id")).toString(), QStringLiteral("a"));
    EXPECT_EQ(object(r.lines.last()).value(QLatin1String("id")).toString(), QStringLiteral("b"));
}

TEST(BadInputStream, ALineWithoutAnIdIsAnsweredWithANullIdLikeABrokenOne)
{
    const StreamRun r = stream("{\"text\": \"Chile and Peru signed.\"}\nnot json\n");
    ASSERT_EQ(r.lines.size(), 2) << r.err.toStdString();
    for (const QByteArray &line : r.lines) {
        const QJsonObject o = object(line);
        ASSERT_TRUE(o.contains(QLatin1String("id"))) << line.toStdString();
        EXPECT_TRUE(o.value(QLatin1String("id")).isNull()) << line.toStdString();
    }
    EXPECT_TRUE(object(r.lines[0]).contains(QLatin1String("annotations")));
    EXPECT_TRUE(object(r.lines[1]).contains(QLatin1String("error")));
}
