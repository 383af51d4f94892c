#include "annotationhighlighter.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Theme>

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>

#include <algorithm>

namespace annotator {

namespace {
/// Articles above this many characters are highlighted where they are shown.
/// Time per slice of the states' preparation: short enough for the window
/// to follow the mouse.
constexpr int SliceMs = 25;
/// How much text (UTF-16 units) a paint may work the states out over before
/// showing a block (about a thousand lines, 30 ms of work); past that it
/// shows the block highlighted provisionally. Counted in text, not blocks: a
/// block of a long article holds several lines.
constexpr int StatesPerPaint = 96 * 1024;
}

AnnotationHighlighter::AnnotationHighlighter(QTextDocument *document)
    : QObject(document)
    , m_document(document)
    , m_prepare(new QTimer(this))
{
    m_prepare->setInterval(0);
    connect(m_prepare, &QTimer::timeout, this, &AnnotationHighlighter::prepareSlice);
}

AnnotationHighlighter::~AnnotationHighlighter() = default;

bool AnnotationHighlighter::isLarge() const
{
    return m_document->characterCount() > LargeArticle;
}

bool AnnotationHighlighter::isPreparing() const
{
    return m_prepare->isActive();
}

void AnnotationHighlighter::prepareSlice()
{
    QElapsedTimer clock;
    clock.start();
    const int blocks = int(m_states.size());
    while (m_knownStates < blocks && clock.elapsed() < SliceMs)
        stateBefore(std::min(m_knownStates + 64, blocks));
    settleProvisional();
    if (m_knownStates >= blocks)
        m_prepare->stop();
}

void AnnotationHighlighter::settleProvisional()
{
    if (m_provisional.empty() || *m_provisional.begin() > m_knownStates)
        return;
    QTextCursor batch(m_document);
    batch.beginEditBlock();
    while (!m_provisional.empty() && *m_provisional.begin() <= m_knownStates) {
        const int n = *m_provisional.begin();
        m_provisional.erase(m_provisional.begin());
        highlightBlock(m_document->findBlockByNumber(n));
    }
    batch.endEditBlock();
}

bool AnnotationHighlighter::isHighlighted(int blockNumber) const
{
    return blockNumber >= 0 && size_t(blockNumber) < m_highlighted.size() && m_highlighted[size_t(blockNumber)];
}

void AnnotationHighlighter::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    if (definition == this->definition())
        return;
    AbstractHighlighter::setDefinition(definition);
    // Other rules, other states.
    m_knownStates = 0;
    m_uniqueStates.clear();
    if (isLarge())
        m_prepare->start();
    rehighlightAll();
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
    m_markdownFormats.clear();
    setTheme(theme);
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
    return std::exchange(m_rehighlighted, 0);
}

void AnnotationHighlighter::forgetBlocks()
{
    m_states.assign(size_t(m_document->blockCount()), KSyntaxHighlighting::State());
    m_knownStates = 0;
    m_uniqueStates.clear();
    m_provisional.clear();
    m_highlighted.assign(size_t(m_document->blockCount()), false);
    // A long article's states are worked out ahead of the reader.
    if (isLarge())
        m_prepare->start();
    else
        m_prepare->stop();
}

void AnnotationHighlighter::textReplaced()
{
    forgetBlocks();
    if (!isLarge())
        highlightEverything();
}

void AnnotationHighlighter::rehighlightAll()
{
    if (m_highlighted.size() != size_t(m_document->blockCount()))
        forgetBlocks();
    // One change of the layout for all the blocks, not one per block.
    QTextCursor batch(m_document);
    batch.beginEditBlock();
    const auto end = qScopeGuard([&batch] { batch.endEditBlock(); });
    if (!isLarge()) {
        for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
            if (m_highlighted[size_t(block.blockNumber())])
                ++m_rehighlighted;
            highlightBlock(block);
        }
        return;
    }
    // A long article: the blocks on screen are highlighted again as they are
    // painted; the others shown before lose their formats until they show.
    for (size_t n = 0; n < m_highlighted.size(); ++n) {
        if (m_highlighted[n])
            clearBlock(m_document->findBlockByNumber(int(n)));
    }
}

void AnnotationHighlighter::highlightEverything()
{
    if (m_highlighted.size() != size_t(m_document->blockCount()))
        forgetBlocks();
    QTextCursor batch(m_document);
    batch.beginEditBlock();
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next())
        ensureHighlighted(block);
    batch.endEditBlock();
}

void AnnotationHighlighter::ensureHighlighted(const QTextBlock &block)
{
    if (m_highlighted.size() != size_t(m_document->blockCount()))
        forgetBlocks();
    if (block.isValid() && !m_highlighted[size_t(block.blockNumber())]) {
        const bool far = block.blockNumber() > m_knownStates
            && block.position() - m_document->findBlockByNumber(m_knownStates).position() > StatesPerPaint;
        highlightBlock(block, far);
    }
}

void AnnotationHighlighter::clearBlock(const QTextBlock &block)
{
    block.layout()->clearFormats();
    m_highlighted[size_t(block.blockNumber())] = false;
    m_provisional.erase(block.blockNumber());
    m_document->markContentsDirty(block.position(), block.length());
}

KSyntaxHighlighting::State AnnotationHighlighter::stateBefore(int number)
{
    // Blocks in order: KSyntaxHighlighting carries its state from each block
    // to the next. Only the states are wanted here, not the formats.
    if (m_knownStates < number) {
        QTextBlock block = m_document->findBlockByNumber(m_knownStates);
        const bool collect = std::exchange(m_collect, false);
        KSyntaxHighlighting::State state = m_knownStates > 0 ? m_states[size_t(m_knownStates - 1)] : KSyntaxHighlighting::State();
        for (; block.isValid() && m_knownStates < number; block = block.next()) {
            state = *m_uniqueStates.insert(highlightLines(block.text(), state));
            m_states[size_t(m_knownStates++)] = state;
        }
        m_collect = collect;
    }
    return number > 0 ? m_states[size_t(number - 1)] : KSyntaxHighlighting::State();
}

const QTextCharFormat &AnnotationHighlighter::overlay(const QString &type, Status status)
{
    auto it = m_formats.find(type);
    if (it == m_formats.end()) {
        it = m_formats.emplace(type, std::array<QTextCharFormat, 3>{m_style.format(type, Status::Suggested), m_style.format(type, Status::Accepted),
                                                                  m_style.format(type, Status::Rejected)}).first;
    }
    return it->second[status == Status::Suggested ? 0 : status == Status::Accepted ? 1 : 2];
}

const QTextCharFormat &AnnotationHighlighter::markdownFormat(const KSyntaxHighlighting::Format &format)
{
    auto it = m_markdownFormats.find(format.id());
    if (it != m_markdownFormats.end())
        return it->second;
    const KSyntaxHighlighting::Theme theme = this->theme();
    QTextCharFormat f;
    // Always a foreground colour, as KSyntaxHighlighting's own highlighter:
    // the palette's text colour may not suit the theme's background.
    f.setForeground(format.textColor(theme));
    if (format.hasBackgroundColor(theme))
        f.setBackground(format.backgroundColor(theme));
    if (format.isBold(theme))
        f.setFontWeight(QFont::Bold);
    if (format.isItalic(theme))
        f.setFontItalic(true);
    if (format.isUnderline(theme))
        f.setFontUnderline(true);
    if (format.isStrikeThrough(theme))
        f.setFontStrikeOut(true);
    return m_markdownFormats.emplace(format.id(), f).first->second;
}

void AnnotationHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (m_collect && length > 0)
        m_runs.push_back({m_lineOffset + offset, m_lineOffset + offset + length, &markdownFormat(format)});
}

KSyntaxHighlighting::State AnnotationHighlighter::highlightLines(QStringView text, KSyntaxHighlighting::State state)
{
    // KSyntaxHighlighting highlights line by line; a block of a long article
    // holds several lines (ArticleView).
    qsizetype from = 0;
    for (;;) {
        qsizetype to = text.indexOf(QChar::LineSeparator, from);
        if (to < 0)
            to = text.size();
        m_lineOffset = int(from);
        state = highlightLine(text.sliced(from, to - from), state);
        if (to == text.size())
            break;
        from = to + 1;
    }
    m_lineOffset = 0;
    return state;
}

void AnnotationHighlighter::highlightBlock(const QTextBlock &block, bool provisional)
{
    const int number = block.blockNumber();
    const QString text = block.text();
    const int length = int(text.size());
    KSyntaxHighlighting::State state = provisional ? KSyntaxHighlighting::State() : stateBefore(number);
    m_runs.clear();
    m_collect = true;
    state = highlightLines(text, state);
    m_collect = false;
    if (provisional)
        m_provisional.insert(number);
    else if (number == m_knownStates)
        m_states[size_t(m_knownStates++)] = *m_uniqueStates.insert(state);

    m_overlays.clear();
    if (m_set && m_positions && length > 0) {
        const int blockStart = block.position();
        const qint64 from = m_positions->toCodePoint(blockStart);
        const qint64 to = m_positions->toCodePoint(blockStart + length);
        m_set->forEachIn(from, to, [&](const Annotation &a) {
            if (a.status == Status::Rejected || (!m_hidden.isEmpty() && m_hidden.contains(a.type)))
                return;
            const int start = std::max(m_positions->toView(a.start) - blockStart, 0);
            const int end = std::min(m_positions->toView(a.end) - blockStart, length);
            if (start < end)
                m_overlays.push_back({start, end, &overlay(a.type, a.status)});
        });
    }

    QList<QTextLayout::FormatRange> ranges;
    if (m_overlays.empty()) {
        ranges.reserve(qsizetype(m_runs.size()));
        for (const Run &r : m_runs)
            ranges.append({r.start, r.end - r.start, *r.format});
    } else {
        // Between two cuts every character has the same Markdown format and
        // the same annotations: one merge per piece keeps the Markdown
        // formats (bold, headings) and the annotations beneath a nested one
        // visible.
        m_cuts.clear();
        for (const Run &r : m_runs) {
            m_cuts.push_back(r.start);
            m_cuts.push_back(r.end);
        }
        for (const Overlay &o : m_overlays) {
            m_cuts.push_back(o.start);
            m_cuts.push_back(o.end);
        }
        std::sort(m_cuts.begin(), m_cuts.end());
        m_cuts.erase(std::unique(m_cuts.begin(), m_cuts.end()), m_cuts.end());
        auto run = m_runs.cbegin();
        for (size_t i = 0; i + 1 < m_cuts.size(); ++i) {
            const int start = m_cuts[i];
            const int end = m_cuts[i + 1];
            while (run != m_runs.cend() && run->end <= start)
                ++run;
            const QTextCharFormat *base = run != m_runs.cend() && run->start <= start ? run->format : nullptr;
            QTextCharFormat merged = base ? *base : QTextCharFormat();
            bool any = false;
            for (const Overlay &o : m_overlays) {
                if (o.start <= start && end <= o.end) {
                    merged.merge(*o.format);
                    any = true;
                }
            }
            if (base || any)
                ranges.append({start, end - start, merged});
        }
    }
    block.layout()->setFormats(ranges);
    m_highlighted[size_t(number)] = true;
    m_document->markContentsDirty(block.position(), block.length());
}

void AnnotationHighlighter::rehighlightRanges(const QList<TextRange> &ranges)
{
    if (!m_positions || m_highlighted.size() != size_t(m_document->blockCount()))
        return;
    QList<int> blocks;
    for (const TextRange &r : ranges) {
        QTextBlock block = m_document->findBlock(m_positions->toView(r.start));
        const QTextBlock last = m_document->findBlock(std::max(m_positions->toView(r.end) - 1, 0));
        while (block.isValid()) {
            blocks.append(block.blockNumber());
            if (block == last || block.blockNumber() > last.blockNumber())
                break;
            block = block.next();
        }
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    // Of a long article only the blocks shown so far: the others are
    // highlighted when they show.
    const bool large = isLarge();
    QTextCursor batch(m_document);
    batch.beginEditBlock();
    const auto end = qScopeGuard([&batch] { batch.endEditBlock(); });
    for (int n : blocks) {
        if (large && !m_highlighted[size_t(n)])
            continue;
        if (m_highlighted[size_t(n)])
            ++m_rehighlighted;
        highlightBlock(m_document->findBlockByNumber(n), m_provisional.count(n) > 0);
    }
}

} // namespace annotator
