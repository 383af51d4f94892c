#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annotator::json {

namespace {

void appendPlainOrBmp(QByteArray &out, const QString &s)
{
    // Most strings are plain ASCII with nothing to escape: copied in one go.
    const char16_t *units = reinterpret_cast<const char16_t *>(s.constData());
    const qsizetype n = s.size();
    qsizetype plain = 0;
    while (plain < n && units[plain] >= 0x20 && units[plain] < 0x7F && units[plain] != u'"' && units[plain] != u'\\')
        ++plain;
    if (plain == n) {
        const qsizetype at = out.size();
        out.resize(at + n + 2);
        char *p = out.data() + at;
        *p++ = '"';
        for (qsizetype i = 0; i < n; ++i)
            *p++ = char(units[i]);
        *p = '"';
        return;
    }
    out += '"';
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x2028 || u == 0x2029) {
                out += "\\u";
                out += QByteArray::number(u, 16).rightJustified(4, '0');
            } else if (c.isSurrogate()) {
                // Valid pairs are written as UTF-8 below; a lone surrogate is escaped.
                out += "\\u";
                out += QByteArray::number(u, 16).rightJustified(4, '0');
            } else if (u < 0x80) {
                out += char(u);
            } else if (u < 0x800) {
                // UTF-8 by hand: a QString and a QByteArray per character
                // made saving allocate hundreds of times per annotation.
                const char bytes[] = {char(0xC0 | (u >> 6)), char(0x80 | (u & 0x3F))};
                out.append(bytes, 2);
            } else {
                const char bytes[] = {char(0xE0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3F)), char(0x80 | (u & 0x3F))};
                out.append(bytes, 3);
            }
        }
    }
    out += '"';
}

} // namespace

void appendString(QByteArray &out, const QString &s)
{
    bool simple = true;
    for (const QChar c : s) {
        if (c.isSurrogate()) {
            simple = false;
            break;
        }
    }
    if (simple) {
        appendPlainOrBmp(out, s);
        return;
    }
    // Astral characters are written from their pairs, not unit by unit.
    QByteArray tmp;
    out += '"';
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate() && i + 1 < n && s.at(i + 1).isLowSurrogate()) {
            out += s.mid(i, 2).toUtf8();
            ++i;
            continue;
        }
        tmp.clear();
        appendPlainOrBmp(tmp, QString(c));
        out += tmp.mid(1, tmp.size() - 2);
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &v)
{
    if (v.isString()) {
        appendString(out, v.toString());
    } else if (v.isObject()) {
        out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    } else if (v.isArray()) {
        out += QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    } else {
        // A lone value: wrapped in an array and unwrapped, so QJsonDocument
        // does the number formatting.
        const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        out.append(wrapped.constData() + 1, wrapped.size() - 2);
    }
}

} // namespace annotator::json
