#include "quotelist.h"

#include "model/annotationset.h"

#include <QHeaderView>
#include <QMimeData>
#include <QStyledItemDelegate>

#include <algorithm>
#include <QTimer>

#include <limits>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace annotator {

namespace {

constexpr int IdRole = Qt::UserRole + 2;

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
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        const int width = std::max(40, m_view->header()->sectionSize(index.column()) - 10);
        const QFontMetrics fm(o.font);
        const int lines = std::clamp(fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, o.text).height() / fm.lineSpacing(), 1, 3);
        return QSize(width, lines * fm.lineSpacing() + 6);
    }

private:
    QTreeView *m_view;
};

} // namespace

QString QuoteList::mimeType()
{
    return QStringLiteral("application/x-article-annotator-annotation");
}

QuoteList::QuoteList(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_tree(new QuoteTree(this))
    , m_refresh(new QTimer(this))
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
            who = speakers.insert(q->saidBy, name);
        }
        // Long quotes are cut in the list (the tooltip has them whole) so one
        // does not fill the panel.
        QString shown = q->text;
        if (shown.size() > 160)
            shown = shown.left(157).trimmed() + QStringLiteral("…");
        auto *item = new QTreeWidgetItem(QStringList{who.value().isEmpty() ? unattributed : who.value(), shown});
        item->setToolTip(0, who.value());
        item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop);
        item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignTop);
        item->setToolTip(1, q->text);
        item->setData(0, Qt::UserRole, q->start);
        item->setData(0, Qt::UserRole + 1, q->end);
        item->setData(0, IdRole, q->id);
        if (q->status == Status::Suggested) {
            item->setFont(1, italic);
            item->setToolTip(0, suggestedTip);
        }
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    m_tree->setUpdatesEnabled(true);
}

} // namespace annotator
