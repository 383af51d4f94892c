#include "recognition/analyzedtext.h"
#include "recognition/recognition.h"
#include "recognition/speakerrecognizer.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTextStream>

using namespace annotator;

namespace {

struct Result {
    Recognition r;
    QString text;

    /// Texts of the Speaker mentions, in order.
    QStringList speakers() const
    {
        QStringList out;
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Speaker)
                out << a.text;
        }
        return out;
    }
    QStringList quotes() const
    {
        QStringList out;
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Quote)
                out << a.text;
        }
        return out;
    }
    const Annotation *speaker(const QString &text, int nth = 0) const
    {
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Speaker && a.text == text && nth-- == 0)
                return &a;
        }
        return nullptr;
    }
    const Annotation *quote(const QString &startsWith) const
    {
        for (const Annotation &a : r.annotations) {
            if (a.type == Types::Quote && a.text.startsWith(startsWith))
                return &a;
        }
        return nullptr;
    }
    const Entity *entity(const QString &id) const
    {
        for (const Entity &e : r.entities) {
            if (e.id == id)
                return &e;
        }
        return nullptr;
    }
    /// Name of the speaker entity a quote starting with @p startsWith is linked to.
    QString saidBy(const QString &startsWith) const
    {
        const Annotation *q = quote(startsWith);
        if (!q)
            return QStringLiteral("<no quote>");
        const Entity *e = entity(q->saidBy);
        return e ? e->name : QStringLiteral("<no speaker>");
    }
    QString entityOf(const QString &speakerText, int nth = 0) const
    {
        const Annotation *a = speaker(speakerText, nth);
        if (!a)
            return QStringLiteral("<no mention>");
        const Entity *e = entity(a->entity);
        return e ? e->name : QStringLiteral("<no entity>");
    }
};

Result run(const QString &text)
{
    Result res;
    res.text = text;
    AnalyzedText analyzed(text);
    SpeakerRecognizer::instance().recognize(analyzed, res.r);
    return res;
}

} // namespace

TEST(SpeakerRecognizer, QuoteSplitByItsAttributionGivesTwoQuotesOfOneSpeaker)
{
    const Result r = run(QStringLiteral("\"Sanctions will not work,\" said Maria Lindqvist, a senior fellow at the Baltic Policy Institute. \"They never have.\"\n"));
    EXPECT_EQ(r.quotes(), (QStringList{QStringLiteral("Sanctions will not work,"), QStringLiteral("They never have.")}));
    EXPECT_EQ(r.saidBy(QStringLiteral("Sanctions")), QStringLiteral("Maria Lindqvist"));
    EXPECT_EQ(r.saidBy(QStringLiteral("They never")), QStringLiteral("Maria Lindqvist"));
    const Annotation *s = r.speaker(QStringLiteral("Maria Lindqvist"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->attributes.value(Attr::Role), QStringLiteral("a senior fellow at the Baltic Policy Institute"));
    EXPECT_EQ(r.entity(s->entity)->attributes.value(Attr::Kind), QStringLiteral("person"));
}
