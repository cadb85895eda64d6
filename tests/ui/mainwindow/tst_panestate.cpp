// The window keeps each pane's column widths in its settings next to the splitter: a column the
// user resized in either pane has the same width after the window is closed and opened again
// (MainWindow::saveLayout()/restoreLayout() with PaneWidget::columnState()). Two saved file shares
// (no Procore, no sandbox); run under installer/headless.sh (Xvfb, keychain). Screenshots of the
// reopened window at 100 % and 200 % (tst_panestate_scale200).
#include "screenshots.h"
#include "tests/core/services/savedconnections.h"
#include "ui/browser/panewidget.h"
#include "ui/browser/storemodel.h"
#include "ui/mainwindow.h"
#include "windowtestkit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace trestle;

namespace {

bool writeFiles(const QString &folder, int count)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 1; i <= count; ++i) {
        QFile file(folder + QStringLiteral("/Drawing A-%1 Floor Plan.pdf").arg(100 + i));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(1000 * i, 'x')) != 1000 * i)
            return false;
    }
    return true;
}

QHeaderView *headerOf(PaneWidget *pane)
{
    return static_cast<QTreeView *>(pane->view())->header();
}

} // namespace

class TestPaneState final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    windowtest::WindowServices m_window;

    // A window with both panes showing a share's files.
    std::unique_ptr<MainWindow> openWindow()
    {
        std::unique_ptr<MainWindow> window = m_window.openWindow();
        if (!window)
            return nullptr;
        const bool listed = QTest::qWaitFor(
            [&] {
                for (PaneWidget *pane : {window->leftPane(), window->rightPane()}) {
                    if (pane->view()->model()->rowCount(pane->view()->rootIndex()) == 0)
                        return false;
                }
                return true;
            },
            20000);
        if (!listed)
            return nullptr;
        QTest::qWait(50); // the columns are fitted to what was listed
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString opened = m_window.open(m_dir.path());
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        const QString office = m_dir.filePath(QStringLiteral("Site office share"));
        const QString archive = m_dir.filePath(QStringLiteral("Archive share"));
        QVERIFY(writeFiles(office, 4));
        QVERIFY(writeFiles(archive, 3));
        QVERIFY(testing::saveShareConnection(m_window.services(), office, QStringLiteral("Site office share"))
                    .ok());
        QVERIFY(
            testing::saveShareConnection(m_window.services(), archive, QStringLiteral("Archive share")).ok());
        m_window.startSession();
    }

    void cleanupTestCase() { m_window.endSession(); }

    void resizedColumnsSurviveReopening()
    {
        int leftSize = 0;
        int rightModified = 0;
        int fittedLeftModified = 0;
        int fittedRightSize = 0;
        {
            std::unique_ptr<MainWindow> window = openWindow();
            QVERIFY(window);
            QHeaderView *left = headerOf(window->leftPane());
            QHeaderView *right = headerOf(window->rightPane());
            fittedLeftModified = left->sectionSize(StoreModel::ModifiedColumn);
            fittedRightSize = right->sectionSize(StoreModel::SizeColumn);
            // What a drag of a section's edge does, one column in each pane.
            leftSize = left->sectionSize(StoreModel::SizeColumn) + 45;
            left->resizeSection(StoreModel::SizeColumn, leftSize);
            rightModified = right->sectionSize(StoreModel::ModifiedColumn) + 35;
            right->resizeSection(StoreModel::ModifiedColumn, rightModified);
            QVERIFY(window->close());
        }
        {
            const QSettings settings;
            QVERIFY(!settings.value(QStringLiteral("window/leftColumns")).toByteArray().isEmpty());
            QVERIFY(!settings.value(QStringLiteral("window/rightColumns")).toByteArray().isEmpty());
        }

        std::unique_ptr<MainWindow> window = openWindow();
        QVERIFY(window);
        QHeaderView *left = headerOf(window->leftPane());
        QHeaderView *right = headerOf(window->rightPane());
        QCOMPARE(left->sectionSize(StoreModel::SizeColumn), leftSize);
        QCOMPARE(right->sectionSize(StoreModel::ModifiedColumn), rightModified);
        // Only the resized columns are the user's: the others are fitted as before.
        QCOMPARE(left->sectionSize(StoreModel::ModifiedColumn), fittedLeftModified);
        QCOMPARE(right->sectionSize(StoreModel::SizeColumn), fittedRightSize);
        // A folder opened after the start keeps them too.
        window->leftPane()->refresh();
        QTest::qWait(100);
        QCOMPARE(left->sectionSize(StoreModel::SizeColumn), leftSize);
        QVERIFY(testing::saveScreenshot(window.get(), QStringLiteral("panestate-reopened")));
        QVERIFY(window->close());
    }

    void unreadableSavedStateLeavesTheColumnsFitted()
    {
        int fittedSize = 0;
        {
            QSettings().remove(QStringLiteral("window/leftColumns"));
            std::unique_ptr<MainWindow> window = openWindow();
            QVERIFY(window);
            fittedSize = headerOf(window->leftPane())->sectionSize(StoreModel::SizeColumn);
            QVERIFY(window->close());
        }
        QSettings().setValue(QStringLiteral("window/leftColumns"), QByteArray("not a column state"));
        std::unique_ptr<MainWindow> window = openWindow();
        QVERIFY(window);
        QCOMPARE(headerOf(window->leftPane())->sectionSize(StoreModel::SizeColumn), fittedSize);
    }
};

QTEST_MAIN(TestPaneState)
#include "tst_panestate.moc"
