// The W3C Web Annotation importer: any bytes give annotations inside the
// article plus issues, or an error with a reason; never a crash. What was
// read can be written again.
#include "formats/webannotationformat.h"
#include "model/document.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    static const Document doc = Document::fromText(QStringLiteral("Chile \U0001F600 and Peru said \"no\".\r\nChile again, said Ana Lima."),
                                                   QStringLiteral("fuzz.txt"));
    const ImportResult r = WebAnnotationFormat::read(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), doc);
    if (!r.ok()) {
        if (r.error.isEmpty())
            std::abort();
        return 0;
    }
    for (const Annotation &a : r.data.annotations) {
        if (a.start < 0 || a.start > a.end || a.end > doc.length())
            std::abort();
    }
    (void)WebAnnotationFormat::write(doc, r.data);
    return 0;
}
