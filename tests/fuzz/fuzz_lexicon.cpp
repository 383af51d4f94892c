// The personal lexicon reader: any bytes are read or refused with a reason;
// what is read is written and read back to the same entries, and applied to
// a text gives mentions inside it.
#include "recognition/personallexicon.h"
#include "recognition/pipeline.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace annotator;
    PersonalLexicon lexicon;
    QString problem;
    if (!lexicon.fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &problem)) {
        if (problem.isEmpty() || !lexicon.isEmpty())
            std::abort();
        return 0;
    }
    PersonalLexicon back;
    if (!back.fromJson(lexicon.toJson(), &problem) || back.entries() != lexicon.entries())
        std::abort();
    static const QString text = QStringLiteral("Chile \U0001F600 and Peru said \"no\".\r\nACME HOLDINGS: Georgia, again.");
    const Recognition r = Pipeline::run(text, &lexicon);
    const qint64 length = text.toUcs4().size();
    for (const Annotation &a : r.annotations) {
        if (a.start < 0 || a.end > length || a.start >= a.end)
            std::abort();
    }
    return 0;
}
