// The doccano JSONL importer, in both offset units (the first byte picks):
// any bytes give annotations inside the article plus issues, or an error with
// a reason; never a crash. What was read can be written again.
#include "formats/doccanoformat.h"
#include "model/document.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    static const Document doc = Document::fromText(QStringLiteral("Chile \U0001F600 and Peru said \"no\".\r\nChile again, said Ana Lima."),
                                                   QStringLiteral("fuzz.txt"));
    if (size == 0)
        return 0;
    const bool utf16 = data[0] & 1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const ImportResult r = DoccanoFormat::read(bytes, doc, utf16);
    if (!r.ok()) {
        if (r.error.isEmpty())
            std::abort();
        return 0;
    }
    for (const Annotation &a : r.data.annotations) {
        if (a.start < 0 || a.start > a.end || a.end > doc.length())
            std::abort();
    }
    (void)DoccanoFormat::write(doc, r.data, utf16);
    return 0;
}
