#include "sidecarstore.h"

#include "model/annotationset.h"
#include "model/document.h"
#include "reanchor.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <utility>

namespace annotator {

namespace {

/// Why a file cannot be created in its folder, in the user's words: the
/// folder vanished, is no folder, or is read-only; else the system's reason.
QString folderProblem(const QString &path, const QString &systemReason)
{
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.exists())
        return QStringLiteral("its folder %1 no longer exists: it was moved or deleted, or its drive was removed").arg(folder.filePath());
    if (!folder.isDir())
        return QStringLiteral("%1 is not a folder any more").arg(folder.filePath());
    if (!folder.isWritable())
        return QStringLiteral("the folder %1 is read-only").arg(folder.filePath());
    return systemReason;
}

/// The reason a write failed. Qt reports some failed flushes (a full disk,
/// a file size limit) as "Unknown error" while errno still holds the cause.
QString systemReason(const QFileDevice &file, int savedErrno)
{
    return savedErrno != 0 ? qt_error_string(savedErrno) : file.errorString();
}

} // namespace

QString SidecarStore::sidecarPath(const QString &articlePath)
{
    return articlePath + QStringLiteral(".annotations.json");
}

QString SidecarStore::backupPath(const QString &articlePath)
{
    return sidecarPath(articlePath) + QStringLiteral(".bak");
}

SidecarStore::LoadResult SidecarStore::load(const Document &doc, Form form)
{
    return loadFile(sidecarPath(doc.path()), doc, form);
}

SidecarStore::LoadResult SidecarStore::loadFile(const QString &sidecarFile, const Document &doc, Form form)
{
    LoadResult r;
    QFile file(sidecarFile);
    if (!file.exists())
        return r;
    if (!file.open(QIODevice::ReadOnly)) {
        r.status = LoadStatus::Invalid;
        r.error = QStringLiteral("%1: cannot be read (%2)").arg(sidecarFile, file.errorString());
        return r;
    }
    // The contexts are needed only when the text changed since the save.
    const bool inBatches = form == Form::Batches;
    auto parsed = SidecarJson::readFor(file, sidecarFile, doc.sha256(), &r.error, inBatches ? &r.batches : nullptr);
    if (!parsed) {
        r.status = LoadStatus::Invalid;
        return r;
    }
    r.data = std::move(*parsed);
    if (r.data.sha256 == doc.sha256()) {
        // Same text: every span must fit and match it.
        auto fits = [&](const QList<Annotation> &list) {
            for (const Annotation &a : list) {
                if (a.end > doc.length()) {
                    r.status = LoadStatus::Invalid;
                    r.error = QStringLiteral("%1: annotation %2 ends at %3, past the end of the article (%4 characters)")
                                  .arg(sidecarFile, a.id)
                                  .arg(a.end)
                                  .arg(doc.length());
                    return false;
                }
            }
            return true;
        };
        if (!fits(r.data.annotations))
            return r;
        for (const QList<Annotation> &batch : std::as_const(r.batches)) {
            if (!fits(batch))
                return r;
        }
        // An unusual file (its text named after its annotations) left them
        // in the list.
        if (inBatches && !r.data.annotations.isEmpty())
            r.batches.append(std::exchange(r.data.annotations, {}));
        r.status = LoadStatus::Loaded;
        return r;
    }
    // The article changed since the save (or the sidecar belongs to another
    // version of it): place every annotation again by its text and context.
    ReanchorResult placed = reanchor(std::move(r.data.annotations), r.data.contexts, doc);
    // The contexts were those of the annotations as stored, which are now
    // placed, reordered and some of them orphans: no longer theirs.
    r.data.contexts.clear();
    r.data.orphanContexts.clear();
    r.data.annotations = std::move(placed.placed);
    r.data.orphans.append(placed.orphans);
    r.moved = placed.moved;
    r.newOrphans = placed.orphans.size();
    r.data.sha256 = doc.sha256();
    r.data.length = doc.length();
    if (inBatches && !r.data.annotations.isEmpty())
        r.batches.append(std::exchange(r.data.annotations, {}));
    r.status = LoadStatus::Reanchored;
    return r;
}

bool SidecarStore::save(const Document &doc, const AnnotationSet &set, QString *error, SaveMode mode)
{
    if (doc.path().isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: the article has no file, so its annotations cannot be saved beside it").arg(doc.name());
        return false;
    }
    return write(sidecarPath(doc.path()), SidecarData::capture(doc, set), error, mode);
}

bool SidecarStore::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    return writeFileWith(path, [&](QIODevice &out) { return out.write(bytes) == bytes.size(); }, error);
}

bool SidecarStore::writeFileWith(const QString &path, const std::function<bool(QIODevice &)> &produce, QString *error)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        // A device or pipe (/dev/stdout, a FIFO): write straight into it.
        // QSaveFile would replace the special file with a regular one.
        QFile out(path);
        errno = 0;
        if (!out.open(QIODevice::WriteOnly) || !produce(out) || !out.flush()) {
            if (error)
                *error = QStringLiteral("%1: writing failed (%2)").arg(path, systemReason(out, errno));
            return false;
        }
        return true;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be written (%2)").arg(path, folderProblem(path, out.errorString()));
        return false;
    }
    // Flushed here rather than in commit(), which forgets the reason (a full
    // disk showed as "Unknown error").
    errno = 0;
    if (!produce(out) || !out.flush()) {
        if (error)
            *error = QStringLiteral("%1: writing failed (%2); the previous file is unchanged").arg(path, systemReason(out, errno));
        out.cancelWriting();
        return false;
    }
    if (!out.commit()) {
        if (error)
            *error = QStringLiteral("%1: saving failed (%2); the previous file is unchanged").arg(path, out.errorString());
        return false;
    }
    return true;
}

bool SidecarStore::write(const QString &path, const SidecarData &data, QString *error, SaveMode mode)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: the existing file cannot be read (%2), so it is not replaced").arg(path, existing.errorString());
            return false;
        }
        const QByteArray old = existing.readAll();
        existing.close();
        QString why;
        if (mode == SaveMode::Safe && !SidecarJson::parse(old, path, &why)) {
            if (error)
                *error = QStringLiteral("%1\nThe existing annotation file is kept as it is; save again and agree to replace it.").arg(why);
            return false;
        }
        // The previous version stays as a backup. A failure here stops the
        // save: the user must not lose both copies.
        if (!writeFile(path + QStringLiteral(".bak"), old, error))
            return false;
    }
    return writeFileWith(path, [&](QIODevice &out) { return SidecarJson::write(data, out); }, error);
}

} // namespace annotator
