#pragma once

#include "formats/formats.h"

#include <QString>

class QWidget;

namespace annotator {

class AnnotationSet;
class Document;

/// File > Export and File > Import: what the user picks (format, options,
/// file) and the work itself, which never touches the article or its
/// sidecar on export. The dialogs call the same functions tests call.
namespace Exchange {

/// Writes the annotations of @p set for @p doc to @p path in format @p f,
/// atomically. Returns false with @p error set when nothing was written;
/// @p warnings receives what the format could not hold.
bool exportTo(Format f, const FormatOptions &options, const Document &doc, const AnnotationSet &set, const QString &path, QString *error,
              QStringList *warnings = nullptr);
/// Reads @p path as format @p f and merges it into @p set as one undoable
/// step. Returns false with @p error set when the file could not be read at
/// all; @p report receives one line per span that was skipped or changed,
/// and how many annotations were added.
bool importFrom(Format f, const FormatOptions &options, const Document &doc, AnnotationSet &set, const QString &path, QString *error,
                QStringList *report);

/// The dialogs: format and options, then the file. Return what was done
/// in words for the status bar (empty when cancelled); errors in @p error.
QString runExportDialog(QWidget *parent, const Document &doc, const AnnotationSet &set, QString *error);
QString runImportDialog(QWidget *parent, const Document &doc, AnnotationSet &set, QString *error);

}

} // namespace annotator
