#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace annotator {

/// The user's preferences and window state, stored with QSettings. The one
/// place that knows the keys, so every value has one name and one type.
class Settings
{
public:
    Settings();

    static constexpr int MaxRecentFiles = 10;

    /// Recently opened articles, most recent first.
    QStringList recentFiles() const;
    /// Moves @p path to the front of the recent files, keeping at most
    /// MaxRecentFiles entries.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    void clearRecentFiles();

    /// Name of the KSyntaxHighlighting theme picked in the View menu; empty
    /// means "follow the system palette".
    QString themeName() const;
    void setThemeName(const QString &name);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Whether an article opened without annotations is run through the
    /// recognisers at once.
    bool annotateNewArticles() const;
    void setAnnotateNewArticles(bool enabled);

    /// Whether unsaved edits are written to a recovery file as they happen.
    bool autosaveEnabled() const;
    void setAutosaveEnabled(bool enabled);

    /// Whether the recognisers use, and corrections feed, the personal
    /// lexicon (on unless the user switched it off).
    bool personalLexiconEnabled() const;
    void setPersonalLexiconEnabled(bool enabled);

private:
    QSettings m_settings;
};

} // namespace annotator
