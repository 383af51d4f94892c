#pragma once

#include "model/document.h"
#include "storage/sidecarstore.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <map>

namespace annotator {

/// Reads an article's sidecar (SidecarStore::load, the annotations in
/// batches) on a worker thread, so a large article's annotations load
/// while its text is already on screen.
/// Each run has a revision; starting another or cancel() drops older results.
class SidecarLoader : public QObject
{
    Q_OBJECT
public:
    explicit SidecarLoader(QObject *parent = nullptr);
    /// Waits for a run in progress: it must not outlive the window.
    ~SidecarLoader() override;

    quint64 start(const Document &document);
    void cancel();
    /// True while a run whose result is still wanted is going.
    bool isRunning() const { return m_wanted != 0; }
    /// Waits for the wanted run and delivers its result now (saving, tests).
    void finishNow();

Q_SIGNALS:
    /// The run @p revision, still wanted, read the sidecar into @p result.
    /// The receiver may move what it keeps out of it (a large article's
    /// annotations are tens of megabytes: one copy, not two); the rest is
    /// freed when the signal returns.
    void finished(quint64 revision, annotator::SidecarStore::LoadResult *result);

private:
    void deliver(quint64 revision);

    QThreadPool m_pool;
    QMutex m_mutex;
    std::map<quint64, SidecarStore::LoadResult> m_results; ///< guarded by m_mutex
    quint64 m_revision = 0;
    quint64 m_wanted = 0;
};

} // namespace annotator
