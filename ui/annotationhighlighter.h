#pragma once

#include "annotationstyle.h"
#include "model/annotationset.h"
#include "viewpositions.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QPointer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <array>
#include <vector>

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

    /// While paused, setting the text leaves it unhighlighted (a large
    /// article shows at once; highlightInSlices() follows).
    void setPaused(bool paused) { m_paused = paused; }
    /// Highlights the document from block @p fromBlock to its end a slice at
    /// a time from the event loop, so the window stays responsive; progress()
    /// and finished() tell how far it got. A running pass continues from the
    /// earlier of the two starts.
    void highlightInSlices(int fromBlock = 0);
    /// True while a pass of highlightInSlices() is going.
    bool isHighlighting() const { return m_nextBlock >= 0; }
    /// Highlights what is left of a running pass at once (tests, screenshots).
    void finishHighlighting();
    /// True when whole-document passes go in slices rather than at once.
    bool isLarge() const;

Q_SIGNALS:
    void progress(int blocksDone, int blocks);
    void finished();

protected:
    void highlightBlock(const QString &text) override;
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    void rehighlightRanges(const QList<TextRange> &ranges);
    /// Everything again: at once for a short article, in slices for a long one.
    void rehighlightAll();
    void highlightSlice(int budgetMs);
    /// The overlay of an annotation type and status, made once per style.
    const QTextCharFormat &overlay(const QString &type, Status status);

    /// Where the Markdown formats of the block being highlighted change:
    /// annotations are merged run by run, not character by character.
    std::vector<int> m_cuts;
    struct Overlay {
        int start;
        int end;
        const QTextCharFormat *format;
    };
    std::vector<Overlay> m_overlays;
    QHash<QString, std::array<QTextCharFormat, 3>> m_formats;

    QPointer<const AnnotationSet> m_set;
    const ViewPositions *m_positions = nullptr;
    AnnotationStyle m_style;
    QSet<QString> m_hidden;
    int m_highlighted = 0;
    bool m_paused = false;
    int m_nextBlock = -1; ///< next block of the pass in slices, -1 for none
    QTimer *m_slices = nullptr;
};

} // namespace annotator
