#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <bitset>
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
        AmbiguousBare = 16, ///< b: a verb too; needs a determiner right before it
        AdjectiveToo = 32, ///< a: an adjective too; no noun may follow it
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
        /// A name written "* Open" or "* Games": it needs a capitalised word
        /// or a number right before it, and takes in the
        /// capitalised words and numbers before it ("Lakeside Open",
        /// "Paris 2024 Games").
        char16_t leftWord = 0;
        QString first; ///< first word as written (exact case for names)
        QStringList rest;
    };

    static const EventLexicon &instance();

    /// False when no surface starts with word @p w (any case): a cheap test on
    /// its first letters and length before the lookup.
    bool mayStart(QStringView w) const { return m_starts.test(startKey(w)); }
    /// Surfaces whose first word is @p lowerWord (lower case), or nullptr.
    const std::vector<Surface> *find(const QString &lowerWord) const;
    /// Names that start with a word prefix followed by digits (COP28).
    const std::vector<Surface> &digitSuffixNames() const { return m_digitSuffix; }
    const Trigger &trigger(int i) const { return m_triggers[size_t(i)]; }
    /// The trigger made from a WordNet noun.event lemma for the surface form
    /// @p lowerWord (lower case), or -1. These are broad: the recogniser takes
    /// them only in a narrow context (a determiner before, a time after).
    int wordNetEvent(const QString &lowerWord) const { return m_wordNet.value(lowerWord, -1); }
    int classCount() const { return int(m_classes.size()); }
    bool isEmpty() const { return m_triggers.empty(); }

    /// Parses the two tables from their text (tests with their own data) or
    /// from rows already split into fields (instance(), through Lexicon).
    void loadTriggers(const QString &tsv);
    void loadNames(const QString &tsv);
    void loadTriggerRows(const QList<QStringList> &rows);
    void loadNameRows(const QList<QStringList> &rows);
    /// Rows "form<TAB>lemma" of WordNet's noun.event file; lemmas that name
    /// trends, quantities or phases rather than happenings are left out.
    void loadWordNetEventRows(const QList<QStringList> &rows);

private:
    static size_t startKey(QStringView w)
    {
        size_t h = size_t(w.size());
        for (qsizetype k = 0; k < w.size() && k < 3; ++k) {
            char16_t c = w.at(k).unicode();
            if (c >= u'A' && c <= u'Z')
                c = char16_t(c + 32);
            else if (c >= 128)
                c = 128; // any other letter: no case folding needed to be safe
            h = h * 131 + c;
        }
        return h % 65536;
    }
    int classId(const QString &name);
    void addSurface(int trigger, Form form, const QStringList &words, bool exactCase, bool allowGap);

    std::vector<Trigger> m_triggers;
    QStringList m_classes;
    QHash<QString, std::vector<Surface>> m_byFirst;
    std::vector<Surface> m_digitSuffix;
    QHash<QString, int> m_wordNet;
    std::bitset<65536> m_starts;
};

} // namespace annotator
