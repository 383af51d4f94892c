#include "quotelist.h"

#include "model/annotationset.h"

#include <QHeaderView>
#include <QMimeData>
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
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
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
        auto *item = new QTreeWidgetItem(m_tree, {who.isEmpty() ? tr("(unattributed)") : who, q.text});
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
