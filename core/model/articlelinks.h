#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace annotator {

/// A link written in an article: a Markdown link `[text](address)` or
/// image, an autolink `<address>`, a reference definition `[id]: address`,
/// or a bare web or mail address.
struct ArticleLink {
    qsizetype start = 0; ///< UTF-16 position in the text searched, inclusive
    qsizetype end = 0; ///< exclusive
    QString address; ///< as written, without the angle brackets

    bool operator==(const ArticleLink &) const = default;
};

/// Finds the links of an article and says which may be opened. Nothing here
/// fetches anything: opening is the user's browser's business, after the
/// user agreed.
class ArticleLinks
{
public:
    /// Every link in @p text (one line or paragraph is enough: links do not
    /// run across lines), in order, not overlapping.
    static QList<ArticleLink> find(const QString &text);
    /// The link that covers position @p pos of @p text (its end included, so
    /// a cursor just after a link still finds it), if any.
    static std::optional<ArticleLink> at(const QString &text, qsizetype pos);

    /// @p address as a URL, parsed strictly (spaces, control characters and
    /// other malformed input make it invalid).
    static QUrl toUrl(const QString &address);
    /// Only http, https (with a host) and mailto (with an address) may be
    /// opened; javascript:, file:, data:, relative paths and everything else
    /// are refused, and @p why says so in the user's words.
    static bool mayOpen(const QUrl &url, QString *why = nullptr);
};

} // namespace annotator
