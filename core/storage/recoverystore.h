#pragma once

#include "sidecardata.h"
#include "sidecarstore.h"

#include <QDateTime>

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace annotator {

class AnnotationSet;
class Document;

/// Unsaved edits kept outside the article's folder, in the user's data folder
/// (`recovery/` under QStandardPaths::AppDataLocation), so that a crash or a
/// power cut costs at most the autosave delay. One file per article, named by
/// a hash of the article's absolute path; written atomically.
class RecoveryStore
{
public:
    static QString recoveryDir();
    static QString recoveryPath(const QString &articlePath);
    /// Writes the current state of @p set for @p doc, with the hash of the
    /// sidecar on disk at this moment (see SidecarData::basedOnSidecar).
    static bool write(const Document &doc, const AnnotationSet &set, QString *error);
    /// The recovered state for the article at @p articlePath, if any.
    static std::optional<SidecarData> read(const QString &articlePath, QString *error = nullptr);
    static bool exists(const QString &articlePath);
    /// Removes the recovery file (after a save, or when the user declines it).
    static void discard(const QString &articlePath);

    /// How a recovery file compares with the saved annotations.
    enum class Freshness {
        None, ///< no recovery file, or one that cannot be read
        Newer, ///< edits made after the sidecar was saved: offer to restore them
        SameAsSaved, ///< what the sidecar holds already (killed after a save): nothing to restore
        OlderThanSaved, ///< the sidecar was saved after it: restoring would lose newer work
    };
    struct Recovered {
        Freshness freshness = Freshness::None;
        SidecarStore::LoadResult loaded; ///< the recovery file fitted to the article
        QDateTime keptAt; ///< when it was written
    };
    /// Reads the recovery file of @p doc and compares it with the sidecar.
    static Recovered find(const Document &doc);
    /// The same for a recovery file at any path.
    static Recovered assess(const QString &recoveryFile, const Document &doc);
    /// Moves a recovery file that is older than the sidecar out of the way,
    /// to olderPath(), replacing an earlier one; returns that path or an
    /// empty string when the move failed (the file is then removed).
    static QString setAside(const QString &articlePath);
    static QString olderPath(const QString &articlePath);
};

/// Writes the recovery file at most delay() after an edit of an
/// AnnotationSet (the delay runs from the first edit not yet written, so
/// steady editing still gets written), and removes it when the set becomes
/// clean (saved).
class Autosaver : public QObject
{
    Q_OBJECT
public:
    Autosaver(const Document *doc, AnnotationSet *set, int delayMs = 2000, QObject *parent = nullptr);
    int delay() const { return m_timer.interval(); }
    void setDelay(int ms) { m_timer.setInterval(ms); }
    /// Writes now if an edit is pending (before quitting, for example).
    void flush();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void saved();
    void failed(const QString &error);

private:
    void onChanged();
    void writeNow();

    const Document *m_doc;
    AnnotationSet *m_set;
    QTimer m_timer;
    QString m_lastError;
};

} // namespace annotator
