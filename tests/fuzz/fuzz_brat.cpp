// The brat stand-off importer: any .ann bytes give annotations inside the
// article plus issues, or an error with a reason; never a crash. What was
// read can be written again.
// Inputs are capped at 4 KB by scripts/fuzz (-max_len): about a hundred
// .ann lines, far more than the structure (ids, fragments, attributes,
// relations, notes, CRLF) needs, while keeping each run short.
#include "formats/bratformat.h"
#include "fuzzimport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    const Document &doc = fuzz::article();
    const QByteArray ann = fuzz::bytes(data, size);
    // Without the article (a quick look at a file) and with it.
    (void)BratFormat::read(ann, nullptr);
    const ImportResult r = BratFormat::read(ann, &doc);
    if (fuzz::imported(r, doc))
        (void)BratFormat::write(doc, r.data);
    return 0;
}
