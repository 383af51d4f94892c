#include "quotelist.h"

#include "model/annotationset.h"
#include "celltextdelegate.h"
#include "panellayout.h"
#include "quotemodel.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace annotator {

namespace {

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

} // namespace

QString QuoteList::mimeType()
{
    return QStringLiteral("application/x-article-annotator-annotation");
}

QuoteList::QuoteList(const AnnotationSet *set, QWidget *parent)
    : QWidget(parent)
    , m_set(set)
    , m_tree(new QTreeView(this))
    , m_model(new QuoteModel(set, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    m_model->refresh();
    m_tree->setModel(m_model); // before the header's sections are set up
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
    QFont italic = m_tree->font();
    italic.setItalic(true);
    m_model->setSuggestedFont(italic);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this] { m_tree->doItemsLayout(); });
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setToolTip(tr("Drag a quote onto a speaker in the text to attribute it"));
    // An edit updates the rows it touched, at once (see EntityPanel).
    connect(m_set, &AnnotationSet::edited, this, &QuoteList::follow);
    connect(m_set, &AnnotationSet::wasReset, this, &QuoteList::refresh);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex row = index.siblingAtColumn(0);
        Q_EMIT jumpTo(row.data(QuoteModel::StartRole).toLongLong(), row.data(QuoteModel::EndRole).toLongLong());
    });
}

void QuoteList::refresh()
{
    m_model->refresh();
    layOutNow(m_tree);
}

void QuoteList::follow(const AnnotationEdit &edit)
{
    // The rows in view stay where they were when rows come or go above them.
    const QPersistentModelIndex top = m_tree->indexAt(QPoint(0, 0));
    m_model->follow(edit);
    if (top.isValid() && m_tree->indexAt(QPoint(0, 0)) != top)
        m_tree->scrollTo(top, QAbstractItemView::PositionAtTop);
}

} // namespace annotator
