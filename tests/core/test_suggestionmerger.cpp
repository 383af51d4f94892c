#include "recognition/suggestionmerger.h"
#include "testsupport.h"

using namespace annotator;

namespace {

Annotation ann(const QString &id, const QString &type, qint64 start, qint64 end, Origin origin, Status status)
{
    Annotation a;
    a.id = id;
    a.type = type;
    a.start = start;
    a.end = end;
    a.text = QStringLiteral("x").repeated(int(end - start));
    a.origin = origin;
    a.status = status;
    return a;
}

Annotation suggestion(const QString &type, qint64 start, qint64 end, const QString &entity = QString())
{
    Annotation a = ann(QString(), type, start, end, Origin::Automatic, Status::Suggested);
    a.entity = entity;
    return a;
}

const Annotation *at(const AnnotationSet &set, qint64 start, qint64 end, const QString &type)
{
    for (const Annotation &a : set.annotations()) {
        if (a.start == start && a.end == end && a.type == type)
            return set.annotation(a.id);
    }
    return nullptr;
}

} // namespace

TEST(SuggestionMerger, KeepsTheUsersWorkAndReplacesOpenSuggestions)
{
    AnnotationSet set;
    Annotation manual = ann(QStringLiteral("a1"), Types::Country, 0, 5, Origin::Manual, Status::Accepted);
    manual.attributes.insert(Attr::Code, QStringLiteral("KE"));
    const Annotation accepted = ann(QStringLiteral("a2"), Types::Event, 10, 13, Origin::Automatic, Status::Accepted);
    const Annotation rejected = ann(QStringLiteral("a3"), Types::Country, 20, 27, Origin::Automatic, Status::Rejected);
    const Annotation open = ann(QStringLiteral("a4"), Types::Event, 30, 36, Origin::Automatic, Status::Suggested);
    set.reset({manual, accepted, rejected, open}, {});

    Recognition r;
    Annotation s1 = suggestion(Types::Country, 0, 5); // same as manual
    s1.attributes.insert(Attr::Code, QStringLiteral("XX"));
    r.annotations = {s1, suggestion(Types::Event, 10, 13), suggestion(Types::Country, 20, 27), suggestion(Types::Event, 40, 45),
                     suggestion(Types::Country, 2, 4)};
    set.apply(SuggestionMerger::merge(set, r));

    ASSERT_TRUE(set.annotation(QStringLiteral("a1")));
    EXPECT_EQ(*set.annotation(QStringLiteral("a1")), manual);
    EXPECT_EQ(*set.annotation(QStringLiteral("a2")), accepted);
    EXPECT_EQ(*set.annotation(QStringLiteral("a3")), rejected);
    EXPECT_FALSE(set.annotation(QStringLiteral("a4"))); // replaced
    const Annotation *fresh = at(set, 40, 45, Types::Event);
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->status, Status::Suggested);
    EXPECT_EQ(set.size(), 4); // nothing else came back
    EXPECT_FALSE(at(set, 2, 4, Types::Country)); // inside the manual one
    // One undo step restores the previous state.
    set.undo();
    EXPECT_TRUE(set.annotation(QStringLiteral("a4")));
    EXPECT_EQ(set.size(), 4);
}

TEST(SuggestionMerger, NewMentionsJoinTheExistingEntity)
{
    AnnotationSet set;
    const Entity speaker{QStringLiteral("e7"), Types::Speaker, QStringLiteral("Ana Lima"), {}};
    Annotation kept = ann(QStringLiteral("a1"), Types::Speaker, 0, 8, Origin::Automatic, Status::Accepted);
    kept.entity = speaker.id;
    Annotation old = ann(QStringLiteral("a2"), Types::Speaker, 50, 54, Origin::Automatic, Status::Suggested);
    old.entity = speaker.id;
    const Entity gone{QStringLiteral("e8"), Types::Event, QStringLiteral("war"), {}};
    Annotation oldEvent = ann(QStringLiteral("a3"), Types::Event, 60, 63, Origin::Automatic, Status::Suggested);
    oldEvent.entity = gone.id;
    set.reset({kept, old, oldEvent}, {speaker, gone});

    Recognition r;
    const QString e = r.addEntity(Types::Speaker, QStringLiteral("Ana Lima"));
    r.annotations = {suggestion(Types::Speaker, 0, 8, e), suggestion(Types::Speaker, 70, 74, e)};
    Annotation quote = suggestion(Types::Quote, 80, 90);
    quote.saidBy = e;
    r.annotations.append(quote);
    set.apply(SuggestionMerger::merge(set, r));

    const Annotation *later = at(set, 70, 74, Types::Speaker);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->entity, speaker.id);
    ASSERT_TRUE(at(set, 80, 90, Types::Quote));
    EXPECT_EQ(at(set, 80, 90, Types::Quote)->saidBy, speaker.id);
    EXPECT_FALSE(at(set, 50, 54, Types::Speaker));
    EXPECT_TRUE(set.entity(speaker.id));
    EXPECT_FALSE(set.entity(gone.id)); // only the replaced suggestion used it
    EXPECT_EQ(set.entities().size(), 1);
}

TEST(SuggestionMerger, AQuoteFollowsTheSpeakerTheUserCorrected)
{
    AnnotationSet set;
    const Entity speaker{QStringLiteral("e1"), Types::Speaker, QStringLiteral("Lima"), {}};
    Annotation corrected = ann(QStringLiteral("a1"), Types::Speaker, 4, 8, Origin::Manual, Status::Accepted); // "Lima" of "Ana Lima"
    corrected.entity = speaker.id;
    set.reset({corrected}, {speaker});

    Recognition r;
    const QString e = r.addEntity(Types::Speaker, QStringLiteral("Ana Lima"));
    Annotation quote = suggestion(Types::Quote, 20, 30);
    quote.saidBy = e;
    r.annotations = {suggestion(Types::Speaker, 0, 8, e), quote};
    set.apply(SuggestionMerger::merge(set, r));

    EXPECT_FALSE(at(set, 0, 8, Types::Speaker)); // the user's span stands
    ASSERT_TRUE(at(set, 20, 30, Types::Quote));
    EXPECT_EQ(at(set, 20, 30, Types::Quote)->saidBy, speaker.id);
    EXPECT_EQ(set.entities().size(), 1);
}
