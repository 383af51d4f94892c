#include "articlelinks.h"

#include <QRegularExpression>

#include <algorithm>

namespace annotator {

namespace {

bool overlaps(const QList<ArticleLink> &found, qsizetype start, qsizetype end)
{
    return std::any_of(found.cbegin(), found.cend(), [&](const ArticleLink &l) { return start < l.end && l.start < end; });
}

// A bare address ends before trailing sentence punctuation and before a
// closing bracket that has no opening one inside it.
qsizetype trimBare(const QString &s)
{
    qsizetype n = s.size();
    while (n > 0) {
        const QChar c = s.at(n - 1);
        if (QStringLiteral(".,;:!?'\"*_").contains(c)) {
            --n;
        } else if (c == u')' && s.left(n).count(u'(') < s.left(n).count(u')')) {
            --n;
        } else if (c == u']' && s.left(n).count(u'[') < s.left(n).count(u']')) {
            --n;
        } else {
            break;
        }
    }
    return n;
}

} // namespace

QList<ArticleLink> ArticleLinks::find(const QString &text)
{
    // [text](address "title") and ![alt](address); the address may hold
    // balanced parentheses, as encyclopaedia addresses do.
    static const QRegularExpression inlineLink(QStringLiteral(R"(!?\[[^\]\n]*\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()<>]|\([^\s()]*\))+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\))"));
    static const QRegularExpression autoLink(QStringLiteral(R"(<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]+)>)"));
    static const QRegularExpression definition(QStringLiteral(R"((?:^|\n) {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s<>]+)>?)"));
    static const QRegularExpression bare(QStringLiteral(R"((?<![\w@/.:])(?:https?://|mailto:)[^\s<>"`]+)"), QRegularExpression::CaseInsensitiveOption);

    QList<ArticleLink> found;
    for (auto it = inlineLink.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString address = m.hasCaptured(1) ? m.captured(1) : m.captured(2);
        found.append({m.capturedStart(), m.capturedEnd(), address.trimmed()});
    }
    for (auto it = autoLink.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!overlaps(found, m.capturedStart(), m.capturedEnd()))
            found.append({m.capturedStart(), m.capturedEnd(), m.captured(1)});
    }
    for (auto it = definition.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart() + (text.at(m.capturedStart()) == u'\n' ? 1 : 0);
        if (!overlaps(found, start, m.capturedEnd()))
            found.append({start, m.capturedEnd(), m.captured(1)});
    }
    for (auto it = bare.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype length = trimBare(m.captured(0));
        const qsizetype start = m.capturedStart();
        if (length > 0 && !overlaps(found, start, start + length))
            found.append({start, start + length, m.captured(0).left(length)});
    }
    std::sort(found.begin(), found.end(), [](const ArticleLink &a, const ArticleLink &b) { return a.start < b.start; });
    return found;
}

std::optional<ArticleLink> ArticleLinks::at(const QString &text, qsizetype pos)
{
    for (const ArticleLink &l : find(text)) {
        if (l.start <= pos && pos <= l.end)
            return l;
    }
    return std::nullopt;
}

QUrl ArticleLinks::toUrl(const QString &address)
{
    return QUrl(address, QUrl::StrictMode);
}

bool ArticleLinks::mayOpen(const QUrl &url, QString *why)
{
    auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!url.isValid() || url.isRelative())
        return refuse(QStringLiteral("it is not a complete web or mail address"));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        if (url.host().isEmpty())
            return refuse(QStringLiteral("the web address names no site"));
        return true;
    }
    if (scheme == QLatin1String("mailto")) {
        if (url.path().isEmpty())
            return refuse(QStringLiteral("the mail address is empty"));
        return true;
    }
    return refuse(QStringLiteral("only web (http, https) and mail (mailto) addresses are opened, and this is a %1: address").arg(scheme));
}

} // namespace annotator
