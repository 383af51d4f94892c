// The entity panel, the quote list and the overview ruler follow each edit
// by updating only what it touched. After any sequence of edits they must
// show exactly what panels built afresh from the same annotations show, and
// the user's filter, selection and scroll position must survive an edit.
#include "entitypanel.h"
#include "mainwindow.h"
#include "model/annotationset.h"
#include "model/document.h"
#include "overviewruler.h"
#include "quotelist.h"
#include "settings.h"
#include "testsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTreeView>
#include <QTreeWidget>

#include <functional>

using namespace annotator;
using namespace annotator::test;

namespace {

// Made-up words for a made-up article (ASCII: code points are UTF-16 units).
const QStringList Words = {
    QStringLiteral("Alma"), QStringLiteral("Reyes"), QStringLiteral("Tomas"), QStringLiteral("Berg"),
    QStringLiteral("Oslo"), QStringLiteral("Peru"), QStringLiteral("Kenya"), QStringLiteral("talks"),
    QStringLiteral("summit"), QStringLiteral("said"), QStringLiteral("strike"), QStringLiteral("vote"),
    QStringLiteral("minister"), QStringLiteral("Lena"), QStringLiteral("Okafor"), QStringLiteral("ferry"),
};
const QString Vessel = QStringLiteral("Vessel"); // a user-defined type

/// Everything a row shows or carries, one string per row, in the tree's
/// order (the entity panel's mention positions included, through the
/// panel; its slot numbers and "next mention" cursor are its own business).
QStringList dump(QTreeWidget *tree, const std::function<QString(QTreeWidgetItem *)> &extra)
{
    QStringList out;
    const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole, Qt::FontRole};
    std::function<void(QTreeWidgetItem *, int)> visit = [&](QTreeWidgetItem *item, int depth) {
        QStringList fields{QString(depth, u' ')};
        for (int c = 0; c < tree->columnCount(); ++c) {
            for (int role : roles) {
                const QVariant v = item->data(c, role);
                fields.append(role == Qt::FontRole && v.isValid() ? v.value<QFont>().toString() : v.toString());
            }
        }
        fields.append(extra(item));
        fields.append(item->isHidden() ? QStringLiteral("hidden") : QStringLiteral("shown"));
        if (depth == 0) // a group, open or closed; a row has nothing to open
            fields.append(item->isExpanded() ? QStringLiteral("open") : QStringLiteral("closed"));
        out.append(fields.join(u'|'));
        for (int i = 0; i < item->childCount(); ++i)
            visit(item->child(i), depth + 1);
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        visit(tree->topLevelItem(i), 0);
    return out;
}

QStringList rows(const EntityPanel &panel)
{
    return dump(panel.tree(), [&](QTreeWidgetItem *item) {
        QStringList parts{item->data(0, Qt::UserRole).toString(), item->data(0, Qt::UserRole + 3).toString()};
        for (const auto &m : panel.mentions(item))
            parts.append(QStringLiteral("%1-%2").arg(m.first).arg(m.second));
        return parts.join(u' ');
    });
}

/// The same for a flat list shown through a model (the quote list): every
/// row's texts, tooltips, alignment and font, its position, id and speaker.
QStringList rows(const QuoteList &list)
{
    QStringList out;
    const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole, Qt::FontRole};
    const QTreeView *tree = list.tree();
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList fields{QString()};
        for (int c = 0; c < model->columnCount(); ++c) {
            for (int role : roles) {
                const QVariant v = model->index(row, c).data(role);
                fields.append(role == Qt::FontRole && v.isValid() ? v.value<QFont>().toString() : v.toString());
            }
        }
        QStringList parts;
        for (int role = Qt::UserRole; role <= Qt::UserRole + 3; ++role)
            parts.append(model->index(row, 0).data(role).toString());
        fields.append(parts.join(u' '));
        fields.append(tree->isRowHidden(row, QModelIndex()) ? QStringLiteral("hidden") : QStringLiteral("shown"));
        fields.append(tree->isExpanded(model->index(row, 0)) ? QStringLiteral("open") : QStringLiteral("closed"));
        out.append(fields.join(u'|'));
    }
    return out;
}

/// Empty when @p followed and @p fresh are the same rows, else the first
/// row that differs.
std::string difference(const QStringList &followed, const QStringList &fresh)
{
    for (qsizetype i = 0; i < std::max(followed.size(), fresh.size()); ++i) {
        if (followed.value(i) != fresh.value(i)) {
            return QStringLiteral("row %1 of %2/%3:\n followed: %4\n    fresh: %5")
                .arg(i)
                .arg(followed.size())
                .arg(fresh.size())
                .arg(followed.value(i), fresh.value(i))
                .toStdString();
        }
    }
    return {};
}

QStringList marks(OverviewRuler &ruler)
{
    QStringList out;
    for (int y = 0; y < ruler.height(); ++y)
        out.append(ruler.typesAt(y).join(u','));
    return out;
}

class PanelsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStringList text;
        QRandomGenerator words(7);
        for (int i = 0; i < 400; ++i)
            text.append(Words.at(words.bounded(int(Words.size()))));
        m_doc = Document::fromText(text.join(u' '));
        qint64 at = 0;
        for (const QString &w : std::as_const(text)) {
            m_words.append({at, at + w.size()});
            at += w.size() + 1;
        }
    }

    Annotation span(QRandomGenerator &r, const QString &type)
    {
        const qsizetype first = r.bounded(int(m_words.size()));
        const qsizetype last = std::min(m_words.size() - 1, first + r.bounded(2));
        Annotation a;
        a.type = type;
        a.start = m_words.at(first).first;
        a.end = m_words.at(last).second;
        a.text = m_doc.slice(a.start, a.end);
        return a;
    }

    QString anyType(QRandomGenerator &r) const
    {
        const QStringList types{Types::Speaker, Types::Country, Types::Event, Types::Quote, Vessel};
        return types.at(r.bounded(int(types.size())));
    }

    QString anyId(QRandomGenerator &r) const
    {
        const QList<Annotation> all = m_target->annotations();
        return all.isEmpty() ? QString() : all.at(r.bounded(int(all.size()))).id;
    }

    QString anyEntity(QRandomGenerator &r, const QString &type = QString()) const
    {
        QStringList ids;
        for (const Entity &e : m_target->entities()) {
            if (type.isEmpty() || e.type == type)
                ids.append(e.id);
        }
        return ids.isEmpty() ? QString() : ids.at(r.bounded(int(ids.size())));
    }

    Annotation randomAnnotation(QRandomGenerator &r)
    {
        Annotation a = span(r, anyType(r));
        a.status = r.bounded(3) == 0 ? Status::Suggested : Status::Accepted;
        if ((a.type == Types::Speaker || a.type == Types::Event) && r.bounded(4) != 0)
            a.entity = anyEntity(r, a.type);
        if (a.type == Types::Quote && r.bounded(4) != 0)
            a.saidBy = anyEntity(r, Types::Speaker);
        if (a.type == Types::Country) {
            const QStringList codes{QString(), QStringLiteral("PE"), QStringLiteral("KE"), QStringLiteral("NO")};
            if (const QString code = codes.at(r.bounded(int(codes.size()))); !code.isEmpty())
                a.attributes.insert(Attr::Code, code);
        }
        if (a.type == Types::Speaker && r.bounded(3) == 0)
            a.attributes.insert(Attr::Role, QStringLiteral("minister"));
        return a;
    }

    /// One edit of the kinds a user makes, chosen by @p r; says which.
    QString randomEdit(QRandomGenerator &r)
    {
        switch (r.bounded(19)) {
        case 0:
        case 1:
            m_target->addAnnotation(randomAnnotation(r));
            return QStringLiteral("add");
        case 2:
            m_target->setType(anyId(r), anyType(r));
            return QStringLiteral("retype");
        case 3:
            m_target->removeAnnotation(anyId(r));
            return QStringLiteral("delete");
        case 4: {
            const Status s[] = {Status::Suggested, Status::Accepted, Status::Rejected};
            m_target->setStatus({anyId(r)}, s[r.bounded(3)]);
            return QStringLiteral("status");
        }
        case 5: {
            // A boundary moved by a word, as from the keyboard.
            const Annotation *old = m_target->annotation(anyId(r));
            if (!old)
                return QStringLiteral("nothing to move");
            Annotation a = *old;
            for (const auto &w : m_words) {
                if (w.first > a.end) {
                    a.end = w.second;
                    break;
                }
            }
            a.text = m_doc.slice(a.start, a.end);
            m_target->updateAnnotation(a);
            return QStringLiteral("move end");
        }
        case 6:
            m_target->link(anyId(r), anyEntity(r));
            return QStringLiteral("link");
        case 7:
            m_target->linkToMention(anyId(r), anyId(r));
            return QStringLiteral("link to mention");
        case 8:
            m_target->mergeEntities(anyEntity(r), anyEntity(r));
            return QStringLiteral("merge");
        case 9:
            m_target->splitOff(anyId(r));
            return QStringLiteral("split");
        case 10: {
            // The entity's own name, role or time, which its rows show.
            const Entity *old = m_target->entity(anyEntity(r));
            if (!old)
                return QStringLiteral("no entity to rename");
            Entity e = *old;
            e.name = r.bounded(3) == 0 ? QString() : Words.at(r.bounded(int(Words.size())));
            e.attributes.insert(e.type == Types::Speaker ? Attr::Role : Attr::Time, Words.at(r.bounded(int(Words.size()))));
            AnnotationEdit edit;
            edit.text = QStringLiteral("Rename");
            edit.change(*old, e);
            m_target->apply(edit);
            return QStringLiteral("entity change");
        }
        case 11:
        case 12: {
            const int n = 1 + r.bounded(3);
            for (int i = 0; i < n && m_target->canUndo(); ++i)
                m_target->undo();
            return QStringLiteral("undo");
        }
        case 13: {
            const int n = 1 + r.bounded(3);
            for (int i = 0; i < n && m_target->canRedo(); ++i)
                m_target->redo();
            return QStringLiteral("redo");
        }
        case 14:
            m_target->tagAllOccurrences(m_doc, Words.at(r.bounded(int(Words.size()))), anyType(r), anyType(r));
            return QStringLiteral("tag all");
        case 15:
            m_target->removeAllOccurrences(anyType(r), Words.at(r.bounded(int(Words.size()))));
            return QStringLiteral("remove all");
        case 16:
            m_target->setStatusOfAll(r.bounded(2) ? QString() : anyType(r), r.bounded(2) ? Status::Accepted : Status::Rejected);
            return QStringLiteral("accept/reject all");
        case 17:
            m_target->setStatusOfSameText(anyId(r), r.bounded(2) ? Status::Accepted : Status::Rejected);
            return QStringLiteral("accept/reject same text");
        default:
            if (m_target->userType(QStringLiteral("Harbour"))) {
                m_target->removeUserType(QStringLiteral("Harbour"));
                return QStringLiteral("remove type");
            }
            m_target->addUserType({QStringLiteral("Harbour"), QStringLiteral("#336699"), QStringLiteral("H"), {}});
            return QStringLiteral("add type");
        }
    }

    void start(QRandomGenerator &r)
    {
        QList<Entity> entities;
        for (int i = 1; i <= 6; ++i)
            entities.append(Entity{QStringLiteral("e%1").arg(i), i <= 4 ? Types::Speaker : Types::Event,
                                   i % 2 ? Words.at(i) : QString(), {}});
        m_target->reset({}, entities, {}, {AnnotationType{Vessel, QStringLiteral("#884400"), QStringLiteral("V"), {}}});
        QList<Annotation> annotations;
        for (int i = 0; i < 120; ++i) {
            Annotation a = randomAnnotation(r);
            a.id = QStringLiteral("a%1").arg(i + 1);
            annotations.append(a);
        }
        m_target->reset(annotations, entities, {}, m_target->userTypes());
    }

    /// Runs @p steps random edits with the panels following them, comparing
    /// them after each edit with panels built afresh.
    void followEdits(quint32 seed, int steps)
    {
        QRandomGenerator r(seed);
        start(r);
        EntityPanel panel(m_target);
        QuoteList quotes(m_target);
        OverviewRuler ruler(m_target);
        const qint64 length = m_doc.length();
        ruler.setLength(length);
        ruler.resize(12, 150);
        marks(ruler); // the marks are made once; from here on they follow the edits
        for (int step = 0; step < steps; ++step) {
            if (step == steps / 2)
                panel.filter()->setText(QStringLiteral("e")); // a filter the new rows must obey too
            const QString what = randomEdit(r);
            SCOPED_TRACE(QStringLiteral("step %1 (%2), seed %3").arg(step).arg(what).arg(seed).toStdString());
            EntityPanel freshPanel(m_target);
            freshPanel.filter()->setText(panel.filter()->text());
            QuoteList freshQuotes(m_target);
            OverviewRuler freshRuler(m_target);
            freshRuler.setLength(length);
            freshRuler.resize(12, 150);
            ASSERT_EQ(difference(rows(panel), rows(freshPanel)), "");
            ASSERT_EQ(difference(rows(quotes), rows(freshQuotes)), "");
            ASSERT_EQ(difference(marks(ruler), marks(freshRuler)), "");
        }
    }

    AnnotationSet m_set;
    AnnotationSet *m_target = &m_set; ///< the set the edits go to
    Document m_doc;
    QList<QPair<qint64, qint64>> m_words;
};

} // namespace

TEST_F(PanelsTest, AfterAnyEditsThePanelsShowWhatPanelsBuiltAfreshShow)
{
    for (quint32 seed : {1u, 2u, 3u}) {
        followEdits(seed, 250);
        if (HasFatalFailure())
            return;
    }
}

TEST_F(PanelsTest, AnEditKeepsTheRowsInViewTheSelectionAndTheFilter)
{
    // Eighty speakers with a mention and a quote each: both lists scroll.
    QList<Entity> entities;
    QList<Annotation> annotations;
    for (int i = 0; i < 80; ++i) {
        const QString entity = QStringLiteral("e%1").arg(i + 1);
        entities.append(Entity{entity, Types::Speaker, QStringLiteral("Speaker %1").arg(i, 2, 10, QLatin1Char('0')), {}});
        Annotation mention;
        mention.id = QStringLiteral("a%1").arg(i + 1);
        mention.type = Types::Speaker;
        mention.start = m_words.at(i).first;
        mention.end = m_words.at(i).second;
        mention.text = m_doc.slice(mention.start, mention.end);
        mention.entity = entity;
        annotations.append(mention);
        Annotation quote = mention;
        quote.id = QStringLiteral("q%1").arg(i + 1);
        quote.type = Types::Quote;
        quote.start = m_words.at(i + 100).first;
        quote.end = m_words.at(i + 100).second;
        quote.text = m_doc.slice(quote.start, quote.end);
        quote.entity.clear();
        quote.saidBy = entity;
        annotations.append(quote);
    }
    m_target->reset(annotations, entities);
    EntityPanel panel(m_target);
    QuoteList quotes(m_target);
    for (QWidget *w : {static_cast<QWidget *>(&panel), static_cast<QWidget *>(&quotes)}) {
        w->resize(320, 240);
        w->show();
    }
    QTreeWidget *tree = panel.tree();
    QTreeWidgetItem *speakers = tree->topLevelItem(0);
    ASSERT_EQ(speakers->childCount(), 80);
    QTreeWidgetItem *chosen = speakers->child(40);
    tree->scrollToItem(chosen, QAbstractItemView::PositionAtTop);
    tree->setCurrentItem(chosen);
    const QString onTop = tree->itemAt(0, 0)->text(0);
    ASSERT_EQ(onTop, QStringLiteral("Speaker 40"));

    // A second mention of the last speaker: that row moves to the top, above
    // the rows in view, at once.
    Annotation second;
    second.type = Types::Speaker;
    second.start = m_words.at(90).first;
    second.end = m_words.at(90).second;
    second.text = m_doc.slice(second.start, second.end);
    second.entity = QStringLiteral("e80");
    m_target->addAnnotation(second);
    EXPECT_EQ(speakers->child(0)->text(0), QStringLiteral("Speaker 79"));
    EXPECT_EQ(tree->itemAt(0, 0)->text(0), onTop);
    EXPECT_EQ(tree->currentItem(), chosen);
    EXPECT_TRUE(chosen->isSelected());

    // A new quote at the start of the article comes in above the quotes in
    // view; the selected quote stays selected and in its place.
    QTreeView *list = quotes.tree();
    const QPersistentModelIndex quote = list->model()->index(40, 0);
    list->scrollTo(quote, QAbstractItemView::PositionAtTop);
    list->setCurrentIndex(quote);
    const QString quoteOnTop = list->indexAt(QPoint(0, 0)).data(Qt::UserRole + 2).toString();
    const QString quoteId = quote.data(Qt::UserRole + 2).toString();
    Annotation early;
    early.type = Types::Quote;
    early.start = m_words.at(0).first;
    early.end = m_words.at(1).second;
    early.text = m_doc.slice(early.start, early.end);
    early.saidBy = QStringLiteral("e3");
    const QString earlyId = m_target->addAnnotation(early);
    EXPECT_EQ(list->model()->index(0, 0).data(Qt::UserRole + 2).toString(), earlyId);
    EXPECT_EQ(list->model()->index(0, 0).data().toString(), QStringLiteral("Speaker 02"));
    EXPECT_EQ(list->indexAt(QPoint(0, 0)).data(Qt::UserRole + 2).toString(), quoteOnTop);
    EXPECT_EQ(QPersistentModelIndex(list->currentIndex()), quote);
    EXPECT_EQ(list->currentIndex().data(Qt::UserRole + 2).toString(), quoteId);
    EXPECT_TRUE(list->selectionModel()->isSelected(quote));

    // A new row that does not match the filter is hidden like the others.
    panel.filter()->setText(QStringLiteral("Speaker 1"));
    Annotation loose;
    loose.type = Types::Speaker;
    loose.start = m_words.at(95).first;
    loose.end = m_words.at(95).second;
    loose.text = m_doc.slice(loose.start, loose.end);
    m_target->addAnnotation(loose);
    EXPECT_EQ(speakers->childCount(), 81);
    int shown = 0;
    for (int i = 0; i < speakers->childCount(); ++i) {
        const bool matches = speakers->child(i)->text(0).contains(QStringLiteral("Speaker 1"));
        EXPECT_EQ(speakers->child(i)->isHidden(), !matches) << speakers->child(i)->text(0).toStdString();
        shown += matches;
    }
    EXPECT_EQ(shown, 10);
}

TEST_F(PanelsTest, AQuoteMovedInTheTextMovesInTheQuoteListAndStaysSelected)
{
    QList<Annotation> annotations;
    for (int i = 0; i < 5; ++i) {
        Annotation quote;
        quote.id = QStringLiteral("q%1").arg(i + 1);
        quote.type = Types::Quote;
        quote.start = m_words.at(10 * i).first;
        quote.end = m_words.at(10 * i + 1).second;
        quote.text = m_doc.slice(quote.start, quote.end);
        annotations.append(quote);
    }
    m_target->reset(annotations, {});
    QuoteList quotes(m_target);
    quotes.resize(320, 240);
    quotes.show();
    QTreeView *list = quotes.tree();
    const auto order = [&] {
        QStringList ids;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            ids.append(list->model()->index(row, 0).data(Qt::UserRole + 2).toString());
        return ids.join(u' ');
    };
    ASSERT_EQ(order(), QStringLiteral("q1 q2 q3 q4 q5"));
    list->setCurrentIndex(list->model()->index(1, 0));

    // The second quote moved behind the fourth (its boundaries dragged there).
    Annotation moved = *m_target->annotation(QStringLiteral("q2"));
    moved.start = m_words.at(35).first;
    moved.end = m_words.at(36).second;
    moved.text = m_doc.slice(moved.start, moved.end);
    m_target->updateAnnotation(moved);
    EXPECT_EQ(order(), QStringLiteral("q1 q3 q4 q2 q5"));
    EXPECT_EQ(list->currentIndex().data(Qt::UserRole + 2).toString(), QStringLiteral("q2"));
    EXPECT_TRUE(list->selectionModel()->isSelected(list->currentIndex()));
    EXPECT_EQ(list->model()->index(3, 0).data(Qt::UserRole).toLongLong(), moved.start);
    EXPECT_EQ(list->model()->index(3, 1).data().toString(), moved.text);

    // And back before the first.
    moved.start = m_words.at(0).first;
    moved.end = m_words.at(0).second;
    moved.text = m_doc.slice(moved.start, moved.end);
    m_target->updateAnnotation(moved);
    EXPECT_EQ(order(), QStringLiteral("q1 q2 q3 q4 q5")); // the same start, shorter: after q1
    EXPECT_EQ(list->currentIndex().data(Qt::UserRole + 2).toString(), QStringLiteral("q2"));
    m_target->undo();
    m_target->undo();
    EXPECT_EQ(order(), QStringLiteral("q1 q2 q3 q4 q5"));
    EXPECT_EQ(list->model()->index(1, 0).data(Qt::UserRole).toLongLong(), m_words.at(10).first);
    QuoteList fresh(m_target);
    EXPECT_EQ(difference(rows(quotes), rows(fresh)), "");
}

TEST_F(PanelsTest, TheStatusBarCountsFollowEachEdit)
{
    Settings().setAnnotateNewArticles(false);
    MainWindow window;
    m_target = window.annotations();
    QRandomGenerator r(11);
    start(r);
    QLabel *counts = nullptr;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("annotation")))
            counts = label;
    }
    ASSERT_NE(counts, nullptr);
    for (int step = 0; step < 200; ++step) {
        const QString what = randomEdit(r);
        qsizetype suggested = 0, accepted = 0;
        for (const Annotation &a : m_target->annotations()) {
            suggested += a.status == Status::Suggested;
            accepted += a.status == Status::Accepted;
        }
        // At once, not after a pause.
        EXPECT_TRUE(counts->text().startsWith(QStringLiteral("%1 annotation").arg(accepted))) << step << " " << what.toStdString() << ": " << counts->text().toStdString();
        EXPECT_EQ(counts->text().contains(QStringLiteral(", %1 suggestion").arg(suggested)), suggested > 0) << step << " " << what.toStdString() << ": " << counts->text().toStdString();
    }
}
