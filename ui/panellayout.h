#pragma once

class QTreeView;

namespace annotator {

/// Lays @p tree out at once after its rows were replaced: rows, scroll bar
/// and column widths, as the event loop would have done over several turns.
/// Done from the loop, a scroll bar that came or went, or a column that
/// changed width, arrived after the window's first paint and made the whole
/// panel paint a second time; laid out here, the first paint is the last.
void layOutNow(QTreeView *tree);

} // namespace annotator
