#include "panellayout.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QList>
#include <QSignalBlocker>
#include <QTreeView>

namespace annotator {

void layOutNow(QTreeView *tree)
{
    QHeaderView *header = tree->header();
    QList<int> widths;
    {
        // The header's sectionResized would start the view's column-resize
        // timer, whose repaint comes after the first paint; the view reads
        // the widths from the header when it paints, and the layout below
        // follows them.
        const QSignalBlocker quiet(header);
        tree->doItemsLayout();
        for (int i = 0; i < header->count(); ++i)
            widths.append(header->sectionSize(i));
        // Shows or hides the scroll bar now (the view asks for it through a
        // queued call) and so gives the viewport its width.
        QEvent request(QEvent::LayoutRequest);
        QCoreApplication::sendEvent(tree, &request);
        // Stretches the columns to that width now rather than on a timer.
        QMetaObject::invokeMethod(header, "resizeSections", Qt::DirectConnection);
    }
    // Rows whose height follows a column's width (wrapped text) are measured
    // again if the widths changed.
    for (int i = 0; i < header->count(); ++i) {
        if (header->sectionSize(i) != widths.value(i)) {
            tree->doItemsLayout();
            break;
        }
    }
}

} // namespace annotator
