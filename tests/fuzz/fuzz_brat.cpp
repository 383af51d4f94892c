// The brat stand-off importer: any .ann bytes give annotations inside the
// article (each covering the text it claims) plus issues, or an error with a
// reason; never a crash. What was read can be written again.
#include "formats/bratformat.h"
#include "model/document.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    static const Document doc = Document::fromText(QStringLiteral("Chile \U0001F600 and Peru said \"no\".\r\nChile again, said Ana Lima."),
                                                   QStringLiteral("fuzz.txt"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Without the article (a quick look at a file) and with it.
    (void)BratFormat::read(bytes, nullptr);
    const ImportResult r = BratFormat::read(bytes, &doc);
    if (!r.ok()) {
        if (r.error.isEmpty())
            std::abort();
        return 0;
    }
    for (const Annotation &a : r.data.annotations) {
        if (a.start < 0 || a.start > a.end || a.end > doc.length())
            std::abort();
    }
    (void)BratFormat::write(doc, r.data);
    return 0;
}
