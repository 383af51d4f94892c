#include "overviewruler.h"

#include "model/annotationset.h"

#include <QMouseEvent>
#include <QPainter>

#include <limits>

namespace annotator {

OverviewRuler::OverviewRuler(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_types(AnnotationStyle::builtInTypes())
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setToolTip(tr("Where each type occurs in the article; click to go there"));
    // An edit moves the marks of what it touched, at once: a pass over all
    // annotations of a long article is more than an edit may wait for.
    connect(m_set, &AnnotationSet::edited, this, &OverviewRuler::follow);
    connect(m_set, &AnnotationSet::userTypesChanged, this, [this] {
        m_dirty = true;
        update();
    });
    connect(m_set, &AnnotationSet::wasReset, this, [this] {
        m_dirty = true;
        update();
    });
}

void OverviewRuler::setLength(qint64 length)
{
    m_length = length;
    m_dirty = true;
    update();
}

void OverviewRuler::setStyle(const AnnotationStyle &style)
{
    m_style = style;
    update();
}

void OverviewRuler::setHiddenTypes(const QSet<QString> &types)
{
    m_hidden = types;
    m_dirty = true;
    update();
}

void OverviewRuler::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_dirty = true;
}

int OverviewRuler::count(const Annotation &a, int delta)
{
    if (a.status == Status::Rejected || m_hidden.contains(a.type))
        return -1;
    qsizetype bit = m_types.indexOf(a.type);
    if (bit < 0) {
        m_types.append(a.type);
        bit = m_types.size() - 1;
    }
    if (bit >= 32)
        return -1;
    const int rows = int(m_rows.size());
    const int row = int(std::clamp<qint64>(a.start * rows / m_length, 0, rows - 1));
    quint32 &n = m_counts[size_t(row) * 32 + size_t(bit)];
    n = quint32(qint64(n) + delta);
    if (n)
        m_rows[size_t(row)] |= 1u << bit;
    else
        m_rows[size_t(row)] &= ~(1u << bit);
    return row;
}

void OverviewRuler::recompute()
{
    m_dirty = false;
    const int rows = std::max(height(), 1);
    m_rows.assign(size_t(rows), 0);
    m_counts.assign(size_t(rows) * 32, 0);
    // The built-in types, then the user's in the order they were added.
    m_types = AnnotationStyle::builtInTypes();
    for (const AnnotationType &t : m_set->userTypes()) {
        if (!m_types.contains(t.name))
            m_types.append(t.name);
    }
    if (m_length <= 0)
        return;
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) { count(a, 1); });
}

void OverviewRuler::follow(const AnnotationEdit &edit)
{
    // Marks about to be made afresh, or most of them changing (the
    // recognisers' suggestions), or new types to place: one pass.
    if (m_dirty || m_length <= 0 || int(m_rows.size()) != std::max(height(), 1) || !edit.types.isEmpty()
        || edit.annotations.size() > std::max<qsizetype>(1000, m_set->size() / 4)) {
        m_dirty = true;
        update();
        return;
    }
    int first = int(m_rows.size()), last = -1;
    auto mark = [&](int row) {
        if (row >= 0) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    };
    for (const auto &d : edit.annotations) {
        if (d.before)
            mark(count(*d.before, -1));
    }
    for (const auto &d : edit.annotations) {
        if (d.after)
            mark(count(*d.after, 1));
    }
    if (last >= 0)
        update(QRect(0, first, width(), last - first + 2)); // marks are two pixels tall
}

QStringList OverviewRuler::typesAt(int y)
{
    if (m_dirty || int(m_rows.size()) != std::max(height(), 1))
        recompute();
    QStringList out;
    if (y < 0 || y >= int(m_rows.size()))
        return out;
    for (qsizetype bit = 0; bit < m_types.size() && bit < 32; ++bit) {
        if (m_rows[size_t(y)] & (1u << bit))
            out.append(m_types.at(bit));
    }
    return out;
}

void OverviewRuler::paintEvent(QPaintEvent *)
{
    if (m_dirty || int(m_rows.size()) != std::max(height(), 1))
        recompute();
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const int types = int(std::min<qsizetype>(m_types.size(), 4));
    const int lane = std::max(1, width() / std::max(types, 1));
    // One lane per built-in type, so marks of different types never hide
    // each other; each mark is two pixels tall to stay visible.
    for (int y = 0; y < int(m_rows.size()); ++y) {
        const quint32 bits = m_rows[size_t(y)];
        if (!bits)
            continue;
        for (qsizetype bit = 0; bit < m_types.size() && bit < 32; ++bit) {
            if (bits & (1u << bit))
                p.fillRect(QRect(int(std::min<qsizetype>(bit, 3)) * lane, y, lane, 2), m_style.color(m_types.at(bit)));
        }
    }
}

void OverviewRuler::mousePressEvent(QMouseEvent *event)
{
    if (m_length > 0 && height() > 0)
        Q_EMIT jumpTo(qint64(event->position().y()) * m_length / height());
}

} // namespace annotator
