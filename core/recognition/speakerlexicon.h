#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace annotator {

/// Word classes around a speech verb, as bits (a word may be in several).
namespace SpeakerWord {
enum : std::uint32_t {
    SpeechVerb = 1u << 0, ///< a form of a verb that introduces reported speech
    WeakVerb = 1u << 1, ///< speech only with its subject right before it (call, describe)
    PastForm = 1u << 2, ///< said, told, added (past tense or participle)
    BaseForm = 1u << 3, ///< say, tell
    IngForm = 1u << 4, ///< saying, calling
    ThirdForm = 1u << 5, ///< says, tells
    Determiner = 1u << 6,
    Pronoun = 1u << 7, ///< he, she, it, they as subjects
    Male = 1u << 8,
    Female = 1u << 9,
    Plural = 1u << 10,
    Neuter = 1u << 11,
    Aux = 1u << 12, ///< has, was, will, did
    Be = 1u << 13, ///< forms of be (passive and progressive)
    Modal = 1u << 14,
    Adverb = 1u << 15, ///< adverbs that may stand between subject and verb
    Function = 1u << 16, ///< other closed-class words: never part of a name or a noun phrase
    Preposition = 1u << 17,
    Conjunction = 1u << 18,
    Relative = 1u << 19, ///< who, which
    Negation = 1u << 20,
    PersonNoun = 1u << 21, ///< diplomat, analysts, spokesman
    GroupNoun = 1u << 22, ///< ministry, government, media
    OrgHead = 1u << 23, ///< last word of an organisation's name: Ministry, Bank, Institute
    Title = 1u << 24, ///< title before a name: President, Minister, Mr
    Honorific = 1u << 25, ///< Mr, Ms, Dr
    Particle = 1u << 26, ///< name particles: van, de, bin
    NotSpeaker = 1u << 27, ///< statement, report: nouns that say things without being sources
    Time = 1u << 28, ///< weekdays, months
    WordNetVerb = 1u << 29, ///< a verb of communication known only from WordNet: speech only before "that", a colon or a quote
    WordNetNoun = 1u << 30, ///< a person noun known only from WordNet (lower case there, also holds famous names)
    NotSpeech = 1u << 31, ///< WordNet files it under communication, but it reports no speech (show, find, mean)
};
}

/// The words the speaker recogniser classifies, loaded once from the lexicons
/// in resources/lexicons (speech-verbs.tsv, speaker-words.tsv: the curated
/// core) and, for words those do not know, WordNet's noun.person
/// and verb.communication tables generated at build time. Lookup is case
/// insensitive and allocation free, one hash probe per token.
class SpeakerLexicon
{
public:
    static const SpeakerLexicon &instance();

    /// Classes of @p word (0 when unknown).
    std::uint32_t classes(QStringView word) const;
    /// Classes of a word not in the tables, guessed from its ending: agent nouns
    /// (-ers, -ists, -ians) are taken as person nouns.
    static std::uint32_t guess(QStringView word);

    void add(QStringView word, std::uint32_t classes);
    bool isEmpty() const { return m_count == 0; }

private:
    SpeakerLexicon();
    void loadSpeechVerbs(const QString &path);
    void loadWords(const QString &path);
    void loadWordNet();
    std::size_t find(QStringView word, std::uint64_t hash) const;
    void grow();

    struct Slot {
        QString word; // lower case
        std::uint64_t hash = 0;
        std::uint32_t classes = 0;
        bool used = false;
    };
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

} // namespace annotator
