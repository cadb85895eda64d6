#pragma once

#include <QCache>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace trestle {

// Paints a pane's cells as QStyledItemDelegate does (the style draws the background, selection,
// icon and focus), but draws the text itself from a cache of laid-out, elided texts. The style
// lays each cell's text out three times a paint (its size, the elision, the drawing): ~7 ms of
// the GUI thread for a full 900×700 pane, and a 10,000-item folder that loads in slices or is
// sorted or filtered repaints the rows in sight again and again (bench_browser: the paint was the
// longest event). Here a cell costs one layout the first time, none after. Sizes (sizeHint) and
// editors are QStyledItemDelegate's. Plain text on one line only: no word wrap, no rich text.
class CellTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellTextDelegate)

public:
    explicit CellTextDelegate(QObject *parent = nullptr);
    ~CellTextDelegate() override;

    // Where a column's texts are cut when too long, instead of the view's textElideMode (a
    // name keeps its extension in the middle; "PDF document" reads better as "PDF docu…").
    void setElideMode(int column, Qt::TextElideMode mode);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // The style's size, kept per text, icon size and features: the pane fits its columns to the
    // rows in sight whenever a folder loads or the sort changes (ColumnFitter), and each size is
    // a text layout in the style.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Texts kept (each a cell's text at a width); the oldest go first.
    static constexpr int CacheSize = 2000;

private:
    struct Key
    {
        QString text;
        int width = 0;
        int elide = 0;
        bool operator==(const Key &other) const;
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept;

    // The text as drawn in `width` pixels (elided with `mode` when it is wider), laid out.
    const QStaticText &laidOut(const QString &text, const QFont &font, int width,
                               Qt::TextElideMode mode) const;

    // Forgets what was kept when the font changed (both caches hold one font's figures).
    void useFont(const QFont &font) const;

    QHash<int, Qt::TextElideMode> m_elide; // by column
    mutable QCache<Key, QStaticText> m_texts{CacheSize};
    // Sizes by text; `width` holds the decoration's width and height, `elide` the features.
    mutable QCache<Key, QSize> m_sizes{CacheSize};
    mutable QString m_fontKey;
};

} // namespace trestle
