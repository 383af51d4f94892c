#pragma once

#include "sidecardata.h"

#include <QIODevice>
#include <QString>

#include <functional>

namespace annotator {

class AnnotationSet;
class Document;

/// Keeps an article's annotations in `<article file name>.annotations.json`
/// beside it. Writes are atomic (QSaveFile) and keep the previous version as
/// `.annotations.json.bak`; a sidecar that cannot be read is never
/// overwritten unless the caller says the user agreed.
class SidecarStore
{
public:
    static QString sidecarPath(const QString &articlePath);
    static QString backupPath(const QString &articlePath);

    enum class LoadStatus {
        None, ///< no sidecar yet
        Loaded, ///< the article is unchanged since the save
        Reanchored, ///< the article changed; annotations were placed again
        Invalid, ///< the sidecar cannot be used; see error
    };
    /// Where a load puts the annotations it places in the text.
    enum class Form {
        List, ///< in LoadResult::data.annotations
        Batches, ///< in LoadResult::batches, for AnnotationSet::resetFromBatches()
    };
    struct LoadResult {
        LoadStatus status = LoadStatus::None;
        SidecarData data; ///< annotations placed in the current text (none with Form::Batches), orphans kept
        /// With Form::Batches, the annotations placed in the current text,
        /// in the order read (or placed again), a few thousand to a list:
        /// the set frees each as it takes it in, so a large article's
        /// annotations are never all in a list and in the set at once.
        QList<QList<Annotation>> batches;
        QString error;
        qsizetype moved = 0;
        qsizetype newOrphans = 0;
    };

    /// Reads the sidecar of @p doc and fits it to the document's text. The
    /// file is read in pieces, not held whole (but for an unusual one).
    static LoadResult load(const Document &doc, Form form = Form::List);
    /// Reads @p sidecarFile (any path) for @p doc.
    static LoadResult loadFile(const QString &sidecarFile, const Document &doc, Form form = Form::List);

    enum class SaveMode { Safe, OverwriteInvalid };
    /// Saves @p set for @p doc beside the article. Refuses (false, @p error
    /// set) when the existing sidecar cannot be read and @p mode is Safe.
    static bool save(const Document &doc, const AnnotationSet &set, QString *error, SaveMode mode = SaveMode::Safe);
    /// Writes @p data to @p path atomically, keeping the old file as backup.
    static bool write(const QString &path, const SidecarData &data, QString *error, SaveMode mode = SaveMode::Safe);
    /// Atomically writes @p bytes to @p path (no backup); for exports and
    /// recovery files.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);
    /// The same with the bytes written by @p produce as they are made
    /// (false from it: the write failed and the previous file stays).
    static bool writeFileWith(const QString &path, const std::function<bool(QIODevice &)> &produce, QString *error);
};

} // namespace annotator
