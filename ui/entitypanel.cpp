#include "entitypanel.h"

#include "model/annotationset.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>
#include <map>

namespace annotator {

namespace {

enum Column { NameColumn, DetailColumn, CountColumn };
enum Role { MentionsRole = Qt::UserRole + 1, NextRole, EntityRole };

/// One row: a speaker, a country or an event and where it is mentioned.
struct Row {
    QString name;
    QString detail;
    int count = 0;
    QList<QPair<qint64, qint64>> mentions;
    QHash<QString, int> texts; ///< how often each mention text occurs, for the name
    QString entity;
};

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

} // namespace

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
    m_refresh->setSingleShot(true);
    // A moment after the last edit, so a burst of edits in a long article
    // costs one rebuild and the edit itself shows at once.
    m_refresh->setInterval(150);
    connect(m_refresh, &QTimer::timeout, this, &EntityPanel::refresh);
    connect(m_set, &AnnotationSet::changed, m_refresh, qOverload<>(&QTimer::start));
    connect(m_set, &AnnotationSet::wasReset, this, &EntityPanel::refresh); // a new article: at once
    connect(m_set, &AnnotationSet::userTypesChanged, m_refresh, qOverload<>(&QTimer::start));
    connect(m_tree, &QTreeWidget::itemActivated, this, &EntityPanel::activate);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &EntityPanel::showMenu);
    connect(m_filter, &QLineEdit::textChanged, this, &EntityPanel::applyFilter);
    refresh();
}

void EntityPanel::refresh()
{
    m_refresh->stop();
    // Rows keyed by what makes two mentions the same thing: the entity, a
    // country's code, or else the mention text.
    std::map<QString, Row> speakers, countries, events;
    QHash<QString, int> quotes; // speaker entity -> quotes attributed to it
    // The user's own types, each a group of rows by mention text, in the
    // order the user added them.
    std::map<QString, std::map<QString, Row>> own;
    for (const AnnotationType &t : m_set->userTypes())
        own[t.name];
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (a.status == Status::Rejected)
            return;
        if (a.type == Types::Quote && !a.saidBy.isEmpty())
            ++quotes[a.saidBy];
        std::map<QString, Row> *rows = nullptr;
        QString key;
        if (a.type == Types::Speaker) {
            rows = &speakers;
            key = a.entity.isEmpty() ? QStringLiteral("t:") + a.text : QStringLiteral("e:") + a.entity;
        } else if (a.type == Types::Country) {
            rows = &countries;
            const QString code = a.attributes.value(Attr::Code);
            key = code.isEmpty() ? QStringLiteral("t:") + a.text : QStringLiteral("c:") + code;
        } else if (a.type == Types::Event) {
            rows = &events;
            key = a.entity.isEmpty() ? QStringLiteral("t:") + a.text : QStringLiteral("e:") + a.entity;
        } else if (auto it = own.find(a.type); it != own.end()) {
            rows = &it->second;
            key = QStringLiteral("t:") + a.text;
        } else {
            return;
        }
        Row &row = (*rows)[key];
        row.entity = a.entity;
        row.mentions.append({a.start, a.end});
        row.texts[a.text] += 1;
        if (a.type == Types::Country)
            row.detail = a.attributes.value(Attr::Code);
        if (a.type == Types::Speaker && row.detail.isEmpty())
            row.detail = a.attributes.value(Attr::Role);
    });
    for (auto &[key, row] : speakers) {
        row.name = mostFrequent(row.texts);
        if (key.startsWith(u'e')) {
            const QString id = key.mid(2);
            if (const Entity *e = m_set->entity(id)) {
                if (!e->name.isEmpty())
                    row.name = e->name;
                if (e->attributes.contains(Attr::Role))
                    row.detail = e->attributes.value(Attr::Role);
            }
            // Counted in the pass above: a look-up per speaker would make
            // the panel quadratic in a long article.
            row.count = quotes.value(id);
        }
    }
    for (auto &[key, row] : countries) {
        // A country by its name, not by whichever demonym came up most.
        const QLocale::Territory territory = row.detail.isEmpty() ? QLocale::AnyTerritory : QLocale::codeToTerritory(row.detail);
        row.name = territory == QLocale::AnyTerritory ? mostFrequent(row.texts) : QLocale::territoryToString(territory);
        row.count = int(row.mentions.size());
    }
    for (auto &[type, rows] : own) {
        for (auto &[key, row] : rows) {
            row.name = mostFrequent(row.texts);
            row.count = int(row.mentions.size());
        }
    }
    for (auto &[key, row] : events) {
        row.name = mostFrequent(row.texts);
        row.count = int(row.mentions.size());
        if (key.startsWith(u'e')) {
            // Named by its most frequent trigger ("talks"), which reads
            // better in a list than a label made up by the recogniser.
            if (const Entity *e = m_set->entity(key.mid(2)))
                row.detail = e->attributes.value(Attr::Time);
        }
    }

    // Keep which groups were open across rebuilds.
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!m_tree->topLevelItem(i)->isExpanded())
            collapsed.insert(m_tree->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString());
    }
    // The groups are filled before they join the tree, and join it at once:
    // the view then lays out one insertion, not one per row.
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    m_mentions.clear();
    QList<QTreeWidgetItem *> groups;
    auto addGroup = [&](const QString &type, const QString &title, const QString &countTip, std::map<QString, Row> &rows) {
        auto *group = new QTreeWidgetItem(QStringList{title.arg(rows.size())});
        group->setData(NameColumn, Qt::UserRole, type);
        if (m_colors.contains(type))
            group->setIcon(NameColumn, swatch(m_colors.value(type)));
        QList<Row *> sorted;
        for (auto &[key, row] : rows)
            sorted.append(&row);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Row *a, const Row *b) {
            return a->mentions.size() != b->mentions.size() ? a->mentions.size() > b->mentions.size()
                                                            : a->name.localeAwareCompare(b->name) < 0;
        });
        const QString oneMention = tr("1 mention; activate to go to it");
        QList<QTreeWidgetItem *> items;
        items.reserve(sorted.size());
        for (Row *row : std::as_const(sorted)) {
            auto *item = new QTreeWidgetItem(QStringList{row->name, row->detail, QString::number(row->count)});
            item->setToolTip(DetailColumn, row->detail);
            item->setToolTip(CountColumn, countTip);
            item->setToolTip(NameColumn, row->mentions.size() == 1
                                             ? tr("%1: 1 mention; activate to go to it").arg(row->name)
                                             : tr("%1: %2 mentions; activate to go to each in turn").arg(row->name, QString::number(row->mentions.size())));
            item->setData(NameColumn, MentionsRole, qlonglong(m_mentions.size()));
            m_mentions.push_back(std::move(row->mentions));
            item->setData(NameColumn, NextRole, 0);
            item->setData(NameColumn, EntityRole, row->entity);
            item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
            items.append(item);
        }
        group->addChildren(items);
        groups.append(group);
    };
    addGroup(Types::Speaker, tr("Speakers (%1)"), tr("Quotes attributed to this speaker"), speakers);
    addGroup(Types::Country, tr("Countries (%1)"), tr("Mentions of this country"), countries);
    addGroup(Types::Event, tr("Events (%1)"), tr("Mentions of this event"), events);
    for (const AnnotationType &t : m_set->userTypes()) {
        addGroup(t.name, t.name + QStringLiteral(" (%1)"), tr("Mentions tagged %1").arg(t.name), own[t.name]);
    }
    m_tree->addTopLevelItems(groups);
    // One layout for all groups (expandAll) rather than one per group.
    m_tree->expandAll();
    int largest = 0;
    for (QTreeWidgetItem *group : std::as_const(groups)) {
        group->setFirstColumnSpanned(true);
        if (collapsed.contains(group->data(NameColumn, Qt::UserRole).toString()))
            group->setExpanded(false);
        for (int i = 0; i < group->childCount(); ++i)
            largest = std::max(largest, group->child(i)->text(CountColumn).toInt());
    }
    const QFontMetrics metrics(m_tree->font());
    m_tree->header()->resizeSection(CountColumn, std::max(metrics.horizontalAdvance(QString::number(largest)),
                                                          metrics.horizontalAdvance(m_tree->headerItem()->text(CountColumn)))
                                                     + 4 * metrics.averageCharWidth());
    m_tree->setUpdatesEnabled(true);
    applyFilter();
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
    if (!index.isValid() || index.toULongLong() >= m_mentions.size())
        return;
    const QList<QPair<qint64, qint64>> &mentions = m_mentions[index.toULongLong()];
    if (mentions.isEmpty())
        return;
    const int next = item->data(NameColumn, NextRole).toInt() % mentions.size();
    item->setData(NameColumn, NextRole, next + 1);
    const auto span = mentions.at(next);
    Q_EMIT jumpTo(span.first, span.second);
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

void EntityPanel::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *row = group->child(j);
            row->setHidden(!needle.isEmpty() && !row->text(NameColumn).contains(needle, Qt::CaseInsensitive)
                           && !row->text(DetailColumn).contains(needle, Qt::CaseInsensitive));
        }
    }
}

} // namespace annotator
