#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace annotator {

class PersonalLexicon;

/// Tools > Personal Lexicon: the corrections remembered across articles in
/// a table the user can filter, edit (text, always/never, country code) and
/// delete from, and the switch that turns the lexicon off. Edits go to the
/// lexicon at once; the window saves it when edited() is emitted.
class PersonalLexiconDialog : public QDialog
{
    Q_OBJECT
public:
    /// Shows @p lexicon (not owned), kept in @p path; @p problem is why the
    /// file there could not be read, if it could not.
    PersonalLexiconDialog(PersonalLexicon *lexicon, const QString &path, const QString &problem, bool enabled, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QPushButton *deleteButton() const { return m_delete; }
    /// Rebuilds the table from the lexicon.
    void refresh();
    /// Deletes the entries of the selected rows.
    void deleteSelected();

    enum Column { TypeColumn, TextColumn, DecisionColumn, CodeColumn };

Q_SIGNALS:
    /// The user changed the lexicon.
    void edited();
    /// The user edited, deleted or added the entry for @p text as @p type
    /// (an edited text: both the old and the new text).
    void entryChanged(const QString &type, const QString &text);
    /// The user switched the lexicon on or off.
    void enabledChanged(bool enabled);

private:
    void applyFilter();
    void cellEdited(int row, int column);
    void setDecision(int row, int index);

    PersonalLexicon *m_lexicon;
    QCheckBox *m_enabled;
    QLineEdit *m_filter;
    QTableWidget *m_table;
    QPushButton *m_delete;
    QLabel *m_count;
    bool m_filling = false;
};

} // namespace annotator
