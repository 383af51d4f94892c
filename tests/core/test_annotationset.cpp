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

// A loader hands a large article's annotations over in batches: the set
// holds what the same annotations in one list give it, freshly reset.
TEST(AnnotationSet, AnnotationsInBatchesGiveTheSameSetAsInOneList)
{
    QList<Annotation> all;
    for (int i = 0; i < 10; ++i) {
        Annotation a = make(i % 2 ? Types::Country : Types::Speaker, 10 * (9 - i), 10 * (9 - i) + 3 + i);
        a.id = QStringLiteral("a%1").arg(i + 1);
        all.append(a);
    }
    // The second "a3" replaces the first, in batches as in a list.
    Annotation again = make(Types::Event, 5, 6);
    again.id = QStringLiteral("a3");
    all.append(again);
    const QList<Entity> entities{Entity{QStringLiteral("e2"), Types::Speaker, QStringLiteral("X"), {}}};
    AnnotationSet inList;
    inList.reset(all, entities);
    AnnotationSet inBatches;
    inBatches.addAnnotation(make(Types::Country, 0, 1)); // replaced, and no longer undoable
    QSignalSpy reset(&inBatches, &AnnotationSet::wasReset);
    inBatches.resetFromBatches({all.mid(0, 4), all.mid(4, 4), all.mid(8)}, entities);
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(inBatches.annotations(), inList.annotations());
    EXPECT_EQ(inBatches.size(), 10);
    EXPECT_EQ(inBatches.annotation(QStringLiteral("a3"))->type, Types::Event);
    EXPECT_EQ(inBatches.annotationsIn(0, 20), inList.annotationsIn(0, 20));
    EXPECT_FALSE(inBatches.canUndo());
    EXPECT_TRUE(inBatches.isClean());
    EXPECT_EQ(inBatches.newAnnotationId(), QStringLiteral("a11"));
    EXPECT_EQ(inBatches.newEntityId(), QStringLiteral("e3"));
}

// Views that follow the whole set (the panels, the ruler) update from what a
// step touched: each annotation and entity once, as it was and as it is,
// the other way round for an undo.
TEST(AnnotationSet, TellsWhatEachStepTouchedOnceEachBeforeAndAfter)
{
    AnnotationSet set;
    const QString speaker = set.addAnnotation(make(Types::Speaker, 0, 5, QStringLiteral("Marsh")));
    const QString quote = set.addAnnotation(make(Types::Quote, 10, 20, QStringLiteral("We sail")));
    QList<AnnotationEdit> told;
    QObject::connect(&set, &AnnotationSet::edited, [&](const AnnotationEdit &e) { told.append(e); });

    // One step that touches the quote twice (changed, then changed again)
    // and makes a speaker entity for the mention.
    Entity e{QStringLiteral("e9"), Types::Speaker, QStringLiteral("Marsh"), {}};
    Annotation q1 = *set.annotation(quote), q2 = q1;
    q1.status = Status::Accepted;
    q2 = q1;
    q2.saidBy = e.id;
    Annotation s = *set.annotation(speaker);
    s.entity = e.id;
    AnnotationEdit edit;
    edit.add(e);
    edit.change(*set.annotation(quote), q1);
    edit.change(q1, q2);
    edit.change(*set.annotation(speaker), s);
    const Annotation quoteBefore = *set.annotation(quote);
    set.apply(edit);
    ASSERT_EQ(told.size(), 1);
    ASSERT_EQ(told[0].annotations.size(), 2);
    for (const auto &d : told[0].annotations) {
        ASSERT_TRUE(d.before && d.after);
        if (d.after->id == quote) {
            EXPECT_EQ(*d.before, quoteBefore);
            EXPECT_EQ(*d.after, q2);
        } else {
            EXPECT_EQ(*d.after, s);
        }
    }
    ASSERT_EQ(told[0].entities.size(), 1);
    EXPECT_FALSE(told[0].entities[0].before);
    EXPECT_EQ(told[0].entities[0].after, e);

    set.undo();
    ASSERT_EQ(told.size(), 2);
    ASSERT_EQ(told[1].entities.size(), 1);
    EXPECT_EQ(told[1].entities[0].before, e);
    EXPECT_FALSE(told[1].entities[0].after);
    for (const auto &d : told[1].annotations) {
        if (d.before->id == quote) {
            EXPECT_EQ(*d.before, q2);
            EXPECT_EQ(*d.after, quoteBefore);
        }
    }

    // Changed and changed back in one step: nothing to tell about it.
    const Annotation was = *set.annotation(speaker);
    Annotation changed = was;
    changed.type = Types::Event;
    AnnotationEdit back;
    back.change(was, changed);
    back.change(changed, was);
    back.add(make(Types::Event, 40, 45, QStringLiteral("visit")));
    back.annotations.last().after->id = set.newAnnotationId();
    set.apply(back);
    ASSERT_EQ(told.size(), 3);
    ASSERT_EQ(told[2].annotations.size(), 1);
    EXPECT_EQ(told[2].annotations[0].after->text, QStringLiteral("visit"));
}
