#include "findbar.h"

#include "annotationstyle.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QToolButton>

namespace annotator {

FindBar::FindBar(QPlainTextEdit *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_field(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    m_field->setPlaceholderText(tr("Text in the article"));
    m_field->setClearButtonEnabled(true);
    layout->addWidget(m_field, 1);
    auto button = [this, layout](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        layout->addWidget(b);
        return b;
    };
    connect(button(tr("Previous"), tr("Previous hit (Shift+Enter)")), &QToolButton::clicked, this, [this] { findNext(false); });
    connect(button(tr("Next"), tr("Next hit (Enter)")), &QToolButton::clicked, this, [this] { findNext(true); });
    layout->addWidget(m_count);
    QToolButton *tag = button(tr("Tag All Hits"), tr("Tag every whole-word hit as one type"));
    tag->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(tag);
    for (const QString &type : AnnotationStyle::builtInTypes())
        menu->addAction(tr("as %1").arg(type), this, [this, type] { Q_EMIT tagAllRequested(type); });
    tag->setMenu(menu);
    connect(button(QStringLiteral("✕"), tr("Close (Esc)")), &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::search);
    connect(m_field, &QLineEdit::returnPressed, this, [this] { findNext(true); });
}

void FindBar::activate()
{
    const QString selected = m_view->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_field->setText(selected);
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void FindBar::search()
{
    m_hits = 0;
    const QString needle = m_field->text();
    if (!needle.isEmpty()) {
        QTextCursor c(m_view->document());
        while (!(c = m_view->document()->find(needle, c)).isNull())
            ++m_hits;
    }
    m_count->setText(needle.isEmpty() ? QString() : m_hits == 1 ? tr("1 hit") : tr("%1 hits").arg(m_hits));
    // Show the first hit from where the reader is, as they type.
    if (m_hits) {
        QTextCursor c = m_view->textCursor();
        c.setPosition(c.selectionStart());
        m_view->setTextCursor(c);
        findNext(true);
    }
}

bool FindBar::findNext(bool forward)
{
    const QString needle = m_field->text();
    if (needle.isEmpty() || !m_hits)
        return false;
    QTextDocument *doc = m_view->document();
    const QTextDocument::FindFlags flags = forward ? QTextDocument::FindFlags() : QTextDocument::FindBackward;
    QTextCursor from = m_view->textCursor();
    if (forward)
        from.setPosition(from.selectionStart() + (from.hasSelection() ? 1 : 0));
    else
        from.setPosition(from.selectionStart());
    QTextCursor hit = doc->find(needle, from, flags);
    if (hit.isNull()) {
        QTextCursor wrap(doc);
        if (!forward)
            wrap.movePosition(QTextCursor::End);
        hit = doc->find(needle, wrap, flags);
    }
    if (hit.isNull())
        return false;
    // Selection anchored at the end, cursor at the start, like selectRange.
    QTextCursor shown(doc);
    shown.setPosition(hit.selectionEnd());
    shown.setPosition(hit.selectionStart(), QTextCursor::KeepAnchor);
    m_view->setTextCursor(shown);
    m_view->ensureCursorVisible();
    return true;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ShiftModifier)) {
        findNext(false);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace annotator
