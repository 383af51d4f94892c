// The one-pass sidecar reader against the general QJsonDocument reader: for
// every input both give the same annotations, or the same refusal.
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecardata.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

using namespace annotator;

namespace {

/// readFor() on @p bytes read in pieces of each of @p readSizes bytes gives
/// what parseFor() gives on them whole, message included, with the
/// annotations in a list and in batches.
void readInPiecesAsWhole(const QByteArray &bytes, const QByteArray &textSha256, std::initializer_list<qsizetype> readSizes)
{
    QString wholeError;
    const std::optional<SidecarData> whole = SidecarJson::parseFor(bytes, QStringLiteral("x.json"), textSha256, &wholeError);
    for (const qsizetype readSize : readSizes) {
        for (const bool inBatches : {false, true}) {
            SCOPED_TRACE(testing::Message() << "read " << readSize << " bytes at a time" << (inBatches ? ", in batches" : ""));
            QBuffer device;
            device.setData(bytes);
            device.open(QIODevice::ReadOnly);
            QList<QList<Annotation>> batches;
            QString error;
            const std::optional<SidecarData> read
                = SidecarJson::readFor(device, QStringLiteral("x.json"), textSha256, &error, inBatches ? &batches : nullptr, readSize);
            EXPECT_EQ(read.has_value(), whole.has_value()) << bytes.toStdString();
            EXPECT_EQ(error, wholeError) << bytes.toStdString();
            if (!read || !whole) {
                EXPECT_TRUE(batches.isEmpty());
                continue;
            }
            SidecarData got = *read;
            if (inBatches && !batches.isEmpty()) {
                EXPECT_TRUE(got.annotations.isEmpty());
                for (const QList<Annotation> &batch : std::as_const(batches)) {
                    EXPECT_FALSE(batch.isEmpty());
                    got.annotations += batch;
                }
            }
            EXPECT_TRUE(got == *whole) << bytes.toStdString();
        }
    }
}

/// parse() and parseGeneral() agree on @p bytes, and so does readFor()
/// reading it in pieces of @p readSizes bytes (for the text it names, and
/// with @p otherText for another); returns what parse() gave.
std::optional<SidecarData> parseBoth(const QByteArray &bytes, std::initializer_list<qsizetype> readSizes = {1, 5, 64 * 1024},
                                     bool otherText = true)
{
    QString fastError;
    QString generalError;
    const std::optional<SidecarData> fast = SidecarJson::parse(bytes, QStringLiteral("x.json"), &fastError);
    const std::optional<SidecarData> general = SidecarJson::parseGeneral(bytes, QStringLiteral("x.json"), &generalError);
    EXPECT_EQ(fast.has_value(), general.has_value()) << bytes.toStdString();
    EXPECT_EQ(fastError, generalError) << bytes.toStdString();
    if (fast && general) {
        EXPECT_TRUE(*fast == *general) << bytes.toStdString();
    }
    readInPiecesAsWhole(bytes, fast ? fast->sha256 : QByteArray("ab"), readSizes);
    if (otherText)
        readInPiecesAsWhole(bytes, QByteArray(64, 'f'), readSizes);
    return fast;
}

/// A sidecar with the awkward parts: accents, an astral character, a lone
/// surrogate, quotes, backslashes, control characters, entities, links,
/// attributes, a user type and an orphan.
QByteArray awkwardSidecar()
{
    const QString text = QStringLiteral("Chile said \"no\" \\ again.\tP\u00e9rou \U0001F600 and ") + QChar(0xD800) + QStringLiteral(" end\u2028 Chile.");
    const Document doc = Document::fromText(text, QStringLiteral("a\u00e9.txt"));
    AnnotationSet set;
    QList<Annotation> list;
    auto add = [&](const QString &id, const QString &type, const QString &mention, qsizetype from = 0) {
        const qsizetype pos = text.indexOf(mention, from);
        Annotation a;
        a.id = id;
        a.type = type;
        a.start = doc.offsets().toCodePoint(pos);
        a.end = doc.offsets().toCodePoint(pos + mention.size());
        a.text = mention;
        return a;
    };
    Annotation speaker = add(QStringLiteral("a1"), Types::Speaker, QStringLiteral("Chile"));
    speaker.entity = QStringLiteral("e1");
    speaker.attributes.insert(Attr::Role, QStringLiteral("r\u00f4le \"x\""));
    Annotation quote = add(QStringLiteral("a2"), Types::Quote, QStringLiteral("no"));
    quote.saidBy = QStringLiteral("e1");
    quote.origin = Origin::Automatic;
    quote.status = Status::Suggested;
    Annotation country = add(QStringLiteral("a3"), Types::Country, QStringLiteral("P\u00e9rou \U0001F600"));
    country.attributes.insert(Attr::Code, QStringLiteral("PE"));
    Annotation odd = add(QStringLiteral("a4"), QStringLiteral("Mine"), QStringLiteral("and ") + QChar(0xD800));
    list << speaker << quote << country << odd << add(QStringLiteral("a5"), Types::Country, QStringLiteral("Chile"), 10);
    Entity e{QStringLiteral("e1"), Types::Speaker, QStringLiteral("Chile"), {{Attr::Kind, QStringLiteral("organisation")}}};
    set.reset(list, {e});
    SidecarData data = SidecarData::capture(doc, set);
    data.types.append(AnnotationType{QStringLiteral("Mine"), QStringLiteral("#112233"), QStringLiteral("m")});
    Annotation orphan = add(QStringLiteral("o1"), Types::Event, QStringLiteral("said"));
    orphan.text = QStringLiteral("gone\ttext\n");
    data.orphans.append(orphan);
    return SidecarJson::serialize(data);
}

QByteArray sidecarWith(const QByteArray &annotations, const QByteArray &rest = QByteArray())
{
    return "{\"format\": \"article-annotator\", \"version\": 1, \"article\": {\"name\": \"a.txt\", \"sha256\": \"ab\", \"length\": 40}" + rest
        + ", \"annotations\": [" + annotations + "]}";
}

} // namespace

TEST(SidecarReader, ReadsWhatItWroteWithEveryAwkwardCharacter)
{
    const QByteArray bytes = awkwardSidecar();
    const auto d = parseBoth(bytes);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->annotations.size(), 5);
    EXPECT_EQ(d->orphans.size(), 1);
    EXPECT_EQ(d->entities.size(), 1);
    EXPECT_EQ(d->types.size(), 1);
    EXPECT_TRUE(d->warnings.isEmpty());
    EXPECT_EQ(d->annotations.value(2).text, QStringLiteral("P\u00e9rou \U0001F600"));
    EXPECT_EQ(d->annotations.value(3).text, QStringLiteral("and ") + QChar(0xD800));
    // What is read is written back the same way.
    const auto again = parseBoth(SidecarJson::serialize(*d));
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(*again == *d);
}

TEST(SidecarReader, HandWrittenVariantsReadTheSameAsThroughQJsonDocument)
{
    const QByteArray a1 = "{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"text\": \"Chile\"}";
    const QList<QByteArray> inputs = {
        sidecarWith(a1),
        // Fields in another order, entities after the annotations that link to them.
        "{\"annotations\": [{\"end\": 5, \"entity\": \"e1\", \"start\": 0, \"id\": \"a1\", \"type\": \"Speaker\"}], \"version\": 1,"
        " \"entities\": [{\"id\": \"e1\", \"type\": \"Speaker\", \"name\": \"x\"}], \"format\": \"article-annotator\"}",
        // Links to missing entities are warnings, not refusals.
        sidecarWith("{\"id\": \"a1\", \"type\": \"Speaker\", \"start\": 0, \"end\": 5, \"entity\": \"e9\", \"saidBy\": \"e8\"}"),
        // Unknown fields of every JSON kind.
        sidecarWith(a1, ", \"extra\": {\"x\": [1, -2, true, false, null, \"s\", {\"y\": []}]}, \"more\": 0"),
        // A space after a minus sign is not a number (a fuzz finding: the
        // one-pass reader took "- 40" in a field it skips).
        sidecarWith(a1, ", \"extra\": - 40"),
        QByteArray(sidecarWith(a1)).replace("\"length\": 40", "\"length\": 40, \"ng\": - 40"),
        QByteArray(sidecarWith(a1)).replace("\"length\": 40", "\"length\": 40, \"ng\": [-\n1]"),
        QByteArray(sidecarWith(a1)).replace("\"length\": 40", "\"length\": 40, \"ng\": -"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"note\": [null], \"x\": 1.5}"),
        // Escapes, including ones this program never writes.
        sidecarWith("{\"id\": \"a\\/1\", \"type\": \"C\\u006Fu\\u00e9\", \"start\": 0, \"end\": 5, \"text\": \"\\ud83d\\ude00\\ud800\\b\\f\"}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"text\": \"\\q\"}"),
        sidecarWith("{\"i\\u0064\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        // Numbers the way other programs write them.
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0.0, \"end\": 5e0}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 07, \"end\": 5}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": -1, \"end\": 5}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 9007199254740993, \"end\": 9007199254740993}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 999999999999999, \"end\": 999999999999999}"),
        // Past what a 64-bit integer holds (a fuzz finding: the digits must not overflow while they are counted).
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 999999999999999999999999999999, \"end\": 5}"),
        "{\"format\": \"article-annotator\", \"version\": 1, \"article\": {\"name\": \"a.txt\", \"length\": 999999999999999999999999999}, \"annotations\": []}",
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": \"0\", \"end\": 5}"),
        // Repeated fields: QJsonObject keeps the last.
        sidecarWith("{\"id\": \"a1\", \"id\": \"a2\", \"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"attributes\": {\"code\": \"CL\", \"code\": \"AR\"}}"),
        sidecarWith(a1 + ", " + a1),
        sidecarWith(a1, ", \"annotations\": []"),
        // Fields of an unexpected type.
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"text\": 3, \"attributes\": [1]}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"attributes\": {\"code\": 1}, \"origin\": 2}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"origin\": \"automatic\", \"status\": \"odd\"}"),
        sidecarWith(a1, ", \"types\": null, \"entities\": {}"),
        sidecarWith(a1, ", \"types\": [{\"color\": \"#fff\"}]"),
        sidecarWith(a1, ", \"entities\": [{\"id\": \"e1\"}, {\"id\": \"e1\"}]"),
        sidecarWith(a1, ", \"entities\": [{\"name\": \"x\"}]"),
        sidecarWith("1"),
        sidecarWith("{\"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 6, \"end\": 5}"),
        // The recovery block of recovery files, and fields a newer version added.
        sidecarWith(a1, ", \"recovery\": {\"sidecarSha256\": \"" + QByteArray(64, 'a') + "\", \"later\": [1]}"),
        sidecarWith(a1, ", \"recovery\": {\"sidecarSha256\": \"none\"}"),
        sidecarWith(a1, ", \"recovery\": {\"sidecarSha256\": \"xyz\"}"),
        sidecarWith(a1, ", \"recovery\": \"none\""),
        sidecarWith(a1, ", \"types\": [{\"name\": \"Mine\", \"color\": \"#fff\", \"key\": \"m\", \"icon\": \"star\"}]"),
        // Whole-file matters: BOM, spaces, garbage, versions, no object.
        "\xef\xbb\xbf" + sidecarWith(a1),
        " \r\n\t" + sidecarWith(a1) + " \n",
        sidecarWith(a1) + "x",
        sidecarWith(a1) + "\f",
        QByteArray(sidecarWith(a1)).replace("\"version\": 1", "\"version\": 2"),
        QByteArray(sidecarWith(a1)).replace("\"version\": 1", "\"version\": 0"),
        QByteArray(sidecarWith(a1)).replace("\"version\": 1", "\"version\": 1.0"),
        QByteArray(sidecarWith(a1)).replace("\"article-annotator\"", "\"other\""),
        QByteArray(sidecarWith(a1)).replace("\"length\": 40", "\"length\": -40"),
        "[]",
        "",
        "{}",
        // Bytes that are not UTF-8, inside a value and inside a field name.
        sidecarWith("{\"id\": \"a\xff\", \"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        sidecarWith("{\"id\": \"a\xc3\xa9\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"\xc3\xa9\": 1}"),
        sidecarWith("{\"id\": \"a\xed\xa0\x80\", \"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        sidecarWith("{\"id\": \"a\xc0\xaf\", \"type\": \"Country\", \"start\": 0, \"end\": 5}"),
        // Raw control characters in a string, which QJsonDocument lets through.
        sidecarWith(QByteArray("{\"id\": \"a\x01\x00\", \"type\": \"Country\", \"start\": 0, \"end\": 5}", 51)),
    };
    for (const QByteArray &bytes : inputs)
        parseBoth(bytes);
    // The reordered file keeps its link; the dangling one is reported.
    EXPECT_EQ(parseBoth(inputs[1])->annotations.value(0).entity, QStringLiteral("e1"));
    EXPECT_EQ(parseBoth(inputs[2])->warnings.size(), 2);
}

TEST(SidecarReader, EveryCutAndEveryDamagedByteGivesTheSameOutcome)
{
    const QByteArray bytes = awkwardSidecar();
    for (qsizetype n = 0; n < bytes.size(); ++n)
        parseBoth(bytes.left(n), {7});
    // Read in pieces of 61 bytes, for the text the file names.
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        for (const char c : {'"', '\\', '}', ']', ',', ':', '0', '-', 'x', ' ', '\x80', '\0'}) {
            QByteArray damaged = bytes;
            damaged[i] = c;
            parseBoth(damaged, {61}, false);
            if (::testing::Test::HasFailure())
                return; // one damaged file is enough to see the difference
        }
    }
}

// Every seed of the sidecar fuzz target, the findings among them, reads the
// same through both readers.
TEST(SidecarReader, EveryFuzzSeedReadsTheSameThroughBothReaders)
{
    const QDir dir(QStringLiteral(ANNOTATOR_SOURCE_DIR "/tests/fuzz/corpus/sidecar"));
    const QStringList names = dir.entryList(QDir::Files);
    ASSERT_GT(names.size(), 10);
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
        SCOPED_TRACE(name.toStdString());
        parseBoth(f.readAll());
    }
}

// Opening an article whose text is unchanged needs no anchor contexts; a
// changed text needs them to place its annotations again.
TEST(SidecarReader, ReadingForTheSavedTextLeavesOutOnlyTheContexts)
{
    const QByteArray bytes = awkwardSidecar();
    QString error;
    const auto all = SidecarJson::parse(bytes, QStringLiteral("x.json"), &error);
    ASSERT_TRUE(all.has_value());
    ASSERT_FALSE(all->contexts.isEmpty());

    const auto same = SidecarJson::parseFor(bytes, QStringLiteral("x.json"), all->sha256, &error);
    ASSERT_TRUE(same.has_value());
    EXPECT_TRUE(same->contexts.isEmpty());
    EXPECT_TRUE(same->orphanContexts.isEmpty());
    SidecarData withoutContexts = *all;
    withoutContexts.contexts.clear();
    withoutContexts.orphanContexts.clear();
    EXPECT_TRUE(*same == withoutContexts);

    const auto changed = SidecarJson::parseFor(bytes, QStringLiteral("x.json"), QByteArray(64, 'f'), &error);
    ASSERT_TRUE(changed.has_value());
    EXPECT_TRUE(*changed == *all);

    // An id used twice is refused all the same, and with the same message,
    // by the one-pass reader and, for the unusual file, the general one.
    const QByteArray twice = sidecarWith("{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 2},"
                                         "{\"id\": \"a1\", \"type\": \"Country\", \"start\": 3, \"end\": 5}");
    QString fullError;
    EXPECT_FALSE(SidecarJson::parse(twice, QStringLiteral("a.json"), &fullError));
    EXPECT_FALSE(SidecarJson::parseFor(twice, QStringLiteral("a.json"), "ab", &error));
    EXPECT_EQ(error, fullError);
    EXPECT_FALSE(SidecarJson::parseFor(twice + " ", QStringLiteral("a.json"), "ab", &error));
    EXPECT_FALSE(SidecarJson::parseFor(twice + "x", QStringLiteral("a.json"), "ab", &error));
    EXPECT_FALSE(error.isEmpty());
}

// The program's own ids ("a7") and any others: one used twice is refused,
// also between the annotations and the orphans; ids that only look alike
// ("a07", "a7 ") are different ids.
TEST(SidecarReader, AnIdUsedTwiceIsRefusedAndLookalikesAreNot)
{
    const QByteArray a7 = "{\"id\": \"a7\", \"type\": \"Country\", \"start\": 0, \"end\": 2}";
    const QByteArray lookalikes = "{\"id\": \"a07\", \"type\": \"Country\", \"start\": 3, \"end\": 5},"
                                  "{\"id\": \"a7 \", \"type\": \"Country\", \"start\": 3, \"end\": 5},"
                                  "{\"id\": \"x7\", \"type\": \"Country\", \"start\": 3, \"end\": 5}";
    const auto fine = parseBoth(sidecarWith(a7 + "," + lookalikes));
    ASSERT_TRUE(fine.has_value());
    EXPECT_EQ(fine->annotations.size(), 4);
    EXPECT_EQ(fine->contexts.size(), 4);

    for (const QByteArray &bytes : {sidecarWith(a7 + "," + lookalikes + "," + a7), sidecarWith(lookalikes + "," + lookalikes),
                                    sidecarWith(a7, ", \"orphans\": [" + a7 + "]")}) {
        SCOPED_TRACE(bytes.toStdString());
        QString error;
        EXPECT_FALSE(parseBoth(bytes).has_value());
        EXPECT_FALSE(SidecarJson::parse(bytes, QStringLiteral("x.json"), &error).has_value());
        EXPECT_TRUE(error.contains(QStringLiteral("used twice"))) << error.toStdString();
    }
}

// The anchor contexts follow the annotations they belong to: a list handed
// over out of position order is written in position order, each annotation
// with its own context, as the same list in order would be.
TEST(SidecarReader, EachAnnotationIsWrittenWithItsOwnContext)
{
    const QByteArray bytes = awkwardSidecar();
    const auto d = parseBoth(bytes);
    ASSERT_TRUE(d.has_value());
    ASSERT_GT(d->annotations.size(), 2);
    ASSERT_EQ(d->contexts.size(), d->annotations.size());
    SidecarData reversed = *d;
    std::reverse(reversed.annotations.begin(), reversed.annotations.end());
    std::reverse(reversed.contexts.begin(), reversed.contexts.end());
    EXPECT_EQ(SidecarJson::serialize(reversed), SidecarJson::serialize(*d));
}

// Equal strings read from the file share one copy: what a 100,000-mention
// article's annotations take in memory depends on it.
TEST(SidecarReader, RepeatedTextsAndLinksShareOneString)
{
    const QByteArray bytes = sidecarWith(
        "{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5, \"text\": \"Chile\", \"attributes\": {\"code\": \"CL\"}},"
        "{\"id\": \"a2\", \"type\": \"Country\", \"start\": 6, \"end\": 11, \"text\": \"Chile\", \"attributes\": {\"code\": \"CL\"}},"
        "{\"id\": \"a3\", \"type\": \"Speaker\", \"start\": 12, \"end\": 15, \"text\": \"Ana\", \"entity\": \"e1\"}",
        ", \"entities\": [{\"id\": \"e1\", \"type\": \"Speaker\", \"name\": \"Ana\"}]");
    const auto d = parseBoth(bytes);
    ASSERT_TRUE(d.has_value());
    ASSERT_EQ(d->annotations.size(), 3);
    const Annotation &first = d->annotations.at(0);
    const Annotation &second = d->annotations.at(1);
    EXPECT_EQ(first.text.constData(), second.text.constData());
    EXPECT_EQ(first.attributes, second.attributes);
    EXPECT_EQ(first.attributes.value(Attr::Code).constData(), second.attributes.value(Attr::Code).constData());
    EXPECT_EQ(d->annotations.at(2).entity.constData(), d->entities.at(0).id.constData());
}

// A large article's sidecar is read a piece at a time, its annotations put
// in batches: the same annotations, links, warnings and messages as the
// whole file read at once, wherever the pieces and batches end.
TEST(SidecarReader, ALargeFileReadInPiecesAndBatchesReadsAsAWhole)
{
    SidecarData data;
    data.articleName = QStringLiteral("long.txt");
    data.sha256 = QByteArray(64, 'a');
    data.length = 1000000;
    data.entities.append(Entity{QStringLiteral("e1"), Types::Speaker, QStringLiteral("Ana \"A\""), {{Attr::Kind, QStringLiteral("person")}}});
    for (int i = 0; i < 9000; ++i) {
        Annotation a;
        a.id = QStringLiteral("a%1").arg(i + 1);
        a.type = i % 3 ? Types::Country : Types::Speaker;
        a.start = 100 * i;
        a.end = 100 * i + 5 + i % 7;
        a.text = i % 5 ? QStringLiteral("Chile") : QStringLiteral("P\u00e9rou \\ \"x\" \U0001F600 %1").arg(i);
        if (a.type == Types::Speaker)
            a.entity = i % 1000 ? QStringLiteral("e1") : QStringLiteral("e9"); // a few dangling links
        else
            a.attributes.insert(Attr::Code, i % 2 ? QStringLiteral("CL") : QStringLiteral("PE"));
        data.annotations.append(a);
        data.contexts.append(AnchorContext{QStringLiteral("before %1").arg(i), QStringLiteral("after\t%1").arg(i)});
    }
    data.orphans.append(data.annotations.first());
    data.orphans.first().id = QStringLiteral("o1");
    data.orphanContexts.append(AnchorContext{});
    const QByteArray bytes = SidecarJson::serialize(data);
    readInPiecesAsWhole(bytes, data.sha256, {100, 4095, 64 * 1024});
    readInPiecesAsWhole(bytes, QByteArray(64, 'f'), {4095});

    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    QList<QList<Annotation>> batches;
    QString error;
    const auto read = SidecarJson::readFor(device, QStringLiteral("x.json"), data.sha256, &error, &batches, 1000);
    ASSERT_TRUE(read.has_value()) << error.toStdString();
    EXPECT_TRUE(read->annotations.isEmpty());
    EXPECT_GT(batches.size(), 1);
    EXPECT_EQ(batches.first().first().id, QStringLiteral("a1"));
    EXPECT_EQ(batches.last().last().id, QStringLiteral("a9000"));
    EXPECT_EQ(read->warnings.size(), 4); // a1, a3001, a6001 and the orphan link to e9
    EXPECT_EQ(read->orphans.size(), 1);

    // Damaged near the end: refused with the general reader's message.
    QByteArray damaged = bytes;
    damaged[bytes.size() - 200] = '\x01';
    readInPiecesAsWhole(damaged, data.sha256, {4095});
}
