#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace annotator {

class AnalyzedText;
struct Recognition;

/// Finds mentions of sovereign states, as the guideline's Country section
/// defines them, and normalises each to its ISO 3166-1 alpha-2 code (XK for
/// Kosovo): names and short forms (iso-codes plus country-aliases.tsv),
/// demonyms (demonyms.tsv), and capitals (capitals.tsv) where they stand for
/// the government. Names inside non-state organisations, capitals used as
/// places, regions, US states and languages are left out.
///
/// Built once from the lexicons; recognize() only reads, so it is
/// thread-safe, and it costs a hash lookup per capitalised word.
class CountryRecognizer
{
public:
    static const CountryRecognizer &instance();

    /// Appends one Country annotation per mention found in @p text to @p out,
    /// with attributes[Attr::Code] set to the ISO code.
    void recognize(const AnalyzedText &text, Recognition &out) const;

    struct ViewHash {
        using is_transparent = void;
        size_t operator()(QStringView v) const noexcept;
    };
    struct ViewEqual {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const noexcept { return a == b; }
    };
    using WordSet = std::unordered_set<QString, ViewHash, ViewEqual>;

private:
    CountryRecognizer();

    enum class Kind : std::uint8_t { Name, Demonym, Capital, NotCountry };
    struct Entry {
        std::vector<QString> rest; ///< the tokens after the first one
        QString code;
        Kind kind = Kind::Name;
    };
    struct Match {
        std::int32_t first = 0; ///< token range [first, last)
        std::int32_t last = 0;
        const Entry *entry = nullptr;
        enum State : std::uint8_t { Undecided, Keep, Drop } state = Undecided;
        bool caps = false; ///< matched in an all-caps line (CHINA'S EXPORTS)
    };

    void addEntry(const QString &form, const QString &code, Kind kind);
    Match::State judge(const AnalyzedText &text, std::vector<Match> &matches, size_t m) const;
    Match::State judgeCapital(const AnalyzedText &text, std::vector<Match> &matches, size_t m) const;
    bool isUsState(const AnalyzedText &text, const Match &match) const;
    /// The organisation name a mention sits in, if any: "China Development
    /// Bank" (an organ of the state) or "East China Normal University".
    enum class Body : std::uint8_t { None, StateOrgan, Other };
    Body bodyAround(const AnalyzedText &text, const Match &match) const;
    bool inTitleCaseLine(const AnalyzedText &text, const Match &match) const;
    bool inAllCapsLine(const AnalyzedText &text, const Match &match) const;
    bool isLanguage(const AnalyzedText &text, const Match &match) const;
    bool inSet(const WordSet &set, const AnalyzedText &text, qsizetype token) const;
    bool inSetLower(const WordSet &set, const AnalyzedText &text, qsizetype token) const;

    std::unordered_map<QString, std::vector<Entry>, ViewHash, ViewEqual> m_entries;
    WordSet m_orgHead, m_stateHead, m_stateModifier, m_ambiguousHead, m_placeBefore, m_govBefore, m_govNoun, m_placeNoun, m_placeVerbForms,
        m_govAfter, m_govHyphen, m_aux, m_adverb, m_regionBefore, m_regionInside, m_placeAfter, m_languageBefore, m_languageAfter,
        m_givenName, m_usStateCity, m_usStateAfter, m_countryCue, m_usState, m_timeWord, m_verbForms, m_finiteVerbForms, m_motionVerbForms;
};

} // namespace annotator
