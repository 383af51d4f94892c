// annotator-lexicon-gen: prepares the generated lexicons at build time from
// Debian's data packages, so the recognisers never parse the raw package
// files at run time.
//
//   annotator-lexicon-gen countries ISO_3166-1.json OUT.tsv
//   annotator-lexicon-gen wordnet WORDNET_DIR LEXNAME OUT.tsv
//
// countries: one line per ISO 3166-1 entry: alpha-2 code, then every name the
//            standard gives (name, common_name, official_name), tab separated.
// wordnet:   every lemma of the WordNet lexicographer file LEXNAME (for example
//            verb.communication or noun.person; "verb" or "noun" for all of them), lower case, underscores as
//            spaces, as "form \t lemma" lines: the lemma itself, and for verbs
//            every inflected form (-s, -ed, -ing, irregular forms from
//            verb.exc), for nouns the plural (regular or from noun.exc).
//            Instance synsets (names of particular people and places) are left
//            out: the lexicons hold word classes, not names.

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <cstdio>
#include <map>
#include <set>

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "annotator-lexicon-gen: error: %s\n", qPrintable(message));
    std::exit(1);
}

QByteArray readFile(const QString &path, const QString &package)
{
    QFile f(path);
    if (!f.exists())
        fail(QStringLiteral("%1 is missing; install the Debian package %2").arg(path, package));
    if (!f.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

void writeFile(const QString &path, const QString &header, const QStringList &lines)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    QByteArray out = header.toUtf8();
    for (const QString &l : lines) {
        out += l.toUtf8();
        out += '\n';
    }
    f.write(out);
    if (!f.commit())
        fail(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}

int countries(const QString &jsonPath, const QString &outPath)
{
    const QByteArray bytes = readFile(jsonPath, QStringLiteral("iso-codes"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        fail(QStringLiteral("%1: %2").arg(jsonPath, err.errorString()));
    const QJsonArray entries = doc.object().value(QStringLiteral("3166-1")).toArray();
    if (entries.isEmpty())
        fail(QStringLiteral("%1 holds no \"3166-1\" entries").arg(jsonPath));
    QStringList lines;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        QStringList fields{o.value(QStringLiteral("alpha_2")).toString()};
        for (const char *key : {"name", "common_name", "official_name"}) {
            const QString n = o.value(QLatin1String(key)).toString();
            if (!n.isEmpty() && !fields.contains(n))
                fields << n;
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    lines.sort();
    writeFile(outPath,
              QStringLiteral("# Generated at build time from Debian's iso-codes (%1).\n"
                             "# code\\tname\\t[common name]\\t[official name]\n")
                  .arg(jsonPath),
              lines);
    return 0;
}

// The lexicographer file numbers of WordNet 3 (lexnames(5)).
const char *const kLexNames[] = {
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
    "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
    "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
    "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
    "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication",
    "verb.competition", "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
    "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl"};

bool isVowel(QChar c)
{
    return QStringLiteral("aeiou").contains(c);
}

int vowelGroups(const QString &w)
{
    int n = 0;
    bool in = false;
    for (qsizetype i = 0; i < w.size(); ++i) {
        const bool v = isVowel(w.at(i)) || (i > 0 && w.at(i) == QLatin1Char('y'));
        if (v && !in)
            ++n;
        in = v;
    }
    return n;
}

// A one-syllable word ending consonant-vowel-consonant doubles its final
// consonant before -ed and -ing (stop, stopped). Longer words that double
// (admit, admitted) are listed in verb.exc.
bool doublesFinal(const QString &w)
{
    const qsizetype n = w.size();
    if (n < 3)
        return false;
    const QChar a = w.at(n - 3), b = w.at(n - 2), c = w.at(n - 1);
    if (isVowel(a) || !isVowel(b) || isVowel(c) || QStringLiteral("wxy").contains(c))
        return false;
    if (n >= 4 && isVowel(w.at(n - 4)) && w.at(n - 4) != QLatin1Char('q'))
        return false;
    return vowelGroups(w) == 1;
}

bool consonantY(const QString &w)
{
    return w.size() >= 2 && w.endsWith(QLatin1Char('y')) && !isVowel(w.at(w.size() - 2));
}

QString thirdPerson(const QString &w)
{
    if (consonantY(w))
        return w.chopped(1) + QStringLiteral("ies");
    for (const char *e : {"s", "x", "z", "ch", "sh", "o"}) {
        if (w.endsWith(QLatin1String(e)))
            return w + QStringLiteral("es");
    }
    return w + QLatin1Char('s');
}

QString pastForm(const QString &w)
{
    if (w.endsWith(QLatin1Char('e')))
        return w + QLatin1Char('d');
    if (consonantY(w))
        return w.chopped(1) + QStringLiteral("ied");
    if (doublesFinal(w))
        return w + w.back() + QStringLiteral("ed");
    return w + QStringLiteral("ed");
}

QString ingForm(const QString &w)
{
    if (w.endsWith(QStringLiteral("ie")))
        return w.chopped(2) + QStringLiteral("ying");
    if (w.size() > 2 && w.endsWith(QLatin1Char('e')) && !w.endsWith(QStringLiteral("ee"))
        && !w.endsWith(QStringLiteral("ye")) && !w.endsWith(QStringLiteral("oe")))
        return w.chopped(1) + QStringLiteral("ing");
    if (doublesFinal(w))
        return w + w.back() + QStringLiteral("ing");
    return w + QStringLiteral("ing");
}

QString plural(const QString &w)
{
    // spokeswoman -> spokeswomen, but human -> humans
    static const QSet<QString> mans{QStringLiteral("human"), QStringLiteral("german"), QStringLiteral("roman"),
                                    QStringLiteral("shaman"), QStringLiteral("talisman"), QStringLiteral("caiman"),
                                    QStringLiteral("cayman"), QStringLiteral("ottoman"), QStringLiteral("dolman"),
                                    QStringLiteral("doberman"), QStringLiteral("hetman"), QStringLiteral("ataman"),
                                    QStringLiteral("firman"), QStringLiteral("desman"), QStringLiteral("musselman")};
    if (w.endsWith(QStringLiteral("man")) && w.size() > 3 && !mans.contains(w))
        return w.chopped(2) + QStringLiteral("en");
    if (consonantY(w))
        return w.chopped(1) + QStringLiteral("ies");
    for (const char *e : {"s", "x", "z", "ch", "sh"}) {
        if (w.endsWith(QLatin1String(e)))
            return w + QStringLiteral("es");
    }
    return w + QLatin1Char('s');
}

// Irregular forms by base word, from verb.exc or noun.exc ("form base" lines).
QMultiHash<QString, QString> readExceptions(const QString &path)
{
    QMultiHash<QString, QString> byBase;
    const QByteArray bytes = readFile(path, QStringLiteral("wordnet-base"));
    for (const QByteArray &line : bytes.split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(' ');
        if (f.size() < 2)
            continue;
        const QString form = QString::fromUtf8(f[0]).replace(QLatin1Char('_'), QLatin1Char(' '));
        for (qsizetype i = 1; i < f.size(); ++i)
            byBase.insert(QString::fromUtf8(f[i]).replace(QLatin1Char('_'), QLatin1Char(' ')), form);
    }
    return byBase;
}

int wordnet(const QString &dir, const QString &lexname, const QString &outPath)
{
    // "verb" or "noun" alone: every lexicographer file of that part of speech.
    const bool wholePos = lexname == QStringLiteral("verb") || lexname == QStringLiteral("noun");
    int fileNumber = -1;
    for (int i = 0; i < int(std::size(kLexNames)); ++i) {
        if (lexname == QLatin1String(kLexNames[i]))
            fileNumber = i;
    }
    if (fileNumber < 0 && !wholePos)
        fail(QStringLiteral("unknown WordNet lexicographer file %1").arg(lexname));
    const bool verb = lexname.startsWith(QStringLiteral("verb"));
    if (!verb && !lexname.startsWith(QStringLiteral("noun")))
        fail(QStringLiteral("only noun.* and verb.* lexicons are generated, not %1").arg(lexname));
    const QString pos = verb ? QStringLiteral("verb") : QStringLiteral("noun");
    const QByteArray data = readFile(dir + QStringLiteral("/data.") + pos, QStringLiteral("wordnet-base"));
    const QMultiHash<QString, QString> exceptions = readExceptions(dir + QLatin1Char('/') + pos + QStringLiteral(".exc"));

    std::set<QString> lemmas;
    for (const QByteArray &line : data.split('\n')) {
        if (line.isEmpty() || line.startsWith(' '))
            continue; // licence header
        // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt pointers... | gloss
        const QList<QByteArray> f = line.left(line.indexOf('|')).split(' ');
        if (f.size() < 4 || (!wholePos && f[1].toInt() != fileNumber))
            continue;
        const int words = f[3].toInt(nullptr, 16);
        if (f.size() < 4 + 2 * words + 1)
            continue;
        const int pointers = f[4 + 2 * words].toInt();
        bool instance = false;
        for (int p = 0; p < pointers; ++p) {
            const qsizetype at = 5 + 2 * words + 4 * p;
            if (at < f.size() && f[at] == "@i")
                instance = true;
        }
        if (instance)
            continue;
        for (int w = 0; w < words; ++w) {
            QByteArray word = f[4 + 2 * w];
            const qsizetype paren = word.indexOf('('); // adjective markers like (a) never occur here, but be safe
            if (paren >= 0)
                word.truncate(paren);
            lemmas.insert(QString::fromUtf8(word).toLower().replace(QLatin1Char('_'), QLatin1Char(' ')));
        }
    }
    if (lemmas.empty())
        fail(QStringLiteral("no %1 lemmas found in %2").arg(lexname, dir));

    std::map<QString, std::set<QString>> forms; // form -> lemmas, so the output is sorted and free of duplicates
    for (const QString &lemma : lemmas) {
        forms[lemma].insert(lemma);
        // Verbs inflect their first word (give up -> gave up), nouns their last (prime minister -> prime ministers).
        const qsizetype space = verb ? lemma.indexOf(QLatin1Char(' ')) : lemma.lastIndexOf(QLatin1Char(' '));
        const QString head = space < 0 ? lemma : (verb ? lemma.left(space) : lemma.mid(space + 1));
        auto withHead = [&](const QString &h) {
            if (space < 0)
                return h;
            return verb ? QString(h + lemma.mid(space)) : QString(lemma.left(space + 1) + h);
        };
        const QList<QString> irregularHead = exceptions.values(head);
        if (verb) {
            bool irregularIng = false, irregularPast = false, irregularS = false;
            for (const QString &x : std::as_const(irregularHead)) {
                if (x.endsWith(QStringLiteral("ing")))
                    irregularIng = true;
                else if (x.endsWith(QLatin1Char('s')) && !x.endsWith(QStringLiteral("ss")))
                    irregularS = true;
                else
                    irregularPast = true;
                forms[withHead(x)].insert(lemma);
            }
            if (!irregularS)
                forms[withHead(thirdPerson(head))].insert(lemma);
            if (!irregularPast)
                forms[withHead(pastForm(head))].insert(lemma);
            if (!irregularIng)
                forms[withHead(ingForm(head))].insert(lemma);
        } else {
            for (const QString &x : std::as_const(irregularHead))
                forms[withHead(x)].insert(lemma);
            if (irregularHead.isEmpty() && !head.endsWith(QStringLiteral("ics")))
                forms[withHead(plural(head))].insert(lemma);
        }
    }

    QStringList lines;
    for (const auto &[form, ls] : forms) {
        for (const QString &l : ls)
            lines << form + QLatin1Char('\t') + l;
    }
    writeFile(outPath,
              QStringLiteral("# Generated at build time from WordNet 3 (Debian package wordnet-base, %1/data.%2 and %2.exc):\n"
                             "# the lemmas of the lexicographer file %3 and their inflected forms.\n"
                             "# form\\tlemma\n")
                  .arg(dir, pos, lexname),
              lines);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QStringLiteral("countries"))
        return countries(args[2], args[3]);
    if (args.size() == 5 && args[1] == QStringLiteral("wordnet"))
        return wordnet(args[2], args[3], args[4]);
    std::fprintf(stderr,
                 "usage: annotator-lexicon-gen countries ISO_3166-1.json OUT.tsv\n"
                 "       annotator-lexicon-gen wordnet WORDNET_DIR LEXNAME OUT.tsv\n");
    return 2;
}
