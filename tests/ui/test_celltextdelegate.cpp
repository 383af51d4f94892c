// The panels draw their cells' text themselves (CellTextDelegate) to lay it
// out once instead of three or four times; what they draw must be what the
// style draws, pixel for pixel: plain, elided, right-aligned, selected,
// italic, with an icon, wrapped over lines, in a disabled list.
#include "celltextdelegate.h"

#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QStyledItemDelegate>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace annotator;

namespace {

QIcon square()
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::darkCyan);
    return QIcon(pixmap);
}

/// A list like the entity panel (one line a cell) or the quote list
/// (wrapped cells, aligned to the top).
void fill(QTreeWidget &tree, bool wrapped)
{
    tree.setColumnCount(3);
    tree.setHeaderLabels({QStringLiteral("Name"), QStringLiteral("Role"), QStringLiteral("#")});
    tree.setColumnWidth(0, 140);
    tree.setColumnWidth(1, 110);
    tree.setWordWrap(wrapped);
    tree.setUniformRowHeights(!wrapped);
    tree.setTextElideMode(Qt::ElideRight);
    tree.setSelectionMode(QAbstractItemView::ExtendedSelection);
    const QList<QStringList> rows = {
        {QStringLiteral("Alma Reyes"), QStringLiteral("minister"), QStringLiteral("3")},
        {QStringLiteral("A spokeswoman for the harbour authority of the northern province"),
         QStringLiteral("a senior adviser to the ferry operator"), QStringLiteral("12")},
        {QStringLiteral("Lena Okafor"), QString(), QStringLiteral("0")},
        {QStringLiteral("Tomas Berg"), QStringLiteral("who said the vote would wait"), QStringLiteral("1")},
    };
    auto *group = new QTreeWidgetItem(&tree, {QStringLiteral("Speakers (4)")});
    group->setIcon(0, square());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto *item = new QTreeWidgetItem(group, rows.at(i));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (wrapped) {
            item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop);
            item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignTop);
        }
        if (i == 1) {
            QFont italic = tree.font();
            italic.setItalic(true);
            item->setFont(1, italic);
        }
        if (i == 3)
            item->setSelected(true);
    }
    tree.expandAll();
    group->setFirstColumnSpanned(true);
}

QImage paint(QTreeWidget &tree, QAbstractItemDelegate *delegate)
{
    tree.setItemDelegate(delegate);
    tree.doItemsLayout();
    tree.viewport()->update();
    return tree.grab().toImage();
}

void expectSameAsStyle(bool wrapped, bool enabled)
{
    QTreeWidget tree;
    tree.resize(320, 220);
    fill(tree, wrapped);
    tree.setEnabled(enabled);
    tree.show();
    const QImage ours = paint(tree, new CellTextDelegate(&tree));
    const QImage style = paint(tree, new QStyledItemDelegate(&tree));
    ASSERT_FALSE(ours.isNull());
    EXPECT_TRUE(ours == style) << "the delegate's cells differ from the style's";
}

} // namespace

TEST(CellTextDelegate, OneLineCellsAreDrawnAsTheStyleDrawsThem)
{
    expectSameAsStyle(false, true);
}

TEST(CellTextDelegate, WrappedCellsAreDrawnAsTheStyleDrawsThem)
{
    expectSameAsStyle(true, true);
}

TEST(CellTextDelegate, DisabledListIsDrawnAsTheStyleDrawsIt)
{
    expectSameAsStyle(false, false);
}
