#pragma once

#include "model/annotation.h"

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QList>

namespace annotator {

class AnnotationSet;
class Document;

/// The text around a mention when it was saved, used to find it again after
/// the article changed.
struct AnchorContext {
    QString before;
    QString after;
    bool operator==(const AnchorContext &) const = default;
};

/// Everything a sidecar file holds, in memory.
struct SidecarData {
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    QString articleName;
    QByteArray sha256; ///< of the article text the offsets refer to
    qint64 length = 0; ///< of that text, in code points
    QList<Annotation> annotations;
    QList<Entity> entities;
    QList<Annotation> orphans;
    QList<AnnotationType> types;
    /// Top-level fields this version does not know (a newer one wrote them),
    /// written back unchanged so opening and saving loses nothing.
    QJsonObject unknownFields;
    /// The anchor contexts of the annotations, in the same order:
    /// contexts[i] is annotations[i]'s. Empty when none are kept (a file
    /// read for the text it was saved for does not need them); otherwise as
    /// long as annotations. Kept in order rather than by id, so reading,
    /// writing and re-anchoring walk them front to back with the annotations.
    QList<AnchorContext> contexts;
    /// The same for the orphans (empty when none are kept).
    QList<AnchorContext> orphanContexts;
    QStringList warnings; ///< problems repaired while reading (dangling links)
    /// Only in recovery files: the SHA-256 (hex) of the sidecar that was on
    /// disk when the recovery file was written, or "none" when there was no
    /// sidecar. A sidecar that no longer matches was saved after the
    /// recovery file, which is then older than it. Empty when not known.
    QByteArray basedOnSidecar;

    /// Takes the current state of @p set for @p doc, with anchor contexts.
    static SidecarData capture(const Document &doc, const AnnotationSet &set);

    bool operator==(const SidecarData &) const = default;
};

/// Reads and writes the native JSON schema (see README, "Native JSON").
namespace SidecarJson {
/// Pretty-printed JSON, one annotation per line so diffs and merges of two
/// people's work stay readable. Annotations sorted by position.
QByteArray serialize(const SidecarData &data);
/// The same bytes written to @p device in pieces, never the whole file in
/// memory; false when the device refuses a write.
bool write(const SidecarData &data, QIODevice &device);
/// Parses @p bytes; on failure returns nothing and sets @p error naming
/// @p name and the reason (broken JSON with its offset, a newer version,
/// a missing field, duplicate ids).
/// Reads a well-formed file in one pass without building a JSON tree (the
/// tree of a 100,000-annotation file costs more than the annotations); any
/// file it is not sure about, and every broken one, goes to parseGeneral(),
/// so results and messages are the same either way.
std::optional<SidecarData> parse(const QByteArray &bytes, const QString &name, QString *error);
/// As parse(), for showing the annotations with the article text whose
/// SHA-256 (hex) is @p textSha256: when the file was saved for that same
/// text, the anchor contexts (needed only to place the annotations in a
/// changed text) are not kept, which halves the memory a large file takes.
std::optional<SidecarData> parseFor(const QByteArray &bytes, const QString &name, const QByteArray &textSha256, QString *error);
/// As parseFor(), reading @p device (a file, from where it is) in pieces of
/// about @p pieceSize bytes instead of holding all of it: a value longer
/// than a piece is held whole, and only a file that parseGeneral() must
/// read is read whole (again, so the device must be seekable). With
/// @p batches, the annotations of a file saved for that same text go there,
/// a few thousand to a list, instead of into the result's list (a file
/// written by this program always; an unusual one may still fill the
/// list), for AnnotationSet::resetFromBatches(); left empty when reading
/// fails.
std::optional<SidecarData> readFor(QIODevice &device, const QString &name, const QByteArray &textSha256, QString *error,
                                   QList<QList<Annotation>> *batches = nullptr, qsizetype pieceSize = 64 * 1024);
/// The reader through QJsonDocument that handles every input, and the
/// reference parse() is checked against (tests, fuzz_sidecar).
std::optional<SidecarData> parseGeneral(const QByteArray &bytes, const QString &name, QString *error);
}

} // namespace annotator
