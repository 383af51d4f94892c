// The doccano JSONL importer, in both offset units (the first byte picks):
// any bytes give annotations inside the article plus issues, or an error with
// a reason; never a crash. What was read can be written again.
// Inputs are capped at 4 KB by scripts/fuzz (-max_len): a dozen JSONL lines
// with labels in both list and object form.
#include "formats/doccanoformat.h"
#include "fuzzimport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    if (size == 0)
        return 0;
    const Document &doc = fuzz::article();
    const bool utf16 = data[0] & 1;
    const ImportResult r = DoccanoFormat::read(fuzz::bytes(data + 1, size - 1), doc, utf16);
    if (fuzz::imported(r, doc))
        (void)DoccanoFormat::write(doc, r.data, utf16);
    return 0;
}
