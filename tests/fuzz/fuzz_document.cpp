// Article decoding: any bytes give a document or a clear error, never a crash,
// and a decoded document's offsets are consistent.
#include "model/document.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    QString error;
    const auto doc = Document::decode(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.txt"), &error);
    if (!doc) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const TextOffsets &off = doc->offsets();
    for (qint64 cp = 0; cp <= doc->length(); cp += 7) {
        if (off.toCodePoint(off.toUtf16(cp)) != cp)
            std::abort();
    }
    return 0;
}
