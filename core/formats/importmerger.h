#pragma once

#include "annotationdata.h"
#include "model/annotationset.h"

namespace annotator {

/// Adds imported annotations to an article's own: each imported mention
/// gets a fresh id, one already there (same span, type and country code) is
/// not added twice, and an imported entity joins the existing entity one of
/// its mentions already belongs to.
namespace ImportMerger {
/// The one undoable edit; @p added (optional) receives how many annotations it adds.
AnnotationEdit merge(AnnotationSet &set, const AnnotationData &imported, qsizetype *added = nullptr);
}

} // namespace annotator
