#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace annotator {

/// Maps names (exact text) to speaker entity numbers. Lookups take a view into
/// the article, so matching name mentions allocates nothing; linear probing.
class NameIndex
{
public:
    /// Adds @p name for @p entity; a name already taken keeps its first entity.
    void insert(QStringView name, std::int32_t entity);
    /// The entity of @p name, or -1.
    std::int32_t value(QStringView name) const;

private:
    struct Slot {
        QString name;
        std::size_t hash = 0;
        std::int32_t entity = -1;
    };
    std::size_t probe(QStringView name, std::size_t hash) const;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

} // namespace annotator
