#include "countrynames.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annotator {

namespace {

QHash<QString, QString> loadNames()
{
    QHash<QString, QString> names;
    QFile file(QStringLiteral("/usr/share/iso-codes/json/iso_3166-1.json"));
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonArray list = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("3166-1")).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const QString common = o.value(QLatin1String("common_name")).toString();
            names.insert(o.value(QLatin1String("alpha_2")).toString(), common.isEmpty() ? o.value(QLatin1String("name")).toString() : common);
        }
    }
    // Where iso-codes only has the formal name, the form news articles use.
    static const char16_t *const shortForms[][2] = {
        {u"RU", u"Russia"}, {u"BN", u"Brunei"}, {u"CD", u"DR Congo"}, {u"VA", u"Vatican City"},
        {u"FM", u"Micronesia"}, {u"PS", u"Palestine"}, {u"XK", u"Kosovo"}, {u"US", u"United States"},
        {u"GB", u"United Kingdom"}, {u"CN", u"China"}, {u"KP", u"North Korea"}, {u"KR", u"South Korea"},
        {u"TW", u"Taiwan"}, {u"IR", u"Iran"}, {u"SY", u"Syria"}, {u"VN", u"Vietnam"},
        {u"TR", u"Turkey"}, {u"CZ", u"Czech Republic"}, {u"CV", u"Cape Verde"}, {u"LA", u"Laos"},
    };
    for (const auto &pair : shortForms)
        names.insert(QString::fromUtf16(pair[0]), QString::fromUtf16(pair[1]));
    return names;
}

} // namespace

QString CountryNames::shortName(const QString &code)
{
    static const QHash<QString, QString> names = loadNames();
    return names.value(code.toUpper(), code);
}

} // namespace annotator
