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
    // The marks follow a moment after the last edit: a long article's
    // marks cost a pass over all annotations, which an edit must not wait for.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_dirty = true;
        update();
    });
    connect(m_set, &AnnotationSet::changed, &m_refresh, qOverload<>(&QTimer::start));
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

void OverviewRuler::recompute()
{
    m_dirty = false;
    const int rows = std::max(height(), 1);
    m_rows.assign(size_t(rows), 0);
    if (m_length <= 0)
        return;
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (a.status == Status::Rejected || m_hidden.contains(a.type))
            return;
        qsizetype bit = m_types.indexOf(a.type);
        if (bit < 0) {
            m_types.append(a.type);
            bit = m_types.size() - 1;
        }
        if (bit >= 32)
            return;
        const int row = int(std::clamp<qint64>(a.start * rows / m_length, 0, rows - 1));
        m_rows[size_t(row)] |= 1u << bit;
    });
}

QStringList OverviewRuler::typesAt(int y)
{
    if (m_refresh.isActive()) {
        m_refresh.stop();
        m_dirty = true;
    }
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
