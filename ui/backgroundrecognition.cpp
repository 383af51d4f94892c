#include "backgroundrecognition.h"

#include "recognition/pipeline.h"

#include <QMetaObject>

#include <optional>

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

quint64 BackgroundRecognition::start(const QString &text, const PersonalLexicon *lexicon)
{
    const quint64 revision = ++m_revision;
    m_wanted = revision;
    // A copy: the window goes on learning while the worker reads.
    std::optional<PersonalLexicon> corrections;
    if (lexicon)
        corrections = *lexicon;
    m_pool.start([this, text, revision, corrections = std::move(corrections)] {
        Recognition result = Pipeline::run(text, corrections ? &*corrections : nullptr);
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
