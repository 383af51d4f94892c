// The sidecar loader: any bytes are parsed or refused with a reason, the same
// by the one-pass and the QJsonDocument reader (and the window's parseFor and
// readFor, which reads in pieces); what is parsed can be
// re-anchored in a text and written again.
#include "model/document.h"
#include "storage/reanchor.h"
#include "storage/sidecardata.h"

#include <QBuffer>

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
    // The window's reader (parseFor) gives the same, without the anchor
    // contexts when the file names the text it is read for.
    const QByteArray textSha = parsed ? parsed->sha256 : QByteArrayLiteral("0000");
    QString forError;
    const auto forText = SidecarJson::parseFor(bytes, QStringLiteral("fuzz.json"), textSha, &forError);
    if (forText.has_value() != parsed.has_value() || forError != error)
        std::abort();
    // The window's loader reads the file in pieces, its annotations in
    // batches: the same again, wherever the pieces end.
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    QList<QList<Annotation>> batches;
    QString readError;
    auto read = SidecarJson::readFor(device, QStringLiteral("fuzz.json"), textSha, &readError, &batches, 1 + qsizetype(size % 61));
    if (read.has_value() != parsed.has_value() || readError != error || (!read && !batches.isEmpty()))
        std::abort();
    if (!parsed) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    SidecarData expected = *parsed;
    if (!textSha.isEmpty()) {
        expected.contexts.clear();
        expected.orphanContexts.clear();
    }
    if (!(*forText == expected))
        std::abort();
    for (const QList<Annotation> &batch : std::as_const(batches))
        read->annotations += batch;
    if (!(*read == expected))
        std::abort();
    static const Document doc = Document::fromText(QStringLiteral("Chile 😀 and Peru said \"no\".\r\nChile again."));
    const ReanchorResult r = reanchor(*parsed, doc);
    for (const Annotation &a : r.placed) {
        if (a.start < 0 || a.end > doc.length() || a.start > a.end)
            std::abort();
    }
    (void)SidecarJson::serialize(*parsed);
    return 0;
}
