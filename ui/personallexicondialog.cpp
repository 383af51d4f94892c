#include "personallexicondialog.h"

#include "model/annotation.h"
#include "recognition/personallexicon.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace annotator {

namespace {
constexpr int KeyRole = Qt::UserRole; // the entry's type and text before any edit

// The file's path as people write it: ~ for the home folder on Unix.
QString shownPath(const QString &path)
{
#ifndef Q_OS_WIN
    const QString home = QDir::homePath();
    if (home.size() > 1 && path.startsWith(home + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(home.size());
#endif
    return QDir::toNativeSeparators(path);
}
} // namespace

PersonalLexiconDialog::PersonalLexiconDialog(PersonalLexicon *lexicon, const QString &path, const QString &problem, bool enabled,
                                             QWidget *parent)
    : QDialog(parent)
    , m_lexicon(lexicon)
    , m_enabled(new QCheckBox(tr("&Use the personal lexicon when annotating"), this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableWidget(this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Personal Lexicon"));
    resize(640, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Corrections remembered across articles: text you rejected is not suggested again, text you "
                                "tagged is suggested in other articles. Kept in %1.")
                                 .arg(shownPath(path)),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro);
    if (!problem.isEmpty()) {
        auto *error = new QLabel(problem + QLatin1Char(' ') + tr("Nothing is remembered until the file is mended or moved away."), this);
        error->setWordWrap(true);
        error->setObjectName(QStringLiteral("problem"));
        layout->addWidget(error);
    }
    m_enabled->setChecked(enabled);
    layout->addWidget(m_enabled);
    connect(m_enabled, &QCheckBox::toggled, this, &PersonalLexiconDialog::enabledChanged);
    m_filter->setPlaceholderText(tr("Filter by type, text or code"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, &PersonalLexiconDialog::applyFilter);

    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Type"), tr("Text"), tr("Decision"), tr("Country code")});
    // Type, decision and code as wide as what they hold (the decision's
    // list box whole), the text takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::cellChanged, this, &PersonalLexiconDialog::cellEdited);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &PersonalLexiconDialog::deleteSelected);

    auto *row = new QHBoxLayout;
    row->addWidget(m_count, 1);
    row->addWidget(m_delete);
    // Return in the table must not delete the entry it is on.
    m_delete->setAutoDefault(false);
    connect(m_delete, &QPushButton::clicked, this, &PersonalLexiconDialog::deleteSelected);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    row->addWidget(buttons);
    layout->addLayout(row);
    refresh();
}

void PersonalLexiconDialog::refresh()
{
    m_filling = true;
    const QList<PersonalLexicon::Entry> entries = m_lexicon->entries();
    m_table->clearContents();
    m_table->setRowCount(int(entries.size()));
    for (int r = 0; r < int(entries.size()); ++r) {
        const PersonalLexicon::Entry &e = entries.at(r);
        auto *type = new QTableWidgetItem(e.type);
        type->setFlags(type->flags() & ~Qt::ItemIsEditable);
        type->setData(KeyRole, QStringList{e.type, e.text});
        m_table->setItem(r, TypeColumn, type);
        m_table->setItem(r, TextColumn, new QTableWidgetItem(e.text));
        auto *decision = new QComboBox(m_table);
        decision->addItems({tr("always this type"), tr("never this type")});
        decision->setCurrentIndex(e.decision == PersonalLexicon::Decision::Always ? 0 : 1);
        m_table->setCellWidget(r, DecisionColumn, decision);
        connect(decision, &QComboBox::currentIndexChanged, this, [this, decision](int index) {
            for (int r = 0; r < m_table->rowCount(); ++r) {
                if (m_table->cellWidget(r, DecisionColumn) == decision)
                    setDecision(r, index);
            }
        });
        auto *code = new QTableWidgetItem(e.code);
        if (e.type != Types::Country || e.decision == PersonalLexicon::Decision::Never)
            code->setFlags(code->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(r, CodeColumn, code);
    }
    m_filling = false;
    applyFilter();
}

void PersonalLexiconDialog::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    int shown = 0;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        bool match = needle.isEmpty();
        for (int c : {TypeColumn, TextColumn, CodeColumn})
            match = match || m_table->item(r, c)->text().contains(needle, Qt::CaseInsensitive);
        if (auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(r, DecisionColumn)))
            match = match || box->currentText().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(r, !match);
        shown += match;
    }
    m_count->setText(shown == m_table->rowCount() ? tr("%n entries", nullptr, shown) : tr("%1 of %2 entries").arg(shown).arg(m_table->rowCount()));
}

void PersonalLexiconDialog::cellEdited(int row, int column)
{
    if (m_filling || (column != TextColumn && column != CodeColumn))
        return;
    const QStringList key = m_table->item(row, TypeColumn)->data(KeyRole).toStringList();
    const auto old = m_lexicon->find(key.at(0), key.at(1));
    if (!old)
        return;
    PersonalLexicon::Entry e = *old;
    e.text = m_table->item(row, TextColumn)->text().simplified();
    e.code = m_table->item(row, CodeColumn)->text().trimmed().toUpper();
    if (e.text.isEmpty()) {
        // An emptied text is a deletion.
        m_lexicon->remove(key.at(0), key.at(1));
    } else {
        m_lexicon->remove(key.at(0), key.at(1));
        m_lexicon->set(e);
        Q_EMIT entryChanged(e.type, e.text);
    }
    Q_EMIT entryChanged(key.at(0), key.at(1));
    Q_EMIT edited();
    // Rebuilding the table from inside its own signal would delete the
    // item being edited: do it once the edit is over.
    QMetaObject::invokeMethod(this, &PersonalLexiconDialog::refresh, Qt::QueuedConnection);
}

void PersonalLexiconDialog::setDecision(int row, int index)
{
    if (m_filling)
        return;
    const QStringList key = m_table->item(row, TypeColumn)->data(KeyRole).toStringList();
    auto e = m_lexicon->find(key.at(0), key.at(1));
    if (!e)
        return;
    e->decision = index == 0 ? PersonalLexicon::Decision::Always : PersonalLexicon::Decision::Never;
    if (m_lexicon->set(*e)) {
        Q_EMIT entryChanged(e->type, e->text);
        Q_EMIT edited();
    }
    QMetaObject::invokeMethod(this, &PersonalLexiconDialog::refresh, Qt::QueuedConnection);
}

void PersonalLexiconDialog::deleteSelected()
{
    QList<QStringList> keys;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (!m_table->isRowHidden(index.row()))
            keys.append(m_table->item(index.row(), TypeColumn)->data(KeyRole).toStringList());
    }
    if (keys.isEmpty() && m_table->currentRow() >= 0 && !m_table->isRowHidden(m_table->currentRow()))
        keys.append(m_table->item(m_table->currentRow(), TypeColumn)->data(KeyRole).toStringList());
    bool changed = false;
    for (const QStringList &key : std::as_const(keys)) {
        if (m_lexicon->remove(key.at(0), key.at(1))) {
            changed = true;
            Q_EMIT entryChanged(key.at(0), key.at(1));
        }
    }
    if (!changed)
        return;
    refresh();
    Q_EMIT edited();
}

} // namespace annotator
