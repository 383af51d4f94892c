// Recognition throughput in words per second at 10 KB, 1 MB and 50 MB of news
// text. Run: scripts/dev-shell build/bin/recognition_bench
#include "corpus.h"
#include "recognition/analyzedtext.h"
#include "recognition/personallexicon.h"
#include "recognition/pipeline.h"

#include <QFile>
#include <QSet>

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
BENCHMARK(BM_Pipeline)->Arg(10 << 10)->Arg(1 << 20)->Arg(8 << 20)->Arg(50 << 20)->Unit(benchmark::kMillisecond);

// A personal lexicon of @p entries: words of the corpus itself (so entries
// match, as a user's would), rejected or tagged across the types, the rest
// names that do not occur.
static PersonalLexicon lexiconOf(const QString &text, qsizetype entries, bool fromText)
{
    PersonalLexicon lex;
    const qsizetype fromCorpus = fromText ? entries / 2 : 0;

    const AnalyzedText words(text.left(200000));
    QSet<QString> seen;
    const QString types[] = {Types::Country, Types::Speaker, Types::Event};
    for (qsizetype i = 0; i < words.size() && lex.size() < fromCorpus; ++i) {
        if (!words.token(i).is(TokenFlag::Capitalized) || words.token(i).kind != TokenKind::Word)
            continue;
        const QString w = words.view(i).toString();
        if (seen.contains(w))
            continue;
        seen.insert(w);
        const qsizetype n = lex.size();
        lex.set({types[n % 3], w, n % 2 ? PersonalLexicon::Decision::Always : PersonalLexicon::Decision::Never,
                 n % 3 == 0 && n % 2 ? QStringLiteral("XX") : QString()});
    }
    for (qsizetype n = 0; lex.size() < entries; ++n)
        lex.set({types[n % 3], QStringLiteral("Placeholder Name %1").arg(n), n % 2 ? PersonalLexicon::Decision::Always : PersonalLexicon::Decision::Never, {}});
    return lex;
}

// The pipeline with a personal lexicon of range(1) entries (0: an empty one,
// as the GUI passes before the user corrected anything); with range(2) = 1,
// half of them are capitalised words of the corpus (so they match all over
// it, far more than a user's would), with 0 none occurs.
static void BM_PipelineWithLexicon(benchmark::State &state)
{
    const QString text = bench::newsText(state.range(0));
    const qint64 words = bench::wordCount(text);
    const PersonalLexicon lexicon = lexiconOf(text, state.range(1), state.range(2) != 0);
    Pipeline::run(QStringLiteral("Warm-up: the lexicons load once. China said."));
    for (auto _ : state) {
        Recognition r = Pipeline::run(text, &lexicon);
        benchmark::DoNotOptimize(r.annotations.size());
    }
    state.counters["words/s"] = benchmark::Counter(double(words) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["entries"] = double(lexicon.size());
}
BENCHMARK(BM_PipelineWithLexicon)->Args({1 << 20, 0, 0})->Args({1 << 20, 1000, 0})->Args({1 << 20, 1000, 1})->Unit(benchmark::kMillisecond);

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
BENCHMARK(BM_Tokenize)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// `recognition_bench --write-corpus FILE BYTES` writes the corpus the
// benchmark reads (for the comparison with other libraries);
// `--write-jsonl FILE BYTES` writes it as JSON Lines articles for `stream`.
int main(int argc, char **argv)
{
    if (argc == 4 && (qstrcmp(argv[1], "--write-corpus") == 0 || qstrcmp(argv[1], "--write-jsonl") == 0)) {
        const qsizetype bytes = QByteArray(argv[3]).toLongLong();
        QFile out(QString::fromLocal8Bit(argv[2]));
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        if (argv[1][8] == 'c') {
            out.write(bench::newsText(bytes).toUtf8());
            return 0;
        }
        // One JSON object a line, one article each, until the size is reached.
        const QStringList articles = bench::articleTexts();
        qsizetype written = 0;
        for (qint64 i = 0; written < bytes; ++i) {
            const QString &text = articles.at(i % articles.size());
            QByteArray line = "{\"id\": " + QByteArray::number(i) + ", \"text\": \"";
            for (const QChar c : text) {
                if (c == u'"' || c == u'\\')
                    line += '\\', line += char(c.unicode());
                else if (c == u'\n')
                    line += "\\n";
                else if (c == u'\r')
                    line += "\\r";
                else if (c == u'\t')
                    line += "\\t";
                else
                    line += QString(c).toUtf8();
            }
            line += "\"}\n";
            out.write(line);
            written += line.size();
        }
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
