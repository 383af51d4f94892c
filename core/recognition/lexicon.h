#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace annotator {

/// The recognisers' word lists and tables, read once from the Qt resources
/// under `:/lexicons/<name>` (hand-written tables from resources/lexicons and
/// tables generated at build time from iso-codes and WordNet).
///
/// A lexicon file has one entry a line, fields separated by tabs; lines that
/// start with `#` and blank lines are skipped. Each file is loaded on first
/// use and kept for the life of the program; the accessors are thread-safe and
/// the references they return stay valid. A missing lexicon is empty, with a
/// warning.
class Lexicon
{
public:
    /// Every entry of lexicon @p name, split into its fields.
    static const QList<QStringList> &table(const QString &name);
    /// The first field of every entry of lexicon @p name.
    static const QSet<QString> &words(const QString &name);
};

} // namespace annotator
