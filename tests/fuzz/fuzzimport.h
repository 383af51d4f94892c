#pragma once
// What the importer fuzz targets (brat, doccano, W3C) share: the article they
// read against and the check every import result must pass.
#include "formats/annotationdata.h"
#include "model/document.h"

#include <cstdint>
#include <cstdlib>

namespace annotator::fuzz {

/// A short article with a CRLF line end, an astral character (two UTF-16
/// units, one code point), quote marks and names, so that offsets in either
/// unit, line ends and text checks are all tried. Built once.
inline const Document &article()
{
    static const Document doc = Document::fromText(QStringLiteral("Chile \U0001F600 and Peru said \"no\".\r\nChile again, said Ana Lima."),
                                                   QStringLiteral("fuzz.txt"));
    return doc;
}

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// An import either fails (with its reason) or gives annotations that lie
/// inside the article; anything else is a finding. True when it succeeded,
/// so the caller goes on to write the result again.
inline bool imported(const ImportResult &r, const Document &doc)
{
    if (!r.ok())
        return false;
    for (const Annotation &a : r.data.annotations) {
        if (a.start < 0 || a.start > a.end || a.end > doc.length())
            std::abort();
    }
    return true;
}

} // namespace annotator::fuzz
