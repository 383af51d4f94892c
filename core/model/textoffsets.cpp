#include "textoffsets.h"

#include <algorithm>

namespace annotator {

TextOffsets::TextOffsets(const QString &text)
    : m_utf16(text.size())
{
    const QChar *data = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (data[i].isHighSurrogate() && data[i + 1].isLowSurrogate()) {
            m_pairsCodePoint.push_back(qint64(i) - qint64(m_pairsUtf16.size()));
            m_pairsUtf16.push_back(i);
            ++i;
        }
    }
    m_codePoints = qint64(n) - qint64(m_pairsUtf16.size());
}

qsizetype TextOffsets::toUtf16(qint64 codePoint) const
{
    codePoint = std::clamp<qint64>(codePoint, 0, m_codePoints);
    // Each astral character before the offset takes one more UTF-16 unit.
    const auto before = std::lower_bound(m_pairsCodePoint.begin(), m_pairsCodePoint.end(), codePoint) - m_pairsCodePoint.begin();
    return qsizetype(codePoint + before);
}

qint64 TextOffsets::toCodePoint(qsizetype utf16) const
{
    utf16 = std::clamp<qsizetype>(utf16, 0, m_utf16);
    // Pairs starting before the position; one that starts right before it
    // means the position is inside the pair and rounds down to its start.
    const auto before = std::lower_bound(m_pairsUtf16.begin(), m_pairsUtf16.end(), utf16) - m_pairsUtf16.begin();
    return qint64(utf16) - before;
}

qint64 codePointCount(const QString &text)
{
    qint64 pairs = 0;
    const QChar *data = text.constData();
    for (qsizetype i = 0, n = text.size(); i + 1 < n; ++i) {
        if (data[i].isHighSurrogate() && data[i + 1].isLowSurrogate()) {
            ++pairs;
            ++i;
        }
    }
    return text.size() - pairs;
}

} // namespace annotator
