// The set of annotation ids a sidecar reader refuses duplicates with: the
// program's own ids ("a1", "a2", ...) in a bitmap, every other id as a string.
#include "storage/annotationidset.h"
#include "testsupport.h"

using namespace annotator;

TEST(AnnotationIdSet, RefusesAnIdMetTwiceWhateverItLooksLike)
{
    AnnotationIdSet ids(4);
    const QStringList distinct = {QStringLiteral("a1"),
                                  QStringLiteral("a2"),
                                  QStringLiteral("a64"),
                                  QStringLiteral("a65"),
                                  // Not written as this program writes ids: other ids than "a1".
                                  QStringLiteral("a01"),
                                  QStringLiteral("a"),
                                  QStringLiteral("a0"),
                                  QStringLiteral("A1"),
                                  QStringLiteral("b1"),
                                  QStringLiteral("a1x"),
                                  QStringLiteral("a-1"),
                                  QStringLiteral("\u0661"), // an Arabic-Indic digit one
                                  QStringLiteral("a\u0661"),
                                  // Far past the bitmap, and past what a qint64 holds.
                                  QStringLiteral("a123456789012"),
                                  QStringLiteral("a99999999999999999999999"),
                                  QStringLiteral("mention 1")};
    for (const QString &id : distinct)
        EXPECT_TRUE(ids.insert(id)) << id.toStdString();
    EXPECT_EQ(ids.size(), distinct.size());
    for (const QString &id : distinct)
        EXPECT_FALSE(ids.insert(id)) << id.toStdString();
    EXPECT_EQ(ids.size(), distinct.size());
}

TEST(AnnotationIdSet, HoldsManyMoreIdsThanExpected)
{
    // A file whose numbers run far past its count (most annotations deleted)
    // or that has more annotations than lines: every id still counts once.
    AnnotationIdSet ids(10);
    for (qint64 n = 1; n <= 200000; n += 7)
        ASSERT_TRUE(ids.insert(QStringLiteral("a%1").arg(n))) << n;
    for (qint64 n = 1; n <= 200000; n += 7)
        ASSERT_FALSE(ids.insert(QStringLiteral("a%1").arg(n))) << n;
    EXPECT_TRUE(ids.insert(QStringLiteral("a3")));
}
