#include "backgroundrecognition.h"

#include "recognition/pipeline.h"

#include <QMetaObject>

namespace annotator {

BackgroundRecognition::BackgroundRecognition(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

BackgroundRecognition::~BackgroundRecognition()
{
    m_wanted = 0;
    m_pool.waitForDone();
}

quint64 BackgroundRecognition::start(const QString &text)
{
    const quint64 revision = ++m_revision;
    m_wanted = revision;
    m_pool.start([this, text, revision] {
        Recognition result = Pipeline::run(text);
        // Back to the GUI thread; the object outlives the job (destructor waits).
        QMetaObject::invokeMethod(this, [this, revision, result = std::move(result)] { deliver(revision, result); },
                                  Qt::QueuedConnection);
    });
    return revision;
}

void BackgroundRecognition::cancel()
{
    m_wanted = 0;
}

void BackgroundRecognition::waitForDone()
{
    m_pool.waitForDone();
}

void BackgroundRecognition::deliver(quint64 revision, const Recognition &result)
{
    if (revision != m_wanted)
        return; // a newer run or a new article replaced this one
    m_wanted = 0;
    Q_EMIT finished(revision, result);
}

} // namespace annotator
