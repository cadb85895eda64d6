#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

class QTreeView;

namespace trestle {

// Shares a list view's width between its columns like a file manager does: the first column (the
// name) takes whatever the others leave (QHeaderView::Stretch); the others are as wide as what
// they show (the rows in sight, measured when a folder loads) and their header label. When the
// view is too narrow for a name of up to 40 characters, the `shrinkable` columns (e.g. the type)
// give up width, in that order, down to their header or a dozen characters; numbers and dates are
// never cut, and past that the name is (in the middle). A column the user resized keeps the user's width (for
// the view's lifetime, across folders and stores) until the user resizes it again.
class ColumnFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFitter)

public:
    // The fitter is the view's child and watches its viewport's size.
    ColumnFitter(QTreeView *view, QList<int> shrinkable);
    ~ColumnFitter() override;

    // Measures the columns' content again (after a folder loaded, columns shown or hidden) and
    // lays them out.
    void refit();
    // Lays the columns out for the current width, from what refit() measured.
    void apply();
    // What the user's resizes left (logical column → width).
    QHash<int, int> userWidths() const { return m_user; }
    // The user's widths as bytes to keep in settings, and back (false for bytes it cannot read). A
    // restored width of a column the view shows only later (Procore's versions) waits for it.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSectionResized(int logical, int oldSize, int newSize);
    int minimumWidth(int logical) const;
    // The widest name cell among the rows in sight, counting at most kWholeNameChars characters.
    int nameWidthWanted() const;

    QTreeView *const m_view;
    const QList<int> m_shrinkable;
    QHash<int, int> m_content; // measured width per column (content or header, the wider)
    QHash<int, int> m_user; // widths the user chose
    int m_nameWanted = 0;
    bool m_applying = false;
};

} // namespace trestle
