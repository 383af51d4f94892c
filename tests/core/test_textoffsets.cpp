#include "model/document.h"
#include "model/textoffsets.h"
#include "testsupport.h"

using namespace annotator;

TEST(TextOffsets, IdentityForBmpText)
{
    const QString text = QStringLiteral("Beijing said\r\nno.");
    TextOffsets off(text);
    EXPECT_TRUE(off.isIdentity());
    for (qsizetype i = 0; i <= text.size(); ++i) {
        EXPECT_EQ(off.toUtf16(i), i);
        EXPECT_EQ(off.toCodePoint(i), i);
    }
}

TEST(TextOffsets, AstralCharactersCountOnce)
{
    // 🇺🇦 is two astral code points (four UTF-16 units), 𝐀 one.
    const QString text = QStringLiteral("🇺🇦 Kyiv 𝐀 and China");
    TextOffsets off(text);
    EXPECT_FALSE(off.isIdentity());
    EXPECT_EQ(off.codePointLength(), 19);
    EXPECT_EQ(off.utf16Length(), 22);
    const qsizetype chinaUtf16 = text.indexOf(QStringLiteral("China"));
    EXPECT_EQ(chinaUtf16, 17);
    EXPECT_EQ(off.toCodePoint(chinaUtf16), 14);
    EXPECT_EQ(off.toUtf16(14), chinaUtf16);
    // "Kyiv" starts after the flag and a space.
    EXPECT_EQ(off.toCodePoint(text.indexOf(QStringLiteral("Kyiv"))), 3);
    EXPECT_EQ(off.toUtf16(3), 5);
}

TEST(TextOffsets, PositionInsideSurrogatePairRoundsDown)
{
    const QString text = QStringLiteral("a😀b");
    TextOffsets off(text);
    EXPECT_EQ(off.toCodePoint(1), 1);
    EXPECT_EQ(off.toCodePoint(2), 1);
    EXPECT_EQ(off.toCodePoint(3), 2);
    EXPECT_EQ(off.toUtf16(2), 3);
}

TEST(TextOffsets, RoundTripEveryCodePoint)
{
    const QString text = QStringLiteral("x😀\r\n𠀋y\u0301z🇺🇦\r\n");
    TextOffsets off(text);
    for (qint64 cp = 0; cp <= off.codePointLength(); ++cp)
        EXPECT_EQ(off.toCodePoint(off.toUtf16(cp)), cp) << cp;
    EXPECT_EQ(off.codePointLength(), codePointCount(text));
}

TEST(TextOffsets, ClampsOutOfRange)
{
    TextOffsets off(QStringLiteral("ab😀"));
    EXPECT_EQ(off.toUtf16(-5), 0);
    EXPECT_EQ(off.toUtf16(100), 4);
    EXPECT_EQ(off.toCodePoint(100), 3);
}

TEST(Document, CrlfAndBomKeptAsCodePoints)
{
    const QByteArray bytes = "\xEF\xBB\xBF"
                             "Line one\r\n\xF0\x9F\x98\x80 Russia\r\n";
    QString error;
    auto doc = Document::decode(bytes, QStringLiteral("crlf.txt"), &error);
    ASSERT_TRUE(doc) << error.toStdString();
    EXPECT_FALSE(doc->text().startsWith(QChar(0xFEFF)));
    EXPECT_TRUE(doc->text().contains(QStringLiteral("\r\n")));
    // "Line one\r\n" is 10 code points, the emoji 1, a space 1.
    EXPECT_EQ(doc->slice(12, 18), QStringLiteral("Russia"));
    EXPECT_EQ(doc->length(), 20);
}
