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

namespace {

// The hex SHA-256 of the file at @p path, "none" when there is no file, and
// "unreadable" when it cannot be read (which matches no recorded hash).
QByteArray sidecarHash(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QByteArrayLiteral("none");
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("unreadable");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

} // namespace

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
    SidecarData data = SidecarData::capture(doc, set);
    data.basedOnSidecar = sidecarHash(SidecarStore::sidecarPath(doc.path()));
    return SidecarStore::writeFileWith(recoveryPath(doc.path()), [&](QIODevice &out) { return SidecarJson::write(data, out); }, error);
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

RecoveryStore::Recovered RecoveryStore::find(const Document &doc)
{
    if (doc.path().isEmpty())
        return {};
    return assess(recoveryPath(doc.path()), doc);
}

RecoveryStore::Recovered RecoveryStore::assess(const QString &recoveryFile, const Document &doc)
{
    Recovered r;
    QFile file(recoveryFile);
    if (!file.open(QIODevice::ReadOnly))
        return r;
    const QByteArray bytes = file.readAll();
    file.close();
    r.keptAt = QFileInfo(recoveryFile).lastModified();
    r.loaded = SidecarStore::loadFile(recoveryFile, doc);
    if (r.loaded.status != SidecarStore::LoadStatus::Loaded && r.loaded.status != SidecarStore::LoadStatus::Reanchored)
        return r;
    const QString sidecar = SidecarStore::sidecarPath(doc.path());
    QByteArray saved;
    QFile sidecarFile(sidecar);
    if (sidecarFile.open(QIODevice::ReadOnly))
        saved = sidecarFile.readAll();
    // The recovery file written just before a save (which flushes the
    // autosaver first) holds exactly what the save wrote: a kill before its
    // removal leaves a copy of the sidecar, nothing to restore.
    std::optional<SidecarData> raw = SidecarJson::parse(bytes, recoveryFile, nullptr);
    const QByteArray based = raw ? raw->basedOnSidecar : QByteArray();
    if (raw && !saved.isEmpty()) {
        raw->basedOnSidecar.clear();
        if (SidecarJson::serialize(*raw) == saved) {
            r.freshness = Freshness::SameAsSaved;
            return r;
        }
    }
    if (!based.isEmpty()) {
        // The sidecar it was based on is still there: these are edits made
        // on top of it. Any other sidecar was written after it.
        r.freshness = based == sidecarHash(sidecar) ? Freshness::Newer : Freshness::OlderThanSaved;
        return r;
    }
    // A recovery file from before the hash was recorded: go by the clock.
    const QFileInfo sidecarInfo(sidecar);
    r.freshness = sidecarInfo.exists() && sidecarInfo.lastModified() > r.keptAt ? Freshness::OlderThanSaved : Freshness::Newer;
    return r;
}

QString RecoveryStore::olderPath(const QString &articlePath)
{
    QString path = recoveryPath(articlePath);
    path.insert(path.size() - 5, QStringLiteral(".older")); // before ".json"
    return path;
}

QString RecoveryStore::setAside(const QString &articlePath)
{
    const QString from = recoveryPath(articlePath);
    const QString to = olderPath(articlePath);
    QFile::remove(to);
    if (QFile::rename(from, to))
        return to;
    QFile::remove(from);
    return QString();
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
