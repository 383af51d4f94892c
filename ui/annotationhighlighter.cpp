#include "annotationhighlighter.h"

#include <QTextDocument>

#include <algorithm>

namespace annotator {

AnnotationHighlighter::AnnotationHighlighter(QTextDocument *document)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
{
}

void AnnotationHighlighter::setAnnotations(const AnnotationSet *set, const ViewPositions *positions)
{
    if (m_set)
        disconnect(m_set, nullptr, this, nullptr);
    m_set = set;
    m_positions = positions;
    if (m_set) {
        connect(m_set, &AnnotationSet::changed, this, &AnnotationHighlighter::rehighlightRanges);
        connect(m_set, &AnnotationSet::wasReset, this, &AnnotationHighlighter::rehighlight);
    }
}

void AnnotationHighlighter::setThemeAndStyle(const KSyntaxHighlighting::Theme &theme, const AnnotationStyle &style)
{
    m_style = style;
    setTheme(theme);
    rehighlight();
}

void AnnotationHighlighter::setHiddenTypes(const QSet<QString> &types)
{
    if (types == m_hidden)
        return;
    m_hidden = types;
    rehighlight();
}

int AnnotationHighlighter::takeRehighlightCount()
{
    return std::exchange(m_highlighted, 0);
}

void AnnotationHighlighter::highlightBlock(const QString &text)
{
    KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
    ++m_highlighted;
    if (!m_set || !m_positions || text.isEmpty())
        return;
    const int blockStart = currentBlock().position();
    const qint64 from = m_positions->toCodePoint(blockStart);
    const qint64 to = m_positions->toCodePoint(blockStart + int(text.size()));
    const int length = int(text.size());
    m_set->forEachIn(from, to, [&](const Annotation &a) {
        if (a.status == Status::Rejected || m_hidden.contains(a.type))
            return;
        const int start = std::max(m_positions->toView(a.start) - blockStart, 0);
        const int end = std::min(m_positions->toView(a.end) - blockStart, length);
        if (start >= end)
            return;
        const QTextCharFormat overlay = m_style.format(a.type, a.status);
        // Merge run by run so the Markdown formats (bold, headings) and the
        // annotations beneath a nested one stay visible.
        for (int i = start; i < end;) {
            const QTextCharFormat current = format(i);
            int j = i + 1;
            while (j < end && format(j) == current)
                ++j;
            QTextCharFormat merged = current;
            merged.merge(overlay);
            setFormat(i, j - i, merged);
            i = j;
        }
    });
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
    for (int n : blocks)
        rehighlightBlock(doc->findBlockByNumber(n));
}

} // namespace annotator
