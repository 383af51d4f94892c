// Runs the built article-annotator-cli as a user would, through QProcess.
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

CliRun cli(const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.start(QStringLiteral(ANNOTATOR_CLI), args);
    EXPECT_TRUE(p.waitForStarted());
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(60000));
    return CliRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

// "Kenya and Peru met. \"We agree,\" said Ana Lima." with an astral character
// in front so code points and UTF-16 units differ.
const QByteArray Article = "\xF0\x9F\x8C\x8D Kenya and Peru met.\r\n\"We agree,\" said Ana Lima. Lima left.\n";
// Code points: emoji 0, space 1, Kenya 2-7, Peru 12-16, quote text 24-33,
// Ana Lima 40-48, Lima 50-54.
const QByteArray Gold = "T1\tCountry 2 7\tKenya\n"
                        "T2\tCountry 12 16\tPeru\n"
                        "T3\tQuote 24 33\tWe agree,\n"
                        "T4\tSpeaker 40 48\tAna Lima\n"
                        "T5\tSpeaker 50 54\tLima\n"
                        "N1\tReference T1 ISO3166-1:KE\tKenya\n"
                        "N2\tReference T2 ISO3166-1:PE\tPeru\n"
                        "*\tSame T4 T5\n"
                        "R1\tSaidBy Arg1:T3 Arg2:T4\n";

struct Workspace {
    QTemporaryDir dir;
    QString path(const QString &name) const { return dir.filePath(name); }
    QString write(const QString &name, const QByteArray &bytes) const
    {
        QDir().mkpath(QFileInfo(path(name)).absolutePath());
        annotator::test::writeAll(path(name), bytes);
        return path(name);
    }
};

QStringList sortedLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

} // namespace

TEST(Cli, ImportThenExportBratGivesTheSameFile)
{
    Workspace w;
    const QString article = w.write(QStringLiteral("story.txt"), Article);
    const QString ann = w.write(QStringLiteral("gold.ann"), Gold);
    const CliRun imported = cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), article, ann});
    EXPECT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(article + QStringLiteral(".annotations.json")));
    const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("brat"), article});
    EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(sortedLines(exported.out), sortedLines(Gold));
    // Exporting does not change the article or its sidecar.
    EXPECT_EQ(annotator::test::readAll(article), Article);
}

TEST(Cli, ImportReportsBadSpansByLineAndKeepsTheRest)
{
    Workspace w;
    const QString article = w.write(QStringLiteral("story.txt"), Article);
    const QString ann = w.write(QStringLiteral("bad.ann"), "T1\tCountry 2 7\tKenya\nT2\tCountry 3 7\tKenya\n");
    const CliRun r = cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), article, ann});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(ann + QStringLiteral(":2: T2: the text \"Kenya\" does not match the article text \"enya\""))) << r.err.toStdString();
    const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("brat"), article});
    EXPECT_EQ(QString::fromUtf8(exported.out), QStringLiteral("T1\tCountry 2 7\tKenya\n"));
}

TEST(Cli, BatchGoesOnPastABadFileAndFailsAtTheEnd)
{
    Workspace w;
    const QString good = w.write(QStringLiteral("in/good.txt"), Article);
    const QString binary = w.write(QStringLiteral("in/binary.txt"), QByteArray("a\0b", 3));
    const QString other = w.write(QStringLiteral("in/other.md"), "Nothing here.\n");
    const QString out = w.path(QStringLiteral("out"));
    const CliRun r = cli({QStringLiteral("annotate"), QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--output"), out, good, binary,
                       w.path(QStringLiteral("in/missing.txt")), other});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(binary)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("missing.txt")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("2 of 4 done, 2 failed")));
    EXPECT_TRUE(QFileInfo::exists(out + QStringLiteral("/good.ann")));
    EXPECT_TRUE(QFileInfo::exists(out + QStringLiteral("/other.ann")));
    EXPECT_TRUE(QFileInfo::exists(out + QStringLiteral("/annotation.conf")));
}

TEST(Cli, AnnotateSaveKeepsManualAnnotations)
{
    Workspace w;
    const QString article = w.write(QStringLiteral("story.txt"), Article);
    const QString ann = w.write(QStringLiteral("gold.ann"), Gold);
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), article, ann}).exitCode, 0);
    const CliRun r = cli({QStringLiteral("annotate"), QStringLiteral("--save"), QStringLiteral("--format"), QStringLiteral("json"), article});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(json.value(QLatin1String("format")).toString(), QStringLiteral("article-annotator"));
    int manual = 0;
    for (const QJsonValue &v : json.value(QLatin1String("annotations")).toArray())
        manual += v.toObject().value(QLatin1String("origin")).toString() == QLatin1String("manual");
    EXPECT_EQ(manual, 5);
}

TEST(Cli, EvalScoresPerFileAndInTotal)
{
    Workspace w;
    w.write(QStringLiteral("gold/a.txt"), Article);
    w.write(QStringLiteral("gold/a.ann"), Gold);
    // Predicted: Peru with the wrong code, the speaker only by surname.
    w.write(QStringLiteral("pred/a.ann"),
            "T1\tCountry 2 7\tKenya\nT2\tCountry 12 16\tPeru\nN1\tReference T1 ISO3166-1:KE\tKenya\nN2\tReference T2 ISO3166-1:PY\tParaguay\n"
            "T3\tQuote 24 32\tWe agree\nT4\tSpeaker 50 54\tLima\nR1\tSaidBy Arg1:T3 Arg2:T4\n");
    const CliRun r = cli({QStringLiteral("eval"), QStringLiteral("--gold"), w.path(QStringLiteral("gold")), QStringLiteral("--predicted"),
                       w.path(QStringLiteral("pred")), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject total = QJsonDocument::fromJson(r.out).object().value(QLatin1String("total")).toObject();
    const QJsonObject country = total.value(QLatin1String("country")).toObject();
    EXPECT_DOUBLE_EQ(country.value(QLatin1String("precision")).toDouble(), 0.5);
    EXPECT_DOUBLE_EQ(country.value(QLatin1String("recall")).toDouble(), 0.5);
    const QJsonObject attribution = total.value(QLatin1String("attribution")).toObject();
    EXPECT_DOUBLE_EQ(attribution.value(QLatin1String("recall")).toDouble(), 1.0);
    const QJsonObject names = total.value(QLatin1String("speaker_names")).toObject();
    EXPECT_EQ(names.value(QLatin1String("gold")).toInt(), 2);
    EXPECT_EQ(names.value(QLatin1String("correct")).toInt(), 1);
    const CliRun table = cli({QStringLiteral("eval"), QStringLiteral("--gold"), w.path(QStringLiteral("gold")), QStringLiteral("--predicted"),
                           w.path(QStringLiteral("pred"))});
    EXPECT_TRUE(table.out.contains("TOTAL"));
    EXPECT_TRUE(table.out.contains("Country (span + code)        0.500   0.500   0.500"));
}

TEST(Cli, EvalFailsWhenAPredictionIsMissing)
{
    Workspace w;
    w.write(QStringLiteral("gold/a.ann"), Gold);
    w.write(QStringLiteral("gold/b.ann"), Gold);
    w.write(QStringLiteral("pred/a.ann"), Gold);
    const CliRun r = cli({QStringLiteral("eval"), QStringLiteral("--gold"), w.path(QStringLiteral("gold")), QStringLiteral("--predicted"),
                       w.path(QStringLiteral("pred")), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("b.ann: no predicted file")));
    const QJsonObject total = QJsonDocument::fromJson(r.out).object().value(QLatin1String("total")).toObject();
    EXPECT_DOUBLE_EQ(total.value(QLatin1String("country")).toObject().value(QLatin1String("recall")).toDouble(), 0.5);
}

TEST(Cli, StreamAnswersEveryLineInOrderWithItsId)
{
    QByteArray input;
    for (int i = 0; i < 50; ++i)
        input += "{\"id\": " + QByteArray::number(i) + ", \"text\": \"Line " + QByteArray::number(i) + " about Peru.\"}\n";
    input += "{\"id\": \"broken\", \"text\": 5}\n";
    input += "not json\n";
    input += "{\"id\": \"last\", \"text\": \"\xF0\x9F\x8C\x8D end\"}\n";
    const CliRun r = cli({QStringLiteral("stream"), QStringLiteral("--jobs"), QStringLiteral("3")}, input);
    EXPECT_EQ(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.split('\n');
    ASSERT_EQ(lines.size(), 54); // 53 results and the empty rest after the last newline
    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(QJsonDocument::fromJson(lines[i]).object().value(QLatin1String("id")).toInt(-1), i);
    EXPECT_TRUE(QJsonDocument::fromJson(lines[50]).object().contains(QLatin1String("error")));
    EXPECT_EQ(QJsonDocument::fromJson(lines[52]).object().value(QLatin1String("id")).toString(), QStringLiteral("last"));
    EXPECT_TRUE(r.err.contains(QStringLiteral("stdin:51: has no \"text\" string")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("stdin:52: not valid JSON")));
}

TEST(Cli, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(cli({}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    const CliRun unknown = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("x.txt")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("unknown format \"docx\"")));
    EXPECT_EQ(cli({QStringLiteral("annotate"), QStringLiteral("--jobs"), QStringLiteral("0"), QStringLiteral("x.txt")}).exitCode, 2);
}

TEST(Cli, ExportsEveryFormatToADirectoryAndImportsTheLosslessOnes)
{
    Workspace w;
    const QString article = w.write(QStringLiteral("story.txt"), Article);
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), article, w.write(QStringLiteral("gold.ann"), Gold)}).exitCode, 0);
    const QByteArray sidecar = annotator::test::readAll(article + QStringLiteral(".annotations.json"));
    const QMap<QString, QString> extensions{{QStringLiteral("json"), QStringLiteral("json")}, {QStringLiteral("brat"), QStringLiteral("ann")},
                                            {QStringLiteral("jsonl"), QStringLiteral("jsonl")}, {QStringLiteral("conll"), QStringLiteral("conll")},
                                            {QStringLiteral("webanno"), QStringLiteral("jsonld")}, {QStringLiteral("csv"), QStringLiteral("csv")},
                                            {QStringLiteral("html"), QStringLiteral("html")}};
    for (auto it = extensions.cbegin(); it != extensions.cend(); ++it) {
        const QString out = w.path(QStringLiteral("out-") + it.key());
        const CliRun r = cli({QStringLiteral("export"), QStringLiteral("--format"), it.key(), QStringLiteral("--output"), out + u'/', article});
        EXPECT_EQ(r.exitCode, 0) << it.key().toStdString() << r.err.toStdString();
        const QString file = out + QStringLiteral("/story.") + it.value();
        EXPECT_TRUE(QFileInfo(file).size() > 0) << file.toStdString();
        // Exporting leaves the sidecar as it was.
        EXPECT_EQ(annotator::test::readAll(article + QStringLiteral(".annotations.json")), sidecar);
        if (it.key() == QLatin1String("conll"))
            EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString(); // nothing nested in this sample
        if (it.key() == QLatin1String("jsonl") || it.key() == QLatin1String("webanno") || it.key() == QLatin1String("json")) {
            // Import into a fresh copy of the article gives back the same brat lines.
            Workspace fresh;
            const QString copy = fresh.write(QStringLiteral("story.txt"), Article);
            const CliRun in = cli({QStringLiteral("import"), QStringLiteral("--format"), it.key(), copy, file});
            EXPECT_EQ(in.exitCode, 0) << it.key().toStdString() << in.err.toStdString();
            const CliRun back = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("brat"), copy});
            EXPECT_EQ(sortedLines(back.out), sortedLines(Gold)) << it.key().toStdString();
        }
    }
    // A brat directory opens in brat: the text and both configuration files.
    EXPECT_EQ(annotator::test::readAll(w.path(QStringLiteral("out-brat/story.txt"))), QByteArray(Article).mid(0));
    EXPECT_TRUE(QFileInfo::exists(w.path(QStringLiteral("out-brat/visual.conf"))));
    // One article to one file.
    const QString single = w.path(QStringLiteral("single.csv"));
    EXPECT_EQ(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), single, article}).exitCode, 0);
    EXPECT_TRUE(annotator::test::readAll(single).contains("Country,2,7,Kenya,,code=KE,accepted\r\n"));
}

TEST(Cli, ConllReportsWhatItCannotHoldOnStderr)
{
    Workspace w;
    const QString article = w.write(QStringLiteral("story.txt"), Article);
    const QByteArray nested = QByteArray(Gold) + "T6\tEvent 8 20\tand Peru met\n";
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), article, w.write(QStringLiteral("n.ann"), nested)}).exitCode, 0);
    const CliRun r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("conll"), article});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("Peru -X- _ B-Country\n"));
    EXPECT_TRUE(r.err.contains(QStringLiteral("Event \"and Peru met\"")) && r.err.contains(QStringLiteral("left out"))) << r.err.toStdString();
}

TEST(Cli, HelpForEveryCommand)
{
    for (const char *command : {"annotate", "export", "import", "eval", "stream"}) {
        const CliRun r = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        EXPECT_EQ(r.exitCode, 0) << command;
        EXPECT_TRUE(r.out.contains(command)) << command;
    }
    EXPECT_EQ(cli({QStringLiteral("--help")}).exitCode, 0);
}

TEST(Cli, DoccanoExportOfSeveralArticlesIsOneFileWithALineEach)
{
    Workspace w;
    const QString a = w.write(QStringLiteral("a.txt"), Article);
    const QString b = w.write(QStringLiteral("b.txt"), "Chad.\n");
    ASSERT_EQ(cli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("brat"), a, w.write(QStringLiteral("gold.ann"), Gold)}).exitCode, 0);
    const QString out = w.path(QStringLiteral("all.jsonl"));
    const CliRun r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--output"), out, a, b});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QList<QByteArray> lines = annotator::test::readAll(out).split('\n');
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(QJsonDocument::fromJson(lines[0]).object().value(QLatin1String("entities")).toArray().size(), 5);
    EXPECT_EQ(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("text")).toString(), QStringLiteral("Chad.\n"));
}

TEST(Cli, PersonalLexiconIsUsedOnlyWhenAsked)
{
    Workspace w;
    const QString lexicon = w.write(QStringLiteral("lexicon.json"), R"({
  "format": "article-annotator personal lexicon",
  "version": 1,
  "entries": [
    {"type": "Country", "text": "peru", "decision": "never"},
    {"type": "Country", "text": "Hermit Kingdom", "decision": "always", "code": "KP"}
  ]
})");
    const QByteArray input = "{\"id\": 1, \"text\": \"Officials in Peru and the Hermit Kingdom met on Monday.\"}\n";
    auto countries = [](const QByteArray &out) {
        QStringList texts;
        const QJsonObject result = QJsonDocument::fromJson(out.split('\n').value(0)).object();
        const QJsonArray annotations = result.value(QLatin1String("annotations")).toArray();
        for (const QJsonValue &a : annotations) {
            if (a.toObject().value(QLatin1String("type")).toString() == QStringLiteral("Country"))
                texts.append(a.toObject().value(QLatin1String("text")).toString());
        }
        return texts;
    };
    const CliRun plain = cli({QStringLiteral("stream")}, input);
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_EQ(countries(plain.out), QStringList{QStringLiteral("Peru")}) << plain.out.toStdString();
    const CliRun with = cli({QStringLiteral("stream"), QStringLiteral("--personal-lexicon"), lexicon}, input);
    ASSERT_EQ(with.exitCode, 0) << with.err.toStdString();
    EXPECT_EQ(countries(with.out), QStringList{QStringLiteral("Hermit Kingdom")}) << with.out.toStdString();

    // annotate too: the brat file has the remembered country and not the rejected one.
    const QString article = w.write(QStringLiteral("story.txt"), "Officials in Peru and the Hermit Kingdom met on Monday.\n");
    const CliRun annotated = cli({QStringLiteral("annotate"), QStringLiteral("--personal-lexicon"), lexicon, QStringLiteral("--output"), w.path(QStringLiteral("out")), article});
    ASSERT_EQ(annotated.exitCode, 0) << annotated.err.toStdString();
    const QByteArray ann = annotator::test::readAll(w.path(QStringLiteral("out/story.ann")));
    EXPECT_TRUE(ann.contains("Country 26 40\tHermit Kingdom")) << ann.toStdString();
    EXPECT_FALSE(ann.contains("Peru")) << ann.toStdString();

    // A broken lexicon stops the batch before it starts, naming the file.
    const QString broken = w.write(QStringLiteral("broken.json"), "{\"format\": ");
    const CliRun refused = cli({QStringLiteral("stream"), QStringLiteral("--personal-lexicon"), broken}, input);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(broken)) << refused.err.toStdString();
    EXPECT_TRUE(refused.out.isEmpty());
}
