#pragma once

#include "model/textoffsets.h"

#include <QString>

#include <vector>

namespace annotator {

class Document;

/// Converts between the model's code point offsets and positions in the
/// QTextDocument that shows the article. The two differ by more than UTF-16:
/// QTextDocument turns each CRLF line break into one paragraph separator, so
/// a CRLF article loses one position per line break on screen.
class ViewPositions
{
public:
    ViewPositions() = default;
    explicit ViewPositions(const Document &document);
    explicit ViewPositions(const QString &text);

    /// Position in the view of code point offset @p codePoint.
    int toView(qint64 codePoint) const;
    /// Code point offset of view position @p position. The paragraph
    /// separator of a CRLF line break maps to its CR.
    qint64 toCodePoint(int position) const;

private:
    TextOffsets m_offsets;
    /// For each CRLF, its CR's UTF-16 position minus the CRs before it: the
    /// view position of the paragraph separator that stands for it.
    std::vector<qsizetype> m_separators;
};

} // namespace annotator
