#include "speakerlexicon.h"

#include "lexicon.h"

#include <QFile>
#include <QTextStream>

namespace annotator {

namespace {

inline char16_t fold(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
    if (u == 0x2019) // ’ as in n’t
        return u'\'';
    return c.toLower().unicode();
}

inline std::uint64_t foldedHash(QStringView w)
{
    std::uint64_t h = 1469598103934665603ull;
    for (QChar c : w) {
        h ^= fold(c);
        h *= 1099511628211ull;
    }
    return h;
}

inline bool foldedEqual(QStringView w, const QString &lower)
{
    if (w.size() != lower.size())
        return false;
    const QChar *a = w.data();
    const QChar *b = lower.constData();
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (fold(a[i]) != b[i].unicode())
            return false;
    }
    return true;
}

/// Calls @p handle with each line of the lexicon table at @p path that is
/// neither empty nor a # comment.
template<typename Handle>
void forEachDataLine(const QString &path, Handle handle)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qWarning("speaker lexicon: cannot read %s", qPrintable(path));
        return;
    }
    QTextStream in(&f);
    QString line;
    while (in.readLineInto(&line)) {
        if (!line.isEmpty() && !line.startsWith(u'#'))
            handle(line);
    }
}

std::uint32_t classFromName(QStringView n)
{
    struct Entry {
        const char *name;
        std::uint32_t bits;
    };
    static const Entry entries[] = {
        {"det", SpeakerWord::Determiner},
        {"pron", SpeakerWord::Pronoun},
        {"male", SpeakerWord::Male},
        {"female", SpeakerWord::Female},
        {"plural", SpeakerWord::Plural},
        {"neuter", SpeakerWord::Neuter},
        {"aux", SpeakerWord::Aux},
        {"be", SpeakerWord::Be},
        {"modal", SpeakerWord::Modal},
        {"adv", SpeakerWord::Adverb},
        {"func", SpeakerWord::Function},
        {"prep", SpeakerWord::Preposition},
        {"conj", SpeakerWord::Conjunction},
        {"rel", SpeakerWord::Relative},
        {"neg", SpeakerWord::Negation},
        {"person", SpeakerWord::PersonNoun},
        {"group", SpeakerWord::GroupNoun},
        {"orghead", SpeakerWord::OrgHead},
        {"title", SpeakerWord::Title},
        {"honorific", SpeakerWord::Honorific},
        {"particle", SpeakerWord::Particle},
        {"notspeaker", SpeakerWord::NotSpeaker},
        {"time", SpeakerWord::Time},
        {"notspeech", SpeakerWord::NotSpeech},
    };
    for (const Entry &e : entries) {
        if (n == QLatin1StringView(e.name))
            return e.bits;
    }
    return 0;
}

} // namespace

const SpeakerLexicon &SpeakerLexicon::instance()
{
    static const SpeakerLexicon lexicon;
    return lexicon;
}

SpeakerLexicon::SpeakerLexicon()
{
    m_slots.resize(2048);
    loadSpeechVerbs(QStringLiteral(":/lexicons/speech-verbs.tsv"));
    loadWords(QStringLiteral(":/lexicons/speaker-words.tsv"));
    loadWordNet();
}

void SpeakerLexicon::loadWordNet()
{
    // Only words the curated tables leave open: WordNet's classes are broad
    // (noun.person has "head", verb.communication has "call" and "name").
    auto addUnknown = [this](const QString &form, std::uint32_t bits) {
        if (form.contains(u' ') || classes(form) != 0)
            return false;
        add(form, bits);
        return true;
    };
    std::vector<QString> fresh;
    for (const QStringList &row : Lexicon::table(QStringLiteral("wn-noun.person.tsv"))) {
        if (!row.isEmpty() && classes(row[0]) == 0)
            fresh.push_back(row[0]);
    }
    for (const QString &w : fresh)
        add(w, SpeakerWord::PersonNoun | SpeakerWord::WordNetNoun);
    // noun.group is left out: it holds "vote", "meeting" and "deal", which say
    // things only in headlines; the curated table has the groups that speak.
    for (const QStringList &row : Lexicon::table(QStringLiteral("wn-verb.communication.tsv"))) {
        if (row.size() < 2 || (classes(row[1]) & SpeakerWord::NotSpeech))
            continue;
        const QString &form = row[0];
        std::uint32_t bits = SpeakerWord::SpeechVerb | SpeakerWord::WeakVerb | SpeakerWord::WordNetVerb;
        if (form == row[1])
            bits |= SpeakerWord::BaseForm;
        else if (form.endsWith(u"ing"))
            bits |= SpeakerWord::IngForm;
        else if (form.endsWith(u"ed") || form.endsWith(u'n') || form.endsWith(u't'))
            bits |= SpeakerWord::PastForm;
        else if (form.endsWith(u's'))
            bits |= SpeakerWord::ThirdForm;
        addUnknown(form, bits);
    }
}

void SpeakerLexicon::loadSpeechVerbs(const QString &path)
{
    forEachDataLine(path, [this](const QString &line) {
        const QList<QStringView> parts = QStringView(line).split(u'\t');
        if (parts.size() < 4)
            return;
        std::uint32_t bits = SpeakerWord::SpeechVerb;
        if (parts[2] == u"past")
            bits |= SpeakerWord::PastForm;
        else if (parts[2] == u"base")
            bits |= SpeakerWord::BaseForm;
        else if (parts[2] == u"ing")
            bits |= SpeakerWord::IngForm;
        else if (parts[2] == u"3sg")
            bits |= SpeakerWord::ThirdForm;
        if (parts[3] == u"weak")
            bits |= SpeakerWord::WeakVerb;
        add(parts[0], bits);
    });
}

void SpeakerLexicon::loadWords(const QString &path)
{
    forEachDataLine(path, [this](const QString &line) {
        const qsizetype tab = line.indexOf(u'\t');
        if (tab <= 0)
            return;
        std::uint32_t bits = 0;
        for (QStringView c : QStringView(line).mid(tab + 1).split(u','))
            bits |= classFromName(c.trimmed());
        add(QStringView(line).left(tab), bits);
    });
}

std::size_t SpeakerLexicon::find(QStringView word, std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    while (m_slots[i].used) {
        if (m_slots[i].hash == hash && foldedEqual(word, m_slots[i].word))
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

void SpeakerLexicon::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.resize(old.size() * 2);
    m_count = 0;
    for (Slot &s : old) {
        if (s.used)
            add(s.word, s.classes);
    }
}

void SpeakerLexicon::add(QStringView word, std::uint32_t classes)
{
    if (word.isEmpty())
        return;
    if ((m_count + 1) * 2 > m_slots.size())
        grow();
    const std::uint64_t h = foldedHash(word);
    const std::size_t i = find(word, h);
    Slot &s = m_slots[i];
    if (!s.used) {
        s.used = true;
        s.hash = h;
        s.word.reserve(word.size());
        for (QChar c : word)
            s.word.append(QChar(fold(c)));
        ++m_count;
    }
    s.classes |= classes;
}

std::uint32_t SpeakerLexicon::classes(QStringView word) const
{
    if (word.isEmpty() || word.size() > 40)
        return 0;
    const std::size_t i = find(word, foldedHash(word));
    return m_slots[i].used ? m_slots[i].classes : 0;
}

std::uint32_t SpeakerLexicon::guess(QStringView w)
{
    // Agent nouns name people: exporters, economists, carmakers, officials.
    static const char16_t *const suffixes[] = {u"ers", u"ists", u"ians", u"ants", u"ents", u"ors", u"ist", u"ian", u"eer", u"eers", u"er", u"or", u"ant"};
    if (w.size() < 5)
        return 0;
    for (const char16_t *s : suffixes) {
        if (w.endsWith(QStringView(s), Qt::CaseInsensitive))
            return SpeakerWord::PersonNoun;
    }
    return 0;
}

} // namespace annotator
