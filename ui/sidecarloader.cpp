#include "sidecarloader.h"

#include <QMetaObject>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace annotator {

SidecarLoader::SidecarLoader(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

SidecarLoader::~SidecarLoader()
{
    m_wanted = 0;
    m_pool.waitForDone();
}

quint64 SidecarLoader::start(const Document &document)
{
    const quint64 revision = ++m_revision;
    m_wanted = revision;
    m_pool.start([this, document, revision] {
        SidecarStore::LoadResult result = SidecarStore::load(document, SidecarStore::Form::Batches);
#if defined(__GLIBC__)
        // The parse freed its large JSON tree in this thread's malloc arena,
        // which the GUI thread's allocations do not reuse: give those pages
        // back, or they add to the program's peak memory.
        malloc_trim(0);
#endif
        {
            QMutexLocker lock(&m_mutex);
            m_results[revision] = std::move(result);
        }
        // Back to the GUI thread; the object outlives the job (destructor waits).
        QMetaObject::invokeMethod(this, [this, revision] { deliver(revision); }, Qt::QueuedConnection);
    });
    return revision;
}

void SidecarLoader::cancel()
{
    m_wanted = 0;
}

void SidecarLoader::finishNow()
{
    if (!m_wanted)
        return;
    m_pool.waitForDone();
    deliver(m_wanted);
}

void SidecarLoader::deliver(quint64 revision)
{
    SidecarStore::LoadResult result;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_results.find(revision);
        if (it == m_results.end())
            return; // delivered already by finishNow()
        result = std::move(it->second);
        m_results.erase(it);
        // Older runs nobody wants any more.
        m_results.erase(m_results.begin(), m_results.lower_bound(revision));
    }
    if (revision != m_wanted)
        return;
    m_wanted = 0;
    Q_EMIT finished(revision, &result);
}

} // namespace annotator
