#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>
#include <utility>

namespace annotator {

class AnalyzedText;
struct Recognition;

/// The user's corrections remembered across articles: text rejected as a
/// type ("never a Country: Jordan" when it was a person's name) and text the
/// user tagged ("always a Country: Ruritania -> RU", "always a Speaker:
/// Acme Holdings"). The recognisers read it (Pipeline) so a rejected text is
/// not suggested again and a tagged one is found in the next article.
///
/// Text is compared after whitespace is collapsed and case folded; matches in
/// an article are whole words only, and an entry that starts with a capital
/// only matches text that starts with one (or is in capitals), so "Turkey"
/// does not find the bird. A value type: copies share their data and their
/// match index, so a copy handed to a worker thread is safe to read there.
///
/// Kept as small, versioned, human-readable JSON (see defaultPath()),
/// written atomically; a file that cannot be read is never overwritten.
/// Several running programs may share the file: each remembers what it
/// changed since it last read or wrote the file, and a save applies those
/// changes onto what the file holds then (see save()).
class PersonalLexicon
{
public:
    enum class Decision { Always, Never };
    struct Entry {
        QString type; ///< annotation type: Country, Speaker, Event or a user type
        QString text; ///< as the user saw it, whitespace collapsed
        Decision decision = Decision::Never;
        QString code; ///< Country with Decision::Always: ISO 3166-1 alpha-2 (may be empty)
        bool operator==(const Entry &) const = default;
    };

    static constexpr int FormatVersion = 1;

    PersonalLexicon();

    /// `personal-lexicon.json` in the application's data folder
    /// (QStandardPaths::AppDataLocation).
    static QString defaultPath();
    /// The form texts are compared in: whitespace collapsed, case folded.
    static QString normalized(QStringView text);

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    /// All entries, by type then text.
    QList<Entry> entries() const { return m_entries.values(); }
    /// The entry for @p text as @p type, if any.
    std::optional<Entry> find(const QString &type, QStringView text) const;
    /// Adds @p entry or replaces the one for the same type and text (a
    /// rejection replaces an earlier "always" and the other way round).
    /// Returns false if nothing changed. Empty texts are ignored.
    bool set(Entry entry);
    /// Removes the entry for @p text as @p type; false if there was none.
    bool remove(const QString &type, QStringView text);
    void clear();

    /// Whether @p text was rejected as @p type.
    bool isRejected(const QString &type, QStringView text) const;

    // --- file
    /// Reads @p path. A missing file is an empty lexicon (true); a file that
    /// is not a lexicon of this or an older version gives false and @p error
    /// naming the file, and the lexicon is left empty.
    bool load(const QString &path, QString *error);
    /// Writes the lexicon to @p path atomically (QSaveFile), merged with what
    /// another program saved there meanwhile: under a lock (@p path +
    /// ".lock") the file is read again, the entries this lexicon added,
    /// edited or removed since it was loaded or last saved are applied onto
    /// it, and the result is written and becomes this lexicon's content.
    /// Entries it did not touch are kept as the file has them, so no entry
    /// is lost that this lexicon did not remove. A missing file gets all of
    /// this lexicon's entries. Refuses (false, @p error) when a file is there
    /// that cannot be read as a lexicon, so a broken or newer file is never
    /// replaced by less; with @p overwriteBroken the broken file is first
    /// kept as @p path + ".bak" and replaced by this lexicon's entries.
    bool save(const QString &path, QString *error, bool overwriteBroken = false);
    /// Whether entries were added, edited or removed since the lexicon was
    /// loaded or last saved.
    bool hasUnsavedChanges() const { return !m_changes.isEmpty(); }
    QByteArray toJson() const;
    /// Replaces the entries with those of @p bytes (the file's contents);
    /// false with @p problem (the reason, without a file name) when they are
    /// not a lexicon this version reads, and then nothing changes.
    bool fromJson(const QByteArray &bytes, QString *problem);

    // --- recognition (used by Pipeline)
    /// The types that have entries, Country, Speaker and Event first.
    QStringList types() const;
    /// Applies the entries of @p type to what the recognisers found in
    /// @p text so far: mentions of rejected text are dropped (with their
    /// entity when it has no mention left), tagged text is added where no
    /// mention of that type covers it, Country mentions take the remembered
    /// code. Added Speaker and Event mentions join an entity with a mention
    /// of the same text, or one new entity per text.
    void applyTo(const QString &type, const AnalyzedText &text, Recognition &out) const;

private:
    struct Index;
    using Key = std::pair<QString, QString>; ///< type, normalized text
    void rebuild();
    static QMap<Key, Entry> toMap(QList<Entry> entries);

    QMap<Key, Entry> m_entries;
    /// What this lexicon changed since it was loaded or saved: each touched
    /// key's state now (nothing = removed); applied onto the file by save().
    QMap<Key, std::optional<Entry>> m_changes;
    std::shared_ptr<const Index> m_index; ///< rebuilt on every change, never modified
};

QString toString(PersonalLexicon::Decision decision);

} // namespace annotator
