#include "viewpositions.h"

#include "model/document.h"

#include <algorithm>

namespace annotator {

ViewPositions::ViewPositions(const Document &document)
    : ViewPositions(document.text())
{
}

ViewPositions::ViewPositions(const QString &text)
    : m_offsets(text)
{
    qsizetype removed = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'\r' && text.at(i + 1) == u'\n') {
            m_separators.push_back(i - removed);
            ++removed;
            ++i;
        }
    }
}

int ViewPositions::toView(qint64 codePoint) const
{
    const qsizetype utf16 = m_offsets.toUtf16(codePoint);
    // Separators strictly before utf16 each swallowed one LF; separator k sits
    // at UTF-16 position m_separators[k] + k.
    qsizetype lo = 0, hi = qsizetype(m_separators.size());
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_separators[mid] + mid + 1 < utf16)
            lo = mid + 1;
        else
            hi = mid;
    }
    return int(utf16 - lo);
}

qint64 ViewPositions::toCodePoint(int position) const
{
    const auto before = std::lower_bound(m_separators.begin(), m_separators.end(), qsizetype(position));
    const qsizetype utf16 = position + (before - m_separators.begin());
    return m_offsets.toCodePoint(utf16);
}

} // namespace annotator
