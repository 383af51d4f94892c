#include "annotationidset.h"

#include <algorithm>

namespace annotator {

AnnotationIdSet::AnnotationIdSet(qsizetype expected)
    // A file of n annotations whose numbers go far past n (many deleted)
    // still fits; a stray huge number costs a string in the set, not a
    // bitmap of its size.
    : m_limit(64 * (std::max<qint64>(expected, 0) + 1024))
{
}

qint64 AnnotationIdSet::numberOf(const QString &id) const
{
    const qsizetype n = id.size();
    // "a" and at most 18 digits: no overflow before the limit is checked.
    if (n < 2 || n > 19 || id.at(0) != u'a' || id.at(1) == u'0')
        return -1;
    qint64 number = 0;
    for (qsizetype i = 1; i < n; ++i) {
        const char16_t c = id.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number < m_limit ? number : -1;
}

bool AnnotationIdSet::insert(const QString &id)
{
    const qint64 number = numberOf(id);
    if (number < 0) {
        const qsizetype before = m_other.size();
        m_other.insert(id);
        if (m_other.size() == before)
            return false;
    } else {
        const size_t word = size_t(number / 64);
        if (word >= m_bits.size())
            m_bits.resize(std::max(word + 1, 2 * m_bits.size()));
        const quint64 bit = quint64(1) << (number % 64);
        if (m_bits[word] & bit)
            return false;
        m_bits[word] |= bit;
    }
    ++m_size;
    return true;
}

} // namespace annotator
