#include "document.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <atomic>

namespace annotator {

namespace {

std::atomic<qint64> s_maximumSize{Document::DefaultMaximumSize};

QString sizeInWords(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString tooLarge(const QString &name, const QString &size)
{
    return QStringLiteral("%1: the file is %2, more than the %3 an article may have, so it was not opened; it is probably not a news article")
        .arg(name, size, sizeInWords(Document::maximumSize()));
}

bool looksBinary(const QByteArray &bytes)
{
    // A NUL byte never occurs in text; its presence in the first block is the
    // classic test (git, grep, diff).
    const qsizetype n = std::min<qsizetype>(bytes.size(), 8192);
    return QByteArrayView(bytes.constData(), n).contains('\0');
}

} // namespace

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

Document Document::fromText(const QString &text, const QString &name)
{
    Document d;
    d.m_name = name;
    d.setText(text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text);
    return d;
}

qint64 Document::maximumSize()
{
    return s_maximumSize.load(std::memory_order_relaxed);
}

void Document::setMaximumSize(qint64 bytes)
{
    s_maximumSize.store(bytes > 0 ? bytes : DefaultMaximumSize, std::memory_order_relaxed);
}

std::optional<Document> Document::decode(const QByteArray &input, const QString &name, QString *error)
{
    if (input.size() > maximumSize()) {
        if (error)
            *error = tooLarge(name, sizeInWords(input.size()));
        return std::nullopt;
    }
    // UTF-16 (Windows Notepad's "Unicode") is text, but full of NUL bytes:
    // name it instead of calling it binary.
    if (input.startsWith("\xFF\xFE") || input.startsWith("\xFE\xFF")) {
        if (error)
            *error = QStringLiteral("%1: is UTF-16 text (%2), not UTF-8; save the article as UTF-8 and open it again")
                         .arg(name, input.startsWith("\xFF\xFE") ? QStringLiteral("little endian") : QStringLiteral("big endian"));
        return std::nullopt;
    }
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (looksBinary(bytes)) {
        if (error)
            *error = QStringLiteral("%1: this is a binary file, not a text article").arg(name);
        return std::nullopt;
    }
    const qsizetype bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
        const qsizetype line = QByteArrayView(bytes.constData(), bad).count('\n') + 1;
        if (error)
            *error = QStringLiteral("%1: not valid UTF-8 text (line %2, byte offset %3); save the article as UTF-8 and open it again")
                         .arg(name)
                         .arg(line)
                         .arg(bad + (input.size() - bytes.size()));
        return std::nullopt;
    }
    Document d;
    d.m_name = name;
    d.setText(QString::fromUtf8(bytes));
    return d;
}

std::optional<Document> Document::load(const QString &path, QString *error)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        if (error)
            *error = QStringLiteral("%1: is a folder, not an article file").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    // The size is checked before reading, and the read is bounded anyway: a
    // file can grow while it is read, and a device or pipe has no size.
    const qint64 limit = maximumSize();
    if (info.size() > limit) {
        if (error)
            *error = tooLarge(path, sizeInWords(info.size()));
        return std::nullopt;
    }
    QByteArray bytes;
    bytes.reserve(qsizetype(info.size()) + 1);
    std::array<char, 64 * 1024> chunk;
    for (;;) {
        const qint64 n = file.read(chunk.data(), qint64(chunk.size()));
        if (n <= 0)
            break;
        bytes.append(chunk.data(), qsizetype(n));
        if (bytes.size() > limit)
            break;
    }
    if (bytes.size() > limit) {
        if (error)
            *error = tooLarge(path, QStringLiteral("more than %1").arg(sizeInWords(limit)));
        return std::nullopt;
    }
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QStringLiteral("%1: reading failed (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    auto doc = decode(bytes, path, error);
    if (doc) {
        doc->m_path = info.absoluteFilePath();
        doc->m_name = info.fileName();
    }
    return doc;
}

void Document::setText(const QString &text)
{
    m_text = text;
    m_offsets = TextOffsets(m_text);
    m_sha256 = QCryptographicHash::hash(m_text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString Document::slice(qint64 start, qint64 end) const
{
    const qsizetype a = m_offsets.toUtf16(start);
    const qsizetype b = m_offsets.toUtf16(end);
    return b > a ? m_text.mid(a, b - a) : QString();
}

} // namespace annotator
