#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>

namespace annotator {
class PersonalLexicon;
struct Recognition;
}

namespace annotator::cli {

/// Runs the command line (argv as Qt gives it) and returns the exit status.
int run(const QStringList &arguments);

/// What streamLines() did: result lines written (broken ones included) and
/// lines that could not be processed.
struct StreamSummary {
    qint64 processed = 0;
    qint64 broken = 0;
};

/// The `stream` command's work on any device: reads JSON Lines
/// {"id": ..., "text": ...} from @p in with @p jobs threads and hands
/// @p write the result lines, in input order, a window of lines at a time.
/// Each broken line is answered with an error line and told to @p report as
/// "LINE: reason" (possibly from several threads at once). @p lexicon, when
/// given, corrects the recognisers (--personal-lexicon). The command runs it
/// on stdin and stdout; the fuzz target on memory.
StreamSummary streamLines(QIODevice &in, int jobs, const std::function<void(const QByteArray &)> &write,
                          const std::function<void(const QString &)> &report, const PersonalLexicon *lexicon = nullptr);

/// What streamLines() does with the text of each line that has one.
using StreamAnnotator = std::function<Recognition(const QString &text)>;
/// The same loop with another annotator than the recognisers: the fuzz
/// target's, which explores the reader and the writer while the recognisers
/// have a target of their own.
StreamSummary streamLines(QIODevice &in, int jobs, const std::function<void(const QByteArray &)> &write,
                          const std::function<void(const QString &)> &report, const StreamAnnotator &annotate);

}
