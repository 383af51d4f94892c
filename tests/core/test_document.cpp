#include "model/document.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace annotator;

TEST(Document, LoadsUtf8File)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.md"));
    test::writeAll(path, "# Title\n\nZo\xC3\xAB said so.\n");
    QString error;
    auto doc = Document::load(path, &error);
    ASSERT_TRUE(doc) << error.toStdString();
    EXPECT_EQ(doc->name(), QStringLiteral("a.md"));
    EXPECT_EQ(doc->text(), QStringLiteral("# Title\n\nZoë said so.\n"));
    EXPECT_EQ(doc->sha256().size(), 64);
}

TEST(Document, InvalidUtf8NamesFileAndLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latin1.txt"));
    test::writeAll(path, "first line\nsecond caf\xE9 line\n");
    QString error;
    EXPECT_FALSE(Document::load(path, &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("UTF-8"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 2"))) << error.toStdString();
}

TEST(Document, RejectsOverlongAndSurrogateEncodings)
{
    EXPECT_EQ(firstInvalidUtf8("ok \xC0\xAF"), 3); // overlong '/'
    EXPECT_EQ(firstInvalidUtf8("\xED\xA0\x80"), 0); // UTF-16 surrogate
    EXPECT_EQ(firstInvalidUtf8("\xF4\x90\x80\x80"), 0); // past U+10FFFF
    EXPECT_EQ(firstInvalidUtf8("truncated \xE2\x82"), 10);
    EXPECT_EQ(firstInvalidUtf8("fine \xE2\x82\xAC \xF0\x9F\x98\x80"), -1);
}

TEST(Document, BinaryFileIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("image.png"));
    test::writeAll(path, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    QString error;
    EXPECT_FALSE(Document::load(path, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("binary"))) << error.toStdString();
    EXPECT_TRUE(error.contains(path));
}

TEST(Document, MissingFileAndFolderGiveReasons)
{
    QTemporaryDir dir;
    QString error;
    EXPECT_FALSE(Document::load(dir.filePath(QStringLiteral("nope.txt")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("nope.txt"))) << error.toStdString();
    EXPECT_FALSE(Document::load(dir.path(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("folder"))) << error.toStdString();
}

TEST(Document, EmptyFileIsAnEmptyArticle)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.txt"));
    test::writeAll(path, QByteArray());
    QString error;
    auto doc = Document::load(path, &error);
    ASSERT_TRUE(doc) << error.toStdString();
    EXPECT_EQ(doc->length(), 0);
}
