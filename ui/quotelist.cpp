#include "quotelist.h"

#include "model/annotationset.h"

#include <QHeaderView>
#include <QTimer>

#include <limits>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace annotator {

QuoteList::QuoteList(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Speaker"), tr("Quote")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(150); // see EntityPanel
    connect(m_refresh, &QTimer::timeout, this, &QuoteList::refresh);
    connect(m_set, &AnnotationSet::changed, m_refresh, qOverload<>(&QTimer::start));
    connect(m_set, &AnnotationSet::wasReset, this, &QuoteList::refresh);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT jumpTo(item->data(0, Qt::UserRole).toLongLong(), item->data(0, Qt::UserRole + 1).toLongLong());
    });
    refresh();
}

void QuoteList::refresh()
{
    m_refresh->stop();
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    // Items are made first and join the list in one insertion.
    QList<QTreeWidgetItem *> items;
    QHash<QString, QString> speakers; // entity id -> name shown
    const QString suggestedTip = tr("Suggested, not yet accepted");
    const QString unattributed = tr("(unattributed)");
    QFont italic = m_tree->font();
    italic.setItalic(true);
    // One pass for the quotes and each speaker's first mention (the name of a
    // speaker without one): no look-up per quote over the whole set.
    QList<const Annotation *> quotes;
    QHash<QString, QString> firstMention;
    m_set->forEachIn(0, std::numeric_limits<qint64>::max(), [&](const Annotation &a) {
        if (a.type == Types::Quote) {
            if (a.status != Status::Rejected)
                quotes.append(&a);
        } else if (!a.entity.isEmpty() && !firstMention.contains(a.entity)) {
            firstMention.insert(a.entity, a.text);
        }
    });
    items.reserve(quotes.size());
    for (const Annotation *q : std::as_const(quotes)) {
        auto who = speakers.constFind(q->saidBy);
        if (who == speakers.cend()) {
            const Entity *speaker = m_set->entity(q->saidBy);
            QString name = speaker ? speaker->name : QString();
            if (speaker && name.isEmpty())
                name = firstMention.value(speaker->id, speaker->id);
            who = speakers.insert(q->saidBy, name.isEmpty() ? unattributed : name);
        }
        auto *item = new QTreeWidgetItem(QStringList{who.value(), q->text});
        item->setToolTip(1, q->text);
        item->setData(0, Qt::UserRole, q->start);
        item->setData(0, Qt::UserRole + 1, q->end);
        if (q->status == Status::Suggested) {
            item->setFont(1, italic);
            item->setToolTip(0, suggestedTip);
        }
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    // Wide enough for the longest speaker name: measured over the few names,
    // not over every row as ResizeToContents would.
    const QFontMetrics metrics(m_tree->font());
    int width = metrics.horizontalAdvance(m_tree->headerItem()->text(0));
    for (const QString &name : std::as_const(speakers))
        width = std::max(width, metrics.horizontalAdvance(name));
    m_tree->header()->resizeSection(0, std::min(width + 3 * metrics.averageCharWidth(), 240));
    m_tree->setUpdatesEnabled(true);
}

} // namespace annotator
