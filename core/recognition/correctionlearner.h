#pragma once

#include "personallexicon.h"

#include <QObject>

#include <optional>
#include <vector>

namespace annotator {

class AnnotationSet;
struct AnnotationEdit;

/// Watches the user's corrections in one article and remembers them in a
/// personal lexicon:
/// - rejecting a suggestion, or deleting an annotation the recognisers made,
///   remembers its text as "never" that type;
/// - tagging text, or retyping an annotation, remembers the text as "always"
///   the new type (and "never" the old type when the recognisers chose it);
///   setting a country's code remembers the code;
/// - deleting one's own tag, or un-rejecting a suggestion, forgets what was
///   remembered for that text.
/// Speakers are remembered by name only (text with a capital, not a bare
/// pronoun); quotes are not remembered. Undo and redo in the article take
/// back and make again what the step taught the lexicon, but only where the
/// entry is still as the step left it: an entry the user changed by hand
/// since (userChanged(), the lexicon dialog) or that changed otherwise is
/// left as it is, for the user's explicit word wins over an old lesson.
class CorrectionLearner : public QObject
{
    Q_OBJECT
public:
    /// One entry's state before and after a step (nothing = absent).
    struct Change {
        QString type;
        QString text;
        std::optional<PersonalLexicon::Entry> before;
        std::optional<PersonalLexicon::Entry> after;
    };

    /// Learns from the steps applied to @p set into @p lexicon (not owned;
    /// must outlive the learner or be reset with setLexicon(nullptr)).
    CorrectionLearner(AnnotationSet *set, PersonalLexicon *lexicon, QObject *parent = nullptr);

    void setLexicon(PersonalLexicon *lexicon);
    /// While paused (recogniser results being merged), steps teach nothing.
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }

    /// What @p edit teaches, applied to @p lexicon; returns the changes made.
    static std::vector<Change> learn(PersonalLexicon &lexicon, const AnnotationEdit &edit);
    /// Whether @p text may be remembered as @p type.
    static bool isRememberable(const QString &type, const QString &text);

    /// The user edited, deleted or added the entry for @p text as @p type
    /// by hand: undoing or redoing the steps taken so far no longer
    /// touches it.
    void userChanged(const QString &type, const QString &text);

Q_SIGNALS:
    /// The lexicon changed (to be saved).
    void lexiconChanged();

private:
    void stepApplied(const AnnotationEdit &edit);
    void historyMoved();

    AnnotationSet *m_set;
    PersonalLexicon *m_lexicon;
    bool m_paused = false;
    std::vector<std::vector<Change>> m_journal; ///< one per step of the set's history
    qsizetype m_index = 0; ///< the set's history index the journal is at
};

} // namespace annotator
