#include "conllformat.h"

#include "model/document.h"
#include "recognition/analyzedtext.h"

#include <algorithm>
#include <vector>

namespace annotator {

namespace {

int rank(const QString &type)
{
    if (type == Types::Speaker)
        return 0;
    if (type == Types::Country)
        return 1;
    if (type == Types::Event)
        return 2;
    if (type == Types::Quote)
        return 4;
    return 3;
}

// Labels hold no whitespace in a whitespace-separated column.
QString label(const QString &type)
{
    QString out = type;
    for (QChar &c : out) {
        if (c.isSpace())
            c = u'_';
    }
    return out;
}

} // namespace

ExportResult ConllFormat::write(const Document &doc, const AnnotationData &data)
{
    ExportResult result;
    const AnalyzedText text(doc.text());
    const TextOffsets &off = doc.offsets();
    // Choose the annotations IOB can hold: by type rank, outer spans first.
    QList<Annotation> list = data.exported();
    std::stable_sort(list.begin(), list.end(), [](const Annotation &a, const Annotation &b) {
        if (rank(a.type) != rank(b.type))
            return rank(a.type) < rank(b.type);
        if (a.length() != b.length())
            return a.length() > b.length();
        return a.start < b.start;
    });
    const auto &tokens = text.tokens();
    // Token index range of each annotation, by UTF-16 positions.
    std::vector<int> owner(tokens.size(), -1);
    std::vector<bool> begins(tokens.size(), false);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Annotation &a = list[i];
        const qsizetype s = off.toUtf16(a.start), e = off.toUtf16(a.end);
        auto first = std::lower_bound(tokens.begin(), tokens.end(), s, [](const Token &t, qsizetype pos) { return t.end <= pos; });
        std::vector<size_t> covered;
        qsizetype firstStart = -1, lastEnd = -1; // of every token, markup included
        for (auto it = first; it != tokens.end() && it->start < e; ++it) {
            if (firstStart < 0)
                firstStart = it->start;
            lastEnd = it->end;
            if (it->kind != TokenKind::Markup)
                covered.push_back(size_t(it - tokens.begin()));
        }
        const QString what = QStringLiteral("%1 \"%2\" at %3-%4").arg(a.type, a.text.left(60)).arg(a.start).arg(a.end);
        if (covered.empty()) {
            result.warnings.append(QStringLiteral("%1 covers no token; IOB cannot hold it").arg(what));
            continue;
        }
        const Token &ft = tokens[covered.front()], &lt = tokens[covered.back()];
        int clash = -1;
        for (size_t k : covered) {
            if (owner[k] >= 0) {
                clash = owner[k];
                break;
            }
        }
        if (clash >= 0) {
            const Annotation &o = list[clash];
            result.warnings.append(QStringLiteral("%1 overlaps %2 \"%3\" at %4-%5; IOB holds one label per token, so it was left out")
                                       .arg(what, o.type, o.text.left(60))
                                       .arg(o.start)
                                       .arg(o.end));
            continue;
        }
        if (firstStart != s || lastEnd != e)
            result.warnings.append(QStringLiteral("%1 does not fall on token boundaries; its tokens %2-%3 were labelled")
                                       .arg(what)
                                       .arg(off.toCodePoint(ft.start))
                                       .arg(off.toCodePoint(lt.end)));
        for (size_t k : covered)
            owner[k] = int(i);
        begins[covered.front()] = true;
    }
    QString out = QStringLiteral("-DOCSTART- -X- -X- O\n\n");
    for (const TokenRange &sentence : text.sentences()) {
        bool any = false;
        bool first = true; // IOB2: a label never starts a sentence with I-
        for (std::int32_t k = sentence.first; k < sentence.last; ++k) {
            const Token &t = tokens[size_t(k)];
            if (t.kind == TokenKind::Markup)
                continue;
            QString word = text.view(k).toString();
            for (QChar &c : word) {
                if (c.isSpace())
                    c = u'_';
            }
            QString tag = QStringLiteral("O");
            if (owner[size_t(k)] >= 0)
                tag = (begins[size_t(k)] || first ? QStringLiteral("B-") : QStringLiteral("I-")) + label(list[owner[size_t(k)]].type);
            first = false;
            out += word + QStringLiteral(" -X- _ ") + tag + u'\n';
            any = true;
        }
        if (any)
            out += u'\n';
    }
    result.bytes = out.toUtf8();
    return result;
}

} // namespace annotator
