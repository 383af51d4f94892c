#include "model/annotationset.h"
#include "testsupport.h"

#include <QSignalSpy>

using namespace annotator;

namespace {
Annotation make(const QString &type, qint64 s, qint64 e, const QString &text = QString())
{
    Annotation a;
    a.type = type;
    a.start = s;
    a.end = e;
    a.text = text;
    return a;
}
} // namespace

TEST(AnnotationSet, KeepsPositionOrderAndFindsOverlaps)
{
    AnnotationSet set;
    set.addAnnotation(make(Types::Country, 50, 55));
    set.addAnnotation(make(Types::Speaker, 10, 30));
    set.addAnnotation(make(Types::Country, 12, 19));
    const auto all = set.annotations();
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[0].start, 10);
    EXPECT_EQ(all[1].start, 12);
    EXPECT_EQ(all[2].start, 50);
    // The long speaker span starts before the window but overlaps it.
    const auto in = set.annotationsIn(20, 52);
    ASSERT_EQ(in.size(), 2);
    EXPECT_EQ(in[0].type, Types::Speaker);
    EXPECT_EQ(in[1].start, 50);
    EXPECT_TRUE(set.annotationsIn(31, 50).isEmpty());
}

TEST(AnnotationSet, UndoRedoFollowsCleanState)
{
    AnnotationSet set;
    QSignalSpy clean(&set, &AnnotationSet::cleanChanged);
    EXPECT_TRUE(set.isClean());
    const QString id = set.addAnnotation(make(Types::Country, 0, 5, QStringLiteral("China")));
    EXPECT_FALSE(set.isClean());
    Annotation a = *set.annotation(id);
    a.type = Types::Speaker;
    set.updateAnnotation(a);
    EXPECT_EQ(set.annotation(id)->type, Types::Speaker);
    set.setClean();
    set.undo();
    EXPECT_EQ(set.annotation(id)->type, Types::Country);
    EXPECT_FALSE(set.isClean());
    set.redo();
    EXPECT_TRUE(set.isClean());
    set.undo();
    set.undo();
    EXPECT_EQ(set.annotation(id), nullptr);
    EXPECT_FALSE(set.canUndo());
    EXPECT_EQ(set.historyTexts().size(), 2);
    EXPECT_GE(clean.count(), 3);
}

TEST(AnnotationSet, BulkEditIsOneUndoStep)
{
    AnnotationSet set;
    AnnotationEdit edit;
    edit.text = QStringLiteral("Tag all");
    for (int i = 0; i < 5; ++i) {
        Annotation a = make(Types::Country, i * 10, i * 10 + 5);
        a.id = set.newAnnotationId();
        edit.add(a);
    }
    QSignalSpy changed(&set, &AnnotationSet::changed);
    set.apply(edit);
    EXPECT_EQ(set.size(), 5);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(set.undoText(), QStringLiteral("Tag all"));
    set.undo();
    EXPECT_EQ(set.size(), 0);
    set.redo();
    EXPECT_EQ(set.size(), 5);
}

TEST(AnnotationSet, ChangedSignalCarriesOldAndNewSpans)
{
    AnnotationSet set;
    const QString id = set.addAnnotation(make(Types::Event, 100, 108));
    QSignalSpy changed(&set, &AnnotationSet::changed);
    Annotation a = *set.annotation(id);
    a.start = 200;
    a.end = 210;
    set.updateAnnotation(a);
    ASSERT_EQ(changed.count(), 1);
    const auto ranges = changed.at(0).at(0).value<QList<TextRange>>();
    EXPECT_TRUE(ranges.contains(TextRange{100, 108}));
    EXPECT_TRUE(ranges.contains(TextRange{200, 210}));
}

TEST(AnnotationSet, NewIdsNeverCollideWithLoadedOnes)
{
    AnnotationSet set;
    Annotation a = make(Types::Country, 0, 1);
    a.id = QStringLiteral("a41");
    set.reset({a}, {Entity{QStringLiteral("e7"), Types::Speaker, QStringLiteral("X"), {}}});
    EXPECT_EQ(set.newAnnotationId(), QStringLiteral("a42"));
    EXPECT_EQ(set.newEntityId(), QStringLiteral("e8"));
}
