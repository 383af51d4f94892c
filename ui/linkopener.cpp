#include "linkopener.h"

#include "model/articlelinks.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QMessageBox>

namespace annotator {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("annotator::LinkOpener", text);
}

} // namespace

LinkOpener::LinkOpener()
    : m_confirm([](QWidget *parent, const QString &shown) {
        // Plain text: an address is never read as markup.
        QMessageBox box(QMessageBox::Question, tr("Open Link?"),
                        tr("Open this address in your web browser or mail program?\n\n%1\n\n"
                           "Article Annotator does not fetch it; the program the system uses for such "
                           "addresses does.")
                            .arg(shown),
                        QMessageBox::Open | QMessageBox::Cancel, parent);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Open;
    })
    , m_open([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_refuse([](QWidget *parent, const QString &message) {
        QMessageBox box(QMessageBox::Warning, tr("Link Not Opened"), message, QMessageBox::Ok, parent);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    })
{
}

QString LinkOpener::shownAddress(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

LinkOpener::Result LinkOpener::open(QWidget *parent, const QString &address) const
{
    const QUrl url = ArticleLinks::toUrl(address);
    QString why;
    if (!ArticleLinks::mayOpen(url, &why)) {
        if (m_refuse)
            m_refuse(parent, tr("This link was not opened: %1.\n\n%2").arg(why, address));
        return Result::Refused;
    }
    if (!m_confirm || !m_confirm(parent, shownAddress(url)))
        return Result::Declined;
    if (!m_open || !m_open(url)) {
        if (m_refuse)
            m_refuse(parent, tr("No program could open this address:\n\n%1").arg(shownAddress(url)));
        return Result::Failed;
    }
    return Result::Opened;
}

} // namespace annotator
