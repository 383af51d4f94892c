// Property tests: for every lossless format, importing an export gives back
// the same annotations, over generated articles with astral characters,
// combining marks, CRLF and LF line ends, overlapping and nested spans,
// entity links and attributions.
#include "formats/bratformat.h"
#include "formats/formats.h"
#include "model/document.h"
#include "testsupport.h"

#include <QDir>
#include <QMap>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

using namespace annotator;

namespace {

constexpr int Cases = 1000;

struct Generated {
    Document doc;
    AnnotationData data;
};

// One generated article with annotations. Words are kept with their code
// point offsets so spans start and end on them, as the guideline requires.
Generated generate(std::mt19937 &rng, bool withRejected)
{
    static const QStringList words{
        QStringLiteral("Kenya"), QStringLiteral("said"), QStringLiteral("the"), QStringLiteral("minister"), QStringLiteral("Ana"),
        QStringLiteral("Lima"), QStringLiteral("\U0001F600"), QStringLiteral("caf\u00E9"), QStringLiteral("cafe\u0301"), QStringLiteral("\U0001D49C\U0001D49E"),
        QStringLiteral("\u5317\u4EAC"), QStringLiteral("\"quoted"), QStringLiteral("words\""), QStringLiteral("\u201CWe"), QStringLiteral("agree\u201D"),
        QStringLiteral("50%"), QStringLiteral("=SUM(A1)"), QStringLiteral("-5"), QStringLiteral("<b>&amp;"), QStringLiteral("\U0001F1FA\U0001F1E6"),
        QStringLiteral("na\u00EFve"), QStringLiteral("Zo\u00EB"), QStringLiteral("x\u0308\u0301"), QStringLiteral("war"), QStringLiteral("talks"),
    };
    static const QStringList separators{QStringLiteral(" "), QStringLiteral(" "), QStringLiteral(" "), QStringLiteral(", "), QStringLiteral("\r\n"),
                                        QStringLiteral("\n"), QStringLiteral("\r\n\r\n"), QStringLiteral(" \t "), QStringLiteral(". ")};
    static const QStringList codes{QStringLiteral("KE"), QStringLiteral("PE"), QStringLiteral("UA"), QStringLiteral("CN"), QStringLiteral("XK")};
    static const QStringList roles{QStringLiteral("foreign minister"), QStringLiteral("50% owner"), QStringLiteral("envoy\U0001F600"), QStringLiteral("a=b c%20d")};
    auto pick = [&](const QStringList &list) { return list[std::uniform_int_distribution<qsizetype>(0, list.size() - 1)(rng)]; };
    auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };

    QString text;
    std::vector<std::pair<qint64, qint64>> wordSpans;
    const int n = std::uniform_int_distribution<int>(3, 40)(rng);
    qint64 cp = 0;
    for (int i = 0; i < n; ++i) {
        if (i) {
            const QString sep = pick(separators);
            text += sep;
            cp += codePointCount(sep);
        }
        const QString w = pick(words);
        wordSpans.emplace_back(cp, cp + codePointCount(w));
        text += w;
        cp += codePointCount(w);
    }
    Generated g{Document::fromText(text, QStringLiteral("generated.txt")), {}};
    const QStringList types{Types::Speaker, Types::Country, Types::Event, Types::Quote, QStringLiteral("Claim")};
    std::set<std::tuple<qint64, qint64, QString>> used;
    const int count = std::uniform_int_distribution<int>(0, 14)(rng);
    QMap<QString, QStringList> entitiesOfType; // type -> entity ids
    int nextEntity = 0;
    for (int k = 0; k < count; ++k) {
        const int first = std::uniform_int_distribution<int>(0, n - 1)(rng);
        const int last = std::min(n - 1, first + std::uniform_int_distribution<int>(0, chance(30) ? 6 : 1)(rng));
        Annotation a;
        a.type = pick(types);
        a.start = wordSpans[size_t(first)].first;
        a.end = wordSpans[size_t(last)].second;
        if (!used.insert({a.start, a.end, a.type}).second)
            continue;
        a.id = QStringLiteral("g%1").arg(k);
        a.text = g.doc.slice(a.start, a.end);
        if (a.type == Types::Country)
            a.attributes.insert(Attr::Code, pick(codes));
        if (a.type == Types::Speaker && chance(40))
            a.attributes.insert(Attr::Role, pick(roles));
        if (chance(15))
            a.attributes.insert(QStringLiteral("note"), QStringLiteral("checked \U0001F600 100%\tok"));
        const int state = std::uniform_int_distribution<int>(0, withRejected ? 3 : 2)(rng);
        a.origin = state == 0 ? Origin::Manual : Origin::Automatic;
        a.status = state == 1 ? Status::Suggested : state == 3 ? Status::Rejected : Status::Accepted;
        if (a.type == Types::Speaker || a.type == Types::Event) {
            QStringList &ids = entitiesOfType[a.type];
            if (ids.isEmpty() || chance(50)) {
                Entity e{QStringLiteral("n%1").arg(++nextEntity), a.type, QString(), {}};
                if (a.type == Types::Speaker && chance(50))
                    e.attributes.insert(Attr::Kind, chance(50) ? QStringLiteral("person") : QStringLiteral("organisation"));
                if (a.type == Types::Event && chance(50))
                    e.attributes.insert(Attr::Time, QStringLiteral("this month"));
                g.data.entities.append(e);
                ids.append(e.id);
            }
            a.entity = pick(ids);
        }
        g.data.annotations.append(a);
    }
    // Rejected mentions are not exported except in the native format, so
    // entity names and links only use the live ones there.
    auto live = [&](const Annotation &a) { return withRejected || a.status != Status::Rejected; };
    for (Entity &e : g.data.entities) {
        for (const Annotation &a : std::as_const(g.data.annotations)) {
            if (a.entity == e.id && live(a) && a.text.size() > e.name.size())
                e.name = a.text;
        }
        if (chance(20))
            e.name = QStringLiteral("Custom name \U0001F600");
    }
    const QStringList speakers = entitiesOfType.value(Types::Speaker);
    for (Annotation &a : g.data.annotations) {
        if (a.type == Types::Quote && !speakers.isEmpty() && chance(70))
            a.saidBy = pick(speakers);
    }
    return g;
}

// The annotations with ids replaced by what they are, entities by their
// mentions, so two data sets compare ids aside.
QStringList canonical(const AnnotationData &data, bool includeRejected)
{
    QMap<QString, QStringList> members;
    for (const Annotation &a : data.annotations) {
        if ((includeRejected || a.status != Status::Rejected) && !a.entity.isEmpty())
            members[a.entity].append(QStringLiteral("%1:%2-%3").arg(a.type).arg(a.start).arg(a.end));
    }
    QMap<QString, QString> entityKey;
    for (auto it = members.begin(); it != members.end(); ++it) {
        it->sort();
        entityKey.insert(it.key(), u'{' + it->join(u',') + u'}');
    }
    QStringList out;
    for (const Annotation &a : data.annotations) {
        if (!includeRejected && a.status == Status::Rejected)
            continue;
        QStringList attrs;
        for (auto it = a.attributes.cbegin(); it != a.attributes.cend(); ++it)
            attrs.append(it.key() + u'=' + it.value());
        out.append(QStringLiteral("%1 %2-%3 [%4] {%5} %6/%7 entity=%8 saidBy=%9")
                       .arg(a.type)
                       .arg(a.start)
                       .arg(a.end)
                       .arg(a.text, attrs.join(u'|'), toString(a.origin), toString(a.status), entityKey.value(a.entity), entityKey.value(a.saidBy)));
    }
    for (const Entity &e : data.entities) {
        if (!entityKey.contains(e.id))
            continue; // an entity without (exported) mentions
        QStringList attrs;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            attrs.append(it.key() + u'=' + it.value());
        out.append(QStringLiteral("entity %1 %2 \"%3\" {%4}").arg(entityKey.value(e.id), e.type, e.name, attrs.join(u'|')));
    }
    out.sort();
    return out;
}

void roundTrip(Format format, const FormatOptions &options = {})
{
    std::mt19937 rng(20261128u + uint(format) * 7919u + (options.utf16Offsets ? 1u : 0u));
    const bool native = format == Format::Native;
    // How often the hard cases came up, so the property covers them.
    int crossLine = 0, nested = 0, astral = 0, attributed = 0, crlf = 0;
    for (int i = 0; i < Cases; ++i) {
        const Generated g = generate(rng, native);
        crlf += g.doc.text().contains(QStringLiteral("\r\n"));
        bool hasCross = false, hasNested = false, hasAstral = false, hasLink = false;
        for (const Annotation &a : g.data.annotations) {
            hasCross = hasCross || a.text.contains(u'\n');
            hasAstral = hasAstral || a.text.size() != a.length();
            hasLink = hasLink || !a.saidBy.isEmpty();
            for (const Annotation &b : g.data.annotations)
                hasNested = hasNested || (a.id != b.id && a.start <= b.start && b.end <= a.end);
        }
        crossLine += hasCross;
        nested += hasNested;
        astral += hasAstral;
        attributed += hasLink;
        const ExportResult out = Formats::write(format, g.doc, g.data, options);
        ASSERT_TRUE(out.error.isEmpty()) << out.error.toStdString();
        const ImportResult back = Formats::read(format, out.bytes, g.doc, options);
        ASSERT_TRUE(back.ok()) << back.error.toStdString();
        EXPECT_TRUE(back.issues.isEmpty()) << "case " << i << ": " << back.messages(QStringLiteral("export")).join(u'\n').toStdString();
        const QStringList expected = canonical(g.data, native);
        const QStringList actual = canonical(back.data, native);
        ASSERT_EQ(actual, expected) << "case " << i << " of " << Formats::name(format).toStdString() << ", text: " << g.doc.text().toStdString()
                                    << "\nexport:\n"
                                    << out.bytes.toStdString();
    }
    EXPECT_GT(crossLine, Cases / 10);
    EXPECT_GT(nested, Cases / 10);
    EXPECT_GT(astral, Cases / 10);
    EXPECT_GT(attributed, Cases / 10);
    EXPECT_GT(crlf, Cases / 10);
}

} // namespace

TEST(FormatRoundTrip, Native) { roundTrip(Format::Native); }
TEST(FormatRoundTrip, Brat) { roundTrip(Format::Brat); }
TEST(FormatRoundTrip, DoccanoCodePoints) { roundTrip(Format::Doccano); }
TEST(FormatRoundTrip, DoccanoUtf16)
{
    FormatOptions o;
    o.utf16Offsets = true;
    roundTrip(Format::Doccano, o);
}
TEST(FormatRoundTrip, WebAnnotation) { roundTrip(Format::WebAnnotation); }

// The seed gold file through every lossless format gives back what it held.
TEST(FormatRoundTrip, SeedGoldThroughEveryLosslessFormat)
{
    const QDir dir(test::sharedArticles());
    const QStringList anns = dir.entryList({QStringLiteral("000_*.ann")});
    if (anns.isEmpty())
        GTEST_SKIP() << "no seed article in ../shared/articles";
    QString error;
    const auto article = Document::load(dir.filePath(anns.first()).chopped(4) + QStringLiteral(".txt"), &error);
    ASSERT_TRUE(article) << error.toStdString();
    const ImportResult gold = BratFormat::read(test::readAll(dir.filePath(anns.first())), &*article);
    ASSERT_TRUE(gold.issues.isEmpty());
    for (Format f : {Format::Native, Format::Brat, Format::Doccano, Format::WebAnnotation}) {
        const ImportResult back = Formats::read(f, Formats::write(f, *article, gold.data).bytes, *article);
        EXPECT_TRUE(back.issues.isEmpty()) << Formats::name(f).toStdString();
        EXPECT_EQ(canonical(back.data, true), canonical(gold.data, true)) << Formats::name(f).toStdString();
    }
}

// Damaged files: whatever an import accepts lies in the article and covers
// the text it claims, and nothing crashes.
TEST(FormatImport, DamagedFilesNeverGiveSpansOutsideTheArticle)
{
    std::mt19937 rng(4242u);
    const QByteArray noise = "0123456789 \t\n\r;:\"{}[],TRN*#A-";
    for (Format format : {Format::Native, Format::Brat, Format::Doccano, Format::WebAnnotation}) {
        for (int i = 0; i < 300; ++i) {
            const Generated g = generate(rng, false);
            QByteArray bytes = Formats::write(format, g.doc, g.data).bytes;
            const int edits = std::uniform_int_distribution<int>(1, 8)(rng);
            for (int k = 0; k < edits && !bytes.isEmpty(); ++k) {
                const qsizetype at = std::uniform_int_distribution<qsizetype>(0, bytes.size() - 1)(rng);
                switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
                case 0:
                    bytes[at] = noise[std::uniform_int_distribution<qsizetype>(0, noise.size() - 1)(rng)];
                    break;
                case 1:
                    bytes.remove(at, std::uniform_int_distribution<int>(1, 5)(rng));
                    break;
                default:
                    bytes.insert(at, noise[std::uniform_int_distribution<qsizetype>(0, noise.size() - 1)(rng)]);
                }
            }
            const ImportResult r = Formats::read(format, bytes, g.doc);
            for (const Annotation &a : r.data.annotations) {
                ASSERT_LE(0, a.start) << Formats::name(format).toStdString();
                ASSERT_LE(a.start, a.end);
                ASSERT_LE(a.end, g.doc.length());
                ASSERT_EQ(a.text, g.doc.slice(a.start, a.end)) << Formats::name(format).toStdString() << "\n" << bytes.toStdString();
            }
        }
    }
}
