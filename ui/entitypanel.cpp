#include "entitypanel.h"

#include "model/annotationset.h"
#include "panellayout.h"
#include "celltextdelegate.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>
#include <map>

namespace annotator {

namespace {

enum Column { NameColumn, DetailColumn, CountColumn };
enum Role { MentionsRole = Qt::UserRole + 1, NextRole, EntityRole };

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(0, 0, 12, 12), 3, 3);
    return QIcon(pixmap);
}

QString mostFrequent(const QHash<QString, int> &texts)
{
    QString best;
    int n = -1;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (it.value() > n || (it.value() == n && it.key().size() > best.size())) {
            best = it.key();
            n = it.value();
        }
    }
    return best;
}

QString indexKey(const QString &group, const QString &key)
{
    return group + u'\n' + key;
}

size_t slotOf(const QTreeWidgetItem *item)
{
    return size_t(item->data(NameColumn, MentionsRole).toULongLong());
}

} // namespace

bool EntityPanel::Mention::operator<(const Mention &o) const
{
    return placeLess(*this, o);
}

EntityPanel::EntityPanel(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Role / code / time"), tr("#")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    // A long role must not squeeze the names away: the detail column has a
    // fixed share the user can drag, and elides.
    m_tree->header()->setSectionResizeMode(DetailColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(DetailColumn, 110);
    m_tree->setTextElideMode(Qt::ElideRight);
    // Sized to the largest count after each rebuild, not by asking every row.
    m_tree->header()->setSectionResizeMode(CountColumn, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setItemDelegate(new CellTextDelegate(m_tree));
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &EntityPanel::refresh);
    // An edit updates the rows it touched, at once: in a long article a
    // rebuild from every annotation would be a pause after each keystroke.
    connect(m_set, &AnnotationSet::edited, this, &EntityPanel::follow);
    connect(m_set, &AnnotationSet::wasReset, this, &EntityPanel::refresh); // a new article: at once
    // A type added or removed changes the groups: rebuilt, with the edit
    // that follows when there is one, else from the event loop.
    connect(m_set, &AnnotationSet::userTypesChanged, this, [this] {
        QStringList types = m_groupTypes.mid(3);
        QStringList now;
        for (const AnnotationType &t : m_set->userTypes())
            now.append(t.name);
        if (types != now) {
            m_typesChanged = true;
            m_refresh->start();
        }
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, &EntityPanel::activate);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &EntityPanel::showMenu);
    connect(m_filter, &QLineEdit::textChanged, this, &EntityPanel::applyFilter);
    refresh();
}

std::optional<std::pair<QString, QString>> EntityPanel::rowOf(const Annotation &a) const
{
    // Rows keyed by what makes two mentions the same thing: the entity, a
    // country's code, or else the mention text.
    if (a.status == Status::Rejected)
        return std::nullopt;
    if (a.type == Types::Speaker || a.type == Types::Event)
        return std::pair(a.type, a.entity.isEmpty() ? QStringLiteral("t:") + a.text : QStringLiteral("e:") + a.entity);
    if (a.type == Types::Country) {
        const QString code = a.attributes.value(Attr::Code);
        return std::pair(a.type, code.isEmpty() ? QStringLiteral("t:") + a.text : QStringLiteral("c:") + code);
    }
    // The user's own types, each a group of rows by mention text.
    if (a.type != Types::Quote && m_groupTypes.indexOf(a.type) >= 3)
        return std::pair(a.type, QStringLiteral("t:") + a.text);
    return std::nullopt;
}

EntityPanel::Shown EntityPanel::describe(const Row &row) const
{
    Shown shown;
    QHash<QString, int> texts; // how often each mention text occurs, for the name
    for (const Mention &m : row.mentions) {
        const Annotation *a = m_set->annotation(m.id);
        if (!a)
            continue;
        texts[a->text] += 1;
        shown.entity = a->entity;
        if (a->type == Types::Country)
            shown.detail = a->attributes.value(Attr::Code);
        if (a->type == Types::Speaker && shown.detail.isEmpty())
            shown.detail = a->attributes.value(Attr::Role);
    }
    shown.name = mostFrequent(texts);
    shown.count = int(row.mentions.size());
    const bool isEntity = row.key.startsWith(u'e');
    if (row.group == Types::Speaker) {
        shown.count = 0;
        if (isEntity) {
            const QString id = row.key.mid(2);
            if (const Entity *e = m_set->entity(id)) {
                if (!e->name.isEmpty())
                    shown.name = e->name;
                if (e->attributes.contains(Attr::Role))
                    shown.detail = e->attributes.value(Attr::Role);
            }
            // Counted as the quotes come and go: a look-up per speaker would
            // make the panel quadratic in a long article.
            shown.count = m_quotes.value(id);
        }
    } else if (row.group == Types::Country) {
        // A country by its name, not by whichever demonym came up most.
        const QLocale::Territory territory = shown.detail.isEmpty() ? QLocale::AnyTerritory : QLocale::codeToTerritory(shown.detail);
        if (territory != QLocale::AnyTerritory)
            shown.name = QLocale::territoryToString(territory);
    } else if (row.group == Types::Event && isEntity) {
        // Named by its most frequent trigger ("talks"), which reads better
        // in a list than a label made up by the recogniser.
        if (const Entity *e = m_set->entity(row.key.mid(2)))
            shown.detail = e->attributes.value(Attr::Time);
    }
    return shown;
}

QString EntityPanel::groupTitle(const QString &type) const
{
    if (type == Types::Speaker)
        return tr("Speakers (%1)");
    if (type == Types::Country)
        return tr("Countries (%1)");
    if (type == Types::Event)
        return tr("Events (%1)");
    return type + QStringLiteral(" (%1)");
}

QString EntityPanel::countTip(const QString &type) const
{
    // One string per group that all its rows share, not a copy per row.
    auto it = m_countTips.constFind(type);
    if (it != m_countTips.cend())
        return it.value();
    QString tip;
    if (type == Types::Speaker)
        tip = tr("Quotes attributed to this speaker");
    else if (type == Types::Country)
        tip = tr("Mentions of this country");
    else if (type == Types::Event)
        tip = tr("Mentions of this event");
    else
        tip = tr("Mentions tagged %1").arg(type);
    m_countTips.insert(type, tip);
    return tip;
}

void EntityPanel::fill(QTreeWidgetItem *item, size_t slot, const Shown &shown) const
{
    const Row &row = m_rows[slot];
    item->setText(NameColumn, shown.name);
    item->setText(DetailColumn, shown.detail);
    item->setText(CountColumn, QString::number(shown.count));
    item->setToolTip(DetailColumn, shown.detail);
    item->setToolTip(CountColumn, countTip(row.group));
    item->setToolTip(NameColumn, row.mentions.size() == 1
                                     ? tr("%1: 1 mention; activate to go to it").arg(shown.name)
                                     : tr("%1: %2 mentions; activate to go to each in turn").arg(shown.name, QString::number(row.mentions.size())));
    item->setData(NameColumn, MentionsRole, qlonglong(slot));
    item->setData(NameColumn, EntityRole, shown.entity);
    item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
}

bool EntityPanel::before(size_t a, size_t b) const
{
    // Most mentioned first, then by name; the key keeps the order total.
    const Row &x = m_rows[a];
    const Row &y = m_rows[b];
    if (x.mentions.size() != y.mentions.size())
        return x.mentions.size() > y.mentions.size();
    const int c = x.name.localeAwareCompare(y.name);
    return c != 0 ? c < 0 : x.key < y.key;
}

QTreeWidgetItem *EntityPanel::groupItem(const QString &type) const
{
    const qsizetype i = m_groupTypes.indexOf(type);
    return i < 0 ? nullptr : m_tree->topLevelItem(int(i));
}

void EntityPanel::setGroupTitle(QTreeWidgetItem *group) const
{
    group->setText(NameColumn, groupTitle(group->data(NameColumn, Qt::UserRole).toString()).arg(group->childCount()));
}

void EntityPanel::resizeCountColumn()
{
    int largest = 0;
    for (const Row &row : m_rows) {
        if (row.item)
            largest = std::max(largest, row.count);
    }
    if (largest == m_largestCount)
        return;
    m_largestCount = largest;
    const QFontMetrics metrics(m_tree->font());
    m_tree->header()->resizeSection(CountColumn, std::max(metrics.horizontalAdvance(QString::number(largest)),
                                                          metrics.horizontalAdvance(m_tree->headerItem()->text(CountColumn)))
                                                     + 4 * metrics.averageCharWidth());
}

void EntityPanel::refresh()
{
    m_refresh->stop();
    m_typesChanged = false;
    m_rows.clear();
    m_free.clear();
    m_index.clear();
    m_quotes.clear();
    m_groupTypes = QStringList{Types::Speaker, Types::Country, Types::Event};
    for (const AnnotationType &t : m_set->userTypes())
        m_groupTypes.append(t.name);
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (a.status == Status::Rejected)
            return;
        if (a.type == Types::Quote && !a.saidBy.isEmpty())
            ++m_quotes[a.saidBy];
        const auto at = rowOf(a);
        if (!at)
            return;
        const QString key = indexKey(at->first, at->second);
        auto it = m_index.constFind(key);
        if (it == m_index.cend()) {
            it = m_index.insert(key, m_rows.size());
            m_rows.push_back(Row{at->first, at->second, {}, nullptr, 0, QString()});
        }
        m_rows[it.value()].mentions.push_back(Mention{a.start, a.end, a.id});
    });
    // Grown by doubling: up to half of each list was spare (a 5 MB article's
    // 90,000 mentions took 5.2 MB; 3.6 MB without the slack).
    for (Row &row : m_rows)
        row.mentions.shrink_to_fit();
    m_rows.shrink_to_fit();

    // Keep which groups were open across rebuilds.
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!m_tree->topLevelItem(i)->isExpanded())
            collapsed.insert(m_tree->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString());
    }
    // The groups are filled before they join the tree, and join it at once:
    // the view then lays out one insertion, not one per row. (Updates are
    // not switched off meanwhile: switching them on again repaints the
    // whole tree with its frame, and so the dock around it, on every open.)
    m_tree->clear();
    std::vector<std::vector<size_t>> members(size_t(m_groupTypes.size()));
    for (size_t slot = 0; slot < m_rows.size(); ++slot) {
        Row &row = m_rows[slot];
        const Shown shown = describe(row);
        row.name = shown.name;
        row.count = shown.count;
        row.item = new QTreeWidgetItem;
        fill(row.item, slot, shown);
        row.item->setData(NameColumn, NextRole, 0);
        members[size_t(m_groupTypes.indexOf(row.group))].push_back(slot);
    }
    QList<QTreeWidgetItem *> groups;
    for (qsizetype g = 0; g < m_groupTypes.size(); ++g) {
        const QString &type = m_groupTypes.at(g);
        auto *group = new QTreeWidgetItem;
        group->setData(NameColumn, Qt::UserRole, type);
        if (m_colors.contains(type))
            group->setIcon(NameColumn, swatch(m_colors.value(type)));
        std::vector<size_t> &slots = members[size_t(g)];
        std::sort(slots.begin(), slots.end(), [this](size_t a, size_t b) { return before(a, b); });
        QList<QTreeWidgetItem *> items;
        items.reserve(qsizetype(slots.size()));
        for (size_t slot : slots)
            items.append(m_rows[slot].item);
        group->addChildren(items);
        setGroupTitle(group);
        groups.append(group);
    }
    m_tree->addTopLevelItems(groups);
    // One layout for all groups (expandAll) rather than one per group.
    m_tree->expandAll();
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        group->setFirstColumnSpanned(true);
        if (collapsed.contains(group->data(NameColumn, Qt::UserRole).toString()))
            group->setExpanded(false);
    }
    m_largestCount = -1;
    {
        // Its width is read when the tree is laid out just below (the
        // signal would repaint the tree again after its first paint).
        const QSignalBlocker quiet(m_tree->header());
        resizeCountColumn();
    }
    applyFilter();
    layOutNow(m_tree);
}

void EntityPanel::follow(const AnnotationEdit &edit)
{
    // A new group, or most of the article changed at once (the recognisers'
    // suggestions): a rebuild.
    if (m_typesChanged || !edit.types.isEmpty() || edit.annotations.size() > std::max<qsizetype>(1000, m_set->size() / 4)) {
        refresh();
        return;
    }
    QSet<size_t> touched;
    QSet<QString> speakers; // whose quote count changed
    auto touch = [&](const QString &group, const QString &key) {
        auto it = m_index.constFind(indexKey(group, key));
        if (it != m_index.cend())
            touched.insert(it.value());
    };
    // What was, out of its row; then what is, into its row.
    for (const auto &d : edit.annotations) {
        if (!d.before || d.before->status == Status::Rejected)
            continue;
        const Annotation &a = *d.before;
        if (a.type == Types::Quote && !a.saidBy.isEmpty()) {
            auto q = m_quotes.find(a.saidBy);
            if (q != m_quotes.end() && --q.value() <= 0)
                m_quotes.erase(q);
            speakers.insert(a.saidBy);
        }
        const auto at = rowOf(a);
        if (!at)
            continue;
        auto it = m_index.constFind(indexKey(at->first, at->second));
        if (it == m_index.cend())
            continue;
        std::vector<Mention> &mentions = m_rows[it.value()].mentions;
        const Mention m{a.start, a.end, a.id};
        auto pos = std::lower_bound(mentions.begin(), mentions.end(), m);
        if (pos != mentions.end() && pos->id == a.id)
            mentions.erase(pos);
        touched.insert(it.value());
    }
    for (const auto &d : edit.annotations) {
        if (!d.after || d.after->status == Status::Rejected)
            continue;
        const Annotation &a = *d.after;
        if (a.type == Types::Quote && !a.saidBy.isEmpty()) {
            ++m_quotes[a.saidBy];
            speakers.insert(a.saidBy);
        }
        const auto at = rowOf(a);
        if (!at)
            continue;
        const QString key = indexKey(at->first, at->second);
        auto it = m_index.constFind(key);
        if (it == m_index.cend()) {
            size_t slot = m_rows.size();
            if (!m_free.empty()) {
                slot = m_free.back();
                m_free.pop_back();
                m_rows[slot] = Row{at->first, at->second, {}, nullptr, 0, QString()};
            } else {
                m_rows.push_back(Row{at->first, at->second, {}, nullptr, 0, QString()});
            }
            it = m_index.insert(key, slot);
        }
        std::vector<Mention> &mentions = m_rows[it.value()].mentions;
        const Mention m{a.start, a.end, a.id};
        mentions.insert(std::lower_bound(mentions.begin(), mentions.end(), m), m);
        touched.insert(it.value());
    }
    for (const QString &id : std::as_const(speakers))
        touch(Types::Speaker, QStringLiteral("e:") + id);
    // An entity's name, role and time show on its row.
    for (const auto &d : edit.entities) {
        const QString id = QStringLiteral("e:") + (d.before ? d.before->id : d.after->id);
        touch(Types::Speaker, id);
        touch(Types::Event, id);
    }
    if (touched.isEmpty())
        return;

    // Each touched row shows what it holds now; rows left without mentions go.
    QTreeWidgetItem *top = m_tree->itemAt(0, 0);
    const int scroll = m_tree->verticalScrollBar()->value();
    bool keepTop = false;
    QSet<QTreeWidgetItem *> groups; // whose rows came or went or moved
    std::vector<size_t> kept;
    for (size_t slot : std::as_const(touched)) {
        Row &row = m_rows[slot];
        QTreeWidgetItem *group = groupItem(row.group);
        if (row.mentions.empty()) {
            if (row.item) {
                if (row.item == top)
                    top = nullptr;
                delete row.item; // out of the tree
                keepTop = true;
            }
            groups.insert(group);
            m_index.remove(indexKey(row.group, row.key));
            row = Row();
            m_free.push_back(slot);
            continue;
        }
        const Shown shown = describe(row);
        row.name = shown.name;
        row.count = shown.count;
        if (!row.item) {
            row.item = new QTreeWidgetItem;
            row.item->setData(NameColumn, NextRole, 0);
        }
        fill(row.item, slot, shown);
        kept.push_back(slot);
    }
    // Rows that no longer sit between their neighbours (or are new) go to
    // their place; the others stay put, with their selection.
    const QString needle = m_filter->text().trimmed();
    auto fits = [&](size_t slot) {
        QTreeWidgetItem *item = m_rows[slot].item;
        QTreeWidgetItem *group = item->parent();
        if (!group)
            return false;
        const int i = group->indexOfChild(item);
        return (i == 0 || before(slotOf(group->child(i - 1)), slot))
            && (i + 1 == group->childCount() || before(slot, slotOf(group->child(i + 1))));
    };
    std::vector<size_t> moving;
    for (size_t slot : kept) {
        if (!fits(slot))
            moving.push_back(slot);
    }
    // One row out of place may have others beside it that are out of place
    // too: all the group's touched rows then go to their place again.
    if (!moving.empty()) {
        QSet<QString> movingGroups;
        for (size_t slot : moving)
            movingGroups.insert(m_rows[slot].group);
        moving.clear();
        for (size_t slot : kept) {
            if (movingGroups.contains(m_rows[slot].group))
                moving.push_back(slot);
        }
    }
    QTreeWidgetItem *current = m_tree->currentItem();
    QSet<QTreeWidgetItem *> selected;
    for (size_t slot : moving) {
        QTreeWidgetItem *item = m_rows[slot].item;
        if (QTreeWidgetItem *group = item->parent()) {
            if (item->isSelected())
                selected.insert(item);
            if (item == top)
                top = nullptr;
            group->takeChild(group->indexOfChild(item));
        }
    }
    for (size_t slot : moving) {
        QTreeWidgetItem *item = m_rows[slot].item;
        QTreeWidgetItem *group = groupItem(m_rows[slot].group);
        int lo = 0, hi = group->childCount();
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (before(slotOf(group->child(mid)), slot))
                lo = mid + 1;
            else
                hi = mid;
        }
        group->insertChild(lo, item);
        groups.insert(group);
        keepTop = true;
    }
    for (size_t slot : kept)
        filterRow(m_rows[slot].item, needle);
    for (QTreeWidgetItem *item : std::as_const(selected))
        item->setSelected(true);
    if (current && (selected.contains(current) || m_tree->currentItem() != current))
        m_tree->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);
    for (QTreeWidgetItem *group : std::as_const(groups))
        setGroupTitle(group);
    resizeCountColumn();
    // The rows the user was looking at stay where they were.
    if (keepTop) {
        if (top)
            m_tree->scrollToItem(top, QAbstractItemView::PositionAtTop);
        else
            m_tree->verticalScrollBar()->setValue(scroll);
    }
}

QList<QPair<qint64, qint64>> EntityPanel::mentions(const QTreeWidgetItem *item) const
{
    QList<QPair<qint64, qint64>> out;
    const QVariant index = item->data(NameColumn, MentionsRole);
    if (!index.isValid() || index.toULongLong() >= m_rows.size())
        return out;
    for (const Mention &m : m_rows[index.toULongLong()].mentions)
        out.append({m.start, m.end});
    return out;
}

void EntityPanel::setTypeColors(const QHash<QString, QColor> &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        const QString type = group->data(NameColumn, Qt::UserRole).toString();
        group->setIcon(NameColumn, m_colors.contains(type) ? swatch(m_colors.value(type)) : QIcon());
    }
}

void EntityPanel::activate(QTreeWidgetItem *item)
{
    const QVariant index = item->data(NameColumn, MentionsRole);
    if (!index.isValid() || index.toULongLong() >= m_rows.size())
        return;
    const std::vector<Mention> &mentions = m_rows[index.toULongLong()].mentions;
    if (mentions.empty())
        return;
    const size_t next = size_t(item->data(NameColumn, NextRole).toInt()) % mentions.size();
    item->setData(NameColumn, NextRole, int(next + 1));
    const Mention &m = mentions[next];
    Q_EMIT jumpTo(m.start, m.end);
}

void EntityPanel::showMenu(const QPoint &pos)
{
    // Merging needs two or more rows of one type that are entities.
    QList<QTreeWidgetItem *> rows;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        if (!item->data(NameColumn, EntityRole).toString().isEmpty())
            rows.append(item);
    }
    QMenu menu(this);
    QAction *merge = menu.addAction(tr("Merge Into “%1”").arg(rows.isEmpty() ? QString() : rows.first()->text(NameColumn)));
    merge->setEnabled(rows.size() >= 2 && std::all_of(rows.cbegin(), rows.cend(), [&](QTreeWidgetItem *r) {
        return r->parent() == rows.first()->parent();
    }));
    if (menu.exec(m_tree->viewport()->mapToGlobal(pos)) != merge)
        return;
    const QString into = rows.first()->data(NameColumn, EntityRole).toString();
    for (qsizetype i = 1; i < rows.size(); ++i)
        Q_EMIT mergeRequested(into, rows.at(i)->data(NameColumn, EntityRole).toString());
}

void EntityPanel::filterRow(QTreeWidgetItem *row, const QString &needle) const
{
    row->setHidden(!needle.isEmpty() && !row->text(NameColumn).contains(needle, Qt::CaseInsensitive)
                   && !row->text(DetailColumn).contains(needle, Qt::CaseInsensitive));
}

void EntityPanel::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            filterRow(group->child(j), needle);
    }
}

} // namespace annotator
