// Links in an article: what counts as one, and which may ever be opened.
#include "model/articlelinks.h"

#include <gtest/gtest.h>

using namespace annotator;

namespace {

QStringList addresses(const QString &text)
{
    QStringList out;
    for (const ArticleLink &l : ArticleLinks::find(text))
        out.append(l.address);
    return out;
}

} // namespace

TEST(ArticleLinks, FindsMarkdownLinksAutolinksDefinitionsAndBareAddresses)
{
    const QString text = QStringLiteral(
        "The port authority [published the figures](https://port.example.org/figures \"Figures\") on Monday.\n"
        "Questions went to <mailto:desk@example.org> and <https://news.example.net/a?b=1&c=2>.\n"
        "The full report is at https://example.com/report-2026.pdf, the summary at http://example.com/s.\n"
        "See the encyclopaedia (https://en.example.org/wiki/Port_(city)) for background.\n"
        "[annex]: https://example.org/annex\n"
        "![map of the harbour](https://maps.example.org/harbour.png)\n");
    EXPECT_EQ(addresses(text), QStringList({QStringLiteral("https://port.example.org/figures"),
                                            QStringLiteral("mailto:desk@example.org"),
                                            QStringLiteral("https://news.example.net/a?b=1&c=2"),
                                            QStringLiteral("https://example.com/report-2026.pdf"),
                                            QStringLiteral("http://example.com/s"),
                                            QStringLiteral("https://en.example.org/wiki/Port_(city)"),
                                            QStringLiteral("https://example.org/annex"),
                                            QStringLiteral("https://maps.example.org/harbour.png")}));
    // A Markdown link covers its text and its address; a bare one only the
    // address, without the sentence's full stop.
    const QList<ArticleLink> links = ArticleLinks::find(text);
    EXPECT_EQ(text.mid(links[0].start, links[0].end - links[0].start),
              QStringLiteral("[published the figures](https://port.example.org/figures \"Figures\")"));
    EXPECT_EQ(text.mid(links[4].start, links[4].end - links[4].start), QStringLiteral("http://example.com/s"));
}

TEST(ArticleLinks, FindsLinksWithDangerousSchemesSoTheyCanBeRefused)
{
    EXPECT_EQ(addresses(QStringLiteral("Click [here](javascript:alert(1)) or [there](file:///etc/passwd).")),
              QStringList({QStringLiteral("javascript:alert(1)"), QStringLiteral("file:///etc/passwd")}));
    // Plain text with a colon is no link.
    EXPECT_TRUE(addresses(QStringLiteral("Note: the vote is at 10:30. javascript:void(0) is not linked.")).isEmpty());
}

TEST(ArticleLinks, TheLinkAtAPositionIncludesItsEdges)
{
    const QString line = QStringLiteral("Read [the statement](https://example.org/s) today.");
    const qsizetype start = line.indexOf(u'[');
    const qsizetype end = line.indexOf(QStringLiteral(" today"));
    EXPECT_FALSE(ArticleLinks::at(line, start - 1));
    ASSERT_TRUE(ArticleLinks::at(line, start));
    EXPECT_EQ(ArticleLinks::at(line, start + 3)->address, QStringLiteral("https://example.org/s"));
    EXPECT_TRUE(ArticleLinks::at(line, end)); // a cursor just after it
    EXPECT_FALSE(ArticleLinks::at(line, end + 1));
}

TEST(ArticleLinks, OnlyWebAndMailAddressesMayBeOpened)
{
    auto may = [](const QString &address) {
        QString why;
        const bool ok = ArticleLinks::mayOpen(ArticleLinks::toUrl(address), &why);
        EXPECT_EQ(ok, why.isEmpty()) << address.toStdString();
        return ok;
    };
    EXPECT_TRUE(may(QStringLiteral("https://example.org/a")));
    EXPECT_TRUE(may(QStringLiteral("http://example.org")));
    EXPECT_TRUE(may(QStringLiteral("HTTPS://EXAMPLE.ORG/")));
    EXPECT_TRUE(may(QStringLiteral("mailto:desk@example.org")));
    EXPECT_FALSE(may(QStringLiteral("javascript:alert(1)")));
    EXPECT_FALSE(may(QStringLiteral("JavaScript:alert(1)")));
    EXPECT_FALSE(may(QStringLiteral("file:///etc/passwd")));
    EXPECT_FALSE(may(QStringLiteral("data:text/html,<script>alert(1)</script>")));
    EXPECT_FALSE(may(QStringLiteral("vbscript:msgbox")));
    EXPECT_FALSE(may(QStringLiteral("ftp://example.org/file")));
    EXPECT_FALSE(may(QStringLiteral("smb://server/share")));
    EXPECT_FALSE(may(QStringLiteral("../notes/secret.md")));
    EXPECT_FALSE(may(QStringLiteral("https://")));
    EXPECT_FALSE(may(QStringLiteral("https:///path-only")));
    EXPECT_FALSE(may(QStringLiteral("mailto:")));
    EXPECT_FALSE(may(QStringLiteral("https://exa mple.org/")));
    EXPECT_FALSE(may(QString()));
    QString why;
    ArticleLinks::mayOpen(ArticleLinks::toUrl(QStringLiteral("javascript:alert(1)")), &why);
    EXPECT_TRUE(why.contains(QStringLiteral("javascript"))) << why.toStdString();
}
