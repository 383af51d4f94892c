// Recognition throughput in words per second at 10 KB, 1 MB and 50 MB of news
// text. Run: scripts/dev-shell build/bin/recognition_bench
#include "corpus.h"
#include "recognition/analyzedtext.h"
#include "recognition/pipeline.h"

#include <benchmark/benchmark.h>

using namespace annotator;

static void BM_Pipeline(benchmark::State &state)
{
    const QString text = bench::newsText(state.range(0));
    const qint64 words = bench::wordCount(text);
    Pipeline::run(QStringLiteral("Warm-up: the lexicons load once. China said."));
    for (auto _ : state) {
        Recognition r = Pipeline::run(text);
        benchmark::DoNotOptimize(r.annotations.size());
    }
    state.counters["words/s"] = benchmark::Counter(double(words) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bytes"] = double(text.toUtf8().size());
}
BENCHMARK(BM_Pipeline)->Arg(10 << 10)->Arg(1 << 20)->Arg(50 << 20)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_Tokenize(benchmark::State &state)
{
    const QString text = bench::newsText(state.range(0));
    const qint64 words = bench::wordCount(text);
    for (auto _ : state) {
        AnalyzedText t(text);
        benchmark::DoNotOptimize(t.size());
    }
    state.counters["words/s"] = benchmark::Counter(double(words) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Arg(1 << 20)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
