// The hand-written JSON strings of the sidecar and the stream command read
// back, through QJsonDocument, as exactly the strings written.
#include "storage/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace annotator;

namespace {

/// @p s written by json::appendString, read back by QJsonDocument.
QString roundTrip(const QString &s)
{
    QByteArray out = "[";
    json::appendString(out, s);
    out += ']';
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << out.constData();
    return doc.array().at(0).toString();
}

} // namespace

TEST(JsonWriter, EveryUtf16UnitReadsBackAsItself)
{
    // Each unit between two letters, so no two surrogates make a pair.
    QString all;
    for (char32_t u = 0; u <= 0xFFFF; ++u) {
        all += QChar(u'x');
        all += QChar(char16_t(u));
    }
    EXPECT_EQ(roundTrip(all), all);
}

TEST(JsonWriter, PairsQuotesAndControlsReadBackAsThemselves)
{
    const QString cases[] = {
        QString(),
        QStringLiteral("plain ascii"),
        QStringLiteral("\"quoted\" and \\back\\slashed\\"),
        QStringLiteral("tab\tnew\nline\rreturn\x01\x1f\x7f"),
        QStringLiteral("line\u2028and\u2029paragraph separators"),
        QStringLiteral("globe \U0001F30D and math \U0001D400 at the end \U0010FFFF"),
        QStringLiteral("caf\u00e9, \u4e2d\u6587, \u0627\u0644\u0639\u0631\u0628\u064a\u0629"),
        QString(QChar(0xD83C)) + QStringLiteral(" lone high, lone low ") + QChar(0xDF0D),
        QString(QChar(0xDF0D)) + QChar(0xD83C), // a low before a high is no pair
    };
    for (const QString &s : cases)
        EXPECT_EQ(roundTrip(s), s) << qPrintable(s);
}
