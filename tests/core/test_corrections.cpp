// The correction intents of AnnotationSet: bulk retagging, status changes,
// linking, merging, splitting and user-defined types, each one undo step.
#include "model/annotationset.h"
#include "model/document.h"
#include "formats/bratformat.h"
#include "formats/formats.h"
#include "storage/sidecardata.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace annotator;

namespace {

Document doc(const QString &text)
{
    QString error;
    auto d = Document::decode(text.toUtf8(), QStringLiteral("story.txt"), &error);
    EXPECT_TRUE(d.has_value()) << error.toStdString();
    return *d;
}

Annotation mention(const Document &d, const QString &type, const QString &text, int nth = 0, Status status = Status::Accepted)
{
    qsizetype at = -1;
    for (int i = 0; i <= nth; ++i)
        at = d.text().indexOf(text, at + 1);
    EXPECT_GE(at, 0) << text.toStdString();
    Annotation a;
    a.type = type;
    a.start = d.offsets().toCodePoint(at);
    a.end = d.offsets().toCodePoint(at + text.size());
    a.text = text;
    a.status = status;
    a.origin = status == Status::Suggested ? Origin::Automatic : Origin::Manual;
    return a;
}

QStringList typesOf(const AnnotationSet &set)
{
    QStringList out;
    for (const Annotation &a : set.annotations())
        out.append(a.type);
    return out;
}

} // namespace

TEST(Corrections, TagAllOccurrencesIsOneStepAndWholeWordsOnly)
{
    const Document d = doc(QStringLiteral("Chile met Chilean envoys; Chile agreed. 🇨🇱 Chile!"));
    AnnotationSet set;
    set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Chile"), 2)); // "Chile agreed": wrongly a speaker
    const qsizetype before = set.historyTexts().size();
    const int count = set.tagAllOccurrences(d, QStringLiteral("Chile"), Types::Country, Types::Speaker,
                                            {{Attr::Code, QStringLiteral("CL")}});
    EXPECT_EQ(count, 3); // two new, one retyped; "Chilean" untouched
    EXPECT_EQ(set.historyTexts().size(), before + 1);
    EXPECT_EQ(typesOf(set), QStringList(3, Types::Country));
    for (const Annotation &a : set.annotations()) {
        EXPECT_EQ(d.slice(a.start, a.end), QStringLiteral("Chile"));
        EXPECT_EQ(a.status, Status::Accepted);
    }
    // After the flag (two code points, four UTF-16 units) offsets still fit.
    EXPECT_EQ(d.slice(set.annotations().last().start, set.annotations().last().end), QStringLiteral("Chile"));
    // Nothing left to do: no empty step.
    EXPECT_EQ(set.tagAllOccurrences(d, QStringLiteral("Chile"), Types::Country), 0);
    EXPECT_EQ(set.historyTexts().size(), before + 1);
    set.undo();
    EXPECT_EQ(typesOf(set), QStringList{Types::Speaker});
}

TEST(Corrections, RemoveAllOccurrencesAndUndo)
{
    const Document d = doc(QStringLiteral("Peru and Peru and Peru."));
    AnnotationSet set;
    for (int i = 0; i < 3; ++i)
        set.addAnnotation(mention(d, Types::Country, QStringLiteral("Peru"), i));
    set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Peru"), 0));
    EXPECT_EQ(set.removeAllOccurrences(Types::Country, QStringLiteral("Peru")), 3);
    EXPECT_EQ(typesOf(set), QStringList{Types::Speaker});
    set.undo();
    EXPECT_EQ(set.size(), 4);
}

TEST(Corrections, StatusOfAllAndOfSameText)
{
    const Document d = doc(QStringLiteral("Peru, Chile, Peru, Chile."));
    AnnotationSet set;
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        ids.append(set.addAnnotation(mention(d, Types::Country, QStringLiteral("Peru"), i, Status::Suggested)));
        ids.append(set.addAnnotation(mention(d, Types::Country, QStringLiteral("Chile"), i, Status::Suggested)));
    }
    EXPECT_EQ(set.setStatusOfSameText(ids[0], Status::Rejected), 2);
    EXPECT_EQ(set.annotation(ids[2])->status, Status::Rejected);
    EXPECT_EQ(set.annotation(ids[1])->status, Status::Suggested);
    EXPECT_EQ(set.setStatusOfAll(Types::Country, Status::Accepted), 2);
    EXPECT_EQ(set.annotation(ids[1])->status, Status::Accepted);
    EXPECT_EQ(set.annotation(ids[3])->status, Status::Accepted);
    EXPECT_EQ(set.annotation(ids[0])->status, Status::Rejected); // a decision is not a suggestion
    set.undo();
    EXPECT_EQ(set.annotation(ids[1])->status, Status::Suggested);
    set.undo();
    EXPECT_EQ(set.annotation(ids[0])->status, Status::Suggested);
}

TEST(Corrections, LinkSplitAndMergeEntities)
{
    const Document d = doc(QStringLiteral("Ann Lee said “We stay.” Lee added that the minister agreed."));
    AnnotationSet set;
    const QString ann = set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Ann Lee")));
    const QString lee = set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Lee"), 1));
    const QString minister = set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("the minister")));
    const QString quote = set.addAnnotation(mention(d, Types::Quote, QStringLiteral("We stay.")));
    const QString country = set.addAnnotation(mention(d, Types::Country, QStringLiteral("added")));

    const QString e1 = set.splitOff(ann);
    const QString e2 = set.splitOff(minister);
    ASSERT_FALSE(e1.isEmpty());
    ASSERT_NE(e1, e2);
    EXPECT_EQ(set.entity(e1)->name, QStringLiteral("Ann Lee"));
    EXPECT_TRUE(set.splitOff(quote).isEmpty()); // only speakers and events have entities

    EXPECT_TRUE(set.link(lee, e1));
    EXPECT_EQ(set.annotation(lee)->entity, e1);
    EXPECT_TRUE(set.link(quote, e2));
    EXPECT_EQ(set.annotation(quote)->saidBy, e2);
    EXPECT_FALSE(set.link(country, e1)); // a country is not a speaker's mention
    EXPECT_TRUE(set.annotation(country)->entity.isEmpty());

    const qsizetype steps = set.historyIndex();
    EXPECT_TRUE(set.mergeEntities(e1, e2));
    EXPECT_EQ(set.historyIndex(), steps + 1);
    EXPECT_EQ(set.entity(e2), nullptr);
    EXPECT_EQ(set.annotation(minister)->entity, e1);
    EXPECT_EQ(set.annotation(quote)->saidBy, e1);
    EXPECT_EQ(set.mentionsOf(e1).size(), 3);
    EXPECT_FALSE(set.mergeEntities(e1, e1));
    set.undo();
    ASSERT_NE(set.entity(e2), nullptr);
    EXPECT_EQ(set.annotation(quote)->saidBy, e2);
    EXPECT_EQ(set.annotation(minister)->entity, e2);
}

TEST(Corrections, UserTypeNamesAndKeysAreChecked)
{
    AnnotationSet set;
    const QStringList commands = {QStringLiteral("A"), QStringLiteral("R"), QStringLiteral("N"), QStringLiteral("L")};
    auto check = [&](const QString &name, const QString &key) {
        return set.checkNewType(AnnotationType{name, QStringLiteral("#008080"), key, {}}, commands);
    };
    EXPECT_FALSE(check(QString(), QStringLiteral("5")).isEmpty());
    EXPECT_TRUE(check(QStringLiteral("speaker"), QStringLiteral("5")).contains(QStringLiteral("built-in")));
    EXPECT_TRUE(check(QStringLiteral("Quote"), QString()).contains(QStringLiteral("built-in")));
    EXPECT_FALSE(check(QStringLiteral("Two words"), QStringLiteral("5")).isEmpty());
    EXPECT_TRUE(check(QStringLiteral("Claim"), QStringLiteral("2")).contains(QStringLiteral("built-in")));
    EXPECT_TRUE(check(QStringLiteral("Claim"), QStringLiteral("a")).contains(QStringLiteral("command")));
    EXPECT_FALSE(check(QStringLiteral("Claim"), QStringLiteral("55")).isEmpty());
    EXPECT_FALSE(check(QStringLiteral("Claim"), QStringLiteral("#")).isEmpty());
    EXPECT_TRUE(check(QStringLiteral("Claim"), QStringLiteral("5")).isEmpty());
    EXPECT_TRUE(check(QStringLiteral("Claim"), QString()).isEmpty());

    EXPECT_TRUE(set.addUserType(AnnotationType{QStringLiteral("Claim"), QStringLiteral("#008080"), QStringLiteral("5"), {}}, commands).isEmpty());
    EXPECT_TRUE(check(QStringLiteral("claim"), QStringLiteral("6")).contains(QStringLiteral("already")));
    EXPECT_TRUE(check(QStringLiteral("Figure"), QStringLiteral("5")).contains(QStringLiteral("Claim")));
    EXPECT_TRUE(set.addUserType(AnnotationType{QStringLiteral("Figure"), QStringLiteral("#aa3300"), QStringLiteral("f"), {}}, commands).isEmpty());
    EXPECT_EQ(set.userType(QStringLiteral("Figure"))->key, QStringLiteral("F"));
    EXPECT_TRUE(check(QStringLiteral("Other"), QStringLiteral("f")).contains(QStringLiteral("Figure")));
}

TEST(Corrections, AddingAndRemovingUserTypesIsUndoable)
{
    const Document d = doc(QStringLiteral("Prices rose 40 percent last year."));
    AnnotationSet set;
    QSignalSpy typesChanged(&set, &AnnotationSet::userTypesChanged);
    ASSERT_TRUE(set.addUserType(AnnotationType{QStringLiteral("Figure"), QStringLiteral("#aa3300"), QStringLiteral("5"), {}}).isEmpty());
    EXPECT_EQ(set.userTypes().size(), 1);
    EXPECT_EQ(typesChanged.count(), 1);
    EXPECT_FALSE(set.isClean());
    set.addAnnotation(mention(d, QStringLiteral("Figure"), QStringLiteral("40 percent")));
    set.addAnnotation(mention(d, Types::Event, QStringLiteral("rose")));

    EXPECT_EQ(set.removeUserType(QStringLiteral("Figure")), 1);
    EXPECT_TRUE(set.userTypes().isEmpty());
    EXPECT_EQ(typesOf(set), QStringList{Types::Event});
    set.undo(); // the type and its annotation come back together
    ASSERT_EQ(set.userTypes().size(), 1);
    EXPECT_EQ(set.userTypes().first().color, QStringLiteral("#aa3300"));
    EXPECT_EQ(typesOf(set), (QStringList{Types::Event, QStringLiteral("Figure")}));
    set.undo();
    set.undo();
    set.undo();
    EXPECT_TRUE(set.userTypes().isEmpty());
    EXPECT_TRUE(set.isClean());
    set.redo();
    EXPECT_EQ(set.userTypes().size(), 1);
    EXPECT_GE(typesChanged.count(), 5);
}

TEST(Corrections, SidecarKeepsUserTypesAndFieldsItDoesNotKnow)
{
    const Document d = doc(QStringLiteral("Prices rose 40 percent last year."));
    // An older sidecar without "types" still loads.
    const QByteArray old = R"({"format": "article-annotator", "version": 1,
        "article": {"name": "story.txt", "sha256": "", "length": 33},
        "entities": [],
        "annotations": [{"id": "a1", "type": "Event", "start": 7, "end": 11, "text": "rose"}]})";
    QString error;
    const auto loadedOld = SidecarJson::parse(old, QStringLiteral("old.json"), &error);
    ASSERT_TRUE(loadedOld) << error.toStdString();
    EXPECT_TRUE(loadedOld->types.isEmpty());
    EXPECT_EQ(loadedOld->annotations.size(), 1);

    // A newer program's fields survive a load and a save.
    const QByteArray newer = R"({"format": "article-annotator", "version": 1,
        "article": {"name": "story.txt", "sha256": "", "length": 33},
        "types": [{"name": "Figure", "color": "#aa3300", "key": "5", "icon": "chart", "shortcut": {"ctrl": true}}],
        "reviewers": [{"name": "Kim", "done": 0.5}], "note": "line\nbreak \"quoted\"", "checked": true,
        "entities": [],
        "annotations": [{"id": "a1", "type": "Figure", "start": 12, "end": 22, "text": "40 percent"}]})";
    const auto loaded = SidecarJson::parse(newer, QStringLiteral("new.json"), &error);
    ASSERT_TRUE(loaded) << error.toStdString();
    AnnotationSet set;
    set.reset(loaded->annotations, loaded->entities, loaded->orphans, loaded->types);
    set.setUnknownFields(loaded->unknownFields);
    set.addUserType(AnnotationType{QStringLiteral("Claim"), QStringLiteral("#008080"), QStringLiteral("6"), {}});
    const QByteArray saved = SidecarJson::serialize(SidecarData::capture(d, set));
    const auto again = SidecarJson::parse(saved, QStringLiteral("saved.json"), &error);
    ASSERT_TRUE(again) << error.toStdString() << saved.toStdString();
    ASSERT_EQ(again->types.size(), 2);
    EXPECT_EQ(again->types.at(0).name, QStringLiteral("Figure"));
    EXPECT_EQ(again->types.at(0).unknownFields.value(QLatin1String("icon")).toString(), QStringLiteral("chart"));
    EXPECT_TRUE(again->types.at(0).unknownFields.value(QLatin1String("shortcut")).toObject().value(QLatin1String("ctrl")).toBool());
    EXPECT_EQ(again->types.at(1).name, QStringLiteral("Claim"));
    EXPECT_EQ(again->types.at(1).key, QStringLiteral("6"));
    const QJsonObject root = QJsonDocument::fromJson(saved).object();
    EXPECT_EQ(root.value(QLatin1String("reviewers")).toArray().first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("Kim"));
    EXPECT_EQ(root.value(QLatin1String("note")).toString(), QStringLiteral("line\nbreak \"quoted\""));
    EXPECT_TRUE(root.value(QLatin1String("checked")).toBool());
    EXPECT_EQ(again->annotations.first().type, QStringLiteral("Figure"));
}

TEST(Corrections, LinkToMentionGivesTheTargetAnEntityInTheSameStep)
{
    const Document d = doc(QStringLiteral("Ann Lee said “We stay.” Lee added that Chile agreed."));
    AnnotationSet set;
    const QString ann = set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Ann Lee")));
    const QString lee = set.addAnnotation(mention(d, Types::Speaker, QStringLiteral("Lee"), 1));
    const QString quote = set.addAnnotation(mention(d, Types::Quote, QStringLiteral("We stay.")));
    const QString chile = set.addAnnotation(mention(d, Types::Country, QStringLiteral("Chile")));
    const qsizetype steps = set.historyIndex();
    EXPECT_FALSE(set.linkToMention(quote, chile));
    EXPECT_TRUE(set.linkToMention(quote, ann));
    EXPECT_EQ(set.historyIndex(), steps + 1);
    const QString speaker = set.annotation(ann)->entity;
    ASSERT_FALSE(speaker.isEmpty());
    EXPECT_EQ(set.annotation(quote)->saidBy, speaker);
    EXPECT_TRUE(set.linkToMention(lee, ann)); // the entity exists now: a plain link
    EXPECT_EQ(set.annotation(lee)->entity, speaker);
    EXPECT_EQ(set.quotesOf(speaker).size(), 1);
    EXPECT_EQ(set.mentionsOf(speaker).size(), 2);
    set.undo();
    set.undo();
    EXPECT_TRUE(set.entities().isEmpty());
    EXPECT_TRUE(set.annotation(quote)->saidBy.isEmpty());
}

TEST(Corrections, ExportsCarryUserTypes)
{
    const Document d = doc(QStringLiteral("Prices rose 40 percent last year."));
    AnnotationSet set;
    ASSERT_TRUE(set.addUserType(AnnotationType{QStringLiteral("Figure"), QStringLiteral("#aa3300"), QStringLiteral("5"), {}}).isEmpty());
    set.addAnnotation(mention(d, QStringLiteral("Figure"), QStringLiteral("40 percent")));
    AnnotationData data{set.annotations(), set.entities(), set.userTypes()};
    const QString conf = QString::fromUtf8(BratFormat::annotationConf(data));
    const QString entitiesSection = conf.section(QStringLiteral("[entities]"), 1).section(QStringLiteral("[relations]"), 0, 0);
    EXPECT_TRUE(entitiesSection.split(u'\n').contains(QStringLiteral("Figure"))) << conf.toStdString();
    EXPECT_TRUE(QString::fromUtf8(BratFormat::visualConf(data)).contains(QStringLiteral("Figure\tbgColor:#aa3300")));
    for (Format f : {Format::Brat, Format::Doccano, Format::Conll, Format::WebAnnotation, Format::Csv, Format::Html}) {
        const ExportResult r = Formats::write(f, d, data);
        EXPECT_TRUE(r.error.isEmpty()) << Formats::name(f).toStdString();
        EXPECT_TRUE(r.bytes.contains("Figure")) << Formats::name(f).toStdString();
    }
}
