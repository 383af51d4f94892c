#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace annotator {

/// The Ctrl+F bar under the article: finds text (case-insensitive), walks
/// the hits with Enter and Shift+Enter, and can tag every hit at once.
/// Each hit is selected in the view, so the tag keys work on it directly.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit *view, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    /// Number of hits of the current text in the article.
    int hitCount() const { return m_hits; }
    /// Opens the bar with the view's selection (if any) as the search text.
    void activate();
    /// Selects the next (or previous) hit, wrapping; false when none.
    bool findNext(bool forward = true);

Q_SIGNALS:
    /// Tag every hit of the search text as @p type.
    void tagAllRequested(const QString &type);
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();

    QPlainTextEdit *m_view;
    QLineEdit *m_field;
    QLabel *m_count;
    int m_hits = 0;
};

} // namespace annotator
