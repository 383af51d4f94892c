#pragma once

#include <QString>

#include <vector>

namespace annotator {

/// Converts between Unicode code point offsets (what every file and the model
/// use, as brat, spaCy and Python do) and Qt's UTF-16 positions. The one place
/// in the program where the two meet: build it once per text, then each
/// conversion is a binary search over the text's astral characters only.
class TextOffsets
{
public:
    TextOffsets() = default;
    explicit TextOffsets(const QString &text);

    /// UTF-16 position of code point offset @p codePoint (clamped to the text).
    qsizetype toUtf16(qint64 codePoint) const;
    /// Code point offset of UTF-16 position @p utf16. A position inside a
    /// surrogate pair rounds down to the character's start.
    qint64 toCodePoint(qsizetype utf16) const;

    qint64 codePointLength() const { return m_codePoints; }
    qsizetype utf16Length() const { return m_utf16; }
    /// True when the text has no characters outside the BMP, so both
    /// offset systems agree.
    bool isIdentity() const { return m_pairsUtf16.empty(); }

private:
    std::vector<qsizetype> m_pairsUtf16; // UTF-16 position of each surrogate pair
    std::vector<qint64> m_pairsCodePoint; // code point offset of each of them
    qsizetype m_utf16 = 0;
    qint64 m_codePoints = 0;
};

/// Number of code points in @p text.
qint64 codePointCount(const QString &text);

} // namespace annotator
