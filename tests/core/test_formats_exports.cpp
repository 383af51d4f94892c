// What each export writes and each import checks, on small texts of their own.
#include "formats/conllformat.h"
#include "formats/csvformat.h"
#include "formats/doccanoformat.h"
#include "formats/formats.h"
#include "formats/htmlreport.h"
#include "formats/nativeformat.h"
#include "formats/webannotationformat.h"
#include "model/document.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace annotator;

namespace {

Annotation mention(const Document &d, const QString &type, const QString &text, int occurrence = 0)
{
    qsizetype pos = -1;
    for (int i = 0; i <= occurrence; ++i)
        pos = d.text().indexOf(text, pos + 1);
    EXPECT_GE(pos, 0) << text.toStdString();
    Annotation a;
    a.id = QStringLiteral("m%1%2").arg(type).arg(pos);
    a.type = type;
    a.start = d.offsets().toCodePoint(pos);
    a.end = d.offsets().toCodePoint(pos + text.size());
    a.text = text;
    return a;
}

// "😀 a Kenyan envoy said. Peru ..." - the emoji makes code points and UTF-16 differ.
struct Sample {
    Document doc = Document::fromText(QStringLiteral("\U0001F600 \"We agree,\" a Kenyan envoy said.\r\nPeru <b>&</b> Chad met."), QStringLiteral("s.txt"));
    AnnotationData data;
    Sample()
    {
        data.entities = {Entity{QStringLiteral("e1"), Types::Speaker, QStringLiteral("a Kenyan envoy"), {{Attr::Kind, QStringLiteral("unnamed")}}}};
        Annotation quote = mention(doc, Types::Quote, QStringLiteral("We agree,"));
        quote.saidBy = QStringLiteral("e1");
        Annotation speaker = mention(doc, Types::Speaker, QStringLiteral("a Kenyan envoy"));
        speaker.entity = QStringLiteral("e1");
        Annotation kenya = mention(doc, Types::Country, QStringLiteral("Kenyan"));
        kenya.attributes.insert(Attr::Code, QStringLiteral("KE"));
        Annotation peru = mention(doc, Types::Country, QStringLiteral("Peru"));
        peru.attributes.insert(Attr::Code, QStringLiteral("PE"));
        Annotation tag = mention(doc, QStringLiteral("Markup test"), QStringLiteral("<b>&</b>"));
        data.annotations = {quote, speaker, kenya, peru, tag};
        data.types = {AnnotationType{QStringLiteral("Markup test"), QStringLiteral("#ff0000\"><script>"), QString(), {}}};
    }
};

} // namespace

TEST(DoccanoFormat, OffsetsInEitherUnit)
{
    Sample s;
    const QJsonObject cp = QJsonDocument::fromJson(DoccanoFormat::write(s.doc, s.data, false).bytes).object();
    const QJsonObject u16 = QJsonDocument::fromJson(DoccanoFormat::write(s.doc, s.data, true).bytes).object();
    EXPECT_EQ(cp.value(QLatin1String("text")).toString(), s.doc.text());
    const QJsonObject first = cp.value(QLatin1String("entities")).toArray().first().toObject();
    EXPECT_EQ(first.value(QLatin1String("label")).toString(), Types::Quote);
    EXPECT_EQ(first.value(QLatin1String("start_offset")).toInt(), 3); // emoji, space, quote mark
    EXPECT_EQ(u16.value(QLatin1String("entities")).toArray().first().toObject().value(QLatin1String("start_offset")).toInt(), 4);
    // SaidBy from the quote to the speaker mention, as doccano shows it.
    bool saidBy = false;
    for (const QJsonValue &r : cp.value(QLatin1String("relations")).toArray())
        saidBy = saidBy || r.toObject().value(QLatin1String("type")).toString() == QLatin1String("SaidBy");
    EXPECT_TRUE(saidBy);
}

TEST(DoccanoFormat, ReadingWithTheWrongUnitIsReportedNotGuessed)
{
    Sample s;
    // Our export says which unit it uses; reading it with the other one
    // follows the file and says so.
    const QByteArray u16 = DoccanoFormat::write(s.doc, s.data, true).bytes;
    const ImportResult r = DoccanoFormat::read(u16, s.doc, false);
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_FALSE(r.issues[0].skipped);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("UTF-16")));
    ASSERT_EQ(r.data.annotations.size(), s.data.annotations.size());
    QList<Annotation> expected = s.data.annotations;
    std::sort(expected.begin(), expected.end(), positionLess);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(r.data.annotations[i].start, expected[i].start);
        EXPECT_EQ(r.data.annotations[i].end, expected[i].end);
    }
    // A file that does not say: a UTF-16 offset inside a character outside
    // the BMP is reported, not guessed.
    const QByteArray foreign = "{\"text\": \"\xF0\x9F\x98\x80x\", \"entities\": [{\"id\": 1, \"start_offset\": 1, \"end_offset\": 3, \"label\": \"Country\"}], \"relations\": []}";
    const ImportResult bad = DoccanoFormat::read(foreign, Document::fromText(QString::fromUtf8("\xF0\x9F\x98\x80x")), true);
    EXPECT_TRUE(bad.data.annotations.isEmpty());
    ASSERT_EQ(bad.issues.size(), 1);
    EXPECT_TRUE(bad.issues[0].reason.contains(QStringLiteral("splits a character")));
}

TEST(DoccanoFormat, ImportFromAnotherTextChecksEverySpan)
{
    Sample s;
    const QByteArray line = "{\"text\": \"Peru and Chad\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 4, \"label\": \"Country\"},"
                            " {\"id\": 2, \"start_offset\": 9, \"end_offset\": 13, \"label\": \"Country\"}], \"relations\": []}\n";
    const ImportResult r = DoccanoFormat::read(line, s.doc, false);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.data.annotations.isEmpty()); // neither span holds that text in the article
    ASSERT_EQ(r.issues.size(), 3);
    EXPECT_EQ(r.issues[1].line, 1);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("does not match")));
}

TEST(ConllFormat, WritesIob2AndReportsWhatItCannotHold)
{
    Sample s;
    const ExportResult r = ConllFormat::write(s.doc, s.data);
    const QString out = QString::fromUtf8(r.bytes);
    EXPECT_TRUE(out.startsWith(QStringLiteral("-DOCSTART- -X- -X- O\n\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("a -X- _ B-Speaker\nKenyan -X- _ I-Speaker\nenvoy -X- _ I-Speaker\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("Peru -X- _ B-Country\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("We -X- _ B-Quote\nagree -X- _ I-Quote\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("-X- _ B-Markup_test\n")));
    // Sentences are separated by blank lines.
    EXPECT_TRUE(out.contains(QStringLiteral(". -X- _ O\n\nPeru")));
    // The country inside the speaker mention cannot be held, and says so.
    ASSERT_EQ(r.warnings.size(), 1) << r.warnings.join(u'\n').toStdString();
    EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("Country \"Kenyan\"")));
    EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("left out")));
}

TEST(WebAnnotationFormat, SelectorsInCodePointsAndBodies)
{
    Sample s;
    const QJsonObject root = QJsonDocument::fromJson(WebAnnotationFormat::write(s.doc, s.data).bytes).object();
    EXPECT_EQ(root.value(QLatin1String("type")).toString(), QStringLiteral("AnnotationCollection"));
    const QJsonArray items = root.value(QLatin1String("first")).toObject().value(QLatin1String("items")).toArray();
    ASSERT_EQ(items.size(), 5);
    QJsonObject kenya;
    for (const QJsonValue &v : items) {
        for (const QJsonValue &b : v.toObject().value(QLatin1String("body")).toArray()) {
            if (b.toObject().value(QLatin1String("value")).toString() == QLatin1String("ISO3166-1:KE"))
                kenya = v.toObject();
        }
    }
    ASSERT_FALSE(kenya.isEmpty());
    const QJsonArray selectors = kenya.value(QLatin1String("target")).toObject().value(QLatin1String("selector")).toArray();
    EXPECT_EQ(selectors[0].toObject().value(QLatin1String("exact")).toString(), QStringLiteral("Kenyan"));
    EXPECT_EQ(selectors[1].toObject().value(QLatin1String("start")).toInt(), 16); // code points
    EXPECT_EQ(kenya.value(QLatin1String("body")).toArray()[0].toObject().value(QLatin1String("purpose")).toString(), QStringLiteral("tagging"));
}

TEST(WebAnnotationFormat, WrongPositionFoundAgainByItsQuote)
{
    Sample s;
    QByteArray bytes = WebAnnotationFormat::write(s.doc, s.data).bytes;
    // Shift Peru's position; its quote selector is unique, so it is found.
    const Annotation peru = s.data.annotations[3];
    bytes.replace(QByteArray("\"start\": " + QByteArray::number(peru.start) + ','), QByteArray("\"start\": " + QByteArray::number(peru.start + 1) + ','));
    const ImportResult r = WebAnnotationFormat::read(bytes, s.doc);
    ASSERT_EQ(r.data.annotations.size(), 5);
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_FALSE(r.issues[0].skipped);
    EXPECT_GT(r.issues[0].line, 0);
    EXPECT_TRUE(std::any_of(r.data.annotations.cbegin(), r.data.annotations.cend(),
                            [&](const Annotation &a) { return a.start == peru.start && a.end == peru.end && a.type == Types::Country; }));
}

TEST(CsvFormat, NeutralisesFormulasAndQuotes)
{
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("=SUM(A1:A9)")), QStringLiteral("'=SUM(A1:A9)"));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("+1")), QStringLiteral("'+1"));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("-1")), QStringLiteral("'-1"));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("@cmd")), QStringLiteral("'@cmd"));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("\tx")), QStringLiteral("\"'\tx\""));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("\rx")), QStringLiteral("\"'\rx\""));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("say \"hi\", then")), QStringLiteral("\"say \"\"hi\"\", then\""));
    EXPECT_EQ(CsvFormat::cell(QStringLiteral("plain")), QStringLiteral("plain"));
    Sample s;
    const QByteArray bytes = CsvFormat::write(s.doc, s.data).bytes;
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")); // so spreadsheets read UTF-8
    const QString out = QString::fromUtf8(bytes.mid(3));
    EXPECT_TRUE(out.startsWith(QStringLiteral("type,start,end,text,entity,attributes,status\r\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("Quote,3,12,\"We agree,\",,saidBy=a Kenyan envoy,accepted\r\n")));
    EXPECT_TRUE(out.contains(QStringLiteral("Country,16,22,Kenyan,,code=KE,accepted\r\n")));
}

TEST(HtmlReport, EscapesEverythingAndNeedsNothingOutside)
{
    Sample s;
    s.data.entities[0].name = QStringLiteral("<script>alert(1)</script>");
    const QString html = QString::fromUtf8(HtmlReport::write(s.doc, s.data).bytes);
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    EXPECT_FALSE(html.contains(QStringLiteral("<b>&</b>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;&amp;&lt;/b&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    EXPECT_FALSE(html.contains(QStringLiteral("src=")));
    EXPECT_FALSE(html.contains(QStringLiteral("href=")));
    // A user type's colour that is not a colour is not written into the CSS.
    EXPECT_FALSE(html.contains(QStringLiteral("#ff0000\"")));
    // The speaker with the quote, the countries by name.
    EXPECT_TRUE(html.contains(QStringLiteral("<li>“We agree,”</li>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td>Kenya</td><td>KE</td><td>1</td>")));
    // Every character of the article is in the report, in order.
    QString stripped = html.mid(html.indexOf(QStringLiteral("<div class=\"article\">")));
    stripped = stripped.left(stripped.indexOf(QStringLiteral("</div>")));
    stripped.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    stripped.replace(QStringLiteral("&lt;"), QStringLiteral("<")).replace(QStringLiteral("&gt;"), QStringLiteral(">")).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    stripped.replace(QStringLiteral("&#39;"), QStringLiteral("'")).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    EXPECT_EQ(stripped, s.doc.text());
}

TEST(HtmlReport, DeclaresAPolicyThatForbidsScriptsAndFetchesBeforeAnyContent)
{
    Sample s;
    const QString html = QString::fromUtf8(HtmlReport::write(s.doc, s.data).bytes);
    const QString meta = QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"%1\">")
                             .arg(QLatin1String(HtmlReport::ContentSecurityPolicy));
    const qsizetype at = html.indexOf(meta);
    ASSERT_GE(at, 0) << html.left(400).toStdString();
    // A policy in <meta> governs only what follows it: nothing but the
    // charset may come before.
    EXPECT_LT(at, html.indexOf(QStringLiteral("<title>")));
    EXPECT_LT(at, html.indexOf(QStringLiteral("<style>")));
    EXPECT_EQ(html.left(at), QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    const QString policy = QLatin1String(HtmlReport::ContentSecurityPolicy);
    EXPECT_TRUE(policy.startsWith(QStringLiteral("default-src 'none';")));
    EXPECT_FALSE(policy.contains(QStringLiteral("script-src")));
    EXPECT_FALSE(policy.contains(QStringLiteral("unsafe-eval")));
}

TEST(NativeFormat, ReportsSpansThatDoNotFitWithTheirLine)
{
    Sample s;
    QByteArray bytes = NativeFormat::write(s.doc, s.data).bytes;
    bytes.replace("\"text\": \"Peru\"", "\"text\": \"Chad\"");
    const ImportResult r = NativeFormat::read(bytes, s.doc);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.data.annotations.size(), 4);
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, QByteArrayView(bytes.constData(), bytes.indexOf("\"Chad\"")).count('\n') + 1);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("does not match")));
}

TEST(Formats, NamesAndImportability)
{
    EXPECT_EQ(Formats::names(), QStringList({QStringLiteral("json"), QStringLiteral("brat"), QStringLiteral("jsonl"), QStringLiteral("conll"),
                                              QStringLiteral("webanno"), QStringLiteral("csv"), QStringLiteral("html")}));
    EXPECT_TRUE(Formats::canImport(Format::WebAnnotation));
    EXPECT_FALSE(Formats::canImport(Format::Csv));
    Sample s;
    EXPECT_FALSE(Formats::read(Format::Html, "<html>", s.doc).ok());
}
