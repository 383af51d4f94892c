#pragma once

#include <QString>

namespace annotator {

/// The short English name of a country by its ISO 3166-1 alpha-2 code, as the
/// brat Reference lines and the reports show it ("Russia", "North Korea",
/// "United States"). Names come from Debian's iso-codes (common name where it
/// has one, else the name), with a few short forms news writing uses instead
/// of the formal ones; Kosovo (XK) is added as the guideline asks.
namespace CountryNames {
/// The name, or @p code itself when it is unknown.
QString shortName(const QString &code);
}

} // namespace annotator
