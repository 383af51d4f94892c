#include "viewpositions.h"

#include "model/textoffsets.h"
#include "testsupport.h"

#include <QTextDocument>

using namespace annotator;

// The view's text differs from the file's: QTextDocument turns CRLF into one
// separator. Every code point must land on the same character on screen.
TEST(ViewPositions, MapsEveryCharacterOfACrlfTextWithAstralCharactersBothWays)
{
    const QString text = QStringLiteral("a😀b\r\n\r\nc𝄞d\re\nf\r\n");
    QTextDocument doc;
    doc.setPlainText(text);
    const QString shown = doc.toPlainText();
    const ViewPositions positions(text);
    const QList<uint> codePoints = text.toUcs4();
    TextOffsets offsets(text);
    for (qint64 cp = 0; cp < codePoints.size(); ++cp) {
        const int view = positions.toView(cp);
        const QChar original = text.at(offsets.toUtf16(cp));
        if (original == u'\n' && cp > 0 && codePoints.at(cp - 1) == u'\r')
            continue; // the LF of a CRLF has no character of its own on screen
        if (original == u'\r' || original == u'\n')
            EXPECT_EQ(shown.at(view), u'\n') << cp; // toPlainText() shows separators as LF
        else
            EXPECT_EQ(shown.at(view), original) << cp;
        EXPECT_EQ(positions.toCodePoint(view), cp) << cp;
    }
    EXPECT_EQ(positions.toView(codePoints.size()), shown.size());
}
