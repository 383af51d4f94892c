#pragma once

#include "annotationstyle.h"
#include "model/annotationset.h"
#include "viewpositions.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QPointer>
#include <QSet>

namespace annotator {

/// Highlights the article with KSyntaxHighlighting (Markdown) and draws the
/// annotations of an AnnotationSet on top. When the set changes, only the
/// blocks the change touched are highlighted again.
class AnnotationHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT
public:
    explicit AnnotationHighlighter(QTextDocument *document);

    /// Follows @p set; @p positions maps its offsets to this document. Does
    /// not highlight by itself: call before the text is set, or rehighlight().
    void setAnnotations(const AnnotationSet *set, const ViewPositions *positions);
    /// Applies a KSyntaxHighlighting theme and the annotation colours that go
    /// with it, highlighting the document once.
    void setThemeAndStyle(const KSyntaxHighlighting::Theme &theme, const AnnotationStyle &style);
    const AnnotationStyle &style() const { return m_style; }
    /// Types not drawn in the text.
    void setHiddenTypes(const QSet<QString> &types);
    const QSet<QString> &hiddenTypes() const { return m_hidden; }

    /// Number of blocks highlighted again since the last call (for tests and
    /// the benchmark: an edit must not redo the whole document).
    int takeRehighlightCount();

protected:
    void highlightBlock(const QString &text) override;

private:
    void rehighlightRanges(const QList<TextRange> &ranges);

    QPointer<const AnnotationSet> m_set;
    const ViewPositions *m_positions = nullptr;
    AnnotationStyle m_style;
    QSet<QString> m_hidden;
    int m_highlighted = 0;
};

} // namespace annotator
