#include "model/annotationset.h"
#include "model/document.h"
#include "storage/recoverystore.h"
#include "storage/sidecarstore.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace annotator;

TEST(RecoveryStore, AutosaveWritesAfterDelayAndSaveDiscardsIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    test::writeAll(path, "Chile and Peru.\n");
    QString error;
    const Document doc = *Document::load(path, &error);
    AnnotationSet set;
    Autosaver autosaver(&doc, &set, 50);
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    Annotation a;
    a.type = Types::Country;
    a.start = 0;
    a.end = 5;
    a.text = QStringLiteral("Chile");
    set.addAnnotation(a);
    EXPECT_FALSE(RecoveryStore::exists(path));
    ASSERT_TRUE(saved.wait(2000));
    ASSERT_TRUE(RecoveryStore::exists(path));
    const auto recovered = RecoveryStore::read(path, &error);
    ASSERT_TRUE(recovered) << error.toStdString();
    EXPECT_EQ(recovered->annotations, set.annotations());
    // The recovery file lives outside the article's folder.
    EXPECT_FALSE(RecoveryStore::recoveryPath(path).startsWith(dir.path()));

    ASSERT_TRUE(SidecarStore::save(doc, set, &error));
    set.setClean();
    EXPECT_FALSE(RecoveryStore::exists(path));
}
