#include "recoverystore.h"

#include "model/annotationset.h"
#include "model/document.h"
#include "sidecarstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace annotator {

QString RecoveryStore::recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryStore::recoveryPath(const QString &articlePath)
{
    const QByteArray key = QCryptographicHash::hash(QFileInfo(articlePath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return recoveryDir() + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json");
}

bool RecoveryStore::write(const Document &doc, const AnnotationSet &set, QString *error)
{
    if (!QDir().mkpath(recoveryDir())) {
        if (error)
            *error = QStringLiteral("%1: the recovery folder cannot be created").arg(recoveryDir());
        return false;
    }
    return SidecarStore::writeFile(recoveryPath(doc.path()), SidecarJson::serialize(SidecarData::capture(doc, set)), error);
}

std::optional<SidecarData> RecoveryStore::read(const QString &articlePath, QString *error)
{
    QFile f(recoveryPath(articlePath));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return SidecarJson::parse(f.readAll(), f.fileName(), error);
}

bool RecoveryStore::exists(const QString &articlePath)
{
    return QFileInfo::exists(recoveryPath(articlePath));
}

void RecoveryStore::discard(const QString &articlePath)
{
    QFile::remove(recoveryPath(articlePath));
}

Autosaver::Autosaver(const Document *doc, AnnotationSet *set, int delayMs, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
    , m_set(set)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::writeNow);
    connect(set, &AnnotationSet::changed, this, &Autosaver::onChanged);
    connect(set, &AnnotationSet::cleanChanged, this, [this](bool clean) {
        if (clean) {
            m_timer.stop();
            if (!m_doc->path().isEmpty())
                RecoveryStore::discard(m_doc->path());
        } else {
            onChanged();
        }
    });
}

void Autosaver::onChanged()
{
    // The delay counts from the first edit not yet written, not from the
    // latest: restarting the timer on every edit would never write while the
    // user keeps working, and a crash would then lose all of it.
    if (!m_set->isClean() && !m_timer.isActive())
        m_timer.start();
}

void Autosaver::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        writeNow();
    }
}

void Autosaver::writeNow()
{
    if (m_doc->path().isEmpty() || m_set->isClean())
        return;
    if (RecoveryStore::write(*m_doc, *m_set, &m_lastError)) {
        Q_EMIT saved();
    } else {
        Q_EMIT failed(m_lastError);
    }
}

} // namespace annotator
