#pragma once

#include "sidecardata.h"

namespace annotator {

class Document;

/// Outcome of placing stored annotations in a changed article.
struct ReanchorResult {
    QList<Annotation> placed; ///< offsets updated to the new text
    QList<Annotation> orphans; ///< their text is no longer in the article
    qsizetype moved = 0; ///< placed at another offset than stored
};

/// Finds each annotation of @p data again in @p doc by its stored text and
/// the text around it: first where the neighbours' shift predicts it, then
/// the best-matching occurrence by context and distance. Annotations whose
/// text is gone become orphans; nothing is dropped. Linear in the number of
/// annotations when the edit is local.
ReanchorResult reanchor(const SidecarData &data, const Document &doc);
/// The same for @p annotations with their @p contexts (contexts[i] is
/// annotations[i]'s; empty: none). The annotations are updated where they
/// lie: a caller that hands them over (std::move) pays for no copy of them.
ReanchorResult reanchor(QList<Annotation> annotations, const QList<AnchorContext> &contexts, const Document &doc);

} // namespace annotator
