// Writes the speaker recogniser's output as brat lines for a list of articles,
// for measuring it against gold files outside the test run. Disabled: run with
// --gtest_also_run_disabled_tests and SPEAKER_DUMP_FILES (space separated
// article paths) and SPEAKER_DUMP_OUT (a directory). Country lines of the
// gold file beside each article are fed in as the country recogniser's output.
#include "recognition/analyzedtext.h"
#include "recognition/recognition.h"
#include "recognition/speakerrecognizer.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QElapsedTimer>
#include <QHash>

#include <cstdio>

using namespace annotator;

TEST(SpeakerDump, DISABLED_WriteBrat)
{
    const QStringList files = qEnvironmentVariable("SPEAKER_DUMP_FILES").split(u' ', Qt::SkipEmptyParts);
    const QString outDir = qEnvironmentVariable("SPEAKER_DUMP_OUT");
    for (const QString &path : files) {
        QString text = QString::fromUtf8(test::readAll(path));
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        AnalyzedText analyzed(text);
        Recognition r;
        // Gold countries stand in for the country recogniser.
        const QString gold = QString::fromUtf8(test::readAll(path.left(path.size() - 4) + QStringLiteral(".ann")));
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
        SpeakerRecognizer::instance().recognize(analyzed, r);
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
        test::writeAll(outDir + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QStringLiteral(".ann"), out.toUtf8());
    }
}

// Times the speaker recogniser alone on SPEAKER_DUMP_FILES repeated to about
// 5 MB. Disabled: a measurement, not a check.
TEST(SpeakerDump, DISABLED_Speed)
{
    QString one;
    for (const QString &path : qEnvironmentVariable("SPEAKER_DUMP_FILES").split(u' ', Qt::SkipEmptyParts))
        one += QString::fromUtf8(test::readAll(path)) + QStringLiteral("\n\n");
    ASSERT_FALSE(one.isEmpty());
    QString text;
    const qsizetype target = qEnvironmentVariableIntValue("SPEAKER_SPEED_SIZE") > 0 ? qEnvironmentVariableIntValue("SPEAKER_SPEED_SIZE") : 5 * 1000 * 1000;
    while (text.size() < target)
        text += one;
    AnalyzedText analyzed(text);
    SpeakerRecognizer::instance();
    QElapsedTimer timer;
    timer.start();
    Recognition r;
    SpeakerRecognizer::instance().recognize(analyzed, r);
    const qint64 ns = timer.nsecsElapsed();
    qsizetype words = 0;
    for (const Token &t : analyzed.tokens())
        words += t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    std::printf("speakers: %lld tokens, %lld words, %.1f ms, %.3f us/token, %.0f words/s, %lld annotations\n", (long long)analyzed.size(), (long long)words,
                ns / 1e6, ns / 1e3 / double(analyzed.size()), words / (ns / 1e9), (long long)r.annotations.size());
}
