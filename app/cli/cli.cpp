#include "cli.h"

#include "batchrunner.h"

#include "formats/bratformat.h"
#include "formats/formats.h"
#include "formats/importmerger.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "recognition/evaluation.h"
#include "recognition/personallexicon.h"
#include "recognition/pipeline.h"
#include "recognition/suggestionmerger.h"
#include "storage/jsonwriter.h"
#include "storage/sidecarstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace annotator::cli {

namespace {

constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void say(const QString &message)
{
    BatchRunner::report(message);
}

QString usage(const QString &program)
{
    return QStringLiteral(
               "usage: %1 COMMAND [OPTIONS] ...\n"
               "\n"
               "Commands:\n"
               "  annotate [--format FMT] [--output DIR] [--save] [--jobs N] [--personal-lexicon FILE] ARTICLE...\n"
               "      run the recognisers, merged with each article's saved annotations\n"
               "  export --format FMT [--output DIR|FILE] [--jobs N] ARTICLE...\n"
               "      write the saved annotations in another format (no recognition)\n"
               "  import --format FMT ARTICLE FILE\n"
               "      merge the annotations of FILE into the article's saved annotations\n"
               "  eval --gold DIR --predicted DIR [--json]\n"
               "      precision, recall and F1 of predicted .ann files against gold ones\n"
               "  stream [--jobs N] [--personal-lexicon FILE]\n"
               "      JSON Lines {\"id\", \"text\"} on stdin, one result line per input on stdout\n"
               "\n"
               "Formats: %2. Run '%1 COMMAND --help' for a command's options.\n")
        .arg(program, Formats::names().join(QStringLiteral(", ")));
}

// A parser for one command: parse() instead of process(), so errors come
// back as an exit status and tests can run the code in-process.
struct Command {
    QCommandLineParser parser;
    QString name;

    explicit Command(const QString &commandName, const QString &description)
        : name(commandName)
    {
        parser.setApplicationDescription(description);
        parser.addHelpOption();
    }
    /// 0 to go on, else the exit status to return.
    int parse(const QStringList &arguments)
    {
        QStringList args = arguments;
        args.removeAt(1); // the command name
        if (!parser.parse(args)) {
            say(QStringLiteral("%1: %2").arg(name, parser.errorText()));
            return ExitUsage;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            writeOut(parser.helpText().replace(QStringLiteral("[options]"), name + QStringLiteral(" [options]")).toUtf8());
            return -1;
        }
        return 0;
    }
};

QCommandLineOption formatOption(const QString &defaultValue = QString())
{
    QCommandLineOption o(QStringList{QStringLiteral("f"), QStringLiteral("format")},
                         QStringLiteral("Output format: %1.").arg(Formats::names().join(QStringLiteral(", "))), QStringLiteral("FMT"));
    if (!defaultValue.isEmpty())
        o.setDefaultValue(defaultValue);
    return o;
}

QCommandLineOption jobsOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("j"), QStringLiteral("jobs")}, QStringLiteral("Articles processed at once (default: the number of cores)."),
                              QStringLiteral("N"), QString::number(defaultJobs()));
}

QCommandLineOption lexiconOption()
{
    return QCommandLineOption(QStringLiteral("personal-lexicon"),
                              QStringLiteral("Correct the recognisers with this personal lexicon (the GUI keeps one in its data folder). "
                                             "Without it the recognisers work on their own, so batches are reproducible."),
                              QStringLiteral("FILE"));
}

// The personal lexicon named by --personal-lexicon; false when it is given but cannot be used.
bool lexiconFrom(const QCommandLineParser &parser, std::optional<PersonalLexicon> &lexicon)
{
    if (!parser.isSet(QStringLiteral("personal-lexicon")))
        return true;
    const QString path = parser.value(QStringLiteral("personal-lexicon"));
    if (!QFileInfo::exists(path)) {
        say(QStringLiteral("%1: no such personal lexicon").arg(path));
        return false;
    }
    QString error;
    lexicon.emplace();
    if (!lexicon->load(path, &error)) {
        say(error);
        return false;
    }
    return true;
}

QCommandLineOption utf16Option()
{
    return QCommandLineOption(QStringLiteral("utf16-offsets"), QStringLiteral("jsonl: offsets in UTF-16 units, as doccano's browser counts them (default: code points)."));
}

std::optional<int> jobsFrom(const QCommandLineParser &p)
{
    bool ok = false;
    const int n = p.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || n < 1) {
        say(QStringLiteral("--jobs wants a positive number, not \"%1\"").arg(p.value(QStringLiteral("jobs"))));
        return std::nullopt;
    }
    return n;
}

std::optional<Format> formatFrom(const QCommandLineParser &p)
{
    const QString name = p.value(QStringLiteral("format"));
    const auto f = Formats::fromName(name);
    if (!f)
        say(QStringLiteral("unknown format \"%1\"; the formats are %2").arg(name, Formats::names().join(QStringLiteral(", "))));
    return f;
}

AnnotationData dataOf(const AnnotationSet &set)
{
    return AnnotationData{set.annotations(), set.entities(), set.userTypes()};
}

/// Reads an article and its saved annotations into @p set; returns the error.
QString loadArticle(const QString &path, std::optional<Document> &doc, AnnotationSet &set)
{
    QString error;
    doc = Document::load(path, &error);
    if (!doc)
        return error;
    const SidecarStore::LoadResult saved = SidecarStore::load(*doc);
    if (saved.status == SidecarStore::LoadStatus::Invalid)
        return saved.error;
    set.reset(saved.data.annotations, saved.data.entities, saved.data.orphans, saved.data.types);
    for (const QString &w : saved.data.warnings)
        say(QStringLiteral("%1: %2").arg(SidecarStore::sidecarPath(path), w));
    if (saved.newOrphans)
        say(QStringLiteral("%1: the article changed; %2 annotations could not be placed and were kept as orphans").arg(path).arg(saved.newOrphans));
    return QString();
}

std::mutex confMutex;

/// Where an export goes: stdout, one file, or a directory.
struct Destination {
    enum Kind { Stdout, File, Directory, Collect } kind = Stdout;
    QString path;
    std::vector<QByteArray> *collected = nullptr; ///< Collect: one slot per article
    qsizetype index = 0;
};

/// Writes @p data of @p doc (from @p articlePath) to @p dest; returns the error.
QString writeExport(Format format, const FormatOptions &options, const Document &doc, const QString &articlePath, const AnnotationData &data,
                    const Destination &dest)
{
    const ExportResult r = Formats::write(format, doc, data, options);
    if (!r.error.isEmpty())
        return QStringLiteral("%1: %2").arg(articlePath, r.error);
    for (const QString &w : r.warnings)
        say(QStringLiteral("%1: %2").arg(articlePath, w));
    if (dest.kind == Destination::Stdout) {
        writeOut(r.bytes);
        std::fflush(stdout);
        return QString();
    }
    if (dest.kind == Destination::Collect) {
        (*dest.collected)[size_t(dest.index)] = r.bytes;
        return QString();
    }
    const QString base = QFileInfo(articlePath).completeBaseName();
    const QString target = dest.kind == Destination::File ? dest.path : QDir(dest.path).filePath(base + u'.' + Formats::extension(format));
    QString error;
    if (!SidecarStore::writeFile(target, r.bytes, &error))
        return error;
    if (format == Format::Brat && dest.kind == Destination::Directory) {
        // brat needs the text beside the .ann and its two configuration files.
        const QString txt = QDir(dest.path).filePath(base + QStringLiteral(".txt"));
        if (!QFileInfo::exists(txt)) {
            if (!SidecarStore::writeFile(txt, doc.text().toUtf8(), &error))
                return error;
        } else if (QFileInfo(txt).canonicalFilePath() != QFileInfo(articlePath).canonicalFilePath()) {
            QString ignored;
            const auto existing = Document::load(txt, &ignored);
            if (!existing || existing->text() != doc.text())
                say(QStringLiteral("%1: exists and differs from %2; it was left as it is, but the offsets refer to %2").arg(txt, articlePath));
        }
        std::lock_guard lock(confMutex);
        for (const auto &[name, bytes] : {std::pair{QStringLiteral("annotation.conf"), BratFormat::annotationConf(data)},
                                          std::pair{QStringLiteral("visual.conf"), BratFormat::visualConf(data)}}) {
            if (!SidecarStore::writeFile(QDir(dest.path).filePath(name), bytes, &error))
                return error;
        }
    }
    return QString();
}

int annotate(const QStringList &arguments)
{
    Command c(QStringLiteral("annotate"), QStringLiteral("Runs the recognisers on each article, merged with its saved annotations."));
    c.parser.addOption(formatOption(QStringLiteral("brat")));
    c.parser.addOption({QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Directory for DIR/<article base name>.<ext> files."), QStringLiteral("DIR")});
    c.parser.addOption({QStringLiteral("save"), QStringLiteral("Also write the merged result into each article's sidecar.")});
    c.parser.addOption(jobsOption());
    c.parser.addOption(utf16Option());
    c.parser.addOption(lexiconOption());
    c.parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files (UTF-8 text or Markdown)."), QStringLiteral("ARTICLE..."));
    if (const int status = c.parse(arguments))
        return std::max(status, 0);
    const auto format = formatFrom(c.parser);
    const auto jobs = jobsFrom(c.parser);
    if (!format || !jobs)
        return ExitUsage;
    std::optional<PersonalLexicon> lexicon;
    if (!lexiconFrom(c.parser, lexicon))
        return ExitUsage;
    const QStringList articles = c.parser.positionalArguments();
    const bool save = c.parser.isSet(QStringLiteral("save"));
    const QString output = c.parser.value(QStringLiteral("output"));
    if (articles.isEmpty()) {
        say(QStringLiteral("annotate: no article given\n") + usage(QFileInfo(arguments.value(0)).fileName()));
        return ExitUsage;
    }
    Destination dest;
    bool write = true;
    if (!output.isEmpty()) {
        dest = {Destination::Directory, output};
        if (!QDir().mkpath(output)) {
            say(QStringLiteral("%1: cannot create the output directory").arg(output));
            return ExitFailed;
        }
    } else if (articles.size() > 1) {
        if (!save) {
            say(QStringLiteral("annotate: several articles need --output DIR (or --save)"));
            return ExitUsage;
        }
        write = false;
    }
    FormatOptions options;
    options.utf16Offsets = c.parser.isSet(QStringLiteral("utf16-offsets"));
    BatchRunner runner(*jobs);
    const QStringList failures = runner.run(articles.size(), [&](qsizetype i) -> QString {
        const QString &path = articles[i];
        std::optional<Document> doc;
        AnnotationSet set;
        if (QString error = loadArticle(path, doc, set); !error.isEmpty())
            return error;
        set.apply(SuggestionMerger::merge(set, Pipeline::run(doc->text(), lexicon ? &*lexicon : nullptr)));
        if (save) {
            QString error;
            if (!SidecarStore::save(*doc, set, &error))
                return error;
        }
        return write ? writeExport(*format, options, *doc, path, dataOf(set), dest) : QString();
    });
    return BatchRunner::summarize(QStringLiteral("annotate"), articles.size(), failures);
}

int exportCommand(const QStringList &arguments)
{
    Command c(QStringLiteral("export"), QStringLiteral("Writes each article's saved annotations in another format (no recognition)."));
    c.parser.addOption(formatOption());
    c.parser.addOption({QStringList{QStringLiteral("o"), QStringLiteral("output")},
                        QStringLiteral("Directory for DIR/<article base name>.<ext> files, or one file for one article (for jsonl: one file, a line per article)."), QStringLiteral("DIR|FILE")});
    c.parser.addOption(jobsOption());
    c.parser.addOption(utf16Option());
    c.parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files."), QStringLiteral("ARTICLE..."));
    if (const int status = c.parse(arguments))
        return std::max(status, 0);
    if (!c.parser.isSet(QStringLiteral("format"))) {
        say(QStringLiteral("export: --format is required (%1)").arg(Formats::names().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const auto format = formatFrom(c.parser);
    const auto jobs = jobsFrom(c.parser);
    if (!format || !jobs)
        return ExitUsage;
    const QStringList articles = c.parser.positionalArguments();
    if (articles.isEmpty()) {
        say(QStringLiteral("export: no article given"));
        return ExitUsage;
    }
    const QString output = c.parser.value(QStringLiteral("output"));
    Destination dest;
    if (output.isEmpty()) {
        if (articles.size() > 1) {
            say(QStringLiteral("export: several articles need --output DIR"));
            return ExitUsage;
        }
    } else if (*format == Format::Doccano && !QFileInfo(output).isDir() && !output.endsWith(u'/')) {
        // doccano reads one JSONL file with a line per article.
        dest = {Destination::Collect, output};
    } else if (QFileInfo(output).isDir() || output.endsWith(u'/') || articles.size() > 1) {
        dest = {Destination::Directory, output};
        if (!QDir().mkpath(output)) {
            say(QStringLiteral("%1: cannot create the output directory").arg(output));
            return ExitFailed;
        }
    } else {
        dest = {Destination::File, output};
    }
    FormatOptions options;
    options.utf16Offsets = c.parser.isSet(QStringLiteral("utf16-offsets"));
    BatchRunner runner(*jobs);
    std::vector<QByteArray> collected(dest.kind == Destination::Collect ? size_t(articles.size()) : 0);
    QStringList failures = runner.run(articles.size(), [&](qsizetype i) -> QString {
        std::optional<Document> doc;
        AnnotationSet set;
        if (QString error = loadArticle(articles[i], doc, set); !error.isEmpty())
            return error;
        Destination mine = dest;
        mine.collected = &collected;
        mine.index = i;
        return writeExport(*format, options, *doc, articles[i], dataOf(set), mine);
    });
    if (dest.kind == Destination::Collect) {
        QByteArray all;
        for (const QByteArray &line : collected)
            all += line;
        QString error;
        if (!SidecarStore::writeFile(dest.path, all, &error))
            failures.append(error);
    }
    return BatchRunner::summarize(QStringLiteral("export"), articles.size(), failures);
}

int importCommand(const QStringList &arguments)
{
    Command c(QStringLiteral("import"), QStringLiteral("Merges the annotations of FILE into the saved annotations of ARTICLE."));
    c.parser.addOption(formatOption());
    c.parser.addOption(utf16Option());
    c.parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("The article the annotations belong to."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The annotation file to import."));
    if (const int status = c.parse(arguments))
        return std::max(status, 0);
    const QStringList args = c.parser.positionalArguments();
    if (!c.parser.isSet(QStringLiteral("format")) || args.size() != 2) {
        say(QStringLiteral("usage: import --format FMT ARTICLE FILE"));
        return ExitUsage;
    }
    const auto format = formatFrom(c.parser);
    if (!format)
        return ExitUsage;
    if (!Formats::canImport(*format)) {
        say(QStringLiteral("import: %1 files cannot be imported (importable: json, brat, jsonl, webanno)").arg(Formats::title(*format)));
        return ExitUsage;
    }
    const QString &articlePath = args[0];
    const QString &file = args[1];
    std::optional<Document> doc;
    AnnotationSet set;
    if (QString error = loadArticle(articlePath, doc, set); !error.isEmpty()) {
        say(error);
        return ExitFailed;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        say(QStringLiteral("%1: cannot be read (%2)").arg(file, in.errorString()));
        return ExitFailed;
    }
    FormatOptions options;
    options.utf16Offsets = c.parser.isSet(QStringLiteral("utf16-offsets"));
    const ImportResult r = Formats::read(*format, in.readAll(), *doc, options);
    if (!r.ok()) {
        say(QStringLiteral("%1: %2").arg(file, r.error));
        return ExitFailed;
    }
    bool skipped = false;
    for (qsizetype i = 0; i < r.issues.size(); ++i) {
        skipped = skipped || r.issues[i].skipped;
    }
    for (const QString &m : r.messages(file))
        say(m);
    qsizetype added = 0;
    set.apply(ImportMerger::merge(set, r.data, &added));
    QString error;
    if (!SidecarStore::save(*doc, set, &error)) {
        say(error);
        return ExitFailed;
    }
    say(QStringLiteral("%1: imported %2 of %3 annotations into %4%5")
            .arg(file)
            .arg(added)
            .arg(r.data.annotations.size())
            .arg(SidecarStore::sidecarPath(articlePath), skipped ? QStringLiteral("; some were rejected (see above)") : QString()));
    return skipped ? ExitFailed : 0;
}

QString formatScoreRow(const QString &label, const Score &s)
{
    if (s.isEmpty())
        return QStringLiteral("  %1  %2\n").arg(label, -26).arg(QStringLiteral("(none in gold or predicted)"));
    return QStringLiteral("  %1  %2  %3  %4  %5  %6\n")
        .arg(label, -26)
        .arg(s.precision(), 6, 'f', 3)
        .arg(s.recall(), 6, 'f', 3)
        .arg(s.f1(), 6, 'f', 3)
        .arg(QStringLiteral("%1/%2").arg(s.correct).arg(s.predicted), 11)
        .arg(QStringLiteral("%1/%2").arg(s.found).arg(s.gold), 11);
}

QString formatScores(const QString &title, const Scores &scores)
{
    QString out = title + u'\n';
    out += QStringLiteral("  %1  %2  %3  %4  %5  %6\n")
               .arg(QStringLiteral("measure"), -26)
               .arg(QStringLiteral("P"), 6)
               .arg(QStringLiteral("R"), 6)
               .arg(QStringLiteral("F1"), 6)
               .arg(QStringLiteral("right/pred"), 11)
               .arg(QStringLiteral("found/gold"), 11);
    for (int m = 0; m < MeasureCount; ++m)
        out += formatScoreRow(toString(Measure(m)), scores[Measure(m)]);
    return out;
}

QJsonObject scoresJson(const Scores &scores)
{
    QJsonObject o;
    for (int m = 0; m < MeasureCount; ++m) {
        const Score &s = scores[Measure(m)];
        o.insert(key(Measure(m)), QJsonObject{{QStringLiteral("precision"), s.precision()},
                                              {QStringLiteral("recall"), s.recall()},
                                              {QStringLiteral("f1"), s.f1()},
                                              {QStringLiteral("correct"), s.correct},
                                              {QStringLiteral("predicted"), s.predicted},
                                              {QStringLiteral("found"), s.found},
                                              {QStringLiteral("gold"), s.gold}});
    }
    return o;
}

int evalCommand(const QStringList &arguments)
{
    Command c(QStringLiteral("eval"), QStringLiteral("Scores predicted brat files against gold ones by the guideline's matching, per file and in total (micro-averaged)."));
    c.parser.addOption({QStringLiteral("gold"), QStringLiteral("Directory of gold .ann files (with their .txt articles)."), QStringLiteral("DIR")});
    c.parser.addOption({QStringLiteral("predicted"), QStringLiteral("Directory of predicted .ann files, matched by base name."), QStringLiteral("DIR")});
    c.parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    if (const int status = c.parse(arguments))
        return std::max(status, 0);
    const QString goldDir = c.parser.value(QStringLiteral("gold"));
    const QString predictedDir = c.parser.value(QStringLiteral("predicted"));
    if (goldDir.isEmpty() || predictedDir.isEmpty()) {
        say(QStringLiteral("usage: eval --gold DIR --predicted DIR [--json]"));
        return ExitUsage;
    }
    for (const QString &d : {goldDir, predictedDir}) {
        if (!QFileInfo(d).isDir()) {
            say(QStringLiteral("%1: not a directory").arg(d));
            return ExitFailed;
        }
    }
    const QStringList goldFiles = QDir(goldDir).entryList({QStringLiteral("*.ann")}, QDir::Files, QDir::Name);
    if (goldFiles.isEmpty()) {
        say(QStringLiteral("%1: no gold .ann files").arg(goldDir));
        return ExitFailed;
    }
    QStringList failures;
    Scores total;
    QString table;
    QJsonArray files;
    auto readAnn = [&](const QString &path, const Document *doc, bool *ok) -> AnnotationData {
        QFile f(path);
        *ok = f.open(QIODevice::ReadOnly);
        if (!*ok) {
            failures.append(QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString()));
            return {};
        }
        const ImportResult r = BratFormat::read(f.readAll(), doc);
        for (const QString &m : r.messages(path))
            say(m);
        if (!r.ok()) {
            failures.append(QStringLiteral("%1: %2").arg(path, r.error));
            *ok = false;
        }
        return r.data;
    };
    for (const QString &name : goldFiles) {
        const QString base = name.chopped(4);
        std::optional<Document> doc;
        for (const QString &dir : {goldDir, predictedDir}) {
            const QString txt = QDir(dir).filePath(base + QStringLiteral(".txt"));
            if (!doc && QFileInfo::exists(txt)) {
                QString error;
                doc = Document::load(txt, &error);
                if (!doc)
                    say(error);
            }
        }
        bool ok = false;
        const AnnotationData gold = readAnn(QDir(goldDir).filePath(name), doc ? &*doc : nullptr, &ok);
        if (!ok)
            continue;
        const QString predictedPath = QDir(predictedDir).filePath(name);
        AnnotationData predicted;
        if (!QFileInfo::exists(predictedPath))
            failures.append(QStringLiteral("%1: no predicted file for this gold file; scored as finding nothing").arg(predictedPath));
        else
            predicted = readAnn(predictedPath, doc ? &*doc : nullptr, &ok);
        const Scores s = Evaluation::score(gold, predicted, doc ? &*doc : nullptr);
        total += s;
        table += formatScores(base, s) + u'\n';
        files.append(QJsonObject{{QStringLiteral("name"), base}, {QStringLiteral("measures"), scoresJson(s)}});
    }
    if (c.parser.isSet(QStringLiteral("json"))) {
        const QJsonObject root{{QStringLiteral("files"), files},
                               {QStringLiteral("total"), scoresJson(total)},
                               {QStringLiteral("failures"), QJsonArray::fromStringList(failures)}};
        writeOut(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        table += formatScores(QStringLiteral("TOTAL (micro-averaged over %1 files)").arg(files.size()), total);
        writeOut(table.toUtf8());
    }
    std::fflush(stdout);
    for (const QString &f : failures)
        say(f);
    return failures.isEmpty() ? 0 : ExitFailed;
}

/// Writes one JSON object's members in the order given, commas between.
class ObjectWriter
{
public:
    explicit ObjectWriter(QByteArray &out)
        : m_out(out)
    {
        m_out += '{';
    }
    ~ObjectWriter() { m_out += '}'; }
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    /// Starts the member @p name (plain ASCII): the value is appended next.
    QByteArray &key(const char *name)
    {
        if (m_members++)
            m_out += ',';
        m_out += '"';
        m_out += name;
        m_out += "\":";
        return m_out;
    }
    void string(const char *name, const QString &value) { json::appendString(key(name), value); }
    void number(const char *name, qint64 value) { key(name) += QByteArray::number(value); }
    void map(const char *name, const QMap<QString, QString> &map)
    {
        ObjectWriter inner(key(name));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (inner.m_members++)
                m_out += ',';
            json::appendString(m_out, it.key());
            m_out += ':';
            json::appendString(m_out, it.value());
        }
    }
    /// The input's id; a line without one gets null, as a broken line does,
    /// so every result has the same keys.
    void id(const QJsonValue &id)
    {
        if (id.isUndefined())
            key("id") += "null";
        else
            json::appendValue(key("id"), id);
    }

private:
    QByteArray &m_out;
    int m_members = 0;
};

// One stream result: the input's id, the annotations and entities, offsets
// in code points. Written by hand, members in the order QJsonDocument wrote
// them (by name): building QJsonObjects took half of each line's time.
QByteArray streamResult(const QJsonValue &id, const Recognition &r)
{
    QByteArray out;
    out.reserve(48 + r.annotations.size() * 100 + r.entities.size() * 60);
    {
        ObjectWriter result(out);
        QByteArray &annotations = result.key("annotations");
        annotations += '[';
        for (qsizetype i = 0; i < r.annotations.size(); ++i) {
            const Annotation &a = r.annotations[i];
            if (i)
                out += ',';
            ObjectWriter o(out);
            if (!a.attributes.isEmpty())
                o.map("attributes", a.attributes);
            o.number("end", a.end);
            if (!a.entity.isEmpty())
                o.string("entity", a.entity);
            o.string("id", a.id);
            if (!a.saidBy.isEmpty())
                o.string("saidBy", a.saidBy);
            o.number("start", a.start);
            o.string("text", a.text);
            o.string("type", a.type);
        }
        out += ']';
        result.key("entities") += '[';
        for (qsizetype i = 0; i < r.entities.size(); ++i) {
            const Entity &e = r.entities[i];
            if (i)
                out += ',';
            ObjectWriter o(out);
            if (!e.attributes.isEmpty())
                o.map("attributes", e.attributes);
            o.string("id", e.id);
            o.string("name", e.name);
            o.string("type", e.type);
        }
        out += ']';
        result.id(id);
    }
    return out;
}

QByteArray streamError(const QJsonValue &id, const QString &reason)
{
    QByteArray out;
    {
        ObjectWriter result(out);
        result.string("error", reason);
        result.id(id);
    }
    return out;
}

int streamCommand(const QStringList &arguments)
{
    Command c(QStringLiteral("stream"),
              QStringLiteral("Reads JSON Lines {\"id\": ..., \"text\": ...} from stdin and writes one result line per input to stdout, in order, each with its input's id."));
    c.parser.addOption(jobsOption());
    c.parser.addOption(lexiconOption());
    if (const int status = c.parse(arguments))
        return std::max(status, 0);
    const auto jobs = jobsFrom(c.parser);
    if (!jobs)
        return ExitUsage;
    std::optional<PersonalLexicon> lexicon;
    if (!lexiconFrom(c.parser, lexicon))
        return ExitUsage;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        say(QStringLiteral("stdin: cannot be read"));
        return ExitFailed;
    }
    const StreamSummary s = streamLines(
        in, *jobs,
        [](const QByteArray &block) {
            writeOut(block);
            std::fflush(stdout);
        },
        [](const QString &message) { say(QStringLiteral("stdin:") + message); }, lexicon ? &*lexicon : nullptr);
    if (s.broken)
        say(QStringLiteral("stream: %1 of %2 lines could not be processed").arg(s.broken).arg(s.processed));
    return s.broken ? ExitFailed : 0;
}

} // namespace

StreamSummary streamLines(QIODevice &in, int jobs, const std::function<void(const QByteArray &)> &write,
                          const std::function<void(const QString &)> &report, const PersonalLexicon *lexicon)
{
    return streamLines(in, jobs, write, report, [lexicon](const QString &text) { return Pipeline::run(text, lexicon); });
}

namespace {

/// Lines are read in pieces of this many bytes (one piece for most).
constexpr qint64 PieceSize = 64 * 1024;

/// The next line of @p in, its line break included, read through @p piece.
/// QIODevice::readLine() gives every line a 16 KB buffer and grows it, and
/// took a sixth of the time of a short line.
QByteArray readLine(QIODevice &in, char *piece, qint64 size)
{
    QByteArray line;
    for (;;) {
        const qint64 n = in.readLine(piece, size);
        if (n <= 0)
            return line;
        const bool complete = piece[n - 1] == '\n';
        if (complete && line.isEmpty())
            return QByteArray(piece, qsizetype(n));
        line.append(piece, qsizetype(n));
        if (complete)
            return line;
    }
}

} // namespace

StreamSummary streamLines(QIODevice &in, int jobs, const std::function<void(const QByteArray &)> &write,
                          const std::function<void(const QString &)> &report, const StreamAnnotator &annotate)
{
    // Lines are read in windows of a few per thread, processed in parallel and
    // written in input order: memory stays bounded by the window.
    const qsizetype window = qsizetype(std::max(jobs, 1)) * 4;
    std::vector<QByteArray> lines;
    std::vector<QByteArray> results;
    qint64 lineNo = 0;
    qint64 broken = 0;
    qint64 processed = 0;
    std::mutex brokenMutex;
    const std::unique_ptr<char[]> piece(new char[PieceSize]);
    for (;;) {
        lines.clear();
        while (qsizetype(lines.size()) < window) {
            QByteArray line = readLine(in, piece.get(), PieceSize);
            if (line.isEmpty() && in.atEnd())
                break;
            lines.push_back(std::move(line));
        }
        if (lines.empty())
            break;
        results.assign(lines.size(), QByteArray());
        const qint64 firstLine = lineNo + 1;
        lineNo += qint64(lines.size());
        BatchRunner runner(jobs);
        runner.run(qsizetype(lines.size()), [&](qsizetype i) -> QString {
            QByteArray &line = lines[size_t(i)];
            while (!line.isEmpty() && (line.endsWith('\n') || line.endsWith('\r')))
                line.chop(1);
            if (line.trimmed().isEmpty())
                return QString(); // blank lines carry no article
            const qint64 number = firstLine + i;
            QJsonParseError pe;
            const QJsonDocument json = QJsonDocument::fromJson(line, &pe);
            QString why;
            QJsonValue id;
            if (pe.error != QJsonParseError::NoError)
                why = QStringLiteral("not valid JSON (%1 at character %2)").arg(pe.errorString()).arg(pe.offset);
            else if (!json.isObject())
                why = QStringLiteral("not a JSON object");
            else {
                id = json.object().value(QLatin1String("id"));
                const QJsonValue text = json.object().value(QLatin1String("text"));
                if (!text.isString())
                    why = QStringLiteral("has no \"text\" string");
                else
                    results[size_t(i)] = streamResult(id, annotate(text.toString()));
            }
            if (!why.isEmpty()) {
                report(QStringLiteral("%1: %2").arg(number).arg(why));
                results[size_t(i)] = streamError(id, why);
                std::lock_guard lock(brokenMutex);
                ++broken;
            }
            line = QByteArray(); // free early
            return QString();
        });
        QByteArray block;
        for (const QByteArray &r : results) {
            if (r.isEmpty())
                continue;
            block += r;
            block += '\n';
            ++processed;
        }
        if (!block.isEmpty())
            write(block);
    }
    return {processed, broken};
}

int run(const QStringList &arguments)
{
    const QString program = QFileInfo(arguments.value(0)).fileName();
    const QString command = arguments.value(1);
    if (command == QLatin1String("annotate"))
        return annotate(arguments);
    if (command == QLatin1String("export"))
        return exportCommand(arguments);
    if (command == QLatin1String("import"))
        return importCommand(arguments);
    if (command == QLatin1String("eval"))
        return evalCommand(arguments);
    if (command == QLatin1String("stream"))
        return streamCommand(arguments);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        writeOut(usage(program).toUtf8());
        return 0;
    }
    if (command == QLatin1String("--version")) {
        writeOut(QStringLiteral("%1 %2\n").arg(program, QCoreApplication::applicationVersion()).toUtf8());
        return 0;
    }
    say((command.isEmpty() ? QString() : QStringLiteral("unknown command \"%1\"\n").arg(command)) + usage(program));
    return ExitUsage;
}

} // namespace annotator::cli
