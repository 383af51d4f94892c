#include "quotelist.h"

#include "model/annotationset.h"
#include "celltextdelegate.h"
#include "panellayout.h"

#include <QHeaderView>
#include <QMimeData>
#include <QScrollBar>
#include <QSet>
#include <QStyledItemDelegate>

#include <algorithm>
#include <QTimer>

#include <limits>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace annotator {

namespace {

constexpr int IdRole = Qt::UserRole + 2;
constexpr int SpeakerRole = Qt::UserRole + 3;

/// The list's rows can be dragged onto a speaker in the text to attribute
/// the quote to them.
class QuoteTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QuoteList::mimeType()}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto *data = new QMimeData;
        data->setData(QuoteList::mimeType(), items.first()->data(0, IdRole).toString().toUtf8());
        data->setText(items.first()->text(1));
        return data;
    }
};

/// Rows as tall as their wrapped text, up to three lines: QTreeView alone
/// sizes rows before it knows the column width, so nothing wraps.
class WrappingDelegate : public CellTextDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : CellTextDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // Only the text and font count here: the full style option (icon,
        // colours, check state) is not needed to measure a row.
        const QVariant font = index.data(Qt::FontRole);
        const QFontMetrics fm(font.isValid() ? font.value<QFont>() : option.font);
        const QString text = index.data(Qt::DisplayRole).toString();
        const int width = std::max(40, m_view->header()->sectionSize(index.column()) - 10);
        // Lines estimated from the font's average character width, not by
        // laying the text out, which costs as much as drawing it and was a
        // good part of opening an article; a quote is cut after 160
        // characters anyway.
        const qint64 advance = qint64(text.size()) * fm.averageCharWidth();
        const int lines = int(std::clamp<qint64>((advance + width - 1) / width, 1, 3));
        return QSize(width, lines * fm.lineSpacing() + 6);
    }

private:
    QTreeView *m_view;
};

bool isShown(const Annotation &a)
{
    return a.type == Types::Quote && a.status != Status::Rejected;
}

bool namesSpeaker(const Annotation &a)
{
    return a.type != Types::Quote && !a.entity.isEmpty();
}

} // namespace

bool QuoteList::Mention::operator<(const Mention &o) const
{
    if (start != o.start)
        return start < o.start;
    if (end != o.end)
        return end > o.end;
    return id < o.id;
}

QString QuoteList::mimeType()
{
    return QStringLiteral("application/x-article-annotator-annotation");
}

QuoteList::QuoteList(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_tree(new QuoteTree(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Speaker"), tr("Quote")});
    m_tree->setRootIsDecorated(false);
    // Who said what is read, not scanned: quotes wrap over up to a few lines
    // instead of being cut after a few words.
    m_tree->setUniformRowHeights(false);
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->setColumnWidth(0, 120);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this] { m_tree->doItemsLayout(); });
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setToolTip(tr("Drag a quote onto a speaker in the text to attribute it"));
    // An edit updates the rows it touched, at once (see EntityPanel).
    connect(m_set, &AnnotationSet::edited, this, &QuoteList::follow);
    connect(m_set, &AnnotationSet::wasReset, this, &QuoteList::refresh);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT jumpTo(item->data(0, Qt::UserRole).toLongLong(), item->data(0, Qt::UserRole + 1).toLongLong());
    });
    refresh();
}

QString QuoteList::speakerName(const QString &entityId) const
{
    const Entity *speaker = m_set->entity(entityId);
    if (!speaker)
        return QString();
    if (!speaker->name.isEmpty())
        return speaker->name;
    auto first = m_firstMention.constFind(speaker->id);
    return first == m_firstMention.cend() ? speaker->id : first->text;
}

void QuoteList::fill(QTreeWidgetItem *item, const Annotation &quote) const
{
    const QString who = speakerName(quote.saidBy);
    // Long quotes are cut in the list (the tooltip has them whole) so one
    // does not fill the panel.
    QString shown = quote.text;
    if (shown.size() > 160)
        shown = shown.left(157).trimmed() + QStringLiteral("…");
    item->setText(0, who.isEmpty() ? tr("(unattributed)") : who);
    item->setText(1, shown);
    item->setToolTip(0, who);
    item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignTop);
    item->setToolTip(1, quote.text);
    item->setData(0, Qt::UserRole, quote.start);
    item->setData(0, Qt::UserRole + 1, quote.end);
    item->setData(0, IdRole, quote.id);
    item->setData(0, SpeakerRole, quote.saidBy);
    if (quote.status == Status::Suggested) {
        QFont italic = m_tree->font();
        italic.setItalic(true);
        item->setFont(1, italic);
        item->setToolTip(0, tr("Suggested, not yet accepted"));
    } else if (item->data(1, Qt::FontRole).isValid()) {
        item->setData(1, Qt::FontRole, QVariant());
    }
}

int QuoteList::rowFor(const Mention &key) const
{
    int lo = 0, hi = m_tree->topLevelItemCount();
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        const QTreeWidgetItem *item = m_tree->topLevelItem(mid);
        const Mention at{item->data(0, Qt::UserRole).toLongLong(), item->data(0, Qt::UserRole + 1).toLongLong(),
                         item->data(0, IdRole).toString(), QString()};
        if (at < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void QuoteList::refresh()
{
    m_tree->clear();
    m_firstMention.clear();
    m_attributed.clear();
    // One pass for the quotes and each speaker's first mention (the name of a
    // speaker without one): no look-up per quote over the whole set.
    QList<const Annotation *> quotes;
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (isShown(a)) {
            quotes.append(&a);
            ++m_attributed[a.saidBy];
        } else if (namesSpeaker(a) && !m_firstMention.contains(a.entity)) {
            m_firstMention.insert(a.entity, Mention{a.start, a.end, a.id, a.text});
        }
    });
    // Items are made first and join the list in one insertion.
    QList<QTreeWidgetItem *> items;
    items.reserve(quotes.size());
    for (const Annotation *q : std::as_const(quotes)) {
        auto *item = new QTreeWidgetItem;
        fill(item, *q);
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    layOutNow(m_tree);
}

void QuoteList::follow(const AnnotationEdit &edit)
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
        if (first != m_firstMention.end() && first->id == d.before->id) {
            lost.insert(first.key(), first.value());
            m_firstMention.erase(first);
        }
    }
    for (const auto &d : edit.annotations) {
        if (!d.after || !namesSpeaker(*d.after))
            continue;
        const Annotation &a = *d.after;
        const Mention m{a.start, a.end, a.id, a.text};
        auto first = m_firstMention.find(a.entity);
        if (first == m_firstMention.end()) {
            auto gone = lost.constFind(a.entity);
            if (gone == lost.cend() || !(gone.value() < m)) {
                m_firstMention.insert(a.entity, m);
                renamed.insert(a.entity);
            }
        } else if (m < first.value()) {
            first.value() = m;
            renamed.insert(a.entity);
        }
    }
    QSet<QString> rescan;
    for (auto it = lost.cbegin(); it != lost.cend(); ++it) {
        renamed.insert(it.key());
        auto first = m_firstMention.constFind(it.key());
        if (first == m_firstMention.cend() || it.value() < first.value()) {
            m_firstMention.remove(it.key());
            rescan.insert(it.key());
        }
    }
    if (!rescan.isEmpty()) {
        m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
            if (namesSpeaker(a) && rescan.contains(a.entity) && !m_firstMention.contains(a.entity))
                m_firstMention.insert(a.entity, Mention{a.start, a.end, a.id, a.text});
        });
    }
    for (const auto &d : edit.entities)
        renamed.insert(d.before ? d.before->id : d.after->id);

    // The quotes: each row found before anything moves (the rows are in
    // article order); a quote that stays in its place is updated there, one
    // that moved or came goes to its place.
    QHash<QString, QTreeWidgetItem *> rows;
    for (const auto &d : edit.annotations) {
        if (!d.before || !isShown(*d.before))
            continue;
        const Annotation &a = *d.before;
        const int row = rowFor(Mention{a.start, a.end, a.id, QString()});
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        if (item && item->data(0, IdRole).toString() == a.id)
            rows.insert(a.id, item);
        auto n = m_attributed.find(a.saidBy);
        if (n != m_attributed.end() && --n.value() <= 0)
            m_attributed.erase(n);
    }
    QList<const Annotation *> placing;
    QSet<QTreeWidgetItem *> updated;
    for (const auto &d : edit.annotations) {
        if (!d.after || !isShown(*d.after))
            continue;
        const Annotation &a = *d.after;
        ++m_attributed[a.saidBy];
        auto it = rows.constFind(a.id);
        if (it != rows.cend() && d.before && d.before->start == a.start && d.before->end == a.end) {
            fill(it.value(), a);
            updated.insert(it.value());
            rows.erase(it);
        } else {
            placing.append(&a);
        }
    }
    const bool moved = !placing.isEmpty() || !rows.isEmpty();
    QTreeWidgetItem *top = m_tree->itemAt(0, 0);
    const int scroll = m_tree->verticalScrollBar()->value();
    QTreeWidgetItem *current = m_tree->currentItem();
    QSet<QTreeWidgetItem *> selected;
    for (QTreeWidgetItem *item : std::as_const(rows)) {
        if (item->isSelected())
            selected.insert(item);
        if (item == top)
            top = nullptr;
        m_tree->takeTopLevelItem(m_tree->indexOfTopLevelItem(item));
    }
    for (const Annotation *a : std::as_const(placing)) {
        QTreeWidgetItem *item = rows.take(a->id);
        if (!item)
            item = new QTreeWidgetItem;
        fill(item, *a);
        updated.insert(item);
        m_tree->insertTopLevelItem(rowFor(Mention{a->start, a->end, a->id, QString()}), item);
    }
    for (QTreeWidgetItem *item : std::as_const(rows)) {
        selected.remove(item);
        if (item == current)
            current = nullptr;
        delete item; // a quote that went
    }
    for (QTreeWidgetItem *item : std::as_const(selected))
        item->setSelected(true);
    if (current && m_tree->currentItem() != current)
        m_tree->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);

    // Rows whose speaker got another name.
    renamed.removeIf([&](const QString &id) { return !m_attributed.contains(id); });
    if (!renamed.isEmpty()) {
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_tree->topLevelItem(i);
            if (updated.contains(item) || !renamed.contains(item->data(0, SpeakerRole).toString()))
                continue;
            if (const Annotation *a = m_set->annotation(item->data(0, IdRole).toString()))
                fill(item, *a);
        }
    }
    // The rows the user was looking at stay where they were.
    if (moved) {
        if (top)
            m_tree->scrollToItem(top, QAbstractItemView::PositionAtTop);
        else
            m_tree->verticalScrollBar()->setValue(scroll);
    }
}

} // namespace annotator
