#pragma once

#include "recognition/personallexicon.h"
#include "recognition/recognition.h"

#include <QObject>
#include <QThreadPool>

namespace annotator {

/// Runs the recognisers (Pipeline::run) on a worker thread so a long article
/// does not freeze the window. Each run is tagged with a revision; starting a
/// new run or calling cancel() makes the results of older runs be dropped.
class BackgroundRecognition : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundRecognition(QObject *parent = nullptr);
    /// Waits for a run in progress: its result must not outlive the window.
    ~BackgroundRecognition() override;

    /// Starts recognising @p text, corrected by a copy of @p lexicon when
    /// given; returns the run's revision.
    quint64 start(const QString &text, const PersonalLexicon *lexicon = nullptr);
    /// Drops the result of the run in progress, if any.
    void cancel();
    /// True while a run whose result is still wanted is going.
    bool isRunning() const { return m_wanted != 0; }
    /// Blocks until no run is going (tests, screenshots, quitting).
    void waitForDone();

Q_SIGNALS:
    /// The recognisers finished the run @p revision, which is still wanted.
    void finished(quint64 revision, const annotator::Recognition &result);

private:
    void deliver(quint64 revision, const Recognition &result);

    QThreadPool m_pool;
    quint64 m_revision = 0;
    quint64 m_wanted = 0; ///< revision whose result is awaited, 0 for none
};

} // namespace annotator
