#pragma once

#include <QAbstractTableModel>
#include <QFont>
#include <QHash>

#include <vector>

namespace annotator {

class AnnotationSet;
struct Annotation;
struct AnnotationEdit;

/// The quote list's rows: every quote that is not rejected, in article
/// order, with the speaker it is attributed to (column 0) and its text
/// (column 1). A row keeps only the quote's place and id; what it shows is
/// read from the set when the view asks, so a large article's 18,000 quotes
/// cost a few bytes each instead of an item with its texts and roles.
class QuoteModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Roles of column 0 beside the texts (the row's quote).
    enum Role {
        StartRole = Qt::UserRole, ///< code point offset where it starts
        EndRole, ///< and ends
        IdRole, ///< annotation id
        SpeakerRole, ///< id of the speaker entity it is attributed to
    };

    explicit QuoteModel(const AnnotationSet *set, QObject *parent = nullptr);

    /// The font of a suggested (not yet accepted) quote's text.
    void setSuggestedFont(const QFont &font) { m_suggestedFont = font; }

    /// Rebuilds every row from the whole set (on load).
    void refresh();
    /// Brings the rows @p edit touched up to date: rows come, go and move
    /// (QAbstractItemModel's row signals, so the view keeps its selection
    /// and current row); a very large step rebuilds.
    void follow(const AnnotationEdit &edit);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    /// A dragged quote carries its annotation id (QuoteList::mimeType()).
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    /// Where a row is: the set's order (start, longer first, id).
    struct Key {
        qint64 start = 0;
        qint64 end = 0;
        QString id;
        bool operator<(const Key &o) const;
    };
    /// A speaker's first mention in the article (its name when the entity
    /// has none).
    struct Mention {
        Key at;
        QString text;
    };

    QString speakerName(const QString &entityId) const;
    /// Where a quote at @p key goes among the rows.
    int rowFor(const Key &key) const;
    /// Tells the view rows [first, last] show something else.
    void rowsChanged(int first, int last);

    const AnnotationSet *m_set;
    QFont m_suggestedFont;
    std::vector<Key> m_rows; ///< in article order
    QHash<QString, Mention> m_firstMention; ///< entity -> first mention
    QHash<QString, int> m_attributed; ///< speaker entity -> rows attributed to it
};

} // namespace annotator
