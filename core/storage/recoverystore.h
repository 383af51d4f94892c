#pragma once

#include "sidecardata.h"

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
    /// Writes the current state of @p set for @p doc.
    static bool write(const Document &doc, const AnnotationSet &set, QString *error);
    /// The recovered state for the article at @p articlePath, if any.
    static std::optional<SidecarData> read(const QString &articlePath, QString *error = nullptr);
    static bool exists(const QString &articlePath);
    /// Removes the recovery file (after a save, or when the user declines it).
    static void discard(const QString &articlePath);
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
