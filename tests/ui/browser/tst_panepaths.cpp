// Very long paths in a narrow pane: the path bar keeps the current folder in sight, cut in the
// middle with "…" and the whole path in its tooltip, and nothing of it is drawn outside the bar;
// the status line never widens the pane. Screenshots at 100 % and 200 % (tst_panepaths_200).

#include "browsertesthelpers.h"
#include "core/store/localstore.h"
#include "testoutput.h"
#include "ui/browser/breadcrumbbar.h"
#include "ui/browser/elidingcombobox.h"
#include "ui/browser/panewidget.h"

#include <QAbstractItemView>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace trestle;

namespace {

const QString kLocalId = QStringLiteral("share-1");
const QStringList kDeepPath = {
    QStringLiteral("2026 Tower A – Construction Documents and Specifications"),
    QStringLiteral("Submittals and Shop Drawings Received From Subcontractors"),
    QStringLiteral("Division 08 – Openings, Doors, Frames and Hardware Schedules"),
    QStringLiteral("Level 12 North Wing Curtain Wall Mock-up Review Comments Round 3"),
};

// The right edge of the rightmost visible child of `bar`, in the bar's coordinates.
int contentRight(const QWidget *bar)
{
    int right = 0;
    for (const QWidget *child : bar->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->isVisible())
            right = qMax(right, child->geometry().right() + 1);
    }
    return right;
}

} // namespace

class TestPanePaths final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    void save(QWidget *widget, const QString &name)
    {
        const QString path = testing::testOutputDir()
            + QStringLiteral("/%1%2.png").arg(name, qEnvironmentVariable("TRESTLE_SCREENSHOT_SUFFIX"));
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString deep = kDeepPath.join(QLatin1Char('/'));
        QVERIFY(QDir(m_dir.path()).mkpath(deep));
        for (int i = 0; i < 12; ++i) {
            const QString name = QStringLiteral("CW-%1 Curtain Wall Unit Type %2 Shop Drawing Rev C.pdf")
                                     .arg(i + 101)
                                     .arg(QChar(QLatin1Char('A' + i)));
            QVERIFY(browsertest::writeFile(m_dir.path(), deep + QLatin1Char('/') + name, 123456 * (i + 1)));
        }
    }

    void longPathInNarrowPane()
    {
        PaneWidget pane;
        pane.setConnections({{kLocalId, QStringLiteral("Project share on the site office server"), false}});
        pane.setStore(std::make_unique<LocalStore>(m_dir.path()), kLocalId);
        pane.resize(420, 360);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const QString deep = kDeepPath.join(QLatin1Char('/'));
        pane.openFolder(deep);
        QVERIFY(browsertest::waitLoaded(&pane));
        QAbstractItemView *view = pane.view();
        for (int row = 0; row < view->model()->rowCount(); ++row)
            view->selectionModel()->select(view->model()->index(row, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::qWait(50); // the layouts settle

        auto *bar = pane.findChild<BreadcrumbBar *>(QStringLiteral("breadcrumbs"));
        QVERIFY(bar);
        // Nothing of the path bar is drawn past its right edge.
        QVERIFY2(contentRight(bar) <= bar->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(contentRight(bar)).arg(bar->width())));
        // The current folder stays in sight, cut in the middle, its whole path in the tooltip.
        QToolButton *current = bar->buttons().constLast();
        QVERIFY(current->isVisible());
        QVERIFY(current->text().contains(QChar(0x2026)));
        QVERIFY(current->text().startsWith(kDeepPath.constLast().left(4)));
        QVERIFY(current->text().endsWith(kDeepPath.constLast().right(4)));
        QCOMPARE(current->toolTip(), deep);
        QVERIFY(current->geometry().right() < bar->width());

        // The status line fits the pane (the pane was not widened by it) and is whole or cut
        // with its whole text in the tooltip.
        auto *status = pane.findChild<QLabel *>(QStringLiteral("statusLine"));
        QVERIFY(status);
        QCOMPARE(pane.width(), 420);
        QVERIFY(status->geometry().right() < pane.width());
        save(&pane, QStringLiteral("pane-long-path-420"));
    }

    // A 60-character connection name in a 420 px pane: the switcher shows it cut with "…" (it was
    // clipped mid-letter), never wider than its box, and names it whole in its tooltip.
    void longConnectionNameInNarrowPane()
    {
        const QString name = QStringLiteral("Procore – Northwind Construction – 2026 Tower A Residence NE");
        QCOMPARE(name.size(), 60);
        PaneWidget pane;
        pane.setConnections(
            {{kLocalId, name, false}, {QStringLiteral("share-2"), QStringLiteral("Archive"), false}});
        pane.setStore(std::make_unique<LocalStore>(m_dir.path()), kLocalId);
        pane.resize(420, 360);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(browsertest::waitLoaded(&pane));
        QTest::qWait(50); // the layouts settle

        auto *switcher = pane.findChild<ElidingComboBox *>(QStringLiteral("connectionSwitcher"));
        QVERIFY(switcher);
        QCOMPARE(switcher->currentText(), name);
        QVERIFY(switcher->geometry().right() < pane.width());
        const QString shown = switcher->shownText();
        QVERIFY2(shown == name || (shown.endsWith(QChar(0x2026)) && shown.size() > 1), qPrintable(shown));
        QVERIFY2(shown != name,
                 "a 60-character name fits a 420 px pane's switcher: make the test's name longer");
        QVERIFY(name.startsWith(shown.chopped(1)));
        // What is drawn fits the box's text field.
        QStyleOptionComboBox option;
        option.initFrom(switcher);
        option.editable = false;
        const QRect field = switcher->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                              QStyle::SC_ComboBoxEditField, switcher);
        QVERIFY2(switcher->fontMetrics().horizontalAdvance(shown) <= field.width(),
                 qPrintable(QStringLiteral("%1 > %2")
                                .arg(switcher->fontMetrics().horizontalAdvance(shown))
                                .arg(field.width())));
        QVERIFY2(switcher->toolTip().contains(name), qPrintable(switcher->toolTip()));
        save(&pane, QStringLiteral("pane-long-connection-420"));

        // A short name is shown whole; the tooltip follows the choice.
        switcher->setCurrentIndex(1);
        QCOMPARE(switcher->shownText(), QStringLiteral("Archive"));
        QVERIFY(switcher->toolTip().startsWith(QStringLiteral("Archive")));
        QVERIFY(!switcher->toolTip().contains(name));
    }
};

QTEST_MAIN(TestPanePaths)
#include "tst_panepaths.moc"
