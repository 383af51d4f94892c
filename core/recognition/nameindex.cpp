#include "nameindex.h"

#include <QHashFunctions>

namespace annotator {

std::size_t NameIndex::probe(QStringView name, std::size_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].entity >= 0) {
        if (m_slots[i].hash == hash && QStringView(m_slots[i].name) == name)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

void NameIndex::insert(QStringView name, std::int32_t entity)
{
    if (name.isEmpty() || entity < 0)
        return;
    if ((m_count + 1) * 2 > m_slots.size()) {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.resize(old.empty() ? 64 : old.size() * 2);
        for (Slot &s : old) {
            if (s.entity >= 0)
                m_slots[probe(s.name, s.hash)] = std::move(s);
        }
    }
    const std::size_t h = qHash(name);
    Slot &s = m_slots[probe(name, h)];
    if (s.entity >= 0)
        return;
    s.name = name.toString();
    s.hash = h;
    s.entity = entity;
    ++m_count;
}

std::int32_t NameIndex::value(QStringView name) const
{
    if (m_slots.empty() || name.isEmpty())
        return -1;
    return m_slots[probe(name, qHash(name))].entity;
}

} // namespace annotator
