#pragma once

#include <QWidget>

namespace annotator {

class AnnotationSet;

/// Mentions per speaker and per country as bar charts (Qt Charts), the most
/// mentioned first. Rejected annotations do not count.
class StatisticsView : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsView(const AnnotationSet *set, QWidget *parent = nullptr);

    /// Rows of one chart: a label and its number of mentions, most first,
    /// at most @p limit.
    static QList<QPair<QString, int>> speakerCounts(const AnnotationSet &set, int limit = 12);
    static QList<QPair<QString, int>> countryCounts(const AnnotationSet &set, int limit = 12);
};

} // namespace annotator
