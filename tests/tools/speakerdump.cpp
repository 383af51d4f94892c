// speakerdump: the speaker recogniser on its own, for developers measuring it
// against gold files outside the test run (not a test: it checks nothing).
//
//   speakerdump brat OUTDIR ARTICLE...
//       Writes the recogniser's speakers, quotes and their links as brat
//       lines to OUTDIR/<article name>.ann. The Country lines of the gold
//       file beside each article (ARTICLE without its 4-character extension,
//       plus .ann) stand in for the country recogniser's output.
//   speakerdump speed [--size CHARS] ARTICLE...
//       Times the recogniser alone on the articles repeated to about CHARS
//       characters (5,000,000 if not given) and prints one line of figures.
#include "recognition/analyzedtext.h"
#include "recognition/recognition.h"
#include "recognition/speakerrecognizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <cstdio>

using namespace annotator;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Gold countries stand in for the country recogniser.
void addGoldCountries(const QString &goldPath, const AnalyzedText &analyzed, Recognition &r)
{
    const QString gold = QString::fromUtf8(readAll(goldPath));
    QHash<QString, QString> codes;
    QList<QStringList> tlines;
    for (const QString &line : gold.split(u'\n')) {
        const QStringList f = line.split(u'\t');
        if (f.size() >= 2 && f[0].startsWith(u'N')) {
            const QStringList p = f[1].split(u' ');
            if (p.size() == 3)
                codes.insert(p[1], p[2].section(u':', 1));
        } else if (f.size() >= 3 && f[0].startsWith(u'T') && f[1].startsWith(QStringLiteral("Country "))) {
            tlines << f;
        }
    }
    for (const QStringList &f : tlines) {
        const QStringList p = f[1].split(u' ');
        const qsizetype s = analyzed.offsets().toUtf16(p[1].toLongLong()), e = analyzed.offsets().toUtf16(p[2].toLongLong());
        const qsizetype i = r.add(analyzed, Types::Country, qint32(s), qint32(e));
        r.annotations[i].attributes.insert(Attr::Code, codes.value(f[0]));
    }
}

QString toBrat(const Recognition &r)
{
    QString out;
    QHash<QString, QStringList> byEntity;
    QHash<QString, QString> tOf;
    int t = 0;
    for (const Annotation &a : r.annotations) {
        if (a.type == Types::Country)
            continue;
        const QString id = QStringLiteral("T%1").arg(++t);
        tOf.insert(a.id, id);
        out += QStringLiteral("%1\t%2 %3 %4\t%5\n").arg(id, a.type).arg(a.start).arg(a.end).arg(QString(a.text).replace(u'\n', u' '));
        if (a.type == Types::Speaker)
            byEntity[a.entity] << id;
    }
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) {
        if (it.value().size() > 1)
            out += QStringLiteral("*\tSame %1\n").arg(it.value().join(u' '));
    }
    for (const Entity &e : r.entities)
        out += QStringLiteral("#%1\t%2\t%3\t%4\n").arg(e.id, e.name, e.attributes.value(Attr::Kind), e.attributes.value(Attr::Role));
    int rel = 0;
    for (const Annotation &a : r.annotations) {
        if (a.type == Types::Quote && byEntity.contains(a.saidBy))
            out += QStringLiteral("R%1\tSaidBy Arg1:%2 Arg2:%3\n").arg(++rel).arg(tOf.value(a.id), byEntity.value(a.saidBy).first());
    }
    return out;
}

int writeBrat(const QString &outDir, const QStringList &files)
{
    for (const QString &path : files) {
        QString text = QString::fromUtf8(readAll(path));
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        const AnalyzedText analyzed(text);
        Recognition r;
        addGoldCountries(path.left(path.size() - 4) + QStringLiteral(".ann"), analyzed, r);
        SpeakerRecognizer::instance().recognize(analyzed, r);
        const QString target = outDir + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QStringLiteral(".ann");
        QFile out(target);
        const QByteArray bytes = toBrat(r).toUtf8();
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "speakerdump: cannot write %s: %s\n", qPrintable(target), qPrintable(out.errorString()));
            return 1;
        }
    }
    return 0;
}

int measureSpeed(qsizetype size, const QStringList &files)
{
    QString one;
    for (const QString &path : files)
        one += QString::fromUtf8(readAll(path)) + QStringLiteral("\n\n");
    if (one.trimmed().isEmpty()) {
        std::fprintf(stderr, "speakerdump: the articles are empty or unreadable\n");
        return 1;
    }
    QString text;
    while (text.size() < size)
        text += one;
    const AnalyzedText analyzed(text);
    SpeakerRecognizer::instance(); // its lexicons load outside the timing
    QElapsedTimer timer;
    timer.start();
    Recognition r;
    SpeakerRecognizer::instance().recognize(analyzed, r);
    const qint64 ns = timer.nsecsElapsed();
    qsizetype words = 0;
    for (const Token &t : analyzed.tokens())
        words += t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    std::printf("speakers: %lld tokens, %lld words, %.1f ms, %.3f us/token, %.0f words/s, %lld annotations\n", (long long)analyzed.size(),
                (long long)words, ns / 1e6, ns / 1e3 / double(analyzed.size()), words / (ns / 1e9), (long long)r.annotations.size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString usage = QStringLiteral("usage: speakerdump brat OUTDIR ARTICLE...\n       speakerdump speed [--size CHARS] ARTICLE...\n");
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("brat") && args.size() >= 2) {
        const QString outDir = args.takeFirst();
        return writeBrat(outDir, args);
    }
    if (command == QLatin1String("speed")) {
        qsizetype size = 5 * 1000 * 1000;
        if (args.size() >= 2 && args.first() == QLatin1String("--size")) {
            args.removeFirst();
            size = args.takeFirst().toLongLong();
        }
        if (!args.isEmpty() && size > 0)
            return measureSpeed(size, args);
    }
    std::fputs(qPrintable(usage), stderr);
    return 2;
}
