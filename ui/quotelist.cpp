#include "quotelist.h"

#include "model/annotationset.h"

#include <QHeaderView>
#include <QMimeData>
#include <QStyledItemDelegate>

#include <algorithm>
#include <QTimer>
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
    m_tree->clear();
    for (const Annotation &q : m_set->ofType(Types::Quote)) {
        if (q.status == Status::Rejected)
            continue;
        const Entity *speaker = m_set->entity(q.saidBy);
        QString who = speaker ? speaker->name : QString();
        if (speaker && who.isEmpty()) {
            const auto mentions = m_set->mentionsOf(speaker->id);
            who = mentions.isEmpty() ? speaker->id : mentions.first().text;
        }
        // Long quotes are cut in the list (the tooltip has them whole) so one
        // does not fill the panel.
        QString shown = q.text;
        if (shown.size() > 160)
            shown = shown.left(157).trimmed() + QStringLiteral("…");
        auto *item = new QTreeWidgetItem(m_tree, {who.isEmpty() ? tr("(unattributed)") : who, shown});
        item->setToolTip(0, who);
        item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop);
        item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignTop);
        item->setToolTip(1, q.text);
        item->setData(0, Qt::UserRole, q.start);
        item->setData(0, Qt::UserRole + 1, q.end);
        item->setData(0, IdRole, q.id);
        if (q.status == Status::Suggested) {
            QFont f = item->font(1);
            f.setItalic(true);
            item->setFont(1, f);
            item->setToolTip(0, tr("Suggested, not yet accepted"));
        }
    }
}

} // namespace annotator
