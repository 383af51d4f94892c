// Every bad input of the README's table that the core handles, tried: what
// the user gets is either the article/annotations (with a warning where
// something was repaired) or a refusal that names the file and the reason;
// nothing crashes and nothing already saved is lost. tests/BAD-INPUT.md is
// the table these tests stand behind.
#include "formats/bratformat.h"
#include "formats/doccanoformat.h"
#include "formats/webannotationformat.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecardata.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace annotator;

namespace {

struct Folder {
    QTemporaryDir dir;
    QString write(const QString &name, const QByteArray &bytes) const
    {
        const QString path = dir.filePath(name);
        test::writeAll(path, bytes);
        return path;
    }
};

/// Restores the article size limit after a test changes it.
struct SizeLimit {
    explicit SizeLimit(qint64 bytes) { Document::setMaximumSize(bytes); }
    ~SizeLimit() { Document::setMaximumSize(0); }
};

Annotation mention(const Document &doc, const QString &type, const QString &text, qsizetype from = 0)
{
    const qsizetype at = doc.text().indexOf(text, from);
    Annotation a;
    a.type = type;
    a.start = doc.offsets().toCodePoint(at);
    a.end = doc.offsets().toCodePoint(at + text.size());
    a.text = text;
    return a;
}

/// A sidecar by hand, as another program or an older/newer version might
/// write it.
QByteArray sidecarJson(const QByteArray &sha, qint64 length, const QByteArray &annotations, const QByteArray &entities = "[]", int version = 1)
{
    return "{\"format\": \"article-annotator\", \"version\": " + QByteArray::number(version) + ", \"article\": {\"name\": \"a.txt\", \"sha256\": \"" + sha
        + "\", \"length\": " + QByteArray::number(length) + "}, \"types\": [], \"entities\": " + entities + ", \"annotations\": " + annotations
        + ", \"orphans\": []}";
}

const QByteArray Article = "Chile and Peru signed the treaty. \"It is done,\" said Ana Lima.\n";

} // namespace

// --- articles

TEST(BadInput, EmptyFileOpensAsAnEmptyArticleAndSaves)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("empty.txt"), QByteArray()), &error);
    ASSERT_TRUE(doc) << error.toStdString();
    EXPECT_EQ(doc->length(), 0);
    AnnotationSet set;
    ASSERT_TRUE(SidecarStore::save(*doc, set, &error)) << error.toStdString();
    EXPECT_EQ(SidecarStore::load(*doc).status, SidecarStore::LoadStatus::Loaded);
}

TEST(BadInput, BinaryFilesAreRefusedAsBinary)
{
    Folder f;
    const QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("photo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
        {QStringLiteral("program"), QByteArray("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16)},
        {QStringLiteral("archive.zip"), QByteArray("PK\x03\x04\x14\0\0\0\x08\0", 10)},
    };
    for (const auto &[name, bytes] : files) {
        QString error;
        const QString path = f.write(name, bytes);
        EXPECT_FALSE(Document::load(path, &error)) << name.toStdString();
        EXPECT_TRUE(error.contains(path) && error.contains(QStringLiteral("binary"))) << error.toStdString();
    }
}

TEST(BadInput, InvalidUtf8NamesLineAndByte)
{
    Folder f;
    // Latin-1 "café" on line 2, the way older Windows editors save it.
    const QString path = f.write(QStringLiteral("latin1.txt"), "First line.\nCaf\xE9 in Lima.\n");
    QString error;
    EXPECT_FALSE(Document::load(path, &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("not valid UTF-8"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 2"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("byte offset 15"))) << error.toStdString();
}

TEST(BadInput, Utf16IsNamedNotCalledBinary)
{
    Folder f;
    const QString text = QStringLiteral("Chile and Peru.\n");
    QByteArray le("\xFF\xFE");
    for (const QChar c : text)
        le += char(c.unicode() & 0xFF), le += char(c.unicode() >> 8);
    QString error;
    const QString path = f.write(QStringLiteral("notepad.txt"), le);
    EXPECT_FALSE(Document::load(path, &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("UTF-16"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QStringLiteral("binary"))) << error.toStdString();
}

TEST(BadInput, ArticleAboveTheSizeLimitIsRefusedWithAReason)
{
    // The table's 200 MB article, scaled down: the same check against a
    // small limit, so the test does not write 200 MB.
    Folder f;
    SizeLimit limit(64 * 1024);
    QByteArray big;
    while (big.size() <= 200 * 1024)
        big += Article;
    const QString path = f.write(QStringLiteral("huge.txt"), big);
    QString error;
    EXPECT_FALSE(Document::load(path, &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("64.0 KB"))) << error.toStdString(); // the limit
    EXPECT_TRUE(error.contains(QStringLiteral("KB"))) << error.toStdString();
    EXPECT_FALSE(Document::decode(big, QStringLiteral("stdin"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("stdin"))) << error.toStdString();

    // Just under the limit opens.
    const QString fits = f.write(QStringLiteral("fits.txt"), big.left(64 * 1024));
    EXPECT_TRUE(Document::load(fits, &error)) << error.toStdString();
}

TEST(BadInput, DefaultLimitAllowsLongArticles)
{
    EXPECT_EQ(Document::maximumSize(), Document::DefaultMaximumSize);
    EXPECT_GE(Document::DefaultMaximumSize, 10 * 1024 * 1024);
    // A long feature of several megabytes is still an article.
    QByteArray longRead;
    while (longRead.size() < 3 * 1024 * 1024)
        longRead += Article;
    QString error;
    EXPECT_TRUE(Document::decode(longRead, QStringLiteral("long.txt"), &error)) << error.toStdString();
}

TEST(BadInput, EndlessDeviceIsCutOffAtTheLimit)
{
    // A file with no size that never ends (a device, a pipe): reading stops
    // at the limit instead of filling the memory. Only read, never written.
    struct stat st{};
    if (::stat("/dev/zero", &st) != 0 || !S_ISCHR(st.st_mode))
        GTEST_SKIP() << "no /dev/zero here";
    SizeLimit limit(256 * 1024);
    QString error;
    EXPECT_FALSE(Document::load(QStringLiteral("/dev/zero"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/dev/zero"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("more than"))) << error.toStdString();
}

// --- sidecars

TEST(BadInput, SidecarOfAnotherArticleKeepsEverythingAsOrphans)
{
    Folder f;
    QString error;
    const auto mine = Document::load(f.write(QStringLiteral("mine.txt"), Article), &error);
    ASSERT_TRUE(mine);
    AnnotationSet set;
    set.addAnnotation(mention(*mine, Types::Country, QStringLiteral("Chile")));
    set.addAnnotation(mention(*mine, Types::Country, QStringLiteral("Peru")));
    set.addAnnotation(mention(*mine, Types::Speaker, QStringLiteral("Ana Lima")));
    set.addAnnotation(mention(*mine, Types::Quote, QStringLiteral("It is done,")));
    ASSERT_TRUE(SidecarStore::save(*mine, set, &error)) << error.toStdString();

    // The sidecar copied beside an unrelated article.
    const auto other = Document::load(f.write(QStringLiteral("other.txt"), "Rain fell on the harbour all week; fishermen stayed home.\n"), &error);
    ASSERT_TRUE(other);
    const SidecarStore::LoadResult r = SidecarStore::loadFile(SidecarStore::sidecarPath(mine->path()), *other);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Reanchored);
    EXPECT_TRUE(r.data.annotations.isEmpty());
    EXPECT_EQ(r.newOrphans, 4); // reported: the count the user is told
    ASSERT_EQ(r.data.orphans.size(), 4); // and nothing dropped
    QStringList texts;
    for (const Annotation &a : r.data.orphans)
        texts.append(a.text);
    texts.sort();
    EXPECT_EQ(texts, (QStringList{QStringLiteral("Ana Lima"), QStringLiteral("Chile"), QStringLiteral("It is done,"), QStringLiteral("Peru")}));
}

TEST(BadInput, SidecarFromANewerVersionIsRefusedAndKept)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("a.txt"), Article), &error);
    ASSERT_TRUE(doc);
    const QByteArray newer = sidecarJson(doc->sha256(), doc->length(), "[]", "[]", SidecarData::CurrentVersion + 1);
    const QString sidecar = f.write(QStringLiteral("a.txt.annotations.json"), newer);
    const SidecarStore::LoadResult r = SidecarStore::load(*doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(sidecar)) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("newer version"))) << r.error.toStdString();
    // Saving does not replace it unless the user agrees.
    AnnotationSet set;
    set.addAnnotation(mention(*doc, Types::Country, QStringLiteral("Chile")));
    EXPECT_FALSE(SidecarStore::save(*doc, set, &error));
    EXPECT_EQ(test::readAll(sidecar), newer);
}

TEST(BadInput, SpansOutOfRange)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("a.txt"), Article), &error);
    ASSERT_TRUE(doc);
    const QString sidecar = SidecarStore::sidecarPath(doc->path());
    // Same article, a span past its end: refused, naming the annotation.
    f.write(QStringLiteral("a.txt.annotations.json"),
            sidecarJson(doc->sha256(), doc->length(), "[{\"id\": \"a7\", \"type\": \"Country\", \"start\": 60, \"end\": 9000, \"text\": \"x\"}]"));
    SidecarStore::LoadResult r = SidecarStore::load(*doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(QStringLiteral("a7")) && r.error.contains(QStringLiteral("past the end"))) << r.error.toStdString();
    // Negative or reversed spans: refused as impossible.
    for (const QByteArray &span : {QByteArray("\"start\": -4, \"end\": 2"), QByteArray("\"start\": 9, \"end\": 3")}) {
        f.write(QStringLiteral("a.txt.annotations.json"),
                sidecarJson(doc->sha256(), doc->length(), "[{\"id\": \"a1\", \"type\": \"Country\", " + span + ", \"text\": \"x\"}]"));
        r = SidecarStore::load(*doc);
        EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
        EXPECT_TRUE(r.error.contains(QStringLiteral("impossible span"))) << r.error.toStdString();
    }
    // Huge numbers (beyond 64 bits) do not wrap into a valid span.
    f.write(QStringLiteral("a.txt.annotations.json"),
            sidecarJson(doc->sha256(), doc->length(), "[{\"id\": \"a1\", \"type\": \"Country\", \"start\": 1e300, \"end\": 1e301, \"text\": \"x\"}]"));
    r = SidecarStore::load(*doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid) << r.error.toStdString();
    // For a changed article, an out-of-range span is found again by its text
    // or kept as an orphan.
    f.write(QStringLiteral("a.txt.annotations.json"),
            sidecarJson("0000", 9999, "[{\"id\": \"a1\", \"type\": \"Country\", \"start\": 5000, \"end\": 5004, \"text\": \"Peru\"}, "
                                      "{\"id\": \"a2\", \"type\": \"Country\", \"start\": 7000, \"end\": 7005, \"text\": \"Gabon\"}]"));
    r = SidecarStore::load(*doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Reanchored);
    ASSERT_EQ(r.data.annotations.size(), 1);
    EXPECT_EQ(doc->slice(r.data.annotations[0].start, r.data.annotations[0].end), QStringLiteral("Peru"));
    ASSERT_EQ(r.data.orphans.size(), 1);
    EXPECT_EQ(r.data.orphans[0].text, QStringLiteral("Gabon"));
    EXPECT_EQ(test::readAll(sidecar).isEmpty(), false);
}

TEST(BadInput, DuplicateIdsAreRefusedNamingTheId)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("a.txt"), Article), &error);
    ASSERT_TRUE(doc);
    const QByteArray dupAnnotations = sidecarJson(doc->sha256(), doc->length(),
                                                  "[{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"text\": \"Chile\"}, "
                                                  "{\"id\": \"a1\", \"type\": \"Country\", \"start\": 10, \"end\": 14, \"text\": \"Peru\"}]");
    EXPECT_FALSE(SidecarJson::parse(dupAnnotations, QStringLiteral("a.json"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("a1")) && error.contains(QStringLiteral("twice"))) << error.toStdString();
    const QByteArray dupEntities = sidecarJson(doc->sha256(), doc->length(), "[]",
                                               "[{\"id\": \"e1\", \"type\": \"Speaker\", \"name\": \"A\"}, {\"id\": \"e1\", \"type\": \"Speaker\", \"name\": \"B\"}]");
    EXPECT_FALSE(SidecarJson::parse(dupEntities, QStringLiteral("a.json"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("e1")) && error.contains(QStringLiteral("twice"))) << error.toStdString();
    // The file is kept: a save does not overwrite it without consent.
    const QString sidecar = f.write(QStringLiteral("a.txt.annotations.json"), dupAnnotations);
    AnnotationSet set;
    EXPECT_FALSE(SidecarStore::save(*doc, set, &error));
    EXPECT_EQ(test::readAll(sidecar), dupAnnotations);
}

TEST(BadInput, DanglingLinksAreRepairedWithAWarning)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("a.txt"), Article), &error);
    ASSERT_TRUE(doc);
    const auto quote = mention(*doc, Types::Quote, QStringLiteral("It is done,"));
    const QByteArray json = sidecarJson(
        doc->sha256(), doc->length(),
        "[{\"id\": \"a1\", \"type\": \"Speaker\", \"start\": 53, \"end\": 61, \"text\": \"Ana Lima\", \"entity\": \"e9\"}, "
        "{\"id\": \"a2\", \"type\": \"Quote\", \"start\": " + QByteArray::number(quote.start) + ", \"end\": " + QByteArray::number(quote.end)
            + ", \"text\": \"It is done,\", \"saidBy\": \"e8\"}]");
    f.write(QStringLiteral("a.txt.annotations.json"), json);
    const SidecarStore::LoadResult r = SidecarStore::load(*doc);
    ASSERT_EQ(r.status, SidecarStore::LoadStatus::Loaded) << r.error.toStdString();
    ASSERT_EQ(r.data.annotations.size(), 2); // both mentions kept
    for (const Annotation &a : r.data.annotations) {
        EXPECT_TRUE(a.entity.isEmpty());
        EXPECT_TRUE(a.saidBy.isEmpty());
    }
    ASSERT_EQ(r.data.warnings.size(), 2);
    EXPECT_TRUE(r.data.warnings.join(u'\n').contains(QStringLiteral("e9")));
    EXPECT_TRUE(r.data.warnings.join(u'\n').contains(QStringLiteral("e8")));
}

TEST(BadInput, BrokenOrEmptySidecarIsRefusedAndNotOverwritten)
{
    Folder f;
    QString error;
    const auto doc = Document::load(f.write(QStringLiteral("a.txt"), Article), &error);
    ASSERT_TRUE(doc);
    for (const QByteArray &bad : {QByteArray(), QByteArray("{\"format\": \"article-annotator\", \"version\": 1, \"annotations\": [{\"id\""),
                                  QByteArray("\x89PNG\r\n\x1a\n", 8), QByteArray("[1, 2, 3]")}) {
        const QString sidecar = f.write(QStringLiteral("a.txt.annotations.json"), bad);
        const SidecarStore::LoadResult r = SidecarStore::load(*doc);
        EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
        EXPECT_TRUE(r.error.contains(sidecar)) << r.error.toStdString();
        AnnotationSet set;
        EXPECT_FALSE(SidecarStore::save(*doc, set, &error));
        EXPECT_EQ(test::readAll(sidecar), bad);
    }
}

// --- imports

TEST(BadInput, BratFileWithCrLfLineEndsReadsLikeLf)
{
    const Document doc = Document::fromText(QString::fromUtf8(Article), QStringLiteral("a.txt"));
    const QByteArray lf = "T1\tCountry 0 5\tChile\n"
                          "T2\tCountry 10 14\tPeru\n"
                          "T3\tSpeaker 53 61\tAna Lima\n"
                          "#1\tAnnotatorNotes T1\tchecked\n";
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    const ImportResult a = BratFormat::read(lf, &doc);
    const ImportResult b = BratFormat::read(crlf, &doc);
    ASSERT_TRUE(a.ok()) << a.error.toStdString();
    ASSERT_TRUE(b.ok()) << b.error.toStdString();
    EXPECT_EQ(b.data.annotations.size(), 3);
    EXPECT_EQ(b.data.annotations, a.data.annotations);
    EXPECT_EQ(b.issues.size(), a.issues.size());
    for (const Annotation &x : b.data.annotations)
        EXPECT_FALSE(x.text.endsWith(u'\r')) << x.text.toStdString();
}

TEST(BadInput, AbsurdNumbersInImportsAreReportedNotConverted)
{
    // Regression (found by reading what the fuzzers would hit): numbers past
    // the range of qint64 were converted unchecked, undefined behaviour that
    // the sanitizer build reports.
    const Document doc = Document::fromText(QString::fromUtf8(Article), QStringLiteral("a.txt"));
    QByteArray text = QJsonDocument(QJsonObject{{QStringLiteral("t"), doc.text()}}).toJson(QJsonDocument::Compact);
    text = text.mid(5, text.size() - 6); // the quoted string alone
    const QByteArray line = "{\"id\": 1, \"text\": " + text
        + ", \"entities\": [{\"id\": 1e300, \"label\": \"Country\", \"start_offset\": 1e300, \"end_offset\": -1e300}, "
          "{\"id\": 2, \"label\": \"Country\", \"start_offset\": 0, \"end_offset\": 5}], "
          "\"relations\": [{\"id\": 1, \"from_id\": 1e300, \"to_id\": 2, \"type\": \"SaidBy\"}]}\n";
    for (const bool utf16 : {false, true}) {
        const ImportResult r = DoccanoFormat::read(line, doc, utf16);
        ASSERT_TRUE(r.ok()) << r.error.toStdString();
        ASSERT_EQ(r.data.annotations.size(), 1);
        EXPECT_EQ(r.data.annotations[0].text, QStringLiteral("Chile"));
        EXPECT_FALSE(r.issues.isEmpty());
    }
    const QByteArray w3c = "[{\"id\": \"#a1\", \"type\": \"Annotation\", "
                           "\"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Country\"}], "
                           "\"target\": {\"selector\": [{\"type\": \"TextPositionSelector\", \"start\": 1e300, \"end\": 1e308}, "
                           "{\"type\": \"TextQuoteSelector\", \"exact\": \"Peru\"}]}}]";
    const ImportResult w = WebAnnotationFormat::read(w3c, doc);
    ASSERT_TRUE(w.ok()) << w.error.toStdString();
    for (const Annotation &a : w.data.annotations) {
        EXPECT_GE(a.start, 0);
        EXPECT_LE(a.end, doc.length());
        EXPECT_EQ(doc.slice(a.start, a.end), a.text);
    }
}
