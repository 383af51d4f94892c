#pragma once

#include <QDir>
#include <QFile>
#include <QString>

namespace annotator::bench {

/// News text of about @p bytes UTF-8 bytes: the development set's articles
/// repeated, so the benchmark reads the kind of text the program is for.
inline QString newsText(qsizetype bytes)
{
    static QString seed;
    if (seed.isEmpty()) {
        QDir dir(QStringLiteral(ANNOTATOR_TEST_DATA "/articles"));
        for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                seed += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
        }
        if (seed.isEmpty())
            seed = QStringLiteral("The foreign ministry said on Tuesday that China and Russia would hold talks.\n");
    }
    QString out;
    const qsizetype seedBytes = seed.toUtf8().size();
    out.reserve(bytes + seed.size());
    qsizetype have = 0;
    while (have < bytes) {
        out += seed;
        have += seedBytes;
    }
    return out;
}

inline qint64 wordCount(const QString &text)
{
    qint64 words = 0;
    bool in = false;
    for (const QChar c : text) {
        const bool w = !c.isSpace();
        if (w && !in)
            ++words;
        in = w;
    }
    return words;
}

} // namespace annotator::bench
