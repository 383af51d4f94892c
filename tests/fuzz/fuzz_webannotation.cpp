// The W3C Web Annotation importer: any bytes give annotations inside the
// article plus issues, or an error with a reason; never a crash. What was
// read can be written again.
// Inputs are capped at 4 KB by scripts/fuzz (-max_len): a collection of a
// dozen annotations with all their selectors and bodies.
#include "formats/webannotationformat.h"
#include "fuzzimport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    const Document &doc = fuzz::article();
    const ImportResult r = WebAnnotationFormat::read(fuzz::bytes(data, size), doc);
    if (fuzz::imported(r, doc))
        (void)WebAnnotationFormat::write(doc, r.data);
    return 0;
}
