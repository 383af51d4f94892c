#include "sidecardata.h"

#include "annotationidset.h"
#include "jsonwriter.h"
#include "model/annotationset.h"
#include "model/document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

namespace annotator {

using json::appendString;

namespace {

/// True the first time a field (its bit) is seen in an object: a repeated
/// field goes to the general reader, which keeps the last as QJsonObject does.
bool firstTime(unsigned &seen, unsigned bit)
{
    const bool first = !(seen & bit);
    seen |= bit;
    return first;
}

constexpr qint64 ContextLength = 24;
/// Largest offset a sidecar may hold: every integer up to it is exact in a
/// JSON number (a double).
constexpr double MaxOffset = 9007199254740992.0; // 2^53

void appendMap(QByteArray &out, const QMap<QString, QString> &map)
{
    out += '{';
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out += ", ";
        first = false;
        appendString(out, it.key());
        out += ": ";
        appendString(out, it.value());
    }
    out += '}';
}

void appendAnnotation(QByteArray &out, const Annotation &a, const AnchorContext *ctx)
{
    out += "{\"id\": ";
    appendString(out, a.id);
    out += ", \"type\": ";
    appendString(out, a.type);
    out += ", \"start\": " + QByteArray::number(a.start) + ", \"end\": " + QByteArray::number(a.end) + ", \"text\": ";
    appendString(out, a.text);
    if (!a.entity.isEmpty()) {
        out += ", \"entity\": ";
        appendString(out, a.entity);
    }
    if (!a.saidBy.isEmpty()) {
        out += ", \"saidBy\": ";
        appendString(out, a.saidBy);
    }
    if (!a.attributes.isEmpty()) {
        out += ", \"attributes\": ";
        appendMap(out, a.attributes);
    }
    out += ", \"origin\": \"" + toString(a.origin).toLatin1() + "\", \"status\": \"" + toString(a.status).toLatin1() + '"';
    if (ctx) {
        out += ", \"before\": ";
        appendString(out, ctx->before);
        out += ", \"after\": ";
        appendString(out, ctx->after);
    }
    out += '}';
}

/// Appends `, "key": value` for each field of @p fields.
void appendUnknown(QByteArray &out, const QJsonObject &fields, const char *before, const char *after)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        out += before;
        appendString(out, it.key());
        out += ": ";
        json::appendValue(out, it.value());
        out += after;
    }
}

/// The fields of @p o not named in @p known.
QJsonObject unknownOf(const QJsonObject &o, std::initializer_list<const char *> known)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::none_of(known.begin(), known.end(), [&](const char *k) { return it.key() == QLatin1String(k); }))
            out.insert(it.key(), it.value());
    }
    return out;
}

QMap<QString, QString> mapFrom(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

bool readAnnotation(const QJsonObject &o, Annotation &a, AnchorContext &ctx, QString *why)
{
    a.id = o.value(QLatin1String("id")).toString();
    a.type = o.value(QLatin1String("type")).toString();
    const QJsonValue start = o.value(QLatin1String("start"));
    const QJsonValue end = o.value(QLatin1String("end"));
    if (a.id.isEmpty() || a.type.isEmpty() || !start.isDouble() || !end.isDouble()) {
        *why = QStringLiteral("an annotation lacks its id, type, start or end");
        return false;
    }
    // Checked as doubles first: converting a value past the range of qint64
    // (1e300 in a damaged file) is undefined behaviour.
    const double s = start.toDouble();
    const double e = end.toDouble();
    if (!(s >= 0 && s <= MaxOffset && e >= s && e <= MaxOffset)) {
        *why = QStringLiteral("annotation %1 has the impossible span %2-%3").arg(a.id).arg(s).arg(e);
        return false;
    }
    a.start = qint64(s);
    a.end = qint64(e);
    a.text = o.value(QLatin1String("text")).toString();
    a.entity = o.value(QLatin1String("entity")).toString();
    a.saidBy = o.value(QLatin1String("saidBy")).toString();
    a.attributes = mapFrom(o.value(QLatin1String("attributes")));
    a.origin = originFromString(o.value(QLatin1String("origin")).toString(QStringLiteral("manual")));
    a.status = statusFromString(o.value(QLatin1String("status")).toString(QStringLiteral("accepted")));
    ctx.before = o.value(QLatin1String("before")).toString();
    ctx.after = o.value(QLatin1String("after")).toString();
    return true;
}

/// One pass over a sidecar as this program writes it, straight into
/// SidecarData. It accepts only what it is sure QJsonDocument reads the same
/// way (plain integers, the escapes of the JSON grammar, valid UTF-8, no
/// repeated field, values of the expected JSON type) and every check of
/// parseGeneral() that passes; anything else makes read() return false and
/// the caller falls back to parseGeneral(), which then gives the message.
///
/// It reads either bytes in memory or a device in pieces. From a device it
/// holds only what it has not read yet of the piece at hand: before each
/// top-level field and each element of the top-level lists it makes sure
/// the buffer holds that value whole (a quick scan of its brackets and
/// strings), so the parsing itself never meets the end of a piece.
class FastReader
{
public:
    /// @p textSha256: see SidecarJson::parseFor() (empty: keep contexts).
    explicit FastReader(const QByteArray &bytes, const QByteArray &textSha256 = QByteArray())
        : m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_textSha256(textSha256)
    {
    }

    /// Reads @p device from where it is, @p pieceSize bytes at a time (more
    /// only for a value longer than that).
    FastReader(QIODevice &device, qsizetype pieceSize, const QByteArray &textSha256)
        : m_p(nullptr)
        , m_end(nullptr)
        , m_textSha256(textSha256)
        , m_device(&device)
        , m_pieceSize(std::max<qsizetype>(pieceSize, 1))
    {
    }

    /// With @p batches, the annotations (not the orphans) of a file saved
    /// for the text whose SHA-256 is the one given go there, a batch of
    /// BatchLength to a list, instead of into SidecarData::annotations, when
    /// the file names its text before its annotations (as this program
    /// writes it).
    void setBatches(QList<QList<Annotation>> *batches) { m_batches = batches; }

    bool read(SidecarData &d)
    {
        QString format;
        qint64 version = -1;
        unsigned seen = 0;
        if (m_device) {
            // The number of lines is not known before the end: no room made
            // ahead (a large file's annotations go into batches, a list of
            // all of them grows as it must); ids up to a number about the
            // file's size over 128 fit the bitmap.
            m_ids = AnnotationIdSet(m_device->isSequential() ? 0 : qsizetype(m_device->size() / 128));
            readMore();
        } else {
            // This program writes one annotation a line: room for them all at
            // once instead of growing the lists step by step.
            const qsizetype lines = std::count(m_p, m_end, '\n');
            d.annotations.reserve(lines);
            m_lines = lines;
            m_ids = AnnotationIdSet(lines);
            if (m_textSha256.isEmpty()) // else article() knows whether they are kept
                d.contexts.reserve(lines);
        }
        const bool ok = object([&](QByteArrayView key) {
            auto once = [&](unsigned bit) { return firstTime(seen, bit); };
            if (key == "format")
                return once(1) && string(format);
            if (key == "version")
                return once(2) && integer(version);
            if (key == "article")
                return once(4) && article(d);
            if (key == "types")
                return once(8) && array([&] { return type(d); }, true);
            if (key == "entities")
                return once(16) && array([&] { return entity(d); }, true);
            if (key == "annotations") {
                // In batches when no list is needed: the text is the one
                // saved for, so none is placed again.
                QList<QList<Annotation>> *batches = m_skipContexts ? m_batches : nullptr;
                return once(32) && array([&] { return annotation(d.annotations, d.contexts, batches); }, true);
            }
            if (key == "orphans")
                return once(64) && array([&] { return annotation(d.orphans, d.orphanContexts, nullptr); }, true);
            if (key == "recovery")
                return once(128) && recovery(d);
            return false; // a field of a newer version: parseGeneral() keeps it
        }, true);
        // Only spaces may follow: all of what is left is read.
        while (ok && m_device && !m_atEnd)
            readMore();
        if (!ok || space() || format != QLatin1String("article-annotator") || version < 1 || version > SidecarData::CurrentVersion)
            return false;
        d.version = int(version);
        // The checks of parseGeneral(), in its order; a failing one is left
        // to it for the message.
        QSet<QString> entityIds;
        entityIds.reserve(d.entities.size());
        for (const AnnotationType &t : std::as_const(d.types)) {
            if (t.name.isEmpty())
                return false;
        }
        for (const Entity &e : std::as_const(d.entities)) {
            if (e.id.isEmpty() || entityIds.contains(e.id))
                return false;
            entityIds.insert(e.id);
        }
        if (!m_linked)
            return true;
        auto finish = [&](QList<Annotation> &list) {
            for (Annotation &a : list) {
                if (!a.entity.isEmpty() && !entityIds.contains(a.entity)) {
                    d.warnings.append(QStringLiteral("annotation %1 linked to the missing entity %2; the link was removed").arg(a.id, a.entity));
                    a.entity.clear();
                }
                if (!a.saidBy.isEmpty() && !entityIds.contains(a.saidBy)) {
                    d.warnings.append(QStringLiteral("quote %1 attributed to the missing speaker %2; the attribution was removed").arg(a.id, a.saidBy));
                    a.saidBy.clear();
                }
            }
            return true;
        };
        finish(d.annotations);
        if (m_batches) {
            for (QList<Annotation> &batch : *m_batches)
                finish(batch);
        }
        finish(d.orphans);
        return true;
    }

private:
    /// Skips whitespace as QJsonDocument does; true when input is left.
    bool space()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
        return m_p < m_end;
    }

    bool token(char c)
    {
        if (!space() || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    /// A JSON object; @p member reads the value of each key (plain ASCII
    /// keys without escapes only).
    template<typename Member>
    bool object(Member member, bool topLevel = false)
    {
        if (topLevel)
            holdValue(Next);
        if (!token('{'))
            return false;
        if (topLevel)
            holdValue(Field);
        if (space() && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (topLevel)
                holdValue(Field);
            if (!token('"'))
                return false;
            const char *k = m_p;
            while (m_p < m_end && *m_p != '"') {
                if (*m_p == '\\' || uchar(*m_p) >= 0x80)
                    return false;
                ++m_p;
            }
            if (m_p == m_end)
                return false;
            const QByteArrayView key(k, m_p - k);
            ++m_p;
            if (!token(':') || !space() || !member(key) || !space())
                return false;
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    /// A JSON array; @p topLevel: one of the file's lists, whose elements
    /// are read in pieces from a device.
    template<typename Element>
    bool array(Element element, bool topLevel = false)
    {
        if (!token('['))
            return false;
        if (topLevel)
            holdValue(Value);
        if (space() && *m_p == ']') {
            ++m_p;
            if (topLevel)
                holdValue(Next);
            return true;
        }
        for (;;) {
            if (topLevel)
                holdValue(Value);
            if (!element() || !space())
                return false;
            if (*m_p == ']') {
                ++m_p;
                if (topLevel)
                    holdValue(Next);
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    /// Appends the UTF-8 run [from, to) to @p out; false if it is not valid
    /// UTF-8 (QJsonDocument refuses those).
    static bool appendUtf8(QString &out, const char *from, const char *to, bool ascii)
    {
        if (ascii) {
            out.append(QLatin1StringView(from, to - from));
            return true;
        }
        const QByteArrayView run(from, to - from);
        if (!run.isValidUtf8())
            return false;
        out.append(QString::fromUtf8(run));
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool string(QString &out)
    {
        if (!token('"'))
            return false;
        // Most strings have no escape: one allocation of the right size.
        const char *run = m_p;
        unsigned char high = 0;
        bool control = false;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
            control = control || uchar(*m_p) < 0x20;
            high |= uchar(*m_p++);
        }
        // A raw control character is not JSON: the general reader decides
        // what such a file means (a fuzz finding: the two readers differed).
        if (control)
            return false;
        if (m_p < m_end && *m_p == '"') {
            const QByteArrayView plain(run, m_p - run);
            if (high < 0x80)
                out = QString::fromLatin1(plain);
            else if (plain.isValidUtf8())
                out = QString::fromUtf8(plain);
            else
                return false;
            ++m_p;
            return true;
        }
        out.clear();
        bool ascii = high < 0x80;
        for (;;) {
            if (m_p == m_end)
                return false;
            const char c = *m_p;
            if (c == '"') {
                if (!appendUtf8(out, run, m_p, ascii))
                    return false;
                ++m_p;
                return true;
            }
            if (c != '\\') {
                if (uchar(c) < 0x20)
                    return false;
                ascii = ascii && uchar(c) < 0x80;
                ++m_p;
                continue;
            }
            if (!appendUtf8(out, run, m_p, ascii) || m_end - m_p < 2)
                return false;
            ascii = true;
            const char e = m_p[1];
            m_p += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out.append(QChar(char16_t(e)));
                break;
            case 'b':
                out.append(QChar(u'\b'));
                break;
            case 'f':
                out.append(QChar(u'\f'));
                break;
            case 'n':
                out.append(QChar(u'\n'));
                break;
            case 'r':
                out.append(QChar(u'\r'));
                break;
            case 't':
                out.append(QChar(u'\t'));
                break;
            case 'u': {
                if (m_end - m_p < 4)
                    return false;
                char16_t u = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexDigit(m_p[i]);
                    if (h < 0)
                        return false;
                    u = char16_t(u << 4 | h);
                }
                m_p += 4;
                // One UTF-16 unit per escape, lone surrogates included, as
                // QJsonDocument keeps them.
                out.append(QChar(u));
                break;
            }
            default:
                return false;
            }
            run = m_p;
        }
    }

    /// A non-negative integer of at most 15 digits: exact as a double, and
    /// read as the same number by QJsonDocument.
    bool integer(qint64 &out)
    {
        if (!space() || *m_p < '0' || *m_p > '9')
            return false;
        const char *from = m_p;
        qint64 n = 0;
        // Digits past the 15th are counted but not added: a longer number is
        // refused below, and adding them could overflow.
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            if (m_p - from < 15)
                n = n * 10 + (*m_p - '0');
            ++m_p;
        }
        const qsizetype digits = m_p - from;
        if (digits > 15 || (digits > 1 && *from == '0') || m_p == m_end || *m_p == '.' || *m_p == 'e' || *m_p == 'E')
            return false;
        out = n;
        return true;
    }

    bool literal(const char *word)
    {
        const qsizetype n = qstrlen(word);
        if (m_end - m_p < n || QByteArrayView(m_p, n) != QByteArrayView(word, n))
            return false;
        m_p += n;
        return true;
    }

    /// Any value of a field this program does not know.
    bool skipValue(int depth)
    {
        if (depth > 32 || !space())
            return false;
        switch (*m_p) {
        case '"': {
            QString ignored;
            return string(ignored);
        }
        case '{':
            return object([&](QByteArrayView) { return skipValue(depth + 1); });
        case '[':
            return array([&] { return skipValue(depth + 1); });
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        case '-':
            // The digits follow the sign at once: "- 40" is no number.
            ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                return false;
            [[fallthrough]];
        default: {
            qint64 ignored;
            return integer(ignored);
        }
        }
    }

    bool attributes(QMap<QString, QString> &map)
    {
        // Keys may be any text here, so they are read as strings.
        if (!token('{'))
            return false;
        if (space() && *m_p == '}') {
            ++m_p;
            return true;
        }
        QString key;
        QString value;
        for (;;) {
            if (!string(key) || !token(':') || !string(value) || !space())
                return false;
            share(key, m_lastAttributeKey);
            share(value, m_lastAttribute);
            intern(key, m_strings);
            if (value.size() <= 64)
                intern(value, m_strings);
            map.insert(key, value); // a repeated key keeps its last value, as in QJsonObject
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    bool article(SidecarData &d)
    {
        unsigned seen = 0;
        QString sha;
        qint64 length = 0;
        if (!object([&](QByteArrayView key) {
                auto once = [&](unsigned bit) { return firstTime(seen, bit); };
                if (key == "name")
                    return once(1) && string(d.articleName);
                if (key == "sha256")
                    return once(2) && string(sha);
                if (key == "length")
                    return once(4) && integer(length);
                return skipValue(1);
            }))
            return false;
        d.sha256 = sha.toLatin1();
        d.length = length;
        m_skipContexts = !m_textSha256.isEmpty() && d.sha256 == m_textSha256;
        if (!m_skipContexts && d.contexts.isEmpty())
            d.contexts.reserve(m_lines);
        return true;
    }

    /// As parseGeneral(): a hex digest or "none", anything else ignored.
    bool recovery(SidecarData &d)
    {
        QString sha;
        unsigned seen = 0;
        if (!object([&](QByteArrayView key) {
                if (key == "sidecarSha256") {
                    const bool first = !(seen & 1);
                    seen |= 1;
                    return first && string(sha);
                }
                return skipValue(1);
            }))
            return false;
        const QByteArray based = sha.toLatin1();
        if (based == "none" || (based.size() == 64 && std::all_of(based.cbegin(), based.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })))
            d.basedOnSidecar = based;
        return true;
    }

    bool type(SidecarData &d)
    {
        AnnotationType t;
        unsigned seen = 0;
        if (!object([&](QByteArrayView key) {
                auto once = [&](unsigned bit) { return firstTime(seen, bit); };
                if (key == "name")
                    return once(1) && string(t.name);
                if (key == "color")
                    return once(2) && string(t.color);
                if (key == "key")
                    return once(4) && string(t.key);
                return false; // kept by parseGeneral()
            }))
            return false;
        d.types.append(t);
        return true;
    }

    bool entity(SidecarData &d)
    {
        Entity e;
        unsigned seen = 0;
        if (!object([&](QByteArrayView key) {
                auto once = [&](unsigned bit) { return firstTime(seen, bit); };
                if (key == "id")
                    return once(1) && string(e.id);
                if (key == "type")
                    return once(2) && string(e.type);
                if (key == "name")
                    return once(4) && string(e.name);
                if (key == "attributes")
                    return once(8) && attributes(e.attributes);
                return skipValue(2);
            }))
            return false;
        intern(e.type, m_strings);
        m_entityIds.insert(e.id);
        d.entities.append(std::move(e));
        return true;
    }

    /// Makes @p value share the string of an equal one read before, so a
    /// type, a country name or an entity id said 10,000 times is held once.
    static void intern(QString &value, QSet<QString> &seen)
    {
        if (value.isEmpty())
            return;
        const auto it = seen.constFind(value);
        if (it == seen.cend())
            seen.insert(value);
        else
            value = *it;
    }

    /// The same for a whole attribute map (a country's code, a speaker's role):
    /// equal maps share one.
    void intern(QMap<QString, QString> &map)
    {
        if (map.isEmpty())
            return;
        QString key;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            key += it.key() + QChar(0x1f) + it.value() + QChar(0x1e);
        const auto found = m_maps.constFind(key);
        if (found == m_maps.cend())
            m_maps.insert(key, map);
        else
            map = found.value();
    }

    /// Reuses the previous string when the same text comes again (types,
    /// attribute values), so 100,000 "Country" share one.
    static void share(QString &value, QString &previous)
    {
        if (value == previous)
            value = previous;
        else
            previous = value;
    }

    /// Reads an annotation into @p list, or into the last of @p batches when
    /// given.
    bool annotation(QList<Annotation> &list, QList<AnchorContext> &contexts, QList<QList<Annotation>> *batches)
    {
        Annotation a;
        AnchorContext ctx;
        qint64 start = -1;
        qint64 end = -1;
        QString origin = QStringLiteral("manual");
        QString status = QStringLiteral("accepted");
        unsigned seen = 0;
        if (!object([&](QByteArrayView key) {
                auto once = [&](unsigned bit) { return firstTime(seen, bit); };
                switch (key.size() ? key.front() : 0) {
                case 'i':
                    if (key == "id")
                        return once(1) && string(a.id);
                    break;
                case 't':
                    if (key == "type")
                        return once(2) && string(a.type);
                    if (key == "text")
                        return once(4) && string(a.text);
                    break;
                case 's':
                    if (key == "start")
                        return once(8) && integer(start);
                    if (key == "status")
                        return once(16) && string(status);
                    if (key == "saidBy")
                        return once(32) && string(a.saidBy);
                    break;
                case 'e':
                    if (key == "end")
                        return once(64) && integer(end);
                    if (key == "entity")
                        return once(128) && string(a.entity);
                    break;
                case 'a':
                    if (key == "attributes")
                        return once(256) && attributes(a.attributes);
                    if (key == "after")
                        return once(512) && string(ctx.after);
                    break;
                case 'o':
                    if (key == "origin")
                        return once(1024) && string(origin);
                    break;
                case 'b':
                    if (key == "before")
                        return once(2048) && string(ctx.before);
                    break;
                }
                return skipValue(2);
            }))
            return false;
        // Missing or impossible fields are refused by parseGeneral().
        if (a.id.isEmpty() || a.type.isEmpty() || start < 0 || end < start)
            return false;
        a.start = start;
        a.end = end;
        if (!m_ids.insert(a.id))
            return false; // an id used twice
        if (!m_skipContexts)
            contexts.append(std::move(ctx));
        share(a.type, m_lastType);
        intern(a.type, m_strings);
        // An entity id the entities list has (a dangling one is dropped
        // later) and the mention texts, which repeat: short ones only, as a
        // quote's text is seldom said twice.
        if (!a.entity.isEmpty())
            intern(a.entity, m_entityIds);
        if (!a.saidBy.isEmpty())
            intern(a.saidBy, m_entityIds);
        if (a.text.size() <= 64)
            intern(a.text, m_strings);
        intern(a.attributes);
        m_linked = m_linked || !a.entity.isEmpty() || !a.saidBy.isEmpty();
        a.origin = originFromString(origin);
        a.status = statusFromString(status);
        if (batches) {
            if (batches->isEmpty() || batches->last().size() == BatchLength) {
                batches->append(QList<Annotation>());
                batches->last().reserve(BatchLength);
            }
            batches->last().append(std::move(a));
        } else {
            list.append(std::move(a));
        }
        return true;
    }

    enum Hold {
        Next, ///< the next character after spaces
        Field, ///< a top-level field's name, colon and value (only the '[' of a list)
        Value, ///< a list element
    };

    /// From a device: makes sure the buffer holds what comes next (@p what),
    /// the spaces after it and one more character, reading more as needed;
    /// at the end of the file, what there is. Moves the unread bytes to the
    /// front of the buffer, so no pointer into it may be held across.
    void holdValue(Hold what)
    {
        if (!m_device)
            return;
        while (!m_atEnd && !holds(what))
            readMore();
    }

    /// Whether [m_p, m_end) holds @p what whole (see holdValue()). A quick
    /// scan of strings and brackets: whatever it lets through, the parser
    /// checks; when the brackets do not match, it asks for the rest of the
    /// file, and the parser refuses it.
    bool holds(Hold what) const
    {
        const char *p = m_p;
        auto skipSpace = [&] {
            while (p < m_end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
                ++p;
            return p < m_end;
        };
        // Past a string whose opening quote p is on; false at the end.
        auto skipString = [&] {
            for (++p; p < m_end; ++p) {
                if (*p == '\\') {
                    if (++p == m_end)
                        return false;
                } else if (*p == '"') {
                    ++p;
                    return true;
                }
            }
            return false;
        };
        if (!skipSpace())
            return false;
        if (what == Next)
            return true;
        if (what == Field) {
            if (*p == '"') {
                if (!skipString() || !skipSpace() || *p != ':')
                    return false;
                ++p;
                if (!skipSpace())
                    return false;
                if (*p == '[') // its elements are held one by one
                    return true;
            }
        }
        // A value (or a closing bracket, which is enough as it is).
        int depth = 0;
        do {
            if (p == m_end)
                return false;
            const char c = *p;
            if (c == '"') {
                if (!skipString())
                    return false;
            } else if (c == '{' || c == '[') {
                ++depth;
                ++p;
            } else if (c == '}' || c == ']') {
                if (--depth < 0)
                    return true;
                ++p;
            } else if (depth == 0) {
                // A number or a word, up to what ends it.
                while (p < m_end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
                    ++p;
                if (p == m_end)
                    return false;
            } else {
                ++p;
            }
        } while (depth > 0);
        return skipSpace();
    }

    /// Drops what was read from the buffer and adds the next piece of the
    /// device (at least as much as the buffer holds, so a long value is
    /// scanned a few times, not once per piece).
    void readMore()
    {
        const qsizetype done = m_p ? m_p - m_buffer.constData() : 0;
        m_buffer.remove(0, done);
        const qsizetype kept = m_buffer.size();
        const qsizetype want = std::max(m_pieceSize, kept);
        m_buffer.resize(kept + want);
        const qint64 got = m_device->read(m_buffer.data() + kept, want);
        // A read error ends the input: the parse fails and the caller reads
        // the file again for parseGeneral(), which reports it.
        m_buffer.resize(kept + std::max<qint64>(got, 0));
        if (got <= 0)
            m_atEnd = true;
        m_p = m_buffer.constData();
        m_end = m_p + m_buffer.size();
    }

    const char *m_p;
    const char *m_end;
    const QByteArray m_textSha256;
    QIODevice *m_device = nullptr; ///< read in pieces from it, or null
    qsizetype m_pieceSize = 0;
    QByteArray m_buffer; ///< from a device: what is not read yet of it
    bool m_atEnd = false; ///< the device has nothing more
    QList<QList<Annotation>> *m_batches = nullptr;
    /// Annotations in a batch: a few hundred kilobytes, which the set frees
    /// one by one as it takes them in.
    static constexpr qsizetype BatchLength = 4096;
    bool m_skipContexts = false; ///< the file belongs to m_textSha256's text
    qsizetype m_lines = 0;
    AnnotationIdSet m_ids; ///< of the annotations and orphans read so far
    QSet<QString> m_entityIds;
    QSet<QString> m_strings; ///< types and mention texts
    QHash<QString, QMap<QString, QString>> m_maps; ///< attribute maps by their contents
    QString m_lastType;
    QString m_lastAttribute;
    QString m_lastAttributeKey;
    bool m_linked = false; ///< some annotation links to an entity
};

} // namespace

SidecarData SidecarData::capture(const Document &doc, const AnnotationSet &set)
{
    SidecarData d;
    d.articleName = doc.name();
    d.sha256 = doc.sha256();
    d.length = doc.length();
    d.annotations = set.annotations();
    d.entities = set.entities();
    d.orphans = set.orphans();
    d.types = set.userTypes();
    d.unknownFields = set.unknownFields();
    d.contexts.reserve(d.annotations.size());
    const QString &text = doc.text();
    const TextOffsets &off = doc.offsets();
    for (const Annotation &a : std::as_const(d.annotations)) {
        const qsizetype s = off.toUtf16(a.start);
        const qsizetype e = off.toUtf16(a.end);
        const qsizetype bs = off.toUtf16(std::max<qint64>(0, a.start - ContextLength));
        const qsizetype ae = off.toUtf16(a.end + ContextLength);
        d.contexts.append(AnchorContext{text.mid(bs, s - bs), text.mid(e, ae - e)});
    }
    return d;
}

namespace {

/// Writes @p data as the native JSON into @p out, handing each filled piece
/// of about @p chunk bytes to @p flush (which empties @p out) so that a save
/// never holds the whole file; returns false as soon as @p flush does.
template<typename Flush>
bool writeJson(const SidecarData &data, QByteArray &out, qsizetype chunk, Flush flush)
{
    out += "{\n  \"format\": \"article-annotator\",\n  \"version\": " + QByteArray::number(data.version) + ",\n";
    if (!data.basedOnSidecar.isEmpty())
        out += "  \"recovery\": {\"sidecarSha256\": \"" + data.basedOnSidecar + "\"},\n";
    out += "  \"article\": {\"name\": ";
    appendString(out, data.articleName);
    out += ", \"sha256\": \"" + data.sha256 + "\", \"length\": " + QByteArray::number(data.length) + "},\n";
    out += "  \"types\": [";
    for (qsizetype i = 0; i < data.types.size(); ++i) {
        const AnnotationType &t = data.types[i];
        out += i ? ",\n    " : "\n    ";
        out += "{\"name\": ";
        appendString(out, t.name);
        out += ", \"color\": ";
        appendString(out, t.color);
        out += ", \"key\": ";
        appendString(out, t.key);
        appendUnknown(out, t.unknownFields, ", ", "");
        out += '}';
    }
    out += data.types.isEmpty() ? "],\n" : "\n  ],\n";
    appendUnknown(out, data.unknownFields, "  ", ",\n");
    out += "  \"entities\": [";
    for (qsizetype i = 0; i < data.entities.size(); ++i) {
        const Entity &e = data.entities[i];
        out += i ? ",\n    " : "\n    ";
        out += "{\"id\": ";
        appendString(out, e.id);
        out += ", \"type\": ";
        appendString(out, e.type);
        out += ", \"name\": ";
        appendString(out, e.name);
        if (!e.attributes.isEmpty()) {
            out += ", \"attributes\": ";
            appendMap(out, e.attributes);
        }
        out += '}';
    }
    out += data.entities.isEmpty() ? "],\n" : "\n  ],\n";
    auto writeList = [&](const char *key, const QList<Annotation> &annotations, const QList<AnchorContext> &contexts, bool last) -> bool {
        // Contexts only when there is one for each annotation (see SidecarData).
        const AnchorContext *context = contexts.size() == annotations.size() ? contexts.constData() : nullptr;
        Q_ASSERT(context || contexts.isEmpty());
        // Sorted through pointers, and only when not in order already (the
        // annotation set keeps them in order): no copy of the annotations.
        std::vector<const Annotation *> list;
        list.reserve(annotations.size());
        for (const Annotation &a : annotations)
            list.push_back(&a);
        auto less = [](const Annotation *x, const Annotation *y) { return positionLess(*x, *y); };
        if (!std::is_sorted(list.begin(), list.end(), less))
            std::sort(list.begin(), list.end(), less);
        out += "  \"";
        out += key;
        out += "\": [";
        for (size_t i = 0; i < list.size(); ++i) {
            out += i ? ",\n    " : "\n    ";
            appendAnnotation(out, *list[i], context ? context + (list[i] - annotations.constData()) : nullptr);
            if (out.size() >= chunk && !flush(out))
                return false;
        }
        out += list.empty() ? "]" : "\n  ]";
        out += last ? "\n" : ",\n";
        return true;
    };
    if (!writeList("annotations", data.annotations, data.contexts, false) || !writeList("orphans", data.orphans, data.orphanContexts, true))
        return false;
    out += "}\n";
    return flush(out);
}

} // namespace

QByteArray SidecarJson::serialize(const SidecarData &data)
{
    // Room for the whole file at once, estimated from the lengths the lists
    // already hold: growing a buffer of tens of megabytes copies it and,
    // past the allocator's mapping threshold, faults in fresh pages on every
    // save.
    qsizetype estimate = 256 + data.types.size() * 96 + data.entities.size() * 160;
    for (const QList<Annotation> *list : {&data.annotations, &data.orphans}) {
        for (const Annotation &a : *list)
            estimate += 192 + 2 * ContextLength + a.id.size() + a.type.size() + a.text.size() + a.entity.size() + a.saidBy.size()
                + 40 * a.attributes.size();
    }
    QByteArray out;
    out.reserve(estimate);
    writeJson(data, out, std::numeric_limits<qsizetype>::max(), [](QByteArray &) { return true; });
    return out;
}

bool SidecarJson::write(const SidecarData &data, QIODevice &device)
{
    // Pieces of 64 KB stay in the processor's cache while they are filled
    // and written: no buffer of the file's size, whose fresh pages cost
    // more per annotation the larger the file.
    constexpr qsizetype Chunk = 64 * 1024;
    QByteArray out;
    out.reserve(Chunk + 4096);
    return writeJson(data, out, Chunk, [&](QByteArray &piece) {
        const bool ok = device.write(piece) == piece.size();
        piece.resize(0);
        return ok;
    });
}



std::optional<SidecarData> SidecarJson::parse(const QByteArray &bytes, const QString &name, QString *error)
{
    SidecarData d;
    if (FastReader(bytes).read(d))
        return d;
    return parseGeneral(bytes, name, error);
}

std::optional<SidecarData> SidecarJson::parseFor(const QByteArray &bytes, const QString &name, const QByteArray &textSha256,
                                                 QString *error)
{
    SidecarData d;
    if (FastReader(bytes, textSha256).read(d)) {
        if (!textSha256.isEmpty() && d.sha256 == textSha256) {
            // an "article" field after the annotations
            d.contexts.clear();
            d.orphanContexts.clear();
        }
        return d;
    }
    std::optional<SidecarData> general = parseGeneral(bytes, name, error);
    if (general && !textSha256.isEmpty() && general->sha256 == textSha256) {
        general->contexts.clear();
        general->orphanContexts.clear();
    }
    return general;
}

std::optional<SidecarData> SidecarJson::readFor(QIODevice &device, const QString &name, const QByteArray &textSha256, QString *error,
                                                QList<QList<Annotation>> *batches, qsizetype pieceSize)
{
    const qint64 from = device.pos();
    {
        SidecarData d;
        FastReader reader(device, pieceSize, textSha256);
        reader.setBatches(batches);
        if (reader.read(d)) {
            if (!textSha256.isEmpty() && d.sha256 == textSha256) {
                // an "article" field after the annotations
                d.contexts.clear();
                d.orphanContexts.clear();
            }
            return d;
        }
    }
    if (batches)
        batches->clear();
    // The general reader needs the whole file.
    if (!device.seek(from)) {
        if (error)
            *error = QStringLiteral("%1: cannot be read (%2)").arg(name, device.errorString());
        return std::nullopt;
    }
    QByteArray bytes;
    const qint64 size = device.size() - from;
    if (!device.isSequential() && size > 0 && size <= std::numeric_limits<qsizetype>::max() / 2) {
        // A buffer of the file's size (readAll() grows its buffer in steps,
        // up to a sixth more than a large file needs).
        bytes.resize(qsizetype(size));
        const qint64 got = device.read(bytes.data(), size);
        bytes.truncate(qsizetype(std::max<qint64>(got, 0)));
        if (got < 0)
            bytes.clear();
    }
    // A file that grew while it was read, or one whose size is not known.
    if (!device.atEnd())
        bytes += device.readAll();
    std::optional<SidecarData> general = parseGeneral(bytes, name, error);
    if (general && !textSha256.isEmpty() && general->sha256 == textSha256) {
        general->contexts.clear();
        general->orphanContexts.clear();
    }
    return general;
}

std::optional<SidecarData> SidecarJson::parseGeneral(const QByteArray &bytes, const QString &name, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(name, why);
        return std::nullopt;
    };
    QJsonParseError pe;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qsizetype line = QByteArrayView(bytes.constData(), std::min<qsizetype>(pe.offset, bytes.size())).count('\n') + 1;
        return fail(QStringLiteral("not valid JSON (%1 at line %2)").arg(pe.errorString()).arg(line));
    }
    if (!json.isObject())
        return fail(QStringLiteral("not an annotation file (no JSON object at the top)"));
    const QJsonObject root = json.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("article-annotator"))
        return fail(QStringLiteral("not an Article Annotator annotation file (no \"format\": \"article-annotator\")"));
    SidecarData d;
    d.version = root.value(QLatin1String("version")).toInt(-1);
    if (d.version < 1)
        return fail(QStringLiteral("has no valid schema version"));
    if (d.version > SidecarData::CurrentVersion)
        return fail(QStringLiteral("was written by a newer version of Article Annotator (schema %1, this program reads up to %2); update the program to open it")
                        .arg(d.version)
                        .arg(SidecarData::CurrentVersion));
    // Recovery files only; anything but a hex digest or "none" is ignored
    // (the file is then treated as one of unknown age).
    const QByteArray based = root.value(QLatin1String("recovery")).toObject().value(QLatin1String("sidecarSha256")).toString().toLatin1();
    if (based == "none" || (based.size() == 64 && std::all_of(based.cbegin(), based.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })))
        d.basedOnSidecar = based;
    const QJsonObject article = root.value(QLatin1String("article")).toObject();
    d.articleName = article.value(QLatin1String("name")).toString();
    d.sha256 = article.value(QLatin1String("sha256")).toString().toLatin1();
    const double length = article.value(QLatin1String("length")).toDouble();
    d.length = length >= 0 && length <= MaxOffset ? qint64(length) : 0;
    for (const QJsonValue &v : root.value(QLatin1String("types")).toArray()) {
        const QJsonObject o = v.toObject();
        AnnotationType t{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("color")).toString(),
                         o.value(QLatin1String("key")).toString(), unknownOf(o, {"name", "color", "key"})};
        if (t.name.isEmpty())
            return fail(QStringLiteral("a user-defined type has no name"));
        d.types.append(t);
    }
    // Every key this file reads or writes belongs here, or it is kept twice.
    d.unknownFields = unknownOf(root, {"format", "version", "article", "recovery", "types", "entities", "annotations", "orphans"});
    QSet<QString> entityIds;
    for (const QJsonValue &v : root.value(QLatin1String("entities")).toArray()) {
        const QJsonObject o = v.toObject();
        Entity e{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("type")).toString(), o.value(QLatin1String("name")).toString(),
                 mapFrom(o.value(QLatin1String("attributes")))};
        if (e.id.isEmpty())
            return fail(QStringLiteral("an entity has no id"));
        if (entityIds.contains(e.id))
            return fail(QStringLiteral("the entity id %1 is used twice").arg(e.id));
        entityIds.insert(e.id);
        d.entities.append(e);
    }
    QSet<QString> ids;
    QString why;
    for (const char *key : {"annotations", "orphans"}) {
        const QJsonArray list = root.value(QLatin1String(key)).toArray();
        for (const QJsonValue &v : list) {
            Annotation a;
            AnchorContext ctx;
            if (!readAnnotation(v.toObject(), a, ctx, &why))
                return fail(why);
            if (ids.contains(a.id))
                return fail(QStringLiteral("the annotation id %1 is used twice").arg(a.id));
            ids.insert(a.id);
            // A link to an entity that is not there is dropped from the link
            // only; the mention itself is kept.
            if (!a.entity.isEmpty() && !entityIds.contains(a.entity)) {
                d.warnings.append(QStringLiteral("annotation %1 linked to the missing entity %2; the link was removed").arg(a.id, a.entity));
                a.entity.clear();
            }
            if (!a.saidBy.isEmpty() && !entityIds.contains(a.saidBy)) {
                d.warnings.append(QStringLiteral("quote %1 attributed to the missing speaker %2; the attribution was removed").arg(a.id, a.saidBy));
                a.saidBy.clear();
            }
            const bool orphan = qstrcmp(key, "orphans") == 0;
            (orphan ? d.orphanContexts : d.contexts).append(ctx);
            (orphan ? d.orphans : d.annotations).append(a);
        }
    }
    return d;
}

} // namespace annotator
