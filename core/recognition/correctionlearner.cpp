#include "correctionlearner.h"

#include "model/annotationset.h"

namespace annotator {

namespace {

bool isSingleWordPronoun(const QString &text)
{
    static const QStringList pronouns = {QStringLiteral("he"), QStringLiteral("she"), QStringLiteral("they"), QStringLiteral("it"),
                                         QStringLiteral("we"), QStringLiteral("i"), QStringLiteral("you"), QStringLiteral("his"),
                                         QStringLiteral("her"), QStringLiteral("their"), QStringLiteral("its")};
    return pronouns.contains(text.trimmed().toCaseFolded());
}

} // namespace

bool CorrectionLearner::isRememberable(const QString &type, const QString &text)
{
    if (type.isEmpty() || type == Types::Quote || text.trimmed().isEmpty())
        return false;
    if (type == Types::Speaker) {
        // Names only: "she" or "a senior official" is a speaker here and not elsewhere.
        for (QChar c : text) {
            if (c.isLetter()) {
                if (!c.isUpper())
                    return false;
                break;
            }
        }
        return !isSingleWordPronoun(text);
    }
    return true;
}

CorrectionLearner::CorrectionLearner(AnnotationSet *set, PersonalLexicon *lexicon, QObject *parent)
    : QObject(parent)
    , m_set(set)
    , m_lexicon(lexicon)
    , m_index(set->historyIndex())
{
    m_journal.resize(size_t(m_index));
    connect(set, &AnnotationSet::applied, this, &CorrectionLearner::stepApplied);
    connect(set, &AnnotationSet::historyChanged, this, &CorrectionLearner::historyMoved);
    connect(set, &AnnotationSet::wasReset, this, [this] {
        m_journal.clear();
        m_index = m_set->historyIndex();
        m_journal.resize(size_t(m_index));
    });
}

void CorrectionLearner::setLexicon(PersonalLexicon *lexicon)
{
    m_lexicon = lexicon;
}

std::vector<CorrectionLearner::Change> CorrectionLearner::learn(PersonalLexicon &lexicon, const AnnotationEdit &edit)
{
    std::vector<Change> changes;
    auto record = [&](const QString &type, const QString &text, const std::optional<PersonalLexicon::Entry> &after) {
        if (!isRememberable(type, text))
            return;
        Change c{type, text, lexicon.find(type, text), after};
        if (after) {
            if (!lexicon.set(*after))
                return;
        } else if (!lexicon.remove(type, text)) {
            return;
        }
        c.after = lexicon.find(type, text);
        changes.push_back(std::move(c));
    };
    auto always = [&](const Annotation &a) {
        PersonalLexicon::Entry e{a.type, a.text, PersonalLexicon::Decision::Always, QString()};
        if (a.type == Types::Country)
            e.code = a.attributes.value(Attr::Code);
        record(a.type, a.text, e);
    };
    auto never = [&](const Annotation &a) { record(a.type, a.text, PersonalLexicon::Entry{a.type, a.text, PersonalLexicon::Decision::Never, QString()}); };
    auto forget = [&](const Annotation &a, PersonalLexicon::Decision decision) {
        const auto e = lexicon.find(a.type, a.text);
        if (e && e->decision == decision)
            record(a.type, a.text, std::nullopt);
    };

    for (const AnnotationEdit::AnnotationDelta &d : edit.annotations) {
        const std::optional<Annotation> &b = d.before;
        const std::optional<Annotation> &a = d.after;
        if (b && a && b->type == a->type && b->text == a->text) {
            const bool wasRejected = b->status == Status::Rejected, isRejected = a->status == Status::Rejected;
            if (isRejected && !wasRejected)
                never(*a);
            else if (wasRejected && !isRejected)
                forget(*b, PersonalLexicon::Decision::Never);
            else if (!isRejected && a->type == Types::Country && a->attributes.value(Attr::Code) != b->attributes.value(Attr::Code)
                     && !a->attributes.value(Attr::Code).isEmpty())
                always(*a);
        } else if (b && a && b->type != a->type) {
            if (b->status != Status::Rejected) {
                if (b->origin == Origin::Automatic)
                    never(*b);
                else
                    forget(*b, PersonalLexicon::Decision::Always);
            }
            if (a->status != Status::Rejected)
                always(*a);
        } else if (b && !a) {
            if (b->status == Status::Rejected)
                continue;
            if (b->origin == Origin::Automatic)
                never(*b);
            else
                forget(*b, PersonalLexicon::Decision::Always);
        } else if (!b && a) {
            if (a->origin == Origin::Manual && a->status != Status::Rejected)
                always(*a);
        }
        // A moved boundary corrects the span, not what the text is: nothing to learn.
    }
    return changes;
}

void CorrectionLearner::stepApplied(const AnnotationEdit &edit)
{
    std::vector<Change> changes;
    if (m_lexicon && !m_paused)
        changes = learn(*m_lexicon, edit);
    m_index = m_set->historyIndex();
    m_journal.resize(size_t(m_index > 0 ? m_index - 1 : 0));
    m_journal.push_back(std::move(changes));
    if (!m_journal.back().empty())
        Q_EMIT lexiconChanged();
}

void CorrectionLearner::historyMoved()
{
    const qsizetype now = m_set->historyIndex();
    if (now == m_index || !m_lexicon) {
        m_index = now;
        return;
    }
    bool changed = false;
    // Moves the entry from @p from to @p to, if it still is as the step left it.
    auto restore = [&](const Change &c, const std::optional<PersonalLexicon::Entry> &from, const std::optional<PersonalLexicon::Entry> &to) {
        if (m_lexicon->find(c.type, c.text) != from)
            return;
        changed |= to ? m_lexicon->set(*to) : m_lexicon->remove(c.type, c.text);
    };
    // Undo takes back what the undone steps taught; redo teaches it again.
    while (m_index > now) {
        --m_index;
        if (size_t(m_index) < m_journal.size()) {
            const auto &steps = m_journal[size_t(m_index)];
            for (auto it = steps.crbegin(); it != steps.crend(); ++it)
                restore(*it, it->after, it->before);
        }
    }
    while (m_index < now) {
        if (size_t(m_index) < m_journal.size()) {
            for (const Change &c : m_journal[size_t(m_index)])
                restore(c, c.before, c.after);
        }
        ++m_index;
    }
    if (changed)
        Q_EMIT lexiconChanged();
}

void CorrectionLearner::userChanged(const QString &type, const QString &text)
{
    const QString key = PersonalLexicon::normalized(text);
    for (std::vector<Change> &step : m_journal)
        std::erase_if(step, [&](const Change &c) { return c.type == type && PersonalLexicon::normalized(c.text) == key; });
}

} // namespace annotator
