#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace annotator {

/// The event vocabulary: trigger words and phrases
/// (resources/lexicons/event-triggers.tsv) and multiword event names
/// (resources/lexicons/event-names.tsv), loaded once and expanded into every
/// inflected surface form, indexed by the lower-cased first word.
class EventLexicon
{
public:
    enum class PartOfSpeech : std::uint8_t { Noun, Verb, Name };
    /// Which inflection a surface form is.
    enum class Form : std::uint8_t { Singular, Plural, Base, ThirdPerson, Past, Ing, Name };

    /// Flags of the trigger table (see the file's header).
    enum Flag : std::uint8_t {
        NeedsSpecifier = 1, ///< d: determiner, possessor, number, name or modifier before it
        NeedsPossessor = 2, ///< p: a possessor or a country right before it
        SingularOnly = 4, ///< s
        PluralOnly = 8, ///< x: the form as written is the only one
        AmbiguousBare = 16, ///< b: adjective or verb too; needs a determiner and no noun after it
    };

    struct Trigger {
        QString text; ///< as written in the table (a label for the entity)
        QString eventClass;
        int classId = 0;
        PartOfSpeech pos = PartOfSpeech::Noun;
        std::uint8_t flags = 0;
    };

    /// One surface form: its words after the first (lower case for triggers,
    /// exact case for names; "-" is a word of its own, "*" a capitalised word,
    /// "#" a number).
    struct Surface {
        int trigger = 0;
        Form form = Form::Singular;
        bool exactCase = false;
        bool allowGap = false; ///< verb phrase: determiners or numbers may stand between verb and object
        QString first; ///< first word as written (exact case for names)
        QStringList rest;
    };

    static const EventLexicon &instance();

    /// Surfaces whose first word is @p lowerWord (lower case), or nullptr.
    const std::vector<Surface> *find(const QString &lowerWord) const;
    /// Names that start with a word prefix followed by digits (COP28).
    const std::vector<Surface> &digitSuffixNames() const { return m_digitSuffix; }
    const Trigger &trigger(int i) const { return m_triggers[size_t(i)]; }
    int classCount() const { return int(m_classes.size()); }
    bool isEmpty() const { return m_triggers.empty(); }

    /// Parses the two tables (used by instance(), and by tests with their own data).
    void loadTriggers(const QString &tsv);
    void loadNames(const QString &tsv);

private:
    int classId(const QString &name);
    void addSurface(int trigger, Form form, const QStringList &words, bool exactCase, bool allowGap);

    std::vector<Trigger> m_triggers;
    QStringList m_classes;
    QHash<QString, std::vector<Surface>> m_byFirst;
    std::vector<Surface> m_digitSuffix;
};

} // namespace annotator
