#include "eventlexicon.h"

#include "lexicon.h"

namespace annotator {

namespace {

bool isVowel(QChar c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}

QString plural(const QString &w)
{
    if (w.endsWith(u's') || w.endsWith(u'x') || w.endsWith(u'z') || w.endsWith(QLatin1StringView("ch")) || w.endsWith(QLatin1StringView("sh"))
        || w.endsWith(u'o'))
        return w + QLatin1StringView("es");
    if (w.size() > 1 && w.endsWith(u'y') && !isVowel(w.at(w.size() - 2)))
        return w.left(w.size() - 1) + QLatin1StringView("ies");
    return w + u's';
}

QString past(const QString &w)
{
    if (w.endsWith(u'e'))
        return w + u'd';
    if (w.size() > 1 && w.endsWith(u'y') && !isVowel(w.at(w.size() - 2)))
        return w.left(w.size() - 1) + QLatin1StringView("ied");
    return w + QLatin1StringView("ed");
}

QString ing(const QString &w)
{
    if (w.endsWith(QLatin1StringView("ee")))
        return w + QLatin1StringView("ing");
    if (w.size() > 2 && w.endsWith(u'e'))
        return w.left(w.size() - 1) + QLatin1StringView("ing");
    return w + QLatin1StringView("ing");
}

// Splits a phrase into the tokens AnalyzedText makes of it: words, "-" and "'s".
QStringList tokensOf(const QString &phrase)
{
    QStringList out;
    for (const QString &word : phrase.split(u' ', Qt::SkipEmptyParts)) {
        QString w = word;
        QString possessive;
        if (w.endsWith(QLatin1StringView("'s"))) {
            possessive = QStringLiteral("'s");
            w.chop(2);
        }
        const QStringList parts = w.split(u'-');
        for (int i = 0; i < parts.size(); ++i) {
            if (i > 0)
                out.append(QStringLiteral("-"));
            if (!parts.at(i).isEmpty())
                out.append(parts.at(i));
        }
        if (!possessive.isEmpty())
            out.append(possessive);
    }
    return out;
}

QList<QStringList> rowsOf(const QString &tsv)
{
    QList<QStringList> rows;
    for (const QString &line : tsv.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            rows.append(line.split(u'\t'));
    }
    return rows;
}

} // namespace

const EventLexicon &EventLexicon::instance()
{
    static const EventLexicon lexicon = [] {
        EventLexicon l;
        l.loadTriggerRows(Lexicon::table(QStringLiteral("event-triggers.tsv")));
        l.loadNameRows(Lexicon::table(QStringLiteral("event-names.tsv")));
        l.loadWordNetEventRows(Lexicon::table(QStringLiteral("wn-noun.event.tsv")));
        return l;
    }();
    return lexicon;
}

const std::vector<EventLexicon::Surface> *EventLexicon::find(const QString &lowerWord) const
{
    auto it = m_byFirst.constFind(lowerWord);
    return it == m_byFirst.constEnd() ? nullptr : &it.value();
}

int EventLexicon::classId(const QString &name)
{
    const qsizetype i = m_classes.indexOf(name);
    if (i >= 0)
        return int(i);
    m_classes.append(name);
    return int(m_classes.size() - 1);
}

void EventLexicon::addSurface(int trigger, Form form, const QStringList &words, bool exactCase, bool allowGap)
{
    if (words.isEmpty())
        return;
    Surface s;
    s.trigger = trigger;
    s.form = form;
    s.exactCase = exactCase;
    s.allowGap = allowGap;
    s.first = words.first();
    s.rest = words.mid(1);
    if (exactCase && s.first.size() > 1 && s.first.endsWith(u'#')) {
        s.first.chop(1);
        m_digitSuffix.push_back(s);
        return;
    }
    const QString key = s.first.toLower();
    m_starts.set(startKey(key));
    m_byFirst[key].push_back(s);
}

void EventLexicon::loadTriggers(const QString &tsv)
{
    loadTriggerRows(rowsOf(tsv));
}

void EventLexicon::loadNames(const QString &tsv)
{
    loadNameRows(rowsOf(tsv));
}

void EventLexicon::loadTriggerRows(const QList<QStringList> &rows)
{
    for (const QStringList &cols : rows) {
        if (cols.size() < 3)
            continue;
        const QStringList forms = cols.at(0).trimmed().split(u'/');
        Trigger t;
        t.text = forms.first();
        t.pos = cols.at(1).trimmed() == QLatin1StringView("v") ? PartOfSpeech::Verb : PartOfSpeech::Noun;
        t.eventClass = cols.at(2).trimmed();
        t.classId = classId(t.eventClass);
        const QString flags = cols.size() > 3 ? cols.at(3).trimmed() : QString();
        for (QChar c : flags) {
            switch (c.unicode()) {
            case u'd': t.flags |= NeedsSpecifier; break;
            case u'p': t.flags |= NeedsPossessor; break;
            case u's': t.flags |= SingularOnly; break;
            case u'x': t.flags |= PluralOnly; break;
            case u'b': t.flags |= AmbiguousBare; break;
            case u'a': t.flags |= AdjectiveToo; break;
            default: break;
            }
        }
        const int index = int(m_triggers.size());
        m_triggers.push_back(t);

        const QStringList words = tokensOf(forms.first());
        if (words.isEmpty())
            continue;
        if (t.pos == PartOfSpeech::Noun) {
            addSurface(index, Form::Singular, words, false, false);
            if (t.flags & (SingularOnly | PluralOnly))
                continue;
            QStringList pl = words;
            pl.last() = forms.size() > 1 ? forms.at(1) : plural(words.last());
            addSurface(index, Form::Plural, pl, false, false);
        } else {
            // The verb is the last token of the first word (re-elect -> elect).
            const qsizetype firstWordTokens = tokensOf(forms.first().section(u' ', 0, 0)).size();
            const qsizetype v = firstWordTokens - 1;
            // A particle ("pull out") takes no object between it and the verb:
            // "pulled the children out" is no withdrawal.
            const QString lastWord = words.last();
            const bool particle = words.size() == firstWordTokens + 1
                && (lastWord == QLatin1StringView("out") || lastWord == QLatin1StringView("off") || lastWord == QLatin1StringView("up")
                    || lastWord == QLatin1StringView("down"));
            const bool phrase = words.size() > firstWordTokens && !particle;
            auto with = [&](const QString &form) {
                QStringList w = words;
                w[v] = form;
                return w;
            };
            const QString base = words.at(v);
            addSurface(index, Form::Base, words, false, phrase);
            addSurface(index, Form::ThirdPerson, with(plural(base)), false, phrase);
            addSurface(index, Form::Ing, with(ing(base)), false, phrase);
            const QString pastForm = forms.size() > 1 ? forms.at(1) : past(base);
            addSurface(index, Form::Past, with(pastForm), false, phrase);
            if (forms.size() > 2 && forms.at(2) != pastForm)
                addSurface(index, Form::Past, with(forms.at(2)), false, phrase);
        }
    }
}

void EventLexicon::loadNameRows(const QList<QStringList> &rows)
{
    for (const QStringList &cols : rows) {
        if (cols.isEmpty() || cols.first().trimmed().isEmpty())
            continue;
        Trigger t;
        t.text = cols.at(0).trimmed();
        t.pos = PartOfSpeech::Name;
        t.eventClass = cols.size() > 1 ? cols.at(1).trimmed() : t.text;
        t.classId = classId(t.eventClass);
        const int index = int(m_triggers.size());
        m_triggers.push_back(t);
        QStringList words = tokensOf(t.text);
        if (words.size() > 1 && words.first() == u"*") {
            const char16_t left = words.first().at(0).unicode();
            words.removeFirst();
            addSurface(index, Form::Name, words, true, false);
            m_byFirst[words.first().toLower()].back().leftWord = left;
            continue;
        }
        addSurface(index, Form::Name, words, true, false);
    }
}

void EventLexicon::loadWordNetEventRows(const QList<QStringList> &rows)
{
    // noun.event also holds trends, amounts, phases and outcomes ("the rise
    // last month", "the end of the year"), which the guideline does not count.
    static const QSet<QString> general = {
        QStringLiteral("end"), QStringLiteral("start"), QStringLiteral("beginning"), QStringLiteral("change"), QStringLiteral("result"),
        QStringLiteral("case"), QStringLiteral("loss"), QStringLiteral("success"), QStringLiteral("failure"), QStringLiteral("growth"),
        QStringLiteral("rise"), QStringLiteral("fall"), QStringLiteral("increase"), QStringLiteral("decrease"), QStringLiteral("decline"),
        QStringLiteral("time"), QStringLiteral("development"), QStringLiteral("shift"), QStringLiteral("drop"), QStringLiteral("jump"),
        QStringLiteral("surge"), QStringLiteral("spike"), QStringLiteral("slump"), QStringLiteral("gain"), QStringLiteral("happening"),
        QStringLiteral("occurrence"), QStringLiteral("turn"), QStringLiteral("period"), QStringLiteral("moment"), QStringLiteral("improvement"),
        QStringLiteral("progress"), QStringLiteral("recovery"), QStringLiteral("trend"), QStringLiteral("outcome"), QStringLiteral("effect"),
        QStringLiteral("consequence"), QStringLiteral("chance"), QStringLiteral("opportunity"), QStringLiteral("luck"), QStringLiteral("experience"),
        QStringLiteral("situation"), QStringLiteral("crisis"), QStringLiteral("problem"), QStringLiteral("difficulty"), QStringLiteral("trouble"),
        QStringLiteral("news"), QStringLiteral("flow"), QStringLiteral("movement"), QStringLiteral("course"), QStringLiteral("finish"),
        QStringLiteral("close"), QStringLiteral("opening"), QStringLiteral("closing"), QStringLiteral("return"), QStringLiteral("pressure"),
        QStringLiteral("demand"), QStringLiteral("supply"), QStringLiteral("output"), QStringLiteral("production"), QStringLiteral("sale"),
        QStringLiteral("sales"), QStringLiteral("release"), QStringLiteral("rate"), QStringLiteral("level"), QStringLiteral("peak"),
        QStringLiteral("record"), QStringLiteral("high"), QStringLiteral("low"), QStringLiteral("weather"), QStringLiteral("rain"),
        QStringLiteral("snow"), QStringLiteral("wind"), QStringLiteral("heat"), QStringLiteral("cold"), QStringLiteral("light"),
        QStringLiteral("sound"), QStringLiteral("noise"), QStringLiteral("life"), QStringLiteral("death"), QStringLiteral("birth"),
        QStringLiteral("age"), QStringLiteral("stage"), QStringLiteral("step"), QStringLiteral("phase"), QStringLiteral("round"),
        QStringLiteral("term"), QStringLiteral("issue"), QStringLiteral("matter"), QStringLiteral("question"), QStringLiteral("year"), QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
    };
    QHash<QString, int> byLemma;
    for (const QStringList &cols : rows) {
        if (cols.size() < 2)
            continue;
        const QString &form = cols.at(0);
        const QString &lemma = cols.at(1);
        if (general.contains(lemma) || form.contains(u' ') || form.contains(u'_') || m_byFirst.contains(form))
            continue;
        int index = byLemma.value(lemma, -1);
        if (index < 0) {
            Trigger t;
            t.text = lemma;
            t.eventClass = QStringLiteral("wordnet:") + lemma;
            t.classId = int(m_classes.size());
            m_classes.append(t.eventClass);
            t.pos = PartOfSpeech::Noun;
            t.flags = NeedsSpecifier;
            index = int(m_triggers.size());
            m_triggers.push_back(t);
            byLemma.insert(lemma, index);
        }
        m_wordNet.insert(form, index);
    }
}

} // namespace annotator
