#include "statisticsview.h"

#include "model/annotationset.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#ifdef ANNOTATOR_HAVE_CHARTS
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#endif

namespace annotator {

namespace {

QList<QPair<QString, int>> top(const QHash<QString, int> &counts, int limit)
{
    QList<QPair<QString, int>> rows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        rows.append({it.key(), it.value()});
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first.localeAwareCompare(b.first) < 0;
    });
    if (rows.size() > limit)
        rows.resize(limit);
    return rows;
}

#ifdef ANNOTATOR_HAVE_CHARTS
QWidget *chart(const QString &title, const QList<QPair<QString, int>> &rows, const QColor &color)
{
    auto *set = new QBarSet(title);
    set->setColor(color);
    QStringList labels;
    int most = 1;
    // Horizontal bars fill from the bottom: reverse, so the most is on top.
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        *set << it->second;
        labels << it->first;
        most = std::max(most, it->second);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    auto *c = new QChart;
    c->addSeries(series);
    c->setTitle(title);
    c->legend()->hide();
    auto *names = new QBarCategoryAxis;
    names->append(labels);
    c->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *values = new QValueAxis;
    values->setRange(0, most);
    values->setTickCount(std::min(most, 10) + 1);
    values->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    auto *view = new QChartView(c);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 300);
    return view;
}
#endif

} // namespace

QList<QPair<QString, int>> StatisticsView::speakerCounts(const AnnotationSet &set, int limit)
{
    QHash<QString, int> counts;
    for (const Annotation &a : set.ofType(Types::Speaker)) {
        if (a.status == Status::Rejected)
            continue;
        const Entity *e = set.entity(a.entity);
        counts[e && !e->name.isEmpty() ? e->name : a.text] += 1;
    }
    return top(counts, limit);
}

QList<QPair<QString, int>> StatisticsView::countryCounts(const AnnotationSet &set, int limit)
{
    QHash<QString, int> counts;
    for (const Annotation &a : set.ofType(Types::Country)) {
        if (a.status == Status::Rejected)
            continue;
        const QString code = a.attributes.value(Attr::Code);
        const QLocale::Territory t = code.isEmpty() ? QLocale::AnyTerritory : QLocale::codeToTerritory(code);
        counts[t == QLocale::AnyTerritory ? a.text : QLocale::territoryToString(t)] += 1;
    }
    return top(counts, limit);
}

StatisticsView::StatisticsView(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
#ifdef ANNOTATOR_HAVE_CHARTS
    layout->addWidget(chart(tr("Mentions per speaker"), speakerCounts(*set), QColor(0x1f, 0x63, 0xc6)));
    layout->addWidget(chart(tr("Mentions per country"), countryCounts(*set), QColor(0x1a, 0x85, 0x3a)));
#else
    auto *label = new QLabel(tr("This build has no Qt Charts."), this);
    layout->addWidget(label);
    Q_UNUSED(set)
#endif
}

} // namespace annotator
