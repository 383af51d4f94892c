#pragma once

#include "recognition.h"

#include <QString>

namespace annotator {

class AnalyzedText;

/// Runs every recogniser over a text: countries first (speakers and events
/// use them), then speakers with their quotes, then events. Thread-safe: the
/// lexicons are loaded once and only read afterwards.
class Pipeline
{
public:
    static Recognition run(const QString &text);
    static Recognition run(const AnalyzedText &text);
};

} // namespace annotator
