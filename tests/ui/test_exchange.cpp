#include "exchangedialogs.h"
#include "mainwindow.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QMenuBar>
#include <QTemporaryDir>

using namespace annotator;

namespace {

struct Article {
    QTemporaryDir dir;
    QString path;
    Document doc;
    AnnotationSet set;

    Article()
    {
        path = dir.filePath(QStringLiteral("story.txt"));
        test::writeAll(path, "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB1 Chile said on Monday that talks with Peru would resume.\r\n\"We are ready,\" said Ana Ruiz.\n");
        QString error;
        doc = *Document::load(path, &error);
        add(Types::Country, QStringLiteral("Chile"), QStringLiteral("CL"));
        add(Types::Country, QStringLiteral("Peru"), QStringLiteral("PE"));
        add(Types::Event, QStringLiteral("talks"));
        set.setClean();
        EXPECT_TRUE(SidecarStore::save(doc, set, &error)) << error.toStdString();
    }

    void add(const QString &type, const QString &text, const QString &code = QString())
    {
        const qsizetype at = doc.text().indexOf(text);
        Annotation a;
        a.type = type;
        a.start = doc.offsets().toCodePoint(at);
        a.end = doc.offsets().toCodePoint(at + text.size());
        a.text = text;
        if (!code.isEmpty())
            a.attributes.insert(Attr::Code, code);
        set.addAnnotation(a);
    }
};

} // namespace

TEST(Exchange, ExportWritesTheFormatAndLeavesArticleAndSidecarAlone)
{
    Article a;
    const QByteArray article = test::readAll(a.path);
    const QByteArray sidecar = test::readAll(SidecarStore::sidecarPath(a.path));
    QString error;
    const QString out = a.dir.filePath(QStringLiteral("story.ann"));
    ASSERT_TRUE(Exchange::exportTo(Format::Brat, {}, a.doc, a.set, out, &error)) << error.toStdString();
    const QByteArray ann = test::readAll(out);
    // Code point offsets: the flag before "Chile" is two code points.
    EXPECT_TRUE(ann.contains("Country 3 8\tChile")) << ann.toStdString();
    EXPECT_TRUE(ann.contains("ISO3166-1:PE"));
    EXPECT_EQ(test::readAll(a.path), article);
    EXPECT_EQ(test::readAll(SidecarStore::sidecarPath(a.path)), sidecar);
    EXPECT_TRUE(a.set.isClean());
}

TEST(Exchange, ExportRefusesToOverwriteTheArticleOrItsSidecar)
{
    Article a;
    const QByteArray article = test::readAll(a.path);
    QString error;
    EXPECT_FALSE(Exchange::exportTo(Format::Csv, {}, a.doc, a.set, a.path, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(Exchange::exportTo(Format::Native, {}, a.doc, a.set, SidecarStore::sidecarPath(a.path), &error));
    EXPECT_EQ(test::readAll(a.path), article);
}

TEST(Exchange, ImportMergesAsOneUndoableStepAndReportsBadSpans)
{
    Article a;
    QString error;
    const QString out = a.dir.filePath(QStringLiteral("other.ann"));
    // One good mention the set lacks, one already there, one whose text does not match.
    test::writeAll(out, "T1\tSpeaker 81 89\tAna Ruiz\nT2\tCountry 3 8\tChile\nN1\tReference T2 ISO3166-1:CL\tChile\nT3\tCountry 10 14\tPeru\n");
    QStringList report;
    const qsizetype before = a.set.size();
    ASSERT_TRUE(Exchange::importFrom(Format::Brat, {}, a.doc, a.set, out, &error, &report)) << error.toStdString();
    EXPECT_EQ(a.set.size(), before + 1) << report.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(report.join(QLatin1Char('\n')).contains(QStringLiteral(":4:"))) << report.join(QLatin1Char('\n')).toStdString();
    a.set.undo();
    EXPECT_EQ(a.set.size(), before);
}

TEST(Exchange, FileMenuOffersExportAndImport)
{
    MainWindow window;
    QStringList texts;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                texts.append(a->text().remove(QLatin1Char('&')));
    }
    EXPECT_TRUE(texts.contains(QStringLiteral("Export…"))) << texts.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("Import…")));
}

TEST(Exchange, EveryFormatExportsAndEveryImportFormatReadsItsExportBack)
{
    Article a;
    for (Format f : Formats::all()) {
        SCOPED_TRACE(Formats::name(f).toStdString());
        QString error;
        const QString out = a.dir.filePath(QStringLiteral("export.") + Formats::extension(f));
        ASSERT_TRUE(Exchange::exportTo(f, {}, a.doc, a.set, out, &error)) << error.toStdString();
        const QByteArray bytes = test::readAll(out);
        EXPECT_TRUE(bytes.contains("Peru") || bytes.contains("PE")) << bytes.left(300).toStdString();
        if (!Formats::canImport(f))
            continue;
        AnnotationSet fresh;
        QStringList report;
        ASSERT_TRUE(Exchange::importFrom(f, {}, a.doc, fresh, out, &error, &report)) << error.toStdString();
        EXPECT_EQ(fresh.size(), a.set.size()) << report.join(QLatin1Char('\n')).toStdString();
        for (const Annotation &mine : a.set.annotations()) {
            bool found = false;
            for (const Annotation &theirs : fresh.annotations())
                found = found || (theirs.sameSpan(mine) && theirs.attributes.value(Attr::Code) == mine.attributes.value(Attr::Code));
            EXPECT_TRUE(found) << mine.text.toStdString();
        }
    }
}
