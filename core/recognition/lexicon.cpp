#include "lexicon.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <memory>

namespace annotator {

namespace {

struct Cache {
    QMutex mutex;
    // Entries are never removed, so references into them stay valid.
    QHash<QString, std::shared_ptr<const QList<QStringList>>> tables;
    QHash<QString, std::shared_ptr<const QSet<QString>>> words;
};

Cache &cache()
{
    static Cache c;
    return c;
}

QList<QStringList> load(const QString &name)
{
    QList<QStringList> rows;
    QFile f(QStringLiteral(":/lexicons/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("Lexicon %s is missing from the resources (:/lexicons/%s)", qPrintable(name), qPrintable(name));
        return rows;
    }
    const QString text = QString::fromUtf8(f.readAll());
    for (QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        QStringList fields;
        for (QStringView field : line.split(QLatin1Char('\t')))
            fields << field.trimmed().toString();
        rows << fields;
    }
    return rows;
}

} // namespace

const QList<QStringList> &Lexicon::table(QAnyStringView anyName)
{
    const QString name = anyName.toString();
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    auto it = c.tables.constFind(name);
    if (it == c.tables.constEnd())
        it = c.tables.insert(name, std::make_shared<const QList<QStringList>>(load(name)));
    return **it;
}

const QSet<QString> &Lexicon::words(QAnyStringView anyName)
{
    const QString name = anyName.toString();
    const QList<QStringList> &rows = table(name);
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    auto it = c.words.constFind(name);
    if (it == c.words.constEnd()) {
        auto set = std::make_shared<QSet<QString>>();
        set->reserve(rows.size());
        for (const QStringList &row : rows)
            set->insert(row.value(0));
        it = c.words.insert(name, std::move(set));
    }
    return **it;
}

} // namespace annotator
