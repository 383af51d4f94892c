#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace annotator {

class AnnotationSet;

/// Adds and removes the user's own annotation types (a name, a colour and
/// a key that tags a selection). Every change is an undoable step on the
/// set; a name or key that cannot be used is explained under the fields.
class AnnotationTypesDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p reservedKeys are keys that already run a command in the text.
    AnnotationTypesDialog(AnnotationSet *set, const QStringList &reservedKeys, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *keyEdit() const { return m_key; }
    QComboBox *colorBox() const { return m_color; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    /// The last problem or result shown to the user.
    QString message() const;

    /// Adds the type described by the fields; false (and the reason shown)
    /// when it cannot be added.
    bool addFromFields();
    /// Removes the type selected in the list with its annotations.
    void removeSelected();

private:
    void refreshList();
    void pickUnusedColor();
    void showMessage(const QString &text, bool problem);

    AnnotationSet *m_set;
    QStringList m_reservedKeys;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_key;
    QComboBox *m_color;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
    int m_lastColorIndex = 0;
};

} // namespace annotator
