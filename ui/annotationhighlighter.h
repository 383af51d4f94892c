#pragma once

#include "annotationstyle.h"
#include "model/annotationset.h"
#include "viewpositions.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTextCharFormat>

#include <array>
#include <set>
#include <unordered_map>
#include <vector>

class QTextBlock;
class QTimer;
class QTextDocument;

namespace annotator {

/// Highlights the article with KSyntaxHighlighting (Markdown) and draws the
/// annotations of an AnnotationSet on top, block by block, straight into the
/// blocks' layouts.
///
/// A short article is highlighted whole when its text is set. A long one is
/// highlighted only where it is shown (the view asks for the blocks it is
/// about to paint): the rest of the text carries no formats, so opening a
/// book-length article costs what is on screen, not the whole text, and its
/// blocks keep no highlighting memory until they are seen. The Markdown
/// state at the end of each block (what the next block starts from) is kept
/// for every block up to the last one highlighted, shared between blocks
/// that end alike.
///
/// When the annotations change, only the blocks the change touched are
/// highlighted again (and of a long article only those already shown).
class AnnotationHighlighter : public QObject, public KSyntaxHighlighting::AbstractHighlighter
{
    Q_OBJECT
    Q_INTERFACES(KSyntaxHighlighting::AbstractHighlighter)
public:
    explicit AnnotationHighlighter(QTextDocument *document);
    ~AnnotationHighlighter() override;

    /// Text longer than this (UTF-16 units) is a long article: highlighted
    /// where it is shown, and shown several lines to a block (ArticleView).
    static constexpr qsizetype LargeArticle = 256 * 1024;

    QTextDocument *document() const { return m_document; }

    void setDefinition(const KSyntaxHighlighting::Definition &definition) override;
    /// Follows @p set; @p positions maps its offsets to this document. Does
    /// not highlight by itself: textReplaced() or rehighlightAll() do.
    void setAnnotations(const AnnotationSet *set, const ViewPositions *positions);
    /// Applies a KSyntaxHighlighting theme and the annotation colours that go
    /// with it, highlighting again what is highlighted.
    void setThemeAndStyle(const KSyntaxHighlighting::Theme &theme, const AnnotationStyle &style);
    const AnnotationStyle &style() const { return m_style; }
    /// Types not drawn in the text.
    void setHiddenTypes(const QSet<QString> &types);
    const QSet<QString> &hiddenTypes() const { return m_hidden; }

    /// The document's text was replaced: forgets its old blocks; highlights a
    /// short article at once, a long one as it is shown.
    void textReplaced();
    /// Highlights again everything highlighted (a short article: all of it).
    void rehighlightAll();
    /// Makes sure @p block is highlighted (the view calls it for each
    /// block before painting it).
    void ensureHighlighted(const QTextBlock &block);
    /// Highlights every block, shown or not (tests, printing).
    void highlightEverything();
    /// True when the text is highlighted only where it is shown.
    bool isLarge() const;
    /// True while the Markdown states of a long article are still worked out
    /// from the event loop, a slice at a time, so that a jump far into the
    /// text does not have to (it works out what is missing itself).
    bool isPreparing() const;
    /// Whether block @p number carries its highlighting now.
    bool isHighlighted(int blockNumber) const;

    /// Number of blocks highlighted again (after they had been highlighted)
    /// since the last call: an edit must not redo the whole document.
    int takeRehighlightCount();

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    void rehighlightRanges(const QList<TextRange> &ranges);
    void prepareSlice();
    /// Runs the Markdown highlighting over the lines of @p text, a block
    /// that may hold several lines (separated by U+2028), from @p state;
    /// returns the state at its end.
    KSyntaxHighlighting::State highlightLines(QStringView text, KSyntaxHighlighting::State state);
    /// Highlights @p block; a provisional highlight starts from the
    /// initial Markdown state instead of working out the states before it.
    void highlightBlock(const QTextBlock &block, bool provisional = false);
    /// Highlights again, properly, the provisional blocks whose states are
    /// now known.
    void settleProvisional();
    void clearBlock(const QTextBlock &block);
    void forgetBlocks();
    /// The Markdown state block @p number starts from, working out the
    /// states of the blocks before it that are not known yet.
    KSyntaxHighlighting::State stateBefore(int number);
    /// The overlay of an annotation type and status, made once per style.
    const QTextCharFormat &overlay(const QString &type, Status status);
    /// The character format of a KSyntaxHighlighting format, made once per theme.
    const QTextCharFormat &markdownFormat(const KSyntaxHighlighting::Format &format);

    QTextDocument *m_document = nullptr;

    /// Markdown runs of the block being highlighted; not collected while
    /// only its state is wanted.
    struct Run {
        int start;
        int end;
        const QTextCharFormat *format;
    };
    std::vector<Run> m_runs;
    bool m_collect = false;
    /// Where the line being highlighted starts in its block.
    int m_lineOffset = 0;
    std::vector<int> m_cuts;
    struct Overlay {
        int start;
        int end;
        const QTextCharFormat *format;
    };
    std::vector<Overlay> m_overlays;
    // Node-based maps: the runs and overlays above point into them while
    // they grow.
    std::unordered_map<QString, std::array<QTextCharFormat, 3>> m_formats;
    std::unordered_map<quint16, QTextCharFormat> m_markdownFormats;

    /// State at the end of each block; valid for blocks [0, m_knownStates).
    std::vector<KSyntaxHighlighting::State> m_states;
    int m_knownStates = 0;
    /// Equal states share one copy: most blocks of an article end alike.
    QSet<KSyntaxHighlighting::State> m_uniqueStates;
    /// Which blocks carry their highlighting.
    std::vector<bool> m_highlighted;
    /// Blocks shown far ahead of the states worked out so far (a jump into
    /// a long article just opened): highlighted at once from the initial
    /// state, which is right for most Markdown, and again when the states
    /// reach them.
    std::set<int> m_provisional;

    QPointer<const AnnotationSet> m_set;
    const ViewPositions *m_positions = nullptr;
    AnnotationStyle m_style;
    QSet<QString> m_hidden;
    int m_rehighlighted = 0;
    QTimer *m_prepare = nullptr;
};

} // namespace annotator
