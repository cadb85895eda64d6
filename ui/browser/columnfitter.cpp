#include "ui/browser/columnfitter.h"

#include <QDataStream>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QIODevice>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTreeView>

namespace trestle {

namespace {

constexpr int kNameColumn = 0;
// A name up to this long is shown whole when the others can give up width for it; a longer one
// may be cut (in the middle) before the type is.
constexpr int kWholeNameChars = 40;
// What a shrinkable column keeps at least, in average characters (when its content is wider).
constexpr int kReadableChars = 14;
// First word of saveState(): the format's version.
constexpr quint32 kStateMagic = 0x54434631; // "TCF1"
// A saved state naming a column past this is not one of ours.
constexpr int kMaxColumns = 64;
// Rows looked at for the name's width: those in sight, at most this many.
constexpr int kMaxRowsMeasured = 200;

} // namespace

ColumnFitter::ColumnFitter(QTreeView *view, QList<int> shrinkable)
    : QObject(view), m_view(view), m_shrinkable(std::move(shrinkable))
{
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(kNameColumn, QHeaderView::Stretch);
    // A double-click on a section's edge fits it to the rows in sight, not to 1,000 rows.
    header->setResizeContentsPrecision(0);
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, &ColumnFitter::onSectionResized);
    // The arrow moves to another column, which then needs its room.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] { refit(); });
}

ColumnFitter::~ColumnFitter() = default;

int ColumnFitter::minimumWidth(int logical) const
{
    // The header's own need: its label and margins, and the sort arrow's room only where the
    // arrow is (QHeaderView::sectionSizeHint() counts that room for every section: 20-odd pixels
    // a column for an arrow that is not there).
    const QHeaderView *header = m_view->header();
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = logical;
    option.text =
        header->model() ? header->model()->headerData(logical, Qt::Horizontal).toString() : QString();
    QSize size = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header);
    if (header->isSortIndicatorShown() && header->sortIndicatorSection() == logical)
        size.rwidth() +=
            size.height() + header->style()->pixelMetric(QStyle::PM_HeaderMargin, &option, header);
    return qMax(size.width(), header->minimumSectionSize());
}

void ColumnFitter::refit()
{
    QHeaderView *header = m_view->header();
    m_content.clear();
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        if (logical == kNameColumn) {
            m_nameWanted = qMax(nameWidthWanted(), minimumWidth(logical));
            continue;
        }
        // The rows in sight (resizeContentsPrecision 0): cheap for a 10,000-row folder. (Public
        // in QAbstractItemView, protected in QTreeView's override.)
        const int shown = static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(logical);
        m_content.insert(logical, qMax(shown, minimumWidth(logical)));
    }
    apply();
}

int ColumnFitter::nameWidthWanted() const
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const int bottom = m_view->viewport()->height();
    int wanted = 0;
    QModelIndex index = m_view->indexAt(QPoint(1, 1));
    for (int n = 0; index.isValid() && n < kMaxRowsMeasured; ++n, index = m_view->indexBelow(index)) {
        if (m_view->visualRect(index).top() > bottom)
            break;
        const QModelIndex name = index.siblingAtColumn(kNameColumn);
        const QString text = name.data().toString();
        int width = m_view->sizeHintForIndex(name).width(); // text, icon and the style's margins
        if (text.size() > kWholeNameChars)
            width -= metrics.horizontalAdvance(text) - metrics.horizontalAdvance(text.left(kWholeNameChars));
        wanted = qMax(wanted, width);
    }
    return wanted;
}

void ColumnFitter::apply()
{
    QHeaderView *header = m_view->header();
    const int available = m_view->viewport()->width();
    QHash<int, int> widths;
    int others = 0;
    for (auto it = m_content.cbegin(); it != m_content.cend(); ++it) {
        if (header->isSectionHidden(it.key()))
            continue;
        const int width = m_user.value(it.key(), it.value());
        widths.insert(it.key(), width);
        others += width;
    }
    // Too narrow for the name: the shrinkable columns give up width, but keep their header and
    // about a dozen characters ("PDF document"), past which a cut type says nothing; a width the
    // user chose stays.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    const int readable = m_view->fontMetrics().averageCharWidth() * kReadableChars + 2 * margin;
    int deficit = m_nameWanted + others - available;
    for (int logical : m_shrinkable) {
        if (deficit <= 0)
            break;
        if (!widths.contains(logical) || m_user.contains(logical))
            continue;
        const int floor = qMax(minimumWidth(logical), qMin(m_content.value(logical), readable));
        const int give = qMin(deficit, widths.value(logical) - floor);
        if (give <= 0)
            continue;
        widths[logical] -= give;
        deficit -= give;
    }
    m_applying = true;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (header->sectionSize(it.key()) != it.value())
            header->resizeSection(it.key(), it.value());
    }
    m_applying = false;
}

QByteArray ColumnFitter::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kStateMagic << m_user;
    return state;
}

bool ColumnFitter::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    QHash<int, int> widths;
    in >> magic >> widths;
    if (in.status() != QDataStream::Ok || magic != kStateMagic)
        return false;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        // Widths a user could have dragged a column to. A column the view does not have now is
        // kept: the window restores before its panes have a store, and Procore's "Versions"
        // column comes with the store (apply() sets only the columns shown).
        if (it.key() == kNameColumn || it.key() < 0 || it.key() >= kMaxColumns
            || it.value() < m_view->header()->minimumSectionSize() || it.value() > 10000)
            return false;
    }
    m_user = widths;
    apply();
    return true;
}

void ColumnFitter::onSectionResized(int logical, int oldSize, int newSize)
{
    // The name's width follows the others (Stretch); a column resized by apply() is not the
    // user's choice, nor one that is shown again (from 0) or hidden (to 0).
    if (m_applying || logical == kNameColumn || oldSize <= 0 || newSize <= 0
        || m_view->header()->isSectionHidden(logical))
        return;
    m_user.insert(logical, newSize);
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        apply();
    return QObject::eventFilter(watched, event);
}

} // namespace trestle
