#include "annotationhighlighter.h"

#include <KSyntaxHighlighting/Format>

#include <QElapsedTimer>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace annotator {

namespace {
/// Articles above this many characters are highlighted in slices.
constexpr int LargeArticle = 256 * 1024;
/// Time per slice: short enough for the window to follow the mouse.
constexpr int SliceMs = 25;
}

AnnotationHighlighter::AnnotationHighlighter(QTextDocument *document)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
    , m_slices(new QTimer(this))
{
    m_slices->setInterval(0);
    connect(m_slices, &QTimer::timeout, this, [this] { highlightSlice(SliceMs); });
}

bool AnnotationHighlighter::isLarge() const
{
    return document() && document()->characterCount() > LargeArticle;
}

void AnnotationHighlighter::rehighlightAll()
{
    if (isLarge())
        highlightInSlices(0);
    else
        rehighlight();
}

void AnnotationHighlighter::highlightInSlices(int fromBlock)
{
    m_nextBlock = m_nextBlock < 0 ? fromBlock : std::min(m_nextBlock, fromBlock);
    m_slices->start();
}

void AnnotationHighlighter::finishHighlighting()
{
    if (isHighlighting())
        highlightSlice(-1);
}

void AnnotationHighlighter::highlightSlice(int budgetMs)
{
    QTextDocument *doc = document();
    QTextBlock block = doc ? doc->findBlockByNumber(m_nextBlock) : QTextBlock();
    QElapsedTimer clock;
    clock.start();
    // Blocks in order: KSyntaxHighlighting carries its state from each block
    // to the next.
    for (int n = 0; block.isValid(); ++n) {
        if (budgetMs >= 0 && n % 16 == 0 && clock.elapsed() >= budgetMs)
            break;
        rehighlightBlock(block);
        block = block.next();
    }
    if (block.isValid()) {
        m_nextBlock = block.blockNumber();
        Q_EMIT progress(m_nextBlock, doc->blockCount());
        return;
    }
    m_nextBlock = -1;
    m_slices->stop();
    if (doc)
        Q_EMIT progress(doc->blockCount(), doc->blockCount());
    Q_EMIT finished();
}

void AnnotationHighlighter::setAnnotations(const AnnotationSet *set, const ViewPositions *positions)
{
    if (m_set)
        disconnect(m_set, nullptr, this, nullptr);
    m_set = set;
    m_positions = positions;
    if (m_set) {
        connect(m_set, &AnnotationSet::changed, this, &AnnotationHighlighter::rehighlightRanges);
        connect(m_set, &AnnotationSet::wasReset, this, &AnnotationHighlighter::rehighlightAll);
    }
}

void AnnotationHighlighter::setThemeAndStyle(const KSyntaxHighlighting::Theme &theme, const AnnotationStyle &style)
{
    m_style = style;
    m_formats.clear();
    // One pass below, at once or in slices: none inside setTheme().
    const bool paused = std::exchange(m_paused, true);
    setTheme(theme);
    m_paused = paused;
    rehighlightAll();
}

void AnnotationHighlighter::setHiddenTypes(const QSet<QString> &types)
{
    if (types == m_hidden)
        return;
    m_hidden = types;
    rehighlightAll();
}

int AnnotationHighlighter::takeRehighlightCount()
{
    return std::exchange(m_highlighted, 0);
}

const QTextCharFormat &AnnotationHighlighter::overlay(const QString &type, Status status)
{
    auto it = m_formats.find(type);
    if (it == m_formats.end()) {
        it = m_formats.insert(type, {m_style.format(type, Status::Suggested), m_style.format(type, Status::Accepted),
                                     m_style.format(type, Status::Rejected)});
    }
    return it.value()[status == Status::Suggested ? 0 : status == Status::Accepted ? 1 : 2];
}

void AnnotationHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    KSyntaxHighlighting::SyntaxHighlighter::applyFormat(offset, length, format);
    if (length > 0) {
        m_cuts.push_back(offset);
        m_cuts.push_back(offset + length);
    }
}

void AnnotationHighlighter::highlightBlock(const QString &text)
{
    if (m_paused)
        return;
    m_cuts.clear();
    KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
    ++m_highlighted;
    if (!m_set || !m_positions || text.isEmpty())
        return;
    const int blockStart = currentBlock().position();
    const qint64 from = m_positions->toCodePoint(blockStart);
    const qint64 to = m_positions->toCodePoint(blockStart + int(text.size()));
    const int length = int(text.size());
    m_overlays.clear();
    m_set->forEachIn(from, to, [&](const Annotation &a) {
        if (a.status == Status::Rejected || (!m_hidden.isEmpty() && m_hidden.contains(a.type)))
            return;
        const int start = std::max(m_positions->toView(a.start) - blockStart, 0);
        const int end = std::min(m_positions->toView(a.end) - blockStart, length);
        if (start >= end)
            return;
        m_overlays.push_back({start, end, &overlay(a.type, a.status)});
    });
    if (m_overlays.empty())
        return;
    // Between two cuts every character has the same format, before and after
    // each merge: one merge per run keeps the Markdown formats (bold,
    // headings) and the annotations beneath a nested one visible.
    m_cuts.push_back(0);
    m_cuts.push_back(length);
    for (const Overlay &o : m_overlays) {
        m_cuts.push_back(o.start);
        m_cuts.push_back(o.end);
    }
    std::sort(m_cuts.begin(), m_cuts.end());
    m_cuts.erase(std::unique(m_cuts.begin(), m_cuts.end()), m_cuts.end());
    for (const Overlay &o : m_overlays) {
        auto cut = std::lower_bound(m_cuts.cbegin(), m_cuts.cend(), o.start);
        for (; cut != m_cuts.cend() && *cut < o.end; ++cut) {
            const int next = std::min(*(cut + 1), o.end);
            QTextCharFormat merged = format(*cut);
            merged.merge(*o.format);
            setFormat(*cut, next - *cut, merged);
        }
    }
}

void AnnotationHighlighter::rehighlightRanges(const QList<TextRange> &ranges)
{
    QTextDocument *doc = document();
    if (!doc || !m_positions)
        return;
    QList<int> blocks;
    for (const TextRange &r : ranges) {
        QTextBlock block = doc->findBlock(m_positions->toView(r.start));
        const QTextBlock last = doc->findBlock(std::max(m_positions->toView(r.end) - 1, 0));
        while (block.isValid()) {
            blocks.append(block.blockNumber());
            if (block == last || block.blockNumber() > last.blockNumber())
                break;
            block = block.next();
        }
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    // A change all over a long article (the recognisers' suggestions) goes
    // in slices like a load.
    if (blocks.size() > 64 && isLarge()) {
        highlightInSlices(blocks.front());
        return;
    }
    for (int n : blocks)
        rehighlightBlock(doc->findBlockByNumber(n));
}

} // namespace annotator
