// The sidecar loader: any bytes are parsed or refused with a reason, the same
// by the one-pass and the QJsonDocument reader; what is parsed can be
// re-anchored in a text and written again.
#include "model/document.h"
#include "storage/reanchor.h"
#include "storage/sidecardata.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    QString error;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = SidecarJson::parse(bytes, QStringLiteral("fuzz.json"), &error);
    // The one-pass reader gives exactly what the QJsonDocument reader gives.
    QString generalError;
    const auto general = SidecarJson::parseGeneral(bytes, QStringLiteral("fuzz.json"), &generalError);
    if (parsed.has_value() != general.has_value() || error != generalError || (parsed && !(*parsed == *general)))
        std::abort();
    if (!parsed) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    static const Document doc = Document::fromText(QStringLiteral("Chile 😀 and Peru said \"no\".\r\nChile again."));
    const ReanchorResult r = reanchor(*parsed, doc);
    for (const Annotation &a : r.placed) {
        if (a.start < 0 || a.end > doc.length() || a.start > a.end)
            std::abort();
    }
    (void)SidecarJson::serialize(*parsed);
    return 0;
}
