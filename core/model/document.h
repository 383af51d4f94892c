#pragma once

#include "textoffsets.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace annotator {

/// An article as the annotations see it: the file decoded as UTF-8 with a
/// leading BOM dropped, line endings and markup kept exactly. Offsets into it
/// count code points; offsets() converts to Qt's UTF-16 positions.
class Document
{
public:
    Document() = default;
    /// A document from text in memory (stream input, tests). @p name is what
    /// error messages and exports call it.
    static Document fromText(const QString &text, const QString &name = QString());
    /// Reads @p path. On failure returns nothing and sets @p error to a
    /// message that names the file and the problem (unreadable, binary,
    /// UTF-16, not UTF-8 with the line and byte of the first bad sequence,
    /// larger than maximumSize()).
    static std::optional<Document> load(const QString &path, QString *error);
    /// Decodes @p bytes as an article; @p name is used in the error message.
    static std::optional<Document> decode(const QByteArray &bytes, const QString &name, QString *error);

    /// Articles above this many bytes are refused with a reason rather than
    /// read: a news article is a few kilobytes, and a file of hundreds of
    /// megabytes is almost always the wrong file (a log, a dump). load()
    /// never reads more than this, even from a file that keeps growing.
    static constexpr qint64 DefaultMaximumSize = 100 * 1024 * 1024;
    static qint64 maximumSize();
    /// Changes the limit for every later load() and decode() (0 or less
    /// restores the default).
    static void setMaximumSize(qint64 bytes);

    const QString &text() const { return m_text; }
    /// Absolute path of the file, empty for a document from memory.
    const QString &path() const { return m_path; }
    /// File name for messages and exports.
    const QString &name() const { return m_name; }
    /// SHA-256 (hex) of the decoded text as UTF-8, without BOM.
    const QByteArray &sha256() const { return m_sha256; }
    qint64 length() const { return m_offsets.codePointLength(); }
    const TextOffsets &offsets() const { return m_offsets; }

    /// The text between two code point offsets.
    QString slice(qint64 start, qint64 end) const;

private:
    void setText(const QString &text);

    QString m_text;
    QString m_path;
    QString m_name;
    QByteArray m_sha256;
    TextOffsets m_offsets;
};

/// Offset of the first byte that is not valid UTF-8 in @p bytes, or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

} // namespace annotator
