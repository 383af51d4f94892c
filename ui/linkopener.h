#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace annotator {

/// Opens a link of an article in the user's own browser or mail program,
/// only after the user agreed in a dialog that shows the full address, and
/// only for http, https and mailto addresses. The program itself fetches
/// nothing. Each step can be replaced (tests, other front ends).
class LinkOpener
{
public:
    /// Asks the user; @p shown is the full address as it will be opened.
    using Confirm = std::function<bool(QWidget *parent, const QString &shown)>;
    /// Hands the address on (QDesktopServices::openUrl by default).
    using Open = std::function<bool(const QUrl &url)>;
    /// Tells the user why a link was not opened.
    using Refuse = std::function<void(QWidget *parent, const QString &message)>;

    LinkOpener();

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setOpen(Open open) { m_open = std::move(open); }
    void setRefuse(Refuse refuse) { m_refuse = std::move(refuse); }

    enum class Result { Opened, Declined, Refused, Failed };
    /// Checks @p address, asks, and opens it if the user agrees.
    Result open(QWidget *parent, const QString &address) const;

    /// The address as the confirmation shows it: fully encoded, so a
    /// look-alike character in a host name shows as its punycode.
    static QString shownAddress(const QUrl &url);

private:
    Confirm m_confirm;
    Open m_open;
    Refuse m_refuse;
};

} // namespace annotator
