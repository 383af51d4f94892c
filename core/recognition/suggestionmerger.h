#pragma once

#include "model/annotationset.h"
#include "recognition.h"

namespace annotator {

/// Brings a fresh recogniser run into an article's annotations without
/// undoing the user's work:
/// - manual annotations are never touched;
/// - accepted suggestions are kept;
/// - rejected suggestions stay (so they are remembered) and a new suggestion
///   on the same span and type is never added again;
/// - the previous run's open suggestions are replaced by the new ones;
/// - a new suggestion overlapping a kept manual or accepted annotation of
///   its type is left out: the user already decided about that text.
/// New suggestions link to the existing speaker or event entity when one of
/// their mentions is already a mention of it, so re-runs keep entity ids.
namespace SuggestionMerger {
/// The one undoable edit that merges @p recognition into @p set (ids are
/// taken from @p set, which is otherwise not changed).
AnnotationEdit merge(AnnotationSet &set, const Recognition &recognition);
}

} // namespace annotator
