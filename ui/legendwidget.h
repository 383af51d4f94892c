#pragma once

#include "annotationstyle.h"

#include <QWidget>

class QHBoxLayout;

namespace annotator {

/// A row of chips that shows what each annotation colour means, drawn the
/// way the text draws it, plus how a suggestion differs from an accepted tag.
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);

    /// Redraws the chips for @p style on the view's @p background and @p text
    /// colours; @p types in legend order with the key that tags each.
    void setStyle(const AnnotationStyle &style, const QColor &background, const QColor &text,
                  const QList<QPair<QString, QString>> &types);

private:
    QHBoxLayout *m_layout;
};

} // namespace annotator
