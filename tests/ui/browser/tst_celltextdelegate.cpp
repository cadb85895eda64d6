// CellTextDelegate paints a pane's cells from a cache of laid-out texts: what it paints must be
// what QStyledItemDelegate paints (icons, right-aligned numbers, names elided in the middle, the
// selected row's colours, a greyed row), and its sizes the same. Runs at 100 % and, as
// tst_celltextdelegate_200, at 200 % (QT_SCALE_FACTOR=2).
#include "testoutput.h"
#include "ui/browser/celltextdelegate.h"

#include <QApplication>
#include <QImage>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTreeView>

using namespace trestle;

namespace {

// A view like the pane's (rows selected whole, names elided in the middle) over a few rows.
class Fixture final
{
public:
    Fixture()
    {
        m_model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Size")});
        const QIcon file = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
        const QIcon folder = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        addRow(folder, QStringLiteral("Drawings"), QString());
        addRow(file, QStringLiteral("A-101 Floor Plan.pdf"), QStringLiteral("1.2 MB"));
        addRow(file,
               QStringLiteral("A very long drawing name that cannot fit its column at all, Level 3 "
                              "East Wing revision 14.dwg"),
               QStringLiteral("18.4 MB"));
        addRow(file, QStringLiteral("Selected row.pdf"), QStringLiteral("3 bytes"));
        QList<QStandardItem *> grey = addRow(file, QStringLiteral("Unusable: name?.pdf"), QString());
        grey.first()->setForeground(QApplication::palette().brush(QPalette::Disabled, QPalette::Text));
        m_view.setModel(&m_model);
        m_view.setRootIsDecorated(false);
        m_view.setUniformRowHeights(true);
        m_view.setAlternatingRowColors(true);
        m_view.setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view.setTextElideMode(Qt::ElideMiddle);
        m_view.resize(420, 200);
        m_view.setColumnWidth(0, 260);
        m_view.selectionModel()->select(m_model.index(3, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

    QTreeView &view() { return m_view; }
    QStandardItemModel &model() { return m_model; }

    QImage paintedWith(QAbstractItemDelegate *delegate)
    {
        m_view.setItemDelegate(delegate);
        return m_view.viewport()->grab().toImage();
    }

private:
    QList<QStandardItem *> addRow(const QIcon &icon, const QString &name, const QString &size)
    {
        auto *nameItem = new QStandardItem(icon, name);
        auto *sizeItem = new QStandardItem(size);
        sizeItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model.appendRow({nameItem, sizeItem});
        return {nameItem, sizeItem};
    }

    QStandardItemModel m_model;
    QTreeView m_view;
};

int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return -1;
    int differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y))
                ++differing;
        }
    }
    return differing;
}

} // namespace

class TestCellTextDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsWhatTheStyledDelegatePaints()
    {
        Fixture fixture;
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        QStyledItemDelegate styled;
        CellTextDelegate cached;
        const QImage expected = fixture.paintedWith(&styled);
        const QImage first = fixture.paintedWith(&cached);
        const QImage again = fixture.paintedWith(&cached); // from the cache
        const QString output = testing::testOutputDir();
        const QString suffix = qEnvironmentVariable("TRESTLE_SCREENSHOT_SUFFIX");
        QVERIFY(expected.save(QStringLiteral("%1/styled%2.png").arg(output, suffix)));
        QVERIFY(first.save(QStringLiteral("%1/cached%2.png").arg(output, suffix)));
        QCOMPARE(differingPixels(first, expected), 0);
        QCOMPARE(differingPixels(again, expected), 0);
    }

    void columnCutAtItsOwnEnd()
    {
        // The second column cut at the right while the view cuts in the middle: what the styled
        // delegate paints in a view that cuts at the right, in that column.
        Fixture fixture;
        fixture.model().item(1, 1)->setText(QStringLiteral("Portable document format file, long"));
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        CellTextDelegate cached;
        cached.setElideMode(1, Qt::ElideRight);
        const QImage painted = fixture.paintedWith(&cached);
        fixture.view().setTextElideMode(Qt::ElideRight);
        QStyledItemDelegate styled;
        const QImage expected = fixture.paintedWith(&styled);
        const int dpr = int(painted.devicePixelRatio());
        const QRect column(fixture.view().columnViewportPosition(1) * dpr, 0,
                           fixture.view().columnWidth(1) * dpr, painted.height());
        QCOMPARE(differingPixels(painted.copy(column), expected.copy(column)), 0);
        // And it is cut there: a cut in the middle looks different.
        fixture.view().setTextElideMode(Qt::ElideMiddle);
        const QImage middle = fixture.paintedWith(&styled);
        QVERIFY(differingPixels(painted.copy(column), middle.copy(column)) > 0);
    }

    void sizesAreTheStyledDelegates()
    {
        Fixture fixture;
        QStyledItemDelegate styled;
        CellTextDelegate cached;
        QStyleOptionViewItem option;
        option.initFrom(&fixture.view());
        option.decorationSize = QSize(16, 16);
        for (int pass = 0; pass < 2; ++pass) { // the second from the cache
            for (int row = 0; row < fixture.model().rowCount(); ++row) {
                for (int column = 0; column < 2; ++column) {
                    const QModelIndex index = fixture.model().index(row, column);
                    QCOMPARE(cached.sizeHint(option, index), styled.sizeHint(option, index));
                }
            }
        }
        // Another font: other sizes, not the cached ones.
        QFont bigger = option.font;
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        option.font = bigger;
        const QModelIndex name = fixture.model().index(1, 0);
        QCOMPARE(cached.sizeHint(option, name), styled.sizeHint(option, name));
    }
};

QTEST_MAIN(TestCellTextDelegate)
#include "tst_celltextdelegate.moc"
