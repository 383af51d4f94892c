#include "settings.h"

#include <QFileInfo>

namespace annotator {

namespace {
// Every key, declared once.
const QString RecentFilesKey = QStringLiteral("files/recent");
const QString ThemeKey = QStringLiteral("view/theme");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString AutosaveKey = QStringLiteral("recovery/autosave");
const QString AnnotateNewKey = QStringLiteral("recognition/annotateNewArticles");
const QString PersonalLexiconKey = QStringLiteral("recognition/personalLexicon");
}

Settings::Settings() = default;

QStringList Settings::recentFiles() const
{
    return m_settings.value(RecentFilesKey).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    m_settings.setValue(RecentFilesKey, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    m_settings.setValue(RecentFilesKey, files);
}

void Settings::clearRecentFiles()
{
    m_settings.remove(RecentFilesKey);
}

QString Settings::themeName() const
{
    return m_settings.value(ThemeKey).toString();
}

void Settings::setThemeName(const QString &name)
{
    m_settings.setValue(ThemeKey, name);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(GeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(StateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(StateKey, state);
}

bool Settings::annotateNewArticles() const
{
    return m_settings.value(AnnotateNewKey, true).toBool();
}

void Settings::setAnnotateNewArticles(bool enabled)
{
    m_settings.setValue(AnnotateNewKey, enabled);
}

bool Settings::autosaveEnabled() const
{
    return m_settings.value(AutosaveKey, true).toBool();
}

void Settings::setAutosaveEnabled(bool enabled)
{
    m_settings.setValue(AutosaveKey, enabled);
}

bool Settings::personalLexiconEnabled() const
{
    return m_settings.value(PersonalLexiconKey, true).toBool();
}

void Settings::setPersonalLexiconEnabled(bool enabled)
{
    m_settings.setValue(PersonalLexiconKey, enabled);
}

} // namespace annotator
