#include "bratformat.h"

#include "countrynames.h"
#include "model/document.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace annotator {

namespace {

const QString SaidBy = QStringLiteral("SaidBy");
const QString Same = QStringLiteral("Same");
const QString Reference = QStringLiteral("Reference");
const QString AnnotatorNotes = QStringLiteral("AnnotatorNotes");
const QString NoteKey = QStringLiteral("note");
const QString StatusName = QStringLiteral("Status");
const QString OriginName = QStringLiteral("Origin");
const QString EntityPrefix = QStringLiteral("Entity_");
const QString EntityNameKey = QStringLiteral("Entity_name");

// Python's str.splitlines() set: every tool that reads .ann files line by
// line breaks on these, so no T text may hold one.
bool isLineBreak(char32_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 || c == 0x2028
        || c == 0x2029;
}

bool isEntityKey(const QString &key)
{
    return key == Attr::Kind || key == Attr::Time || key == Attr::Countries;
}

// Attribute values and names go in whitespace-separated fields: encode what
// would split them, and '%' so decoding is exact.
QString encode(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'%' || c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            for (const char b : QString(c).toUtf8())
                out += QStringLiteral("%%1").arg(uchar(b), 2, 16, QLatin1Char('0')).toUpper();
        } else {
            out += c;
        }
    }
    return out;
}

QString decode(const QString &s)
{
    if (!s.contains(u'%'))
        return s;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(s.toUtf8()));
}

// Notes are free text: only line breaks and '%' are encoded.
QString encodeNote(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c == u'%' || isLineBreak(c.unicode())) {
            for (const char b : QString(c).toUtf8())
                out += QStringLiteral("%%1").arg(uchar(b), 2, 16, QLatin1Char('0')).toUpper();
        } else {
            out += c;
        }
    }
    return out;
}

QString longestMention(const QList<const Annotation *> &mentions)
{
    const Annotation *best = nullptr;
    for (const Annotation *m : mentions) {
        if (!best || m->text.size() > best->text.size())
            best = m;
    }
    return best ? best->text : QString();
}

// Code point offsets of every line break in the text, in order.
std::vector<qint64> lineBreaks(const QString &text)
{
    std::vector<qint64> out;
    qint64 cp = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++cp) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (isLineBreak(c.unicode()))
            out.push_back(cp);
    }
    return out;
}

bool breakBetween(const std::vector<qint64> &breaks, qint64 from, qint64 to)
{
    auto it = std::lower_bound(breaks.begin(), breaks.end(), from);
    return it != breaks.end() && *it < to;
}

bool sentenceBreakIn(const QString &gap)
{
    for (qsizetype i = 0; i + 1 < gap.size(); ++i) {
        const QChar c = gap.at(i);
        if ((c == u'.' || c == u'!' || c == u'?') && gap.at(i + 1).isSpace())
            return true;
    }
    return false;
}

// The speaker mention an R line points to, as gold files choose it: the
// nearest mention in the quote's sentence, else in its paragraph (after the
// quote on a tie, where news puts the attribution); a paragraph of a quote
// that runs on into the next paragraph takes the mention of the paragraph
// where it ends; else the nearest mention anywhere.
class SaidByChooser
{
public:
    SaidByChooser(const Document &doc, const QList<Annotation> &list, const QHash<QString, QList<const Annotation *>> &mentions)
        : m_doc(doc)
        , m_mentions(mentions)
        , m_breaks(lineBreaks(doc.text()))
    {
        for (const Annotation &a : list) {
            if (!a.saidBy.isEmpty())
                m_quotes[a.saidBy].append(&a);
        }
    }

    const Annotation *choose(const Annotation &quote) const
    {
        const Annotation *nearest = nullptr;
        if (const Annotation *m = local(quote, &nearest))
            return m;
        // A quote running over several paragraphs is attributed where the
        // attribution stands: follow it forwards, then backwards.
        const QList<const Annotation *> quotes = m_quotes.value(quote.saidBy);
        const qsizetype at = quotes.indexOf(&quote);
        for (qsizetype k = at; k >= 0 && k + 1 < quotes.size() && runsOn(*quotes[k], *quotes[k + 1]); ++k) {
            if (const Annotation *m = local(*quotes[k + 1], nullptr))
                return m;
        }
        for (qsizetype k = at; k > 0 && runsOn(*quotes[k - 1], *quotes[k]); --k) {
            if (const Annotation *m = local(*quotes[k - 1], nullptr))
                return m;
        }
        return nearest;
    }

private:
    // The nearest mention in the quote's sentence, else its paragraph; the
    // nearest anywhere goes to @p nearest.
    const Annotation *local(const Annotation &quote, const Annotation **nearest) const
    {
        const Annotation *best = nullptr;
        int bestLevel = 3;
        qint64 bestDistance = 0;
        bool bestAfter = false;
        for (const Annotation *m : m_mentions.value(quote.saidBy)) {
            const bool after = m->start >= quote.end;
            const qint64 from = after ? quote.end : m->end;
            const qint64 to = after ? m->start : quote.start;
            const qint64 distance = std::max<qint64>(0, to - from);
            int level = 2; // elsewhere
            if (!breakBetween(m_breaks, from, to))
                level = sentenceBreakIn(m_doc.slice(from, to)) ? 1 : 0;
            const bool better = !best || level < bestLevel
                || (level == bestLevel && (distance < bestDistance || (distance == bestDistance && after && !bestAfter)));
            if (better) {
                best = m;
                bestLevel = level;
                bestDistance = distance;
                bestAfter = after;
            }
        }
        if (nearest)
            *nearest = best;
        return best && bestLevel < 2 ? best : nullptr;
    }

    // Whether quote @p b continues quote @p a in the next paragraph: only
    // line breaks, spaces and quotation marks lie between them.
    bool runsOn(const Annotation &a, const Annotation &b) const
    {
        if (b.start < a.end || !breakBetween(m_breaks, a.end, b.start))
            return false;
        for (const QChar c : m_doc.slice(a.end, b.start)) {
            if (!c.isSpace() && c != u'"' && c != u'\x201C' && c != u'\x2018' && c != u'\'' && c != u'\x201D' && c != u'\x2019')
                return false;
        }
        return true;
    }

    const Document &m_doc;
    const QHash<QString, QList<const Annotation *>> &m_mentions;
    std::vector<qint64> m_breaks;
    QHash<QString, QList<const Annotation *>> m_quotes; // in position order
};

int typeRank(const QString &type)
{
    if (type == Types::Speaker)
        return 0;
    if (type == Types::Event)
        return 1;
    return 2;
}

} // namespace

QString BratFormat::typeName(const QString &type)
{
    QString out = type;
    for (QChar &c : out) {
        if (c.isSpace())
            c = u'_';
    }
    return out;
}

QList<QPair<qint64, qint64>> BratFormat::fragments(const Document &doc, qint64 start, qint64 end)
{
    QList<QPair<qint64, qint64>> out;
    const QString &text = doc.text();
    const TextOffsets &off = doc.offsets();
    const qsizetype s = off.toUtf16(start);
    const qsizetype e = off.toUtf16(end);
    // Fragments in UTF-16 first, converted at the end.
    QList<QPair<qsizetype, qsizetype>> parts;
    qsizetype from = s;
    for (qsizetype i = s; i < e; ++i) {
        if (isLineBreak(text.at(i).unicode())) {
            parts.append({from, i});
            from = i + 1;
        }
    }
    parts.append({from, e});
    for (qsizetype k = 0; k < parts.size(); ++k) {
        auto [a, b] = parts[k];
        if (k > 0) {
            while (a < b && text.at(a).isSpace())
                ++a;
        }
        if (k + 1 < parts.size()) {
            while (b > a && text.at(b - 1).isSpace())
                --b;
        }
        // The outer edges stay exactly where the span is, so reading the
        // fragments back gives the same span.
        if (a == b && k > 0 && k + 1 < parts.size())
            continue;
        out.append({off.toCodePoint(a), off.toCodePoint(b)});
    }
    return out;
}

ExportResult BratFormat::write(const Document &doc, const AnnotationData &data)
{
    ExportResult result;
    const QList<Annotation> list = data.exported();
    QHash<QString, QString> tIds;
    QHash<QString, QList<const Annotation *>> mentions; // by entity id, in position order
    QString out;
    int t = 0;
    for (const Annotation &a : list) {
        const QString id = QStringLiteral("T%1").arg(++t);
        tIds.insert(a.id, id);
        if (!a.entity.isEmpty())
            mentions[a.entity].append(&a);
        QString offsets;
        QString covered;
        const auto frags = fragments(doc, a.start, a.end);
        for (qsizetype k = 0; k < frags.size(); ++k) {
            if (k) {
                offsets += u';';
                covered += u' ';
            }
            offsets += QString::number(frags[k].first) + u' ' + QString::number(frags[k].second);
            covered += doc.slice(frags[k].first, frags[k].second);
        }
        out += id + u'\t' + typeName(a.type) + u' ' + offsets + u'\t' + covered + u'\n';
    }
    int n = 0;
    for (const Annotation &a : list) {
        const QString code = a.attributes.value(Attr::Code);
        if (a.type == Types::Country && !code.isEmpty())
            out += QStringLiteral("N%1\tReference %2 ISO3166-1:%3\t%4\n").arg(++n).arg(tIds.value(a.id), code, CountryNames::shortName(code));
    }
    // Entities in the guideline's order: speakers, then events, then the
    // rest, each by first mention.
    QList<QString> entityOrder = mentions.keys();
    std::sort(entityOrder.begin(), entityOrder.end(), [&](const QString &x, const QString &y) {
        const Annotation *fx = mentions.value(x).first();
        const Annotation *fy = mentions.value(y).first();
        const int rx = typeRank(fx->type), ry = typeRank(fy->type);
        if (rx != ry)
            return rx < ry;
        return positionLess(*fx, *fy);
    });
    for (const QString &e : std::as_const(entityOrder)) {
        const auto &ms = mentions[e];
        if (ms.size() < 2)
            continue;
        out += QStringLiteral("*\tSame");
        for (const Annotation *m : ms)
            out += u' ' + tIds.value(m->id);
        out += u'\n';
    }
    int r = 0;
    const SaidByChooser chooser(doc, list, mentions);
    for (const Annotation &a : list) {
        if (a.saidBy.isEmpty())
            continue;
        const Annotation *m = chooser.choose(a);
        if (!m) {
            result.warnings.append(QStringLiteral("the quote \"%1\" at %2-%3 is attributed to a speaker with no mention; brat cannot hold that link")
                                       .arg(a.text)
                                       .arg(a.start)
                                       .arg(a.end));
            continue;
        }
        out += QStringLiteral("R%1\tSaidBy Arg1:%2 Arg2:%3\n").arg(++r).arg(tIds.value(a.id), tIds.value(m->id));
    }
    int attr = 0;
    int note = 0;
    QString notes;
    auto attribute = [&](const QString &name, const QString &target, const QString &value) {
        out += QStringLiteral("A%1\t%2 %3").arg(++attr).arg(encode(name), target);
        if (!value.isEmpty())
            out += u' ' + encode(value);
        out += u'\n';
    };
    for (const Annotation &a : list) {
        const QString id = tIds.value(a.id);
        if (a.origin != Origin::Manual)
            attribute(OriginName, id, toString(a.origin));
        if (a.status != Status::Accepted)
            attribute(StatusName, id, toString(a.status));
        for (auto it = a.attributes.cbegin(); it != a.attributes.cend(); ++it) {
            if (it.value().isEmpty() || (it.key() == Attr::Code && a.type == Types::Country))
                continue;
            if (it.key() == NoteKey)
                notes += QStringLiteral("#%1\tAnnotatorNotes %2\t%3\n").arg(++note).arg(id, encodeNote(it.value()));
            else
                attribute(it.key(), id, it.value());
        }
    }
    const EntityIndex entities(data.entities);
    for (const QString &e : std::as_const(entityOrder)) {
        const Entity *entity = entities.find(e);
        if (!entity)
            continue;
        const auto &ms = mentions[e];
        const QString id = tIds.value(ms.first()->id);
        if (!entity->name.isEmpty() && entity->name != longestMention(ms))
            attribute(EntityNameKey, id, entity->name);
        for (auto it = entity->attributes.cbegin(); it != entity->attributes.cend(); ++it) {
            if (!it.value().isEmpty())
                attribute(isEntityKey(it.key()) ? it.key() : EntityPrefix + it.key(), id, it.value());
        }
    }
    out += notes;
    for (const Entity &e : data.entities) {
        if (!mentions.contains(e.id))
            result.warnings.append(QStringLiteral("the %1 \"%2\" has no mention; brat cannot hold it").arg(e.type.toLower(), e.name));
    }
    result.bytes = out.toUtf8();
    return result;
}

ImportResult BratFormat::read(const QByteArray &bytes, const Document *doc)
{
    ImportResult result;
    QByteArray raw = bytes;
    if (raw.startsWith("\xEF\xBB\xBF"))
        raw.remove(0, 3);
    if (firstInvalidUtf8(raw) >= 0) {
        const qsizetype bad = firstInvalidUtf8(raw);
        result.error = QStringLiteral("not UTF-8 (invalid byte at line %1)").arg(QByteArrayView(raw.constData(), bad).count('\n') + 1);
        return result;
    }
    const QString content = QString::fromUtf8(raw);
    const QStringList lines = content.split(u'\n');
    auto issue = [&](qint64 line, const QString &why, bool skipped = true) { result.issues.append({line, why, skipped}); };

    struct Mention {
        Annotation a;
        qint64 line;
    };
    std::vector<Mention> mentions;
    QHash<QString, qsizetype> byId;
    struct Later {
        qint64 line;
        QString text;
    };
    QList<Later> later;

    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        const qint64 lineNo = i + 1;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (!line.startsWith(u'T')) {
            later.append({lineNo, line});
            continue;
        }
        const qsizetype tab1 = line.indexOf(u'\t');
        if (tab1 < 0) {
            issue(lineNo, QStringLiteral("a T line needs tab-separated fields"));
            continue;
        }
        const QString id = line.left(tab1);
        const qsizetype tab2 = line.indexOf(u'\t', tab1 + 1);
        const QString middle = line.mid(tab1 + 1, tab2 < 0 ? -1 : tab2 - tab1 - 1);
        const QString given = tab2 < 0 ? QString() : line.mid(tab2 + 1);
        const qsizetype space = middle.indexOf(u' ');
        if (space <= 0) {
            issue(lineNo, QStringLiteral("%1 has no type and offsets").arg(id));
            continue;
        }
        if (byId.contains(id)) {
            issue(lineNo, QStringLiteral("the id %1 is used twice").arg(id));
            continue;
        }
        Annotation a;
        a.id = id;
        a.type = middle.left(space);
        QList<QPair<qint64, qint64>> frags;
        bool good = true;
        for (const QString &part : middle.mid(space + 1).split(u';')) {
            const QStringList nums = part.trimmed().split(u' ', Qt::SkipEmptyParts);
            bool ok1 = false, ok2 = false;
            const qint64 s = nums.size() == 2 ? nums[0].toLongLong(&ok1) : 0;
            const qint64 e = nums.size() == 2 ? nums[1].toLongLong(&ok2) : 0;
            if (!ok1 || !ok2 || s < 0 || e < s) {
                issue(lineNo, QStringLiteral("%1 has the malformed offsets \"%2\"").arg(id, part));
                good = false;
                break;
            }
            frags.append({s, e});
        }
        if (!good)
            continue;
        std::sort(frags.begin(), frags.end());
        a.start = frags.first().first;
        a.end = frags.last().second;
        if (doc) {
            QString why;
            QString covered;
            for (qsizetype k = 0; k < frags.size() && why.isEmpty(); ++k) {
                why = checkSpan(*doc, frags[k].first, frags[k].second, QString());
                covered += (k ? QStringLiteral(" ") : QString()) + doc->slice(frags[k].first, frags[k].second);
            }
            if (why.isEmpty() && tab2 >= 0 && covered != given)
                why = QStringLiteral("the text \"%1\" does not match the article text \"%2\" at %3").arg(given, covered, middle.mid(space + 1));
            if (!why.isEmpty()) {
                issue(lineNo, QStringLiteral("%1: %2").arg(id, why));
                continue;
            }
            a.text = doc->slice(a.start, a.end);
            for (qsizetype k = 1; k < frags.size(); ++k) {
                if (!doc->slice(frags[k - 1].second, frags[k].first).trimmed().isEmpty()) {
                    issue(lineNo, QStringLiteral("%1: the fragments leave out text between them; imported as one span %2-%3").arg(id).arg(a.start).arg(a.end), false);
                    break;
                }
            }
        } else {
            a.text = frags.size() == 1 ? given : given; // no article: the best there is
        }
        byId.insert(id, qsizetype(mentions.size()));
        mentions.push_back({a, lineNo});
    }

    // Union-find over Same groups.
    std::vector<qsizetype> parent(mentions.size());
    for (size_t k = 0; k < parent.size(); ++k)
        parent[k] = qsizetype(k);
    auto find = [&](qsizetype x) {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    };
    std::vector<bool> grouped(mentions.size(), false);
    struct Link {
        qsizetype quote;
        qsizetype speaker;
        qint64 line;
    };
    QList<Link> links;
    struct Attribute {
        qsizetype target;
        QString name;
        QString value;
        qint64 line;
    };
    QList<Attribute> attributes;

    auto target = [&](const QString &ref, qint64 lineNo, const QString &what) -> qsizetype {
        auto it = byId.constFind(ref);
        if (it == byId.cend()) {
            issue(lineNo, QStringLiteral("%1 refers to %2, which is not an imported mention").arg(what, ref));
            return -1;
        }
        return it.value();
    };

    for (const Later &l : std::as_const(later)) {
        const QStringList fields = l.text.split(u'\t');
        const QString id = fields.value(0);
        const QStringList args = fields.value(1).split(u' ', Qt::SkipEmptyParts);
        const QChar kind = id.isEmpty() ? QChar() : id.at(0);
        if (kind == u'N') {
            if (args.size() < 3 || args[0] != Reference) {
                issue(l.line, QStringLiteral("%1 is not a \"Reference T<i> ISO3166-1:<code>\" line").arg(id));
                continue;
            }
            const qsizetype m = target(args[1], l.line, id);
            if (m < 0)
                continue;
            const qsizetype colon = args[2].indexOf(u':');
            const QString db = args[2].left(colon);
            const QString code = args[2].mid(colon + 1).toUpper();
            if (colon < 0 || !db.startsWith(QLatin1String("ISO3166"), Qt::CaseInsensitive) || code.size() != 2) {
                issue(l.line, QStringLiteral("%1 refers to \"%2\", not an ISO 3166-1 alpha-2 code").arg(id, args[2]));
                continue;
            }
            mentions[size_t(m)].a.attributes.insert(Attr::Code, code);
        } else if (kind == u'*') {
            qsizetype first = -1;
            for (qsizetype k = 1; k < args.size(); ++k) {
                const qsizetype m = target(args[k], l.line, QStringLiteral("the Same line"));
                if (m < 0)
                    continue;
                grouped[size_t(m)] = true;
                if (first < 0)
                    first = m;
                else
                    parent[size_t(find(m))] = find(first);
            }
        } else if (kind == u'R') {
            if (args.size() != 3 || !args[1].startsWith(QLatin1String("Arg1:")) || !args[2].startsWith(QLatin1String("Arg2:"))) {
                issue(l.line, QStringLiteral("%1 is not a \"<type> Arg1:T<i> Arg2:T<j>\" relation").arg(id));
                continue;
            }
            if (args[0] != SaidBy) {
                issue(l.line, QStringLiteral("%1: the relation type %2 is not one the program knows (only SaidBy)").arg(id, args[0]));
                continue;
            }
            const qsizetype q = target(args[1].mid(5), l.line, id);
            const qsizetype s = target(args[2].mid(5), l.line, id);
            if (q >= 0 && s >= 0)
                links.append({q, s, l.line});
        } else if (kind == u'A' || kind == u'M') {
            if (args.size() < 2 || args.size() > 3) {
                issue(l.line, QStringLiteral("%1 is not a \"<name> T<i> [<value>]\" attribute").arg(id));
                continue;
            }
            const qsizetype m = target(args[1], l.line, id);
            if (m >= 0)
                attributes.append({m, decode(args[0]), args.size() == 3 ? decode(args[2]) : QStringLiteral("true"), l.line});
        } else if (kind == u'#') {
            if (args.size() != 2 || args[0] != AnnotatorNotes) {
                issue(l.line, QStringLiteral("%1 is not an AnnotatorNotes line").arg(id));
                continue;
            }
            const qsizetype m = target(args[1], l.line, id);
            if (m >= 0)
                mentions[size_t(m)].a.attributes.insert(NoteKey, decode(fields.mid(2).join(u'\t')));
        } else if (kind == u'E') {
            issue(l.line, QStringLiteral("%1 is a brat event; events are Event mentions (T lines) here").arg(id));
        } else {
            issue(l.line, QStringLiteral("\"%1\" is not a brat annotation line").arg(l.text.left(40)));
        }
    }

    // Entities: one per Same group, one per lone Speaker or Event mention and
    // per speaker mention a SaidBy points to.
    QSet<qsizetype> needEntity;
    for (const Link &l : std::as_const(links))
        needEntity.insert(l.speaker);
    std::map<qsizetype, QList<qsizetype>> groups; // root -> members in file order
    for (size_t k = 0; k < mentions.size(); ++k) {
        const Annotation &a = mentions[k].a;
        if (grouped[k] || a.type == Types::Speaker || a.type == Types::Event || needEntity.contains(qsizetype(k)))
            groups[find(qsizetype(k))].append(qsizetype(k));
    }
    struct Group {
        QList<qsizetype> members;
        qsizetype first;
    };
    std::vector<Group> ordered;
    for (auto &[root, members] : groups) {
        std::sort(members.begin(), members.end(), [&](qsizetype x, qsizetype y) { return positionLess(mentions[size_t(x)].a, mentions[size_t(y)].a); });
        ordered.push_back({members, members.first()});
    }
    std::sort(ordered.begin(), ordered.end(), [&](const Group &x, const Group &y) { return positionLess(mentions[size_t(x.first)].a, mentions[size_t(y.first)].a); });
    int e = 0;
    for (const Group &g : ordered) {
        Entity entity;
        entity.id = QStringLiteral("E%1").arg(++e);
        QList<const Annotation *> ms;
        for (qsizetype m : g.members) {
            mentions[size_t(m)].a.entity = entity.id;
            ms.append(&mentions[size_t(m)].a);
        }
        entity.type = ms.first()->type;
        for (const Annotation *m : ms) {
            if (m->type == Types::Speaker || m->type == Types::Event) {
                entity.type = m->type;
                break;
            }
        }
        entity.name = longestMention(ms);
        result.data.entities.append(entity);
    }
    QHash<QString, qsizetype> entityIndex;
    for (qsizetype k = 0; k < result.data.entities.size(); ++k)
        entityIndex.insert(result.data.entities[k].id, k);
    for (const Link &l : std::as_const(links)) {
        Annotation &q = mentions[size_t(l.quote)].a;
        q.saidBy = mentions[size_t(l.speaker)].a.entity;
    }
    for (const Attribute &at : std::as_const(attributes)) {
        Annotation &a = mentions[size_t(at.target)].a;
        if (at.name == OriginName || at.name == StatusName) {
            bool ok = false;
            if (at.name == OriginName)
                a.origin = originFromString(at.value, &ok);
            else
                a.status = statusFromString(at.value, &ok);
            if (!ok)
                issue(at.line, QStringLiteral("\"%1\" is not a valid %2").arg(at.value, at.name.toLower()));
        } else if (isEntityKey(at.name) || at.name.startsWith(EntityPrefix)) {
            if (a.entity.isEmpty()) {
                issue(at.line, QStringLiteral("the entity attribute %1 is on a mention without entity").arg(at.name));
                continue;
            }
            Entity &entity = result.data.entities[entityIndex.value(a.entity)];
            if (at.name == EntityNameKey)
                entity.name = at.value;
            else
                entity.attributes.insert(at.name.startsWith(EntityPrefix) ? at.name.mid(EntityPrefix.size()) : at.name, at.value);
        } else {
            a.attributes.insert(at.name, at.value);
        }
    }

    QSet<QString> known{Types::Speaker, Types::Country, Types::Event, Types::Quote};
    result.data.annotations.reserve(qsizetype(mentions.size()));
    for (const Mention &m : mentions) {
        result.data.annotations.append(m.a);
        if (!known.contains(m.a.type)) {
            known.insert(m.a.type);
            result.data.types.append(AnnotationType{m.a.type, QString(), QString(), {}});
        }
    }
    std::sort(result.data.annotations.begin(), result.data.annotations.end(), positionLess);
    return result;
}

QByteArray BratFormat::annotationConf(const AnnotationData &data)
{
    QString out = QStringLiteral("# Article Annotator export: types of the guideline and the user's own.\n[entities]\nSpeaker\nCountry\nEvent\nQuote\n");
    for (const AnnotationType &t : data.types)
        out += typeName(t.name) + u'\n';
    out += QStringLiteral("\n[relations]\nSaidBy\tArg1:Quote, Arg2:Speaker\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                          "Same\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"
                          "\n[events]\n\n[attributes]\n"
                          "Origin\tArg:<ENTITY>, Value:automatic|manual\n"
                          "Status\tArg:<ENTITY>, Value:suggested|accepted|rejected\n"
                          "kind\tArg:Speaker, Value:person|organisation|unnamed\n");
    // Free-text attributes: brat lists the values it may show.
    QMap<QString, QSet<QString>> values;
    for (const Annotation &a : data.annotations) {
        for (auto it = a.attributes.cbegin(); it != a.attributes.cend(); ++it) {
            if (it.key() != Attr::Code && it.key() != NoteKey)
                values[encode(it.key())].insert(encode(it.value()));
        }
    }
    for (const Entity &e : data.entities) {
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it) {
            if (it.key() != Attr::Kind)
                values[isEntityKey(it.key()) ? it.key() : EntityPrefix + encode(it.key())].insert(encode(it.value()));
        }
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QStringList v = it.value().values();
        v.sort();
        out += it.key() + QStringLiteral("\tArg:<ENTITY>, Value:") + v.join(u'|') + u'\n';
    }
    return out.toUtf8();
}

QByteArray BratFormat::visualConf(const AnnotationData &data)
{
    QString out = QStringLiteral("[labels]\nSpeaker | Speaker | Spk\nCountry | Country | Cty\nEvent | Event | Evt\nQuote | Quote | Q\n\n[drawing]\n"
                                 "Speaker\tbgColor:#8fb2ff\nCountry\tbgColor:#7fe2a6\nEvent\tbgColor:#ffb66e\nQuote\tbgColor:#fff08a\n"
                                 "SaidBy\tcolor:#3a5fcd, arrowHead:triangle-5\nSame\tcolor:#888888, dashArray:3-3, arrowHead:none\n");
    for (const AnnotationType &t : data.types) {
        if (!t.color.isEmpty())
            out += typeName(t.name) + QStringLiteral("\tbgColor:") + t.color + u'\n';
    }
    return out.toUtf8();
}

} // namespace annotator
