#include "quotemodel.h"

#include "model/annotationset.h"
#include "quotelist.h"

#include <QMimeData>
#include <QSet>

#include <algorithm>
#include <limits>

namespace annotator {

namespace {

bool isShown(const Annotation &a)
{
    return a.type == Types::Quote && a.status != Status::Rejected;
}

bool namesSpeaker(const Annotation &a)
{
    return a.type != Types::Quote && !a.entity.isEmpty();
}

} // namespace

bool QuoteModel::Key::operator<(const Key &o) const
{
    return placeLess(*this, o);
}

QuoteModel::QuoteModel(const AnnotationSet *set, QObject *parent)
    : QAbstractTableModel(parent)
    , m_set(set)
{
}

int QuoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuoteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QString QuoteModel::speakerName(const QString &entityId) const
{
    const Entity *speaker = m_set->entity(entityId);
    if (!speaker)
        return QString();
    if (!speaker->name.isEmpty())
        return speaker->name;
    auto first = m_firstMention.constFind(speaker->id);
    return first == m_firstMention.cend() ? speaker->id : first->text;
}

QVariant QuoteModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const Key &row = m_rows[size_t(index.row())];
    if (index.column() == 0) {
        switch (role) {
        case StartRole:
            return row.start;
        case EndRole:
            return row.end;
        case IdRole:
            return row.id;
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignLeft | Qt::AlignTop);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::FontRole && role != SpeakerRole)
        return QVariant();
    const Annotation *quote = m_set->annotation(row.id);
    if (!quote)
        return QVariant(); // between a change of the set and its edited() signal
    const bool suggested = quote->status == Status::Suggested;
    if (index.column() == 0) {
        if (role == SpeakerRole)
            return quote->saidBy;
        if (role == Qt::FontRole)
            return QVariant();
        if (role == Qt::ToolTipRole && suggested)
            return tr("Suggested, not yet accepted");
        const QString who = speakerName(quote->saidBy);
        if (role == Qt::DisplayRole && who.isEmpty())
            return tr("(unattributed)");
        return who;
    }
    switch (role) {
    case Qt::DisplayRole:
        // Long quotes are cut in the list (the tooltip has them whole) so one
        // does not fill the panel.
        if (quote->text.size() > 160)
            return QString(quote->text.left(157).trimmed() + QStringLiteral("…"));
        return quote->text;
    case Qt::ToolTipRole:
        return quote->text;
    case Qt::FontRole:
        return suggested ? QVariant(m_suggestedFont) : QVariant();
    default:
        return QVariant();
    }
}

QVariant QuoteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case 0:
        return tr("Speaker");
    case 1:
        return tr("Quote");
    default:
        return QVariant();
    }
}

Qt::ItemFlags QuoteModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
}

QStringList QuoteModel::mimeTypes() const
{
    return {QuoteList::mimeType()};
}

QMimeData *QuoteModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    const QModelIndex first = indexes.first();
    auto *data = new QMimeData;
    data->setData(QuoteList::mimeType(), m_rows[size_t(first.row())].id.toUtf8());
    data->setText(this->index(first.row(), 1).data().toString());
    return data;
}

int QuoteModel::rowFor(const Key &key) const
{
    return int(std::lower_bound(m_rows.begin(), m_rows.end(), key) - m_rows.begin());
}

void QuoteModel::rowsChanged(int first, int last)
{
    Q_EMIT dataChanged(index(first, 0), index(last, 1));
}

void QuoteModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_firstMention.clear();
    m_attributed.clear();
    // One pass for the quotes and each speaker's first mention (the name of a
    // speaker without one): no look-up per quote over the whole set.
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (isShown(a)) {
            m_rows.push_back(Key{a.start, a.end, a.id});
            ++m_attributed[a.saidBy];
        } else if (namesSpeaker(a) && !m_firstMention.contains(a.entity)) {
            m_firstMention.insert(a.entity, Mention{Key{a.start, a.end, a.id}, a.text});
        }
    });
    m_rows.shrink_to_fit();
    endResetModel();
}

void QuoteModel::follow(const AnnotationEdit &edit)
{
    if (edit.annotations.size() > std::max<qsizetype>(1000, m_set->size() / 4)) {
        refresh();
        return;
    }
    // Speakers' first mentions: one that goes is replaced by an earlier one
    // the step added, else found by a pass over the set.
    QSet<QString> renamed;
    QHash<QString, Mention> lost;
    for (const auto &d : edit.annotations) {
        if (!d.before || !namesSpeaker(*d.before))
            continue;
        auto first = m_firstMention.find(d.before->entity);
        if (first != m_firstMention.end() && first->at.id == d.before->id) {
            lost.insert(first.key(), first.value());
            m_firstMention.erase(first);
        }
    }
    for (const auto &d : edit.annotations) {
        if (!d.after || !namesSpeaker(*d.after))
            continue;
        const Annotation &a = *d.after;
        const Mention m{Key{a.start, a.end, a.id}, a.text};
        auto first = m_firstMention.find(a.entity);
        if (first == m_firstMention.end()) {
            auto gone = lost.constFind(a.entity);
            if (gone == lost.cend() || !(gone->at < m.at)) {
                m_firstMention.insert(a.entity, m);
                renamed.insert(a.entity);
            }
        } else if (m.at < first->at) {
            first.value() = m;
            renamed.insert(a.entity);
        }
    }
    QSet<QString> rescan;
    for (auto it = lost.cbegin(); it != lost.cend(); ++it) {
        renamed.insert(it.key());
        auto first = m_firstMention.constFind(it.key());
        if (first == m_firstMention.cend() || it->at < first->at) {
            m_firstMention.remove(it.key());
            rescan.insert(it.key());
        }
    }
    if (!rescan.isEmpty()) {
        m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
            if (namesSpeaker(a) && rescan.contains(a.entity) && !m_firstMention.contains(a.entity))
                m_firstMention.insert(a.entity, Mention{Key{a.start, a.end, a.id}, a.text});
        });
    }
    for (const auto &d : edit.entities)
        renamed.insert(d.before ? d.before->id : d.after->id);

    // The quotes. Where each shown quote now is, by id; one that stays in its
    // place is redrawn there, one that moved moves (keeping its selection),
    // one that went goes, one that came comes in at its place.
    QHash<QString, Key> now;
    for (const auto &d : edit.annotations) {
        if (!d.after || !isShown(*d.after))
            continue;
        const Annotation &a = *d.after;
        ++m_attributed[a.saidBy];
        now.insert(a.id, Key{a.start, a.end, a.id});
    }
    QSet<QString> redrawn;
    for (const auto &d : edit.annotations) {
        if (!d.before || !isShown(*d.before))
            continue;
        const Annotation &a = *d.before;
        auto n = m_attributed.find(a.saidBy);
        if (n != m_attributed.end() && --n.value() <= 0)
            m_attributed.erase(n);
        const int row = rowFor(Key{a.start, a.end, a.id});
        if (row >= int(m_rows.size()) || m_rows[size_t(row)].id != a.id)
            continue;
        auto to = now.find(a.id);
        if (to == now.end()) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
            continue;
        }
        const Key key = to.value();
        now.erase(to);
        redrawn.insert(a.id);
        // Before which of the present rows it goes (its own row counts as
        // before the new place when it moves down).
        const int dest = rowFor(key);
        if (dest == row || dest == row + 1) {
            m_rows[size_t(row)] = key;
            rowsChanged(row, row);
            continue;
        }
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest);
        m_rows.erase(m_rows.begin() + row);
        m_rows.insert(m_rows.begin() + (dest > row ? dest - 1 : dest), key);
        endMoveRows();
        const int at = dest > row ? dest - 1 : dest;
        rowsChanged(at, at);
    }
    for (const Key &key : std::as_const(now)) {
        const int row = rowFor(key);
        beginInsertRows(QModelIndex(), row, row);
        m_rows.insert(m_rows.begin() + row, key);
        endInsertRows();
        redrawn.insert(key.id);
    }

    // Rows whose speaker got another name.
    renamed.removeIf([&](const QString &id) { return !m_attributed.contains(id); });
    if (!renamed.isEmpty()) {
        int first = -1;
        for (int i = 0; i <= int(m_rows.size()); ++i) {
            bool hit = false;
            if (i < int(m_rows.size()) && !redrawn.contains(m_rows[size_t(i)].id)) {
                const Annotation *a = m_set->annotation(m_rows[size_t(i)].id);
                hit = a && renamed.contains(a->saidBy);
            }
            if (hit && first < 0)
                first = i;
            if (!hit && first >= 0) {
                rowsChanged(first, i - 1);
                first = -1;
            }
        }
    }
}

} // namespace annotator
