#include "personallexicon.h"

#include "analyzedtext.h"
#include "model/annotation.h"
#include "recognition.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace annotator {

namespace {

const QString FormatName = QStringLiteral("article-annotator personal lexicon");

// Case-insensitive hashing of a view without allocating: the scan looks up
// every word of an article.
struct FoldedHash {
    using is_transparent = void;
    size_t operator()(QStringView v) const noexcept
    {
        size_t h = 1469598103934665603ULL;
        for (QChar c : v)
            h = (h ^ c.toCaseFolded().unicode()) * 1099511628211ULL;
        return h;
    }
};
struct FoldedEqual {
    using is_transparent = void;
    bool operator()(QStringView a, QStringView b) const noexcept { return a.compare(b, Qt::CaseInsensitive) == 0; }
};

bool startsUpper(QStringView s)
{
    for (QChar c : s) {
        if (c.isLetter())
            return c.isUpper();
    }
    return false;
}

} // namespace

struct PersonalLexicon::Index {
    struct Phrase {
        std::vector<QString> tokens; ///< as the tokenizer splits the entry text
        QString key; ///< normalized entry text
        QString code;
        bool capital = false;
    };
    struct TypeIndex {
        std::unordered_set<QString, FoldedHash, FoldedEqual> never; ///< normalized texts
        bool isNever(QStringView text) const;
        QHash<QString, QString> codes; ///< normalized text -> code of "always" entries with a code
        std::unordered_map<QString, std::vector<Phrase>, FoldedHash, FoldedEqual> always; ///< by first token, longest first
        /// Bits set for the hashes of the first tokens: most words of an
        /// article are turned away here, without a probe of the map.
        std::vector<std::uint64_t> firstBits = std::vector<std::uint64_t>(FilterBits / 64, 0);
        bool onlyCapitalised = true; ///< every "always" entry starts with a capital
    };
    static constexpr size_t FilterBits = 1 << 14;
    QHash<QString, TypeIndex> types;
};

bool PersonalLexicon::Index::TypeIndex::isNever(QStringView text) const
{
    if (never.empty())
        return false;
    // Mentions rarely hold more than single spaces: look the text up as it
    // is, folding case in the hash, and normalise only when it must be.
    bool plain = !text.isEmpty() && !text.front().isSpace() && !text.back().isSpace();
    for (qsizetype i = 1; plain && i < text.size(); ++i)
        plain = !text[i].isSpace() || (text[i] == u' ' && text[i - 1] != u' ');
    return plain ? never.find(text) != never.end() : never.find(PersonalLexicon::normalized(text)) != never.end();
}

PersonalLexicon::PersonalLexicon()
    : m_index(std::make_shared<const Index>())
{
}

QString PersonalLexicon::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/personal-lexicon.json");
}

QString PersonalLexicon::normalized(QStringView text)
{
    return text.toString().simplified().toCaseFolded();
}

std::optional<PersonalLexicon::Entry> PersonalLexicon::find(const QString &type, QStringView text) const
{
    auto it = m_entries.constFind({type, normalized(text)});
    if (it == m_entries.cend())
        return std::nullopt;
    return it.value();
}

bool PersonalLexicon::set(Entry entry)
{
    entry.text = entry.text.simplified();
    if (entry.text.isEmpty() || entry.type.isEmpty())
        return false;
    if (entry.decision == Decision::Never)
        entry.code.clear();
    const Key key{entry.type, normalized(entry.text)};
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it.value() == entry)
        return false;
    m_entries.insert(key, entry);
    m_changes.insert(key, entry);
    rebuild();
    return true;
}

bool PersonalLexicon::remove(const QString &type, QStringView text)
{
    const Key key{type, normalized(text)};
    if (!m_entries.remove(key))
        return false;
    m_changes.insert(key, std::nullopt);
    rebuild();
    return true;
}

void PersonalLexicon::clear()
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        m_changes.insert(it.key(), std::nullopt);
    m_entries.clear();
    rebuild();
}

bool PersonalLexicon::isRejected(const QString &type, QStringView text) const
{
    auto it = m_index->types.constFind(type);
    return it != m_index->types.cend() && it->isNever(text);
}

QStringList PersonalLexicon::types() const
{
    QStringList out;
    for (const QString &t : {Types::Country, Types::Speaker, Types::Event}) {
        if (m_index->types.contains(t))
            out.append(t);
    }
    QStringList rest;
    for (auto it = m_index->types.cbegin(); it != m_index->types.cend(); ++it) {
        if (!out.contains(it.key()))
            rest.append(it.key());
    }
    rest.sort();
    return out + rest;
}

void PersonalLexicon::rebuild()
{
    auto index = std::make_shared<Index>();
    for (const Entry &e : std::as_const(m_entries)) {
        Index::TypeIndex &t = index->types[e.type];
        const QString key = normalized(e.text);
        if (e.decision == Decision::Never) {
            t.never.insert(key);
            continue;
        }
        if (!e.code.isEmpty())
            t.codes.insert(key, e.code);
        // Tokenised as articles are, so "Acme's" in an article meets "Acme".
        const AnalyzedText words(e.text);
        Index::Phrase p;
        for (qsizetype i = 0; i < words.size(); ++i)
            p.tokens.push_back(words.view(i).toString().toCaseFolded());
        if (p.tokens.empty())
            continue;
        p.key = key;
        p.code = e.code;
        p.capital = startsUpper(e.text);
        t.onlyCapitalised = t.onlyCapitalised && p.capital;
        const size_t bit = FoldedHash()(p.tokens.front()) % Index::FilterBits;
        t.firstBits[bit / 64] |= std::uint64_t(1) << (bit % 64);
        t.always[p.tokens.front()].push_back(std::move(p));
    }
    for (auto it = index->types.begin(); it != index->types.end(); ++it) {
        for (auto &[first, phrases] : it->always)
            std::stable_sort(phrases.begin(), phrases.end(), [](const Index::Phrase &a, const Index::Phrase &b) { return a.tokens.size() > b.tokens.size(); });
    }
    m_index = std::move(index);
}

void PersonalLexicon::applyTo(const QString &type, const AnalyzedText &text, Recognition &out) const
{
    const auto found = m_index->types.constFind(type);
    if (found == m_index->types.cend())
        return;
    const Index::TypeIndex &t = *found;

    if (!t.never.empty()) {
        QSet<QString> dropped; // entities that lost a mention
        qsizetype kept = 0;
        for (qsizetype i = 0; i < out.annotations.size(); ++i) {
            const Annotation &a = out.annotations.at(i);
            if (a.type == type && t.isNever(a.text)) {
                if (!a.entity.isEmpty())
                    dropped.insert(a.entity);
                continue;
            }
            if (kept != i)
                out.annotations[kept] = std::move(out.annotations[i]);
            ++kept;
        }
        out.annotations.resize(kept);
        if (!dropped.isEmpty()) {
            for (const Annotation &a : std::as_const(out.annotations))
                dropped.remove(a.entity);
        }
        if (!dropped.isEmpty()) {
            out.entities.removeIf([&](const Entity &e) { return dropped.contains(e.id); });
            for (Annotation &a : out.annotations) {
                if (dropped.contains(a.saidBy))
                    a.saidBy.clear();
            }
        }
    }

    if (!t.codes.isEmpty()) {
        for (Annotation &a : out.annotations) {
            if (a.type != type)
                continue;
            const QString code = t.codes.value(normalized(a.text));
            if (!code.isEmpty())
                a.attributes.insert(Attr::Code, code);
        }
    }

    if (t.always.empty() || text.size() == 0)
        return;
    // Tokens already inside a mention of this type: the recognisers decided there.
    std::vector<bool> covered(size_t(text.size()), false);
    QHash<QString, QString> entityOf; // normalized text -> entity id
    for (const Annotation &a : std::as_const(out.annotations)) {
        if (a.type != type)
            continue;
        const auto start = std::int32_t(text.offsets().toUtf16(a.start));
        const auto end = std::int32_t(text.offsets().toUtf16(a.end));
        for (qsizetype i = text.tokenAt(start); i < text.size() && text.token(i).start < end; ++i)
            covered[size_t(i)] = true;
        if (!a.entity.isEmpty())
            entityOf.insert(normalized(a.text), a.entity);
    }
    const bool linked = type == Types::Speaker || type == Types::Event;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const Token &tok = text.token(i);
        if (tok.kind != TokenKind::Word && tok.kind != TokenKind::Number)
            continue;
        if (t.onlyCapitalised && !tok.is(TokenFlag::Capitalized) && !tok.is(TokenFlag::AllCaps))
            continue;
        const size_t bit = FoldedHash()(text.view(i)) % Index::FilterBits;
        if (!(t.firstBits[bit / 64] & (std::uint64_t(1) << (bit % 64))))
            continue;
        const auto candidates = t.always.find(text.view(i));
        if (candidates == t.always.end())
            continue;
        for (const Index::Phrase &p : candidates->second) {
            const qsizetype n = qsizetype(p.tokens.size());
            if (i + n > text.size())
                continue;
            if (p.capital && !tok.is(TokenFlag::Capitalized) && !tok.is(TokenFlag::AllCaps))
                continue;
            bool match = true;
            for (qsizetype k = 0; match && k < n; ++k)
                match = !covered[size_t(i + k)] && text.view(i + k).compare(p.tokens[size_t(k)], Qt::CaseInsensitive) == 0;
            if (!match)
                continue;
            const qsizetype at = out.add(text, type, tok.start, text.token(i + n - 1).end);
            Annotation &a = out.annotations[at];
            if (!p.code.isEmpty())
                a.attributes.insert(Attr::Code, p.code);
            if (linked) {
                QString &entity = entityOf[p.key];
                if (entity.isEmpty())
                    entity = out.addEntity(type, a.text);
                a.entity = entity;
            }
            for (qsizetype k = 0; k < n; ++k)
                covered[size_t(i + k)] = true;
            i += n - 1;
            break;
        }
    }
}

// --- file

QString toString(PersonalLexicon::Decision decision)
{
    return decision == PersonalLexicon::Decision::Always ? QStringLiteral("always") : QStringLiteral("never");
}

QByteArray PersonalLexicon::toJson() const
{
    // One entry a line, fields in reading order: a file people can read,
    // edit and compare, which QJsonDocument's indented form (a field a line,
    // keys sorted) is not.
    auto quoted = [](const QString &s) {
        const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2); // ["..."] without the brackets
    };
    QByteArray out = "{\n    \"format\": " + quoted(FormatName) + ",\n    \"version\": " + QByteArray::number(FormatVersion)
        + ",\n    \"entries\": [";
    bool first = true;
    for (const Entry &e : std::as_const(m_entries)) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "        {\"type\": " + quoted(e.type) + ", \"text\": " + quoted(e.text) + ", \"decision\": " + quoted(toString(e.decision));
        if (!e.code.isEmpty())
            out += ", \"code\": " + quoted(e.code);
        out += '}';
    }
    out += first ? "]\n}\n" : "\n    ]\n}\n";
    return out;
}

namespace {

// Parses @p bytes into @p out; on failure returns the reason (without the file name).
QString parse(const QByteArray &bytes, QList<PersonalLexicon::Entry> &out)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError)
        return QStringLiteral("not valid JSON at byte %1 (%2)").arg(pe.offset).arg(pe.errorString());
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != FormatName)
        return QStringLiteral("not a personal lexicon (no \"format\": \"%1\")").arg(FormatName);
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1)
        return QStringLiteral("no valid \"version\"");
    if (version > PersonalLexicon::FormatVersion)
        return QStringLiteral("written by a newer version of the program (format version %1, this one reads up to %2)")
            .arg(version)
            .arg(PersonalLexicon::FormatVersion);
    const QJsonValue entries = root.value(QStringLiteral("entries"));
    if (!entries.isArray())
        return QStringLiteral("no \"entries\" list");
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        PersonalLexicon::Entry e;
        e.type = o.value(QStringLiteral("type")).toString().trimmed();
        e.text = o.value(QStringLiteral("text")).toString().simplified();
        const QString decision = o.value(QStringLiteral("decision")).toString();
        e.code = o.value(QStringLiteral("code")).toString().trimmed().toUpper();
        if (!list.at(i).isObject() || e.type.isEmpty() || e.text.isEmpty())
            return QStringLiteral("entry %1 needs a \"type\" and a \"text\"").arg(i + 1);
        if (decision == QLatin1String("always"))
            e.decision = PersonalLexicon::Decision::Always;
        else if (decision == QLatin1String("never"))
            e.decision = PersonalLexicon::Decision::Never;
        else
            return QStringLiteral("entry %1 (“%2”) has \"decision\" %3; it must be \"always\" or \"never\"").arg(i + 1).arg(e.text, decision.isEmpty() ? QStringLiteral("missing") : QStringLiteral("\"%1\"").arg(decision));
        out.append(e);
    }
    return QString();
}

} // namespace

QMap<PersonalLexicon::Key, PersonalLexicon::Entry> PersonalLexicon::toMap(QList<Entry> entries)
{
    QMap<Key, Entry> out;
    for (Entry &e : entries) {
        if (e.decision == Decision::Never)
            e.code.clear();
        out.insert({e.type, normalized(e.text)}, std::move(e));
    }
    return out;
}

bool PersonalLexicon::load(const QString &path, QString *error)
{
    m_entries.clear();
    m_changes.clear();
    rebuild();
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("The personal lexicon %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QString problem;
    if (!fromJson(file.readAll(), &problem)) {
        if (error)
            *error = QStringLiteral("The personal lexicon %1 cannot be used: %2.").arg(QDir::toNativeSeparators(path), problem);
        return false;
    }
    return true;
}

bool PersonalLexicon::fromJson(const QByteArray &bytes, QString *problem)
{
    QList<Entry> entries;
    const QString why = parse(bytes, entries);
    if (!why.isEmpty()) {
        if (problem)
            *problem = why;
        return false;
    }
    m_entries = toMap(std::move(entries));
    m_changes.clear();
    rebuild();
    return true;
}

bool PersonalLexicon::save(const QString &path, QString *error, bool overwriteBroken)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("The personal lexicon %1 was not saved: %2").arg(shown, why);
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("its folder cannot be created."));
    // Another program saving at the same time waits here, so neither
    // writes over what the other has just merged.
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000)) {
        return fail(lock.error() == QLockFile::LockFailedError
                        ? QStringLiteral("another program has been saving it for over 5 seconds; it is saved with the next change.")
                        : QStringLiteral("its lock file %1 cannot be made.").arg(QDir::toNativeSeparators(lock.fileName())));
    }

    QMap<Key, Entry> merged = m_entries; // a missing file gets everything known here
    QFile existing(path);
    if (existing.exists()) {
        QList<Entry> onDisk;
        const bool readable = existing.open(QIODevice::ReadOnly);
        const QByteArray old = readable ? existing.readAll() : QByteArray();
        const QString problem = readable ? parse(old, onDisk) : existing.errorString();
        existing.close();
        if (problem.isEmpty()) {
            // What the file holds now, with this lexicon's own changes on top.
            merged = toMap(std::move(onDisk));
            for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
                if (it.value())
                    merged.insert(it.key(), *it.value());
                else
                    merged.remove(it.key());
            }
        } else {
            if (!overwriteBroken)
                return fail(QStringLiteral("the file there cannot be used (%1), and it is left as it is.").arg(problem));
            QSaveFile bak(path + QStringLiteral(".bak"));
            if (!readable || !bak.open(QIODevice::WriteOnly) || bak.write(old) != old.size() || !bak.commit())
                return fail(QStringLiteral("its broken file could not be kept as %1.").arg(QDir::toNativeSeparators(path + QStringLiteral(".bak"))));
        }
    }

    const QMap<Key, Entry> mine = std::exchange(m_entries, merged);
    const QByteArray bytes = toJson();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        m_entries = mine; // unchanged, changes kept for the next try
        return fail(out.errorString());
    }
    m_changes.clear();
    if (m_entries != mine)
        rebuild();
    return true;
}

} // namespace annotator
