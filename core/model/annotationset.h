#pragma once

#include "annotation.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace annotator {

/// A code point range touched by a change, for views that redraw only that.
struct TextRange {
    qint64 start = 0;
    qint64 end = 0;
    bool operator==(const TextRange &) const = default;
};

/// One undoable step: every annotation and entity it changes, each as its
/// state before and after (nothing = absent). A bulk action is one edit.
struct AnnotationEdit {
    struct AnnotationDelta {
        std::optional<Annotation> before;
        std::optional<Annotation> after;
    };
    struct EntityDelta {
        std::optional<Entity> before;
        std::optional<Entity> after;
    };
    struct TypeDelta {
        std::optional<AnnotationType> before;
        std::optional<AnnotationType> after;
    };

    QString text; ///< what the Undo menu shows
    QList<AnnotationDelta> annotations;
    QList<EntityDelta> entities;
    QList<TypeDelta> types; ///< user-defined annotation types

    bool isEmpty() const { return annotations.isEmpty() && entities.isEmpty() && types.isEmpty(); }
    void add(const Annotation &a) { annotations.append({std::nullopt, a}); }
    void remove(const Annotation &a) { annotations.append({a, std::nullopt}); }
    void change(const Annotation &before, const Annotation &after) { annotations.append({before, after}); }
    void add(const Entity &e) { entities.append({std::nullopt, e}); }
    void remove(const Entity &e) { entities.append({e, std::nullopt}); }
    void change(const Entity &before, const Entity &after) { entities.append({before, after}); }
    void add(const AnnotationType &t) { types.append({std::nullopt, t}); }
    void remove(const AnnotationType &t) { types.append({t, std::nullopt}); }
};

/// All annotations and entities of one article, with an undo history.
///
/// Every change goes through apply() (or an intent built on it), so it can be
/// undone and the views hear of it through changed(). The modified state
/// follows the history's clean point, as in Okular. QUndoStack lives in QtGui
/// since Qt 6; the core stays on QtCore, hence this small history of its own.
class Document;

class AnnotationSet : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationSet(QObject *parent = nullptr);
    ~AnnotationSet() override;

    // --- reading
    qsizetype size() const { return m_annotations.size(); }
    bool isEmpty() const { return m_annotations.isEmpty(); }
    const Annotation *annotation(const QString &id) const;
    /// All annotations in position order.
    QList<Annotation> annotations() const;
    /// Annotations overlapping [start, end) in position order.
    QList<Annotation> annotationsIn(qint64 start, qint64 end) const;
    /// Calls @p f for each annotation overlapping [start, end), in order,
    /// without copying; the fast path for highlighters.
    template<typename F>
    void forEachIn(qint64 start, qint64 end, F &&f) const
    {
        auto it = m_order.lower_bound(Position{start - m_maxLength, 0});
        for (; it != m_order.end() && it->start < end; ++it) {
            const Annotation &a = *it;
            if (a.end > start || (a.start == a.end && a.start >= start))
                f(a);
        }
    }
    QList<Annotation> ofType(const QString &type) const;
    QList<Annotation> mentionsOf(const QString &entityId) const;
    QList<Annotation> quotesOf(const QString &speakerEntityId) const;

    const Entity *entity(const QString &id) const;
    QList<Entity> entities() const; ///< sorted by id number
    /// Annotations that could not be placed in the current article text.
    const QList<Annotation> &orphans() const { return m_orphans; }
    const QList<AnnotationType> &userTypes() const { return m_userTypes; }
    /// The user-defined type called @p name, or null.
    const AnnotationType *userType(const QString &name) const;
    /// Why @p type cannot be added as a user-defined type (empty when it
    /// can): a missing or reserved name (the built-in Speaker, Country,
    /// Event, Quote), one already defined, a key that is not a single digit
    /// 5-9 or letter, or one already taken by another type or by a command
    /// in @p reservedKeys.
    QString checkNewType(const AnnotationType &type, const QStringList &reservedKeys = {}) const;
    /// The key part of checkNewType(): empty when @p key can tag a new type.
    QString checkTypeKey(const QString &key, const QStringList &reservedKeys = {}) const;
    /// True for a colour written #rrggbb (or none).
    static bool isTypeColor(const QString &color);
    /// Fields of the sidecar this program does not know (written by a newer
    /// version), kept so saving does not lose them.
    const QJsonObject &unknownFields() const { return m_unknownFields; }
    void setUnknownFields(const QJsonObject &fields) { m_unknownFields = fields; }

    /// Fresh ids, never used in this set before.
    QString newAnnotationId();
    QString newEntityId();

    // --- loading (not undoable; clears the history and marks clean)
    /// The lists are taken by value: a caller that hands them over with
    /// std::move (a loaded sidecar) has them freed here, before the views
    /// hear of the reset and build their rows, not after.
    void reset(QList<Annotation> annotations, QList<Entity> entities, QList<Annotation> orphans = {},
               QList<AnnotationType> userTypes = {});
    /// The same with the annotations in batches (a loader's, a few thousand
    /// each), each freed as soon as it is in: a large article's annotations
    /// are never all in a list and in the set at once.
    void resetFromBatches(QList<QList<Annotation>> batches, QList<Entity> entities, QList<Annotation> orphans = {},
                         QList<AnnotationType> userTypes = {});
    void clear() { reset({}, {}); }
    void setOrphans(const QList<Annotation> &orphans);
    void setUserTypes(const QList<AnnotationType> &types);

    // --- editing: each call is one undoable step
    void apply(const AnnotationEdit &edit);
    /// Adds @p a (a fresh id when it has none) and returns its id.
    QString addAnnotation(Annotation a, const QString &text = QString());
    void removeAnnotation(const QString &id, const QString &text = QString());
    void updateAnnotation(const Annotation &a, const QString &text = QString());
    /// Gives annotation @p id the type @p type as the user's correction: it
    /// becomes accepted, and the entity link, quote attribution and
    /// attributes of the old type are dropped.
    void setType(const QString &id, const QString &type);
    /// Sets the status of every annotation in @p ids in one step (accepting
    /// or rejecting suggestions one by one or in bulk).
    void setStatus(const QStringList &ids, Status status, const QString &text = QString());

    // --- corrections of many annotations at once, each one undoable step
    /// Tags every whole-word occurrence of @p needle in @p doc as @p type:
    /// an exact span already of @p type is accepted, one of @p retype (the
    /// type of the annotation the user started from) is retyped, the rest
    /// become new annotations with @p attributes. Returns how many changed.
    int tagAllOccurrences(const Document &doc, const QString &needle, const QString &type,
                          const QString &retype = QString(), const QMap<QString, QString> &attributes = {});
    /// Removes every annotation of @p type whose text is @p text; returns
    /// how many.
    int removeAllOccurrences(const QString &type, const QString &text);
    /// Accepts or rejects every suggestion of @p type (of all types when it
    /// is empty); returns how many.
    int setStatusOfAll(const QString &type, Status status);
    /// Accepts or rejects every suggestion with the text and type of
    /// annotation @p id, and that annotation itself; returns how many.
    int setStatusOfSameText(const QString &id, Status status);
    /// Links mention @p id to entity @p entityId of its own type, or
    /// attributes quote @p id to speaker @p entityId. False when the two do
    /// not fit together.
    bool link(const QString &id, const QString &entityId);
    /// Links annotation @p id to what mention @p targetId refers to: a quote
    /// is attributed to the target speaker, a mention joins the target's
    /// entity. A target without an entity gets one, in the same step. False
    /// when the two do not fit together (a quote dropped on a country).
    bool linkToMention(const QString &id, const QString &targetId);
    /// Gives mention @p id (a speaker or an event) an entity of its own;
    /// returns the new entity's id, empty when nothing was done.
    QString splitOff(const QString &id);
    /// Moves every mention and quote of entity @p from to @p into and
    /// removes @p from. False when they cannot merge (missing, the same, or
    /// of different types).
    bool mergeEntities(const QString &into, const QString &from);
    /// Adds user-defined type @p type when checkNewType() allows it; returns
    /// that check's message (empty on success).
    QString addUserType(const AnnotationType &type, const QStringList &reservedKeys = {});
    /// Removes user-defined type @p name with every annotation of it, in one
    /// step; returns how many annotations went with it.
    int removeUserType(const QString &name);

    // --- history
    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < qsizetype(m_history.size()); }
    QString undoText() const;
    QString redoText() const;
    void undo();
    void redo();
    /// Descriptions of all steps, oldest first; index() of them are done.
    QStringList historyTexts() const;
    qsizetype historyIndex() const { return m_index; }
    bool isClean() const { return m_index == m_cleanIndex; }
    /// Marks the current state as saved.
    void setClean();
    /// Marks the state as differing from the saved one (e.g. after merging
    /// recogniser suggestions into a freshly loaded set).
    void setModified();

Q_SIGNALS:
    /// Annotations or entities changed; @p ranges covers every span touched,
    /// before and after the change.
    void changed(const QList<annotator::TextRange> &ranges);
    /// Right after changed(), for a step made, undone or redone: every
    /// annotation and entity it touched, once each, as it was before the
    /// step and as it is now (nothing = absent); types says whether
    /// user-defined types changed too. Views that follow the whole set
    /// (the panels, the ruler) update just these from it.
    void edited(const annotator::AnnotationEdit &effect);
    /// Everything was replaced (load).
    void wasReset();
    /// User-defined types were added or removed (also by undo and redo).
    void userTypesChanged();
    /// apply() made @p edit (not emitted for undo and redo), after the
    /// change and before historyChanged().
    void applied(const annotator::AnnotationEdit &edit);
    void cleanChanged(bool clean);
    void historyChanged();

private:
    /// Where the position order starts looking (an id before every id).
    struct Position {
        qint64 start;
        qint64 negEnd;
    };
    /// By start, longer first, then id. The annotation is its own key: one
    /// node per annotation, not a copy in a hash and a key in a map (a 5 MB
    /// article has 100,000 of them).
    struct Order {
        using is_transparent = void;
        bool operator()(const Annotation &a, const Annotation &b) const { return placeLess(a, b); }
        bool operator()(const Annotation &a, const Position &p) const
        {
            return a.start != p.start ? a.start < p.start : -a.end < p.negEnd;
        }
        bool operator()(const Position &p, const Annotation &a) const
        {
            return p.start != a.start ? p.start < a.start : p.negEnd <= -a.end;
        }
    };
    using OrderSet = std::set<Annotation, Order>;

    void applyDeltas(const AnnotationEdit &edit, bool forward);
    void insert(const Annotation &a);
    void erase(const QString &id);
    void noteId(const QString &id, bool entity);
    void emitCleanIfChanged(bool wasClean);
    /// The part of a reset after the annotations are in.
    void finishReset(bool wasClean, QList<Entity> entities, QList<Annotation> orphans, QList<AnnotationType> userTypes);

    OrderSet m_order; ///< every annotation, in position order
    /// The same by id; a key is a view of the id in its node (which never
    /// moves), not a second QString: 8 bytes less for each annotation.
    QHash<QStringView, OrderSet::const_iterator> m_annotations;
    qint64 m_maxLength = 0;
    QHash<QString, Entity> m_entities;
    QList<Annotation> m_orphans;
    QList<AnnotationType> m_userTypes;
    QJsonObject m_unknownFields;
    std::vector<AnnotationEdit> m_history;
    qsizetype m_index = 0;
    qsizetype m_cleanIndex = 0; ///< -1 when the saved state is unreachable
    quint64 m_nextAnnotation = 1;
    quint64 m_nextEntity = 1;
};

} // namespace annotator
