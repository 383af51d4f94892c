#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace annotator;

namespace {

struct Fixture {
    QTemporaryDir dir;
    QString article;
    Document doc;

    explicit Fixture(const QByteArray &text)
    {
        article = dir.filePath(QStringLiteral("story.txt"));
        test::writeAll(article, text);
        QString error;
        doc = *Document::load(article, &error);
    }

    Annotation mention(const QString &type, const QString &text, int occurrence = 0)
    {
        qsizetype pos = -1;
        for (int i = 0; i <= occurrence; ++i)
            pos = doc.text().indexOf(text, pos + 1);
        Annotation a;
        a.type = type;
        a.start = doc.offsets().toCodePoint(pos);
        a.end = doc.offsets().toCodePoint(pos + text.size());
        a.text = text;
        return a;
    }
};

} // namespace

TEST(SidecarStore, SaveAndLoadRoundTrip)
{
    Fixture f("\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 \"We will not yield,\" Olena Marchuk said.\r\nUkraine and Poland met in Warsaw.\n");
    AnnotationSet set;
    Entity speaker{set.newEntityId(), Types::Speaker, QStringLiteral("Olena Marchuk"), {{Attr::Kind, QStringLiteral("person")}}};
    AnnotationEdit edit;
    edit.add(speaker);
    Annotation s = f.mention(Types::Speaker, QStringLiteral("Olena Marchuk"));
    s.id = set.newAnnotationId();
    s.entity = speaker.id;
    s.attributes.insert(Attr::Role, QStringLiteral("a \"deputy\" minister\tand \\ more"));
    Annotation q = f.mention(Types::Quote, QStringLiteral("We will not yield,"));
    q.id = set.newAnnotationId();
    q.saidBy = speaker.id;
    q.origin = Origin::Automatic;
    q.status = Status::Suggested;
    Annotation c = f.mention(Types::Country, QStringLiteral("Ukraine"));
    c.id = set.newAnnotationId();
    c.attributes.insert(Attr::Code, QStringLiteral("UA"));
    c.status = Status::Rejected;
    edit.add(s);
    edit.add(q);
    edit.add(c);
    set.apply(edit);
    set.setUserTypes({AnnotationType{QStringLiteral("Claim"), QStringLiteral("#aa3300"), QStringLiteral("5"), {}}});

    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error)) << error.toStdString();
    const QString sidecar = SidecarStore::sidecarPath(f.article);
    EXPECT_TRUE(QFileInfo::exists(sidecar));
    EXPECT_TRUE(sidecar.endsWith(QStringLiteral("story.txt.annotations.json")));

    const auto loaded = SidecarStore::load(f.doc);
    ASSERT_EQ(loaded.status, SidecarStore::LoadStatus::Loaded) << loaded.error.toStdString();
    EXPECT_EQ(loaded.data.annotations, set.annotations());
    EXPECT_EQ(loaded.data.entities, set.entities());
    EXPECT_EQ(loaded.data.types, set.userTypes());
    // Offsets are code points: the flag is two of them.
    EXPECT_EQ(f.doc.slice(loaded.data.annotations[0].start, loaded.data.annotations[0].end), QStringLiteral("We will not yield,"));
    EXPECT_EQ(loaded.data.annotations[0].start, 4);
}

TEST(SidecarStore, FileIsPrettyAndSortedByPosition)
{
    Fixture f("Chile and Peru and Chile.\n");
    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile"), 1));
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Peru")));
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile")));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    const QByteArray json = test::readAll(SidecarStore::sidecarPath(f.article));
    const auto lines = json.split('\n');
    QList<qsizetype> starts;
    for (const QByteArray &line : lines) {
        const qsizetype at = line.indexOf("\"start\": ");
        if (at >= 0)
            starts.append(line.mid(at + 9).split(',').first().toLongLong());
    }
    EXPECT_EQ(starts, (QList<qsizetype>{0, 10, 19}));
    EXPECT_TRUE(json.contains(QByteArray(QByteArray("\"sha256\": \"") + f.doc.sha256() + QByteArray("\""))));
    EXPECT_TRUE(json.contains("\"version\": 1"));
}

TEST(SidecarStore, KeepsPreviousVersionAsBackup)
{
    Fixture f("Chile and Peru.\n");
    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile")));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    const QByteArray first = test::readAll(SidecarStore::sidecarPath(f.article));
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Peru")));
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    EXPECT_EQ(test::readAll(SidecarStore::backupPath(f.article)), first);
    EXPECT_NE(test::readAll(SidecarStore::sidecarPath(f.article)), first);
}

TEST(SidecarStore, FailedWriteLeavesOldFileIntact)
{
    Fixture f("Chile and Peru.\n");
    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile")));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    const QString sidecar = SidecarStore::sidecarPath(f.article);
    const QByteArray before = test::readAll(sidecar);
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Peru")));
    // A read-only folder: QSaveFile cannot create its temporary file.
    QFile::setPermissions(f.dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const bool root = QFileInfo(f.dir.path()).isWritable();
    const bool saved = SidecarStore::save(f.doc, set, &error);
    QFile::setPermissions(f.dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!root) {
        EXPECT_FALSE(saved);
        EXPECT_TRUE(error.contains(sidecar) || error.contains(f.dir.path())) << error.toStdString();
        EXPECT_EQ(test::readAll(sidecar), before);
    }
    // /dev/full fails every write, for root too, and stays a device.
    const QByteArray current = test::readAll(sidecar);
    EXPECT_FALSE(SidecarStore::writeFile(QStringLiteral("/dev/full"), QByteArray(100000, 'x'), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QFileInfo(QStringLiteral("/dev/full")).isFile());
    // A vanished folder: the write fails with a reason and touches nothing.
    EXPECT_FALSE(SidecarStore::writeFile(f.dir.filePath(QStringLiteral("gone/x.json")), current, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("gone"))) << error.toStdString();
    EXPECT_EQ(test::readAll(sidecar), current);
}

TEST(SidecarStore, ReanchorsAfterArticleEditAndKeepsOrphans)
{
    Fixture f("Intro.\nBrazil and Chile met. Peru said no.\n");
    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Brazil")));
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile")));
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Peru")));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));

    // Text inserted before, one mention's text removed.
    test::writeAll(f.article, "A much longer 😀 introduction.\nBrazil and Argentina met. Peru said no.\n");
    auto changed = Document::load(f.article, &error);
    ASSERT_TRUE(changed);
    const auto r = SidecarStore::load(*changed);
    ASSERT_EQ(r.status, SidecarStore::LoadStatus::Reanchored);
    ASSERT_EQ(r.data.annotations.size(), 2);
    for (const Annotation &a : r.data.annotations)
        EXPECT_EQ(changed->slice(a.start, a.end), a.text);
    ASSERT_EQ(r.data.orphans.size(), 1);
    EXPECT_EQ(r.data.orphans[0].text, QStringLiteral("Chile"));
    EXPECT_EQ(r.newOrphans, 1);

    // Orphans are written back on save, not dropped.
    AnnotationSet again;
    again.reset(r.data.annotations, r.data.entities, r.data.orphans);
    ASSERT_TRUE(SidecarStore::save(*changed, again, &error));
    const auto reread = SidecarStore::load(*changed);
    ASSERT_EQ(reread.status, SidecarStore::LoadStatus::Loaded);
    EXPECT_EQ(reread.data.orphans.size(), 1);
}

TEST(SidecarStore, ReanchorPrefersMatchingContext)
{
    Fixture f("Chile first. Then more about Chile here.\n");
    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile"), 1));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    test::writeAll(f.article, "Chile first, and Chile second. Then more about Chile here.\n");
    auto changed = Document::load(f.article, &error);
    const auto r = SidecarStore::load(*changed);
    ASSERT_EQ(r.data.annotations.size(), 1);
    EXPECT_EQ(r.data.annotations[0].start, changed->text().lastIndexOf(QStringLiteral("Chile")));
}

TEST(SidecarStore, BrokenSidecarIsReportedAndNotOverwritten)
{
    Fixture f("Chile.\n");
    const QString sidecar = SidecarStore::sidecarPath(f.article);
    const QByteArray broken = "{\"format\": \"article-annotator\", \"version\": 1, \"annotations\": [ {oops";
    test::writeAll(sidecar, broken);
    const auto r = SidecarStore::load(f.doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(sidecar)) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("JSON"))) << r.error.toStdString();

    AnnotationSet set;
    set.addAnnotation(f.mention(Types::Country, QStringLiteral("Chile")));
    QString error;
    EXPECT_FALSE(SidecarStore::save(f.doc, set, &error));
    EXPECT_EQ(test::readAll(sidecar), broken);
    // With the user's consent it is replaced, and the broken one kept as backup.
    EXPECT_TRUE(SidecarStore::save(f.doc, set, &error, SidecarStore::SaveMode::OverwriteInvalid)) << error.toStdString();
    EXPECT_EQ(test::readAll(SidecarStore::backupPath(f.article)), broken);
}

TEST(SidecarStore, NewerVersionAndBadSpansAreRefused)
{
    Fixture f("Chile.\n");
    const QString sidecar = SidecarStore::sidecarPath(f.article);
    test::writeAll(sidecar, "{\"format\": \"article-annotator\", \"version\": 99, \"annotations\": []}");
    auto r = SidecarStore::load(f.doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(QStringLiteral("newer"))) << r.error.toStdString();

    test::writeAll(sidecar, "{\"format\": \"article-annotator\", \"version\": 1, \"article\": {\"sha256\": \"" + f.doc.sha256()
                       + "\"}, \"annotations\": [{\"id\": \"a1\", \"type\": \"Country\", \"start\": 3, \"end\": 900}]}");
    r = SidecarStore::load(f.doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(QStringLiteral("past the end"))) << r.error.toStdString();

    test::writeAll(sidecar, "{\"format\": \"article-annotator\", \"version\": 1, \"annotations\": [{\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, "
                            "\"end\": 5}, {\"id\": \"a1\", \"type\": \"Country\", \"start\": 0, \"end\": 5}]}");
    r = SidecarStore::load(f.doc);
    EXPECT_EQ(r.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_TRUE(r.error.contains(QStringLiteral("used twice"))) << r.error.toStdString();
}

// The window takes a large article's annotations in batches, which the set
// frees one by one: the same annotations and outcomes as in a list.
TEST(SidecarStore, LoadingInBatchesGivesWhatALoadInAListGives)
{
    Fixture f("Intro.\nBrazil and Chile met. Peru said no.\n");
    AnnotationSet set;
    for (const char *country : {"Brazil", "Chile", "Peru"})
        set.addAnnotation(f.mention(Types::Country, QString::fromLatin1(country)));
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error));
    auto flattened = [](SidecarStore::LoadResult r) {
        for (const QList<Annotation> &batch : std::as_const(r.batches))
            r.data.annotations += batch;
        return r.data;
    };
    auto inList = SidecarStore::load(f.doc);
    auto inBatches = SidecarStore::load(f.doc, SidecarStore::Form::Batches);
    ASSERT_EQ(inBatches.status, SidecarStore::LoadStatus::Loaded);
    EXPECT_TRUE(inBatches.data.annotations.isEmpty());
    EXPECT_TRUE(flattened(inBatches) == inList.data);
    AnnotationSet fromBatches;
    fromBatches.resetFromBatches(inBatches.batches, inBatches.data.entities);
    EXPECT_EQ(fromBatches.annotations(), set.annotations());

    // Changed text: placed again, then handed over in batches all the same.
    test::writeAll(f.article, "A longer intro.\nBrazil and Argentina met. Peru said no.\n");
    auto changed = Document::load(f.article, &error);
    ASSERT_TRUE(changed);
    inList = SidecarStore::load(*changed);
    inBatches = SidecarStore::load(*changed, SidecarStore::Form::Batches);
    ASSERT_EQ(inBatches.status, SidecarStore::LoadStatus::Reanchored);
    EXPECT_TRUE(inBatches.data.annotations.isEmpty());
    EXPECT_TRUE(flattened(inBatches) == inList.data);
    EXPECT_EQ(inBatches.newOrphans, 1);

    // A span past the end of the same text: the same refusal.
    const QString sidecar = SidecarStore::sidecarPath(f.article);
    test::writeAll(sidecar, "{\"format\": \"article-annotator\", \"version\": 1, \"article\": {\"sha256\": \"" + changed->sha256()
                       + "\"}, \"annotations\": [{\"id\": \"a1\", \"type\": \"Country\", \"start\": 3, \"end\": 900}, "
                         "{\"id\": \"a2\", \"type\": \"Country\", \"start\": 3, \"end\": 901}]}");
    inList = SidecarStore::load(*changed);
    inBatches = SidecarStore::load(*changed, SidecarStore::Form::Batches);
    EXPECT_EQ(inBatches.status, SidecarStore::LoadStatus::Invalid);
    EXPECT_EQ(inBatches.error, inList.error);
    EXPECT_TRUE(inBatches.error.contains(QStringLiteral("annotation a1 ends at 900"))) << inBatches.error.toStdString();
}

TEST(SidecarStore, ALargeSaveWrittenInPiecesHoldsExactlyTheSerializedFile)
{
    // Saving streams the file in pieces; a file many pieces long must come
    // out byte for byte as the whole-file serializer makes it and load back.
    QByteArray text;
    for (int i = 0; i < 3000; ++i)
        text += "Talks in Peru went on, \xC3\xA9lite negotiators said. ";
    Fixture f(text);
    AnnotationSet set;
    QList<Annotation> list;
    qsizetype pos = -1;
    for (int i = 0; i < 3000; ++i) {
        pos = f.doc.text().indexOf(QStringLiteral("Peru"), pos + 1);
        Annotation a;
        a.type = Types::Country;
        a.start = f.doc.offsets().toCodePoint(pos);
        a.end = a.start + 4;
        a.text = QStringLiteral("Peru");
        a.id = QStringLiteral("c%1").arg(i + 1);
        a.attributes.insert(Attr::Code, QStringLiteral("PE"));
        list.append(a);
    }
    set.reset(list, {});
    QString error;
    ASSERT_TRUE(SidecarStore::save(f.doc, set, &error)) << error.toStdString();
    const QByteArray written = test::readAll(SidecarStore::sidecarPath(f.article));
    EXPECT_GT(written.size(), 4 * 64 * 1024);
    EXPECT_EQ(written, SidecarJson::serialize(SidecarData::capture(f.doc, set)));
    const auto loaded = SidecarStore::load(f.doc);
    EXPECT_EQ(loaded.data.annotations.size(), 3000);
}
