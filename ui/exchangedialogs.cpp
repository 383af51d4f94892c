#include "exchangedialogs.h"

#include "formats/importmerger.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecarstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>

namespace annotator::Exchange {

namespace {

AnnotationData dataOf(const AnnotationSet &set)
{
    return AnnotationData{set.annotations(), set.entities(), set.userTypes()};
}

/// Format and options; false when cancelled.
bool chooseFormat(QWidget *parent, bool forImport, Format *format, FormatOptions *options)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(forImport ? QObject::tr("Import Annotations") : QObject::tr("Export Annotations"));
    auto *form = new QFormLayout(&dialog);
    auto *formats = new QComboBox(&dialog);
    for (Format f : Formats::all()) {
        if (!forImport || Formats::canImport(f))
            formats->addItem(Formats::title(f), int(f));
    }
    form->addRow(QObject::tr("&Format:"), formats);
    auto *utf16 = new QCheckBox(QObject::tr("Offsets in &UTF-16 units, as doccano's browser counts them"), &dialog);
    form->addRow(QString(), utf16);
    auto *note = new QLabel(&dialog);
    note->setWordWrap(true);
    form->addRow(note);
    auto update = [&] {
        const auto f = Format(formats->currentData().toInt());
        utf16->setVisible(f == Format::Doccano);
        note->setText(forImport ? QObject::tr("Imported annotations are added to the article's own; each span is checked against the text.")
                                : QObject::tr("Exporting writes a new file; the article and its saved annotations stay as they are."));
    };
    QObject::connect(formats, &QComboBox::currentIndexChanged, &dialog, update);
    update();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *format = Format(formats->currentData().toInt());
    options->utf16Offsets = utf16->isChecked();
    return true;
}

} // namespace

bool exportTo(Format f, const FormatOptions &options, const Document &doc, const AnnotationSet &set, const QString &path, QString *error,
              QStringList *warnings)
{
    // Never over the article or its sidecar: an export is a copy.
    const QString target = QFileInfo(path).absoluteFilePath();
    if (!doc.path().isEmpty() && (target == doc.path() || target == QFileInfo(SidecarStore::sidecarPath(doc.path())).absoluteFilePath())) {
        if (error)
            *error = QStringLiteral("%1: this is the article or its annotation file; export to another file").arg(path);
        return false;
    }
    const ExportResult result = Formats::write(f, doc, dataOf(set), options);
    if (!result.error.isEmpty()) {
        if (error)
            *error = result.error;
        return false;
    }
    if (warnings)
        *warnings = result.warnings;
    return SidecarStore::writeFile(path, result.bytes, error);
}

bool importFrom(Format f, const FormatOptions &options, const Document &doc, AnnotationSet &set, const QString &path, QString *error,
                QStringList *report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return false;
    }
    const ImportResult result = Formats::read(f, file.readAll(), doc, options);
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return false;
    }
    qsizetype added = 0;
    AnnotationEdit edit = ImportMerger::merge(set, result.data, &added);
    edit.text = QObject::tr("Import %1").arg(QFileInfo(path).fileName());
    set.apply(edit);
    if (report) {
        *report = result.messages(path);
        report->prepend(added == 1 ? QObject::tr("1 annotation imported from %1.").arg(path)
                                   : QObject::tr("%1 annotations imported from %2.").arg(added).arg(path));
    }
    return true;
}

QString runExportDialog(QWidget *parent, const Document &doc, const AnnotationSet &set, QString *error)
{
    Format f;
    FormatOptions options;
    if (!chooseFormat(parent, false, &f, &options))
        return {};
    const QString base = doc.path().isEmpty() ? doc.name() : doc.path();
    const QString suggested = QFileInfo(base).path() + QLatin1Char('/') + QFileInfo(base).completeBaseName() + QLatin1Char('.') + Formats::extension(f);
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export as %1").arg(Formats::title(f)), suggested);
    if (path.isEmpty())
        return {};
    QStringList warnings;
    if (!exportTo(f, options, doc, set, path, error, &warnings))
        return {};
    QString done = QObject::tr("Exported to %1.").arg(path);
    if (!warnings.isEmpty())
        done += QLatin1Char(' ') + QObject::tr("Not expressible in %1: %2").arg(Formats::title(f), warnings.join(QStringLiteral("; ")));
    return done;
}

QString runImportDialog(QWidget *parent, const Document &doc, AnnotationSet &set, QString *error)
{
    Format f;
    FormatOptions options;
    if (!chooseFormat(parent, true, &f, &options))
        return {};
    const QString path = QFileDialog::getOpenFileName(parent, QObject::tr("Import %1").arg(Formats::title(f)), QFileInfo(doc.path()).path());
    if (path.isEmpty())
        return {};
    QStringList report;
    if (!importFrom(f, options, doc, set, path, error, &report))
        return {};
    return report.join(QLatin1Char('\n'));
}

} // namespace annotator::Exchange
