#pragma once

#include <QSet>
#include <QString>

#include <vector>

namespace annotator {

/// The annotation ids a reader has met so far, to refuse a file that uses
/// one twice. This program names annotations "a1", "a2", ...: those take a
/// bit each, in a bitmap that stays in the processor's cache where a hash
/// table of 100,000 strings does not; any other id goes to a set of strings.
class AnnotationIdSet
{
public:
    /// @p expected: about how many ids will come (bounds the bitmap).
    explicit AnnotationIdSet(qsizetype expected = 0);

    /// Adds @p id; false when it was there already.
    bool insert(const QString &id);
    qsizetype size() const { return m_size; }

private:
    /// The number N of an id "aN" written as this program writes it (no
    /// sign, no leading zero) and small enough for the bitmap, or -1.
    qint64 numberOf(const QString &id) const;

    std::vector<quint64> m_bits; ///< bit N: "aN" seen
    QSet<QString> m_other; ///< every other id
    qint64 m_limit; ///< numbers from here on go to m_other
    qsizetype m_size = 0;
};

} // namespace annotator
