#pragma once

#include <QAnyStringView>
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
/// warning. The name is taken by value (any Qt string type), so a
/// temporary name never looks like it could dangle.
class Lexicon
{
public:
    /// Every entry of lexicon @p name, split into its fields.
    static const QList<QStringList> &table(QAnyStringView name);
    /// The first field of every entry of lexicon @p name.
    static const QSet<QString> &words(QAnyStringView name);
};

} // namespace annotator
