#pragma once

#include "annotationstyle.h"

#include <QSet>
#include <QWidget>

#include <vector>

namespace annotator {

class AnnotationSet;
struct Annotation;
struct AnnotationEdit;

/// A narrow strip beside the scroll bar with a mark wherever each type
/// occurs in the whole article, so the distribution shows at a glance.
/// Clicking it jumps to that part of the article.
class OverviewRuler : public QWidget
{
    Q_OBJECT
public:
    OverviewRuler(const AnnotationSet *set, QWidget *parent = nullptr);

    /// The article's length in code points (marks are placed by offset).
    void setLength(qint64 length);
    void setStyle(const AnnotationStyle &style);
    void setHiddenTypes(const QSet<QString> &types);
    QSize sizeHint() const override { return {12, 100}; }

    /// The types marked on pixel row @p y (for tests), in legend order.
    QStringList typesAt(int y);

Q_SIGNALS:
    /// The user clicked at the part of the article around @p offset.
    void jumpTo(qint64 offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void recompute();
    /// Moves the marks of what @p edit touched.
    void follow(const AnnotationEdit &edit);
    /// Adds @p delta to @p a's mark; the pixel row it is on, or -1.
    int count(const Annotation &a, int delta);

    const AnnotationSet *m_set;
    AnnotationStyle m_style;
    QSet<QString> m_hidden;
    QStringList m_types;
    qint64 m_length = 0;
    bool m_dirty = true;
    std::vector<quint32> m_rows; ///< per pixel row, a bit per type in m_types
    /// Per pixel row and type (32 a row), how many annotations are marked.
    std::vector<quint32> m_counts;
};

} // namespace annotator
