#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace annotator::bench {

/// The development set's articles, one string each.
inline QStringList articleTexts()
{
    QStringList out;
    QDir dir(QStringLiteral(ANNOTATOR_TEST_DATA "/articles"));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.append(QString::fromUtf8(f.readAll()));
    }
    return out;
}

/// News text of about @p bytes UTF-8 bytes: the development set's articles
/// repeated, so the benchmark reads the kind of text the program is for.
inline QString newsText(qsizetype bytes)
{
    static QString seed;
    if (seed.isEmpty()) {
        for (const QString &article : articleTexts())
            seed += article + QLatin1Char('\n');
        if (seed.isEmpty())
            seed = QStringLiteral("The foreign ministry said on Tuesday that China and Russia would hold talks.\n");
    }
    // Whole copies of the set, then whole lines of it, up to the size: each
    // size is what it says and no article is cut mid-sentence.
    QString out;
    const qsizetype seedBytes = seed.toUtf8().size();
    out.reserve(bytes + 1024);
    qsizetype have = 0;
    while (have + seedBytes <= bytes) {
        out += seed;
        have += seedBytes;
    }
    for (const QString &line : seed.split(QLatin1Char('\n'))) {
        const qsizetype n = line.toUtf8().size() + 1;
        if (have + n > bytes)
            break;
        out += line + QLatin1Char('\n');
        have += n;
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
