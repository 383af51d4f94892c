#include "annotationtypesdialog.h"

#include "model/annotationset.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace annotator {

namespace {

/// Hues away from the built-in blue, green, orange and purple, dark enough
/// for a light background; the style lightens them on a dark one.
const QList<QPair<const char *, const char *>> &presetColors()
{
    static const QList<QPair<const char *, const char *>> colors = {
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Teal"), "#00897b"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Crimson"), "#c62848"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Olive"), "#827717"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Brown"), "#8d5524"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Pink"), "#c2185b"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Slate"), "#546e7a"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Indigo"), "#3949ab"},
        {QT_TRANSLATE_NOOP("AnnotationTypesDialog", "Gold"), "#b28704"},
    };
    return colors;
}

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(color.darker(140));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

AnnotationTypesDialog::AnnotationTypesDialog(AnnotationSet *set, const QStringList &reservedKeys, QWidget *parent)
    : QDialog(parent)
    , m_set(set)
    , m_reservedKeys(reservedKeys)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_color(new QComboBox(this))
    , m_add(new QPushButton(tr("&Add Type"), this))
    , m_remove(new QPushButton(tr("&Remove Type"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Annotation Types"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your own types are saved with this article's annotations. Select text and press the "
                                "type's key, or use the context menu, to tag it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setAccessibleName(tr("Your annotation types"));
    layout->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch(1);
    listButtons->addWidget(m_remove);
    layout->addLayout(listButtons);

    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("e.g. Claim, Figure, Organisation"));
    m_name->setMaxLength(40);
    m_key->setPlaceholderText(tr("5-9 or a letter"));
    m_key->setMaxLength(1);
    m_key->setMaximumWidth(m_key->fontMetrics().horizontalAdvance(QStringLiteral("5-9 or a letter")) + 24);
    for (const auto &[name, hex] : presetColors())
        m_color->addItem(swatch(QColor(QLatin1String(hex))), tr(name), QString::fromLatin1(hex));
    m_color->addItem(tr("Other…"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Colour:"), m_color);
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AnnotationTypesDialog::addFromFields);
    connect(m_remove, &QPushButton::clicked, this, &AnnotationTypesDialog::removeSelected);
    // Return in a field adds the type rather than closing the dialog.
    connect(m_name, &QLineEdit::returnPressed, this, &AnnotationTypesDialog::addFromFields);
    connect(m_key, &QLineEdit::returnPressed, this, &AnnotationTypesDialog::addFromFields);
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_color, &QComboBox::activated, this, [this](int index) {
        if (index != m_color->count() - 1) {
            m_lastColorIndex = index;
            return;
        }
        // "Other…": any colour; it joins the list for this dialog.
        const QColor chosen = QColorDialog::getColor(QColor(m_color->itemData(m_lastColorIndex).toString()), this, tr("Type Colour"));
        if (!chosen.isValid()) {
            m_color->setCurrentIndex(m_lastColorIndex);
            return;
        }
        m_color->insertItem(index, swatch(chosen), chosen.name(), chosen.name());
        m_color->setCurrentIndex(index);
        m_lastColorIndex = index;
    });
    connect(m_set, &AnnotationSet::userTypesChanged, this, &AnnotationTypesDialog::refreshList);
    refreshList();
    pickUnusedColor();
    m_name->setFocus();
    resize(440, 420);
}

QString AnnotationTypesDialog::message() const
{
    return m_message->text();
}

void AnnotationTypesDialog::refreshList()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    for (const AnnotationType &t : m_set->userTypes()) {
        const QString label = t.key.isEmpty() ? t.name : tr("%1 — key %2").arg(t.name, t.key);
        auto *item = new QListWidgetItem(swatch(QColor(t.color)), label, m_list);
        item->setData(Qt::UserRole, t.name);
        if (t.name == current)
            m_list->setCurrentItem(item);
    }
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

void AnnotationTypesDialog::pickUnusedColor()
{
    for (int i = 0; i < m_color->count() - 1; ++i) {
        const QString hex = m_color->itemData(i).toString();
        const auto &types = m_set->userTypes();
        if (std::none_of(types.cbegin(), types.cend(), [&](const AnnotationType &t) { return t.color.compare(hex, Qt::CaseInsensitive) == 0; })) {
            m_color->setCurrentIndex(i);
            m_lastColorIndex = i;
            return;
        }
    }
}

void AnnotationTypesDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, palette().color(QPalette::Base).lightnessF() < 0.5 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(p);
}

bool AnnotationTypesDialog::addFromFields()
{
    AnnotationType type;
    type.name = m_name->text().trimmed();
    type.key = m_key->text().trimmed();
    type.color = m_color->currentData().toString();
    const QString why = m_set->addUserType(type, m_reservedKeys);
    if (!why.isEmpty()) {
        showMessage(why, true);
        (why.contains(tr("key")) ? m_key : m_name)->setFocus();
        return false;
    }
    showMessage(type.key.isEmpty() ? tr("Added %1.").arg(type.name) : tr("Added %1: select text and press %2 to tag it.").arg(type.name, type.key.toUpper()),
                false);
    m_name->clear();
    m_key->clear();
    pickUnusedColor();
    m_name->setFocus();
    return true;
}

void AnnotationTypesDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    const int count = m_set->removeUserType(name);
    showMessage(count > 0 ? tr("Removed %1 and its %n annotation(s); Undo brings them back.", nullptr, count).arg(name)
                          : tr("Removed %1.").arg(name),
                false);
}

} // namespace annotator
