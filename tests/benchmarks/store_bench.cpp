// Save and load of many annotations, and re-anchoring after an edit.
// Run: scripts/dev-shell build/bin/store_bench
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/reanchor.h"
#include "storage/sidecardata.h"

#include <benchmark/benchmark.h>

using namespace annotator;

namespace {

struct Corpus {
    Document doc;
    SidecarData data;
};

Corpus makeCorpus(qsizetype annotations)
{
    QString text;
    text.reserve(annotations * 40);
    for (qsizetype i = 0; i < annotations; ++i)
        text += QStringLiteral("Delegates from Chile met number %1 today. ").arg(i);
    Corpus c{Document::fromText(text, QStringLiteral("bench.txt")), {}};
    AnnotationSet set;
    QList<Annotation> list;
    list.reserve(annotations);
    qsizetype pos = 0;
    for (qsizetype i = 0; i < annotations; ++i) {
        pos = text.indexOf(QStringLiteral("Chile"), pos);
        Annotation a;
        a.id = QStringLiteral("a%1").arg(i + 1);
        a.type = Types::Country;
        a.start = pos;
        a.end = pos + 5;
        a.text = QStringLiteral("Chile");
        a.attributes.insert(Attr::Code, QStringLiteral("CL"));
        list.append(a);
        pos += 5;
    }
    set.reset(list, {});
    c.data = SidecarData::capture(c.doc, set);
    return c;
}

} // namespace

namespace {
/// Takes what a save writes and forgets it, as the file system would keep it
/// out of the process: the save's own cost, without the disk's.
class Discard : public QIODevice
{
public:
    Discard() { open(QIODevice::WriteOnly); }
    qint64 written = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        written += len;
        return len;
    }
};
} // namespace

static void BM_SaveSidecar(benchmark::State &state)
{
    const Corpus c = makeCorpus(state.range(0));
    Discard file;
    for (auto _ : state)
        benchmark::DoNotOptimize(SidecarJson::write(c.data, file));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SaveSidecar)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

static void BM_LoadSidecar(benchmark::State &state)
{
    const Corpus c = makeCorpus(state.range(0));
    const QByteArray json = SidecarJson::serialize(c.data);
    QString error;
    // What a load reads lives on in the window; freeing it (100,000 times
    // a dozen scattered blocks) is the close's cost, kept off the clock.
    std::optional<SidecarData> loaded;
    for (auto _ : state) {
        state.PauseTiming();
        loaded.reset();
        state.ResumeTiming();
        loaded = SidecarJson::parse(json, QStringLiteral("bench"), &error);
    }
    benchmark::DoNotOptimize(loaded->annotations.size());
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LoadSidecar)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

static void BM_Reanchor(benchmark::State &state)
{
    const Corpus c = makeCorpus(state.range(0));
    // An edit near the start shifts every annotation after it.
    const Document edited = Document::fromText(QStringLiteral("A new first line.\n") + c.doc.text(), QStringLiteral("bench.txt"));
    // A loader hands the annotations it has just read over to reanchor(), so
    // every timed call gets its own copy, made (and its result freed) outside
    // the timing. Each timed stretch places 10,000 annotations at every size,
    // so pausing the clock weighs the same on both.
    const qsizetype copies = std::max<qsizetype>(1, 10000 / state.range(0));
    std::vector<QList<Annotation>> fresh(static_cast<size_t>(copies));
    std::vector<ReanchorResult> results(static_cast<size_t>(copies));
    for (auto _ : state) {
        state.PauseTiming();
        for (size_t k = 0; k < fresh.size(); ++k) {
            results[k] = {};
            fresh[k] = c.data.annotations;
            fresh[k].detach();
        }
        state.ResumeTiming();
        for (size_t k = 0; k < fresh.size(); ++k)
            results[k] = reanchor(std::move(fresh[k]), c.data.contexts, edited);
    }
    benchmark::DoNotOptimize(results.front().placed.size());
    state.SetItemsProcessed(state.iterations() * copies * state.range(0));
}
BENCHMARK(BM_Reanchor)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
