// The recognisers on any text: no crash, every span inside the text and
// matching its covered text.
#include "model/document.h"
#include "recognition/pipeline.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Document doc = Document::fromText(text);
    const Recognition r = Pipeline::run(doc.text());
    for (const Annotation &a : r.annotations) {
        if (a.start < 0 || a.end > doc.length() || a.start >= a.end)
            std::abort();
        if (doc.slice(a.start, a.end) != a.text)
            std::abort();
    }
    return 0;
}
