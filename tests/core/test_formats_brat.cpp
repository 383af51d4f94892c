#include "formats/bratformat.h"
#include "model/document.h"
#include "testsupport.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>

using namespace annotator;

namespace {

// The T, N, Same and SaidBy lines of an .ann file with every T id replaced
// by the mention it names, so two files compare ids aside.
QStringList canonicalLines(const QByteArray &ann)
{
    QHash<QString, QString> key;
    const QStringList lines = QString::fromUtf8(ann).split(u'\n');
    for (QString line : lines) {
        line.remove(u'\r');
        if (line.startsWith(u'T')) {
            const QStringList f = line.split(u'\t');
            key.insert(f[0], u'[' + f[1] + u']');
        }
    }
    static const QRegularExpression tRef(QStringLiteral("\\bT\\d+\\b"));
    QStringList out;
    for (QString line : lines) {
        line.remove(u'\r');
        if (line.isEmpty() || line.startsWith(u'A') || line.startsWith(u'#'))
            continue;
        QStringList f = line.split(u'\t');
        if (line.startsWith(u'T')) {
            out.append(f[1] + u'\t' + f.value(2));
            continue;
        }
        QString rest = f.mid(1).join(u'\t');
        QStringList parts = rest.split(u' ');
        for (QString &p : parts) {
            const auto m = tRef.match(p);
            if (m.hasMatch())
                p.replace(m.capturedStart(), m.capturedLength(), key.value(m.captured()));
        }
        if (line.startsWith(u'*')) {
            // Order of mentions in a Same line does not matter.
            QStringList members = parts.mid(1);
            members.sort();
            parts = QStringList{parts[0]} + members;
        }
        out.append(f[0].left(1) + u'\t' + parts.join(u' '));
    }
    out.sort();
    return out;
}

Document doc(const QString &text)
{
    return Document::fromText(text, QStringLiteral("story.txt"));
}

Annotation mention(const Document &d, const QString &type, const QString &text, int occurrence = 0)
{
    qsizetype pos = -1;
    for (int i = 0; i <= occurrence; ++i)
        pos = d.text().indexOf(text, pos + 1);
    Annotation a;
    a.id = QStringLiteral("m%1").arg(pos);
    a.type = type;
    a.start = d.offsets().toCodePoint(pos);
    a.end = d.offsets().toCodePoint(pos + text.size());
    a.text = text;
    return a;
}

} // namespace

TEST(BratFormat, SeedGoldRoundTripKeepsEveryLine)
{
    const QDir dir(test::sharedArticles());
    const QStringList anns = dir.entryList({QStringLiteral("000_*.ann")});
    if (anns.isEmpty())
        GTEST_SKIP() << "no seed article in ../shared/articles";
    const QString annPath = dir.filePath(anns.first());
    QString error;
    const auto article = Document::load(annPath.chopped(4) + QStringLiteral(".txt"), &error);
    ASSERT_TRUE(article) << error.toStdString();
    const QByteArray gold = test::readAll(annPath);
    const ImportResult read = BratFormat::read(gold, &*article);
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    EXPECT_TRUE(read.issues.isEmpty()) << read.messages(annPath).join(u'\n').toStdString();
    const ExportResult written = BratFormat::write(*article, read.data);
    EXPECT_TRUE(written.warnings.isEmpty());
    const QStringList expected = canonicalLines(gold);
    const QStringList actual = canonicalLines(written.bytes);
    EXPECT_EQ(actual.size(), expected.size());
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i)
        EXPECT_EQ(actual[i], expected[i]);
}

// The development set's gold files go through the same round trip.
TEST(BratFormat, DevelopmentSetGoldRoundTrips)
{
    const QDir dir(test::dataPath(QStringLiteral("articles")));
    const QStringList anns = dir.entryList({QStringLiteral("*.ann")}, QDir::Files, QDir::Name);
    if (anns.isEmpty())
        GTEST_SKIP() << "no gold files in tests/data/articles";
    for (const QString &name : anns) {
        QString error;
        const auto article = Document::load(dir.filePath(name.chopped(4) + QStringLiteral(".txt")), &error);
        ASSERT_TRUE(article) << error.toStdString();
        const QByteArray gold = test::readAll(dir.filePath(name));
        const ImportResult read = BratFormat::read(gold, &*article);
        EXPECT_TRUE(read.issues.isEmpty()) << read.messages(name).join(u'\n').toStdString();
        // Gold files name countries in different conventions ("Viet Nam",
        // "Russia"); the code is what counts, so names are left out here.
        auto withoutNames = [](QStringList lines) {
            for (QString &l : lines) {
                if (l.startsWith(u'N'))
                    l = l.section(u'\t', 0, 1);
            }
            return lines;
        };
        const QStringList actual = withoutNames(canonicalLines(BratFormat::write(*article, read.data).bytes));
        const QStringList expected = withoutNames(canonicalLines(gold));
        QStringList missing, extra;
        for (const QString &l : expected)
            if (!actual.contains(l))
                missing.append(l);
        for (const QString &l : actual)
            if (!expected.contains(l))
                extra.append(l);
        EXPECT_TRUE(missing.isEmpty() && extra.isEmpty())
            << name.toStdString() << "\nmissing:\n" << missing.join(u'\n').toStdString() << "\nextra:\n" << extra.join(u'\n').toStdString();
    }
}

TEST(BratFormat, WritesTheGuidelineLines)
{
    const Document d = doc(QStringLiteral("\"We will stay,\" said Ana Lima. Lima added that Brazil would vote."));
    AnnotationData data;
    Entity speaker{QStringLiteral("e1"), Types::Speaker, QStringLiteral("Ana Lima"), {{Attr::Kind, QStringLiteral("person")}}};
    data.entities = {speaker};
    Annotation quote = mention(d, Types::Quote, QStringLiteral("We will stay,"));
    quote.saidBy = speaker.id;
    Annotation full = mention(d, Types::Speaker, QStringLiteral("Ana Lima"));
    full.entity = speaker.id;
    Annotation last = mention(d, Types::Speaker, QStringLiteral("Lima"), 1);
    last.entity = speaker.id;
    Annotation brazil = mention(d, Types::Country, QStringLiteral("Brazil"));
    brazil.attributes.insert(Attr::Code, QStringLiteral("BR"));
    data.annotations = {last, brazil, full, quote};
    const QString ann = QString::fromUtf8(BratFormat::write(d, data).bytes);
    EXPECT_EQ(ann,
              QStringLiteral("T1\tQuote 1 14\tWe will stay,\n"
                             "T2\tSpeaker 21 29\tAna Lima\n"
                             "T3\tSpeaker 31 35\tLima\n"
                             "T4\tCountry 47 53\tBrazil\n"
                             "N1\tReference T4 ISO3166-1:BR\tBrazil\n"
                             "*\tSame T2 T3\n"
                             "R1\tSaidBy Arg1:T1 Arg2:T2\n"
                             "A1\tkind T2 person\n"));
}

TEST(BratFormat, LineBreakSpansBecomeFragmentsAndReadBack)
{
    const Document d = doc(QString::fromUtf8("Intro \xF0\x9F\x98\x80 \"First line\r\n  second line\" end."));
    AnnotationData data;
    Annotation q = mention(d, Types::Quote, QStringLiteral("First line\r\n  second line"));
    data.annotations = {q};
    const QByteArray ann = BratFormat::write(d, data).bytes;
    // Code points: the emoji counts one.
    EXPECT_EQ(QString::fromUtf8(ann), QStringLiteral("T1\tQuote 9 19;23 34\tFirst line second line\n"));
    const ImportResult back = BratFormat::read(ann, &d);
    ASSERT_EQ(back.data.annotations.size(), 1);
    EXPECT_TRUE(back.issues.isEmpty());
    EXPECT_EQ(back.data.annotations[0].start, q.start);
    EXPECT_EQ(back.data.annotations[0].end, q.end);
    EXPECT_EQ(back.data.annotations[0].text, q.text);
}

TEST(BratFormat, ReportsMismatchesWithLineAndImportsTheRest)
{
    const Document d = doc(QStringLiteral("Kenya and Peru met."));
    const QByteArray ann = "T1\tCountry 0 5\tKenya\r\n"
                           "T2\tCountry 10 14\tChile\r\n"
                           "T3\tCountry 10 99\tPeru\r\n"
                           "N1\tReference T1 ISO3166-1:KE\tKenya\r\n"
                           "N2\tReference T2 ISO3166-1:CL\tChile\r\n";
    const ImportResult r = BratFormat::read(ann, &d);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.data.annotations.size(), 1);
    EXPECT_EQ(r.data.annotations[0].attributes.value(Attr::Code), QStringLiteral("KE"));
    ASSERT_EQ(r.issues.size(), 3);
    EXPECT_EQ(r.issues[0].line, 2);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("\"Chile\" does not match the article text \"Peru\"")));
    EXPECT_EQ(r.issues[1].line, 3);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("past the end")));
    EXPECT_EQ(r.issues[2].line, 5);
    const QStringList messages = r.messages(QStringLiteral("x.ann"));
    EXPECT_TRUE(messages[0].startsWith(QStringLiteral("x.ann:2: T2: ")));
}

TEST(BratFormat, SameGroupsAndSaidByBecomeEntities)
{
    const Document d = doc(QStringLiteral("\"Yes,\" said Li Wei. Li was calm, he said."));
    const QByteArray ann = "T1\tQuote 1 4\tYes\n"
                           "T2\tSpeaker 12 18\tLi Wei\n"
                           "T3\tSpeaker 20 22\tLi\n"
                           "T4\tSpeaker 33 35\the\n"
                           "*\tSame T2 T3 T4\n"
                           "R1\tSaidBy Arg1:T1 Arg2:T4\n"
                           "A1\tkind T2 person\n"
                           "A2\trole T2 former%20envoy\n"
                           "#1\tAnnotatorNotes T3\tchecked\n";
    const ImportResult r = BratFormat::read(ann, &d);
    EXPECT_TRUE(r.issues.isEmpty()) << r.messages(QStringLiteral("x")).join(u'\n').toStdString();
    ASSERT_EQ(r.data.entities.size(), 1);
    const Entity &e = r.data.entities[0];
    EXPECT_EQ(e.name, QStringLiteral("Li Wei"));
    EXPECT_EQ(e.type, Types::Speaker);
    EXPECT_EQ(e.attributes.value(Attr::Kind), QStringLiteral("person"));
    ASSERT_EQ(r.data.annotations.size(), 4);
    EXPECT_EQ(r.data.annotations[0].saidBy, e.id);
    EXPECT_EQ(r.data.annotations[1].attributes.value(Attr::Role), QStringLiteral("former envoy"));
    EXPECT_EQ(r.data.annotations[2].attributes.value(QStringLiteral("note")), QStringLiteral("checked"));
    for (int i = 1; i < 4; ++i)
        EXPECT_EQ(r.data.annotations[i].entity, e.id);
}

TEST(BratFormat, RejectedSuggestionsAreNotExported)
{
    const Document d = doc(QStringLiteral("Chad and Mali."));
    AnnotationData data;
    Annotation a = mention(d, Types::Country, QStringLiteral("Chad"));
    a.status = Status::Rejected;
    Annotation b = mention(d, Types::Country, QStringLiteral("Mali"));
    b.origin = Origin::Automatic;
    b.status = Status::Suggested;
    data.annotations = {a, b};
    const QString ann = QString::fromUtf8(BratFormat::write(d, data).bytes);
    EXPECT_FALSE(ann.contains(QStringLiteral("Chad")));
    EXPECT_TRUE(ann.contains(QStringLiteral("A1\tOrigin T1 automatic\nA2\tStatus T1 suggested\n")));
    const ImportResult back = BratFormat::read(ann.toUtf8(), &d);
    ASSERT_EQ(back.data.annotations.size(), 1);
    EXPECT_EQ(back.data.annotations[0].status, Status::Suggested);
    EXPECT_EQ(back.data.annotations[0].origin, Origin::Automatic);
}
