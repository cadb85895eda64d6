// PaneWidget as a user drives it: navigation, filter, file operations on disk and in the sandbox,
// drag and drop between panes and from the desktop, and screenshots.
//
// QDrag runs its own platform event loop that QTest cannot drive, so a drag is tested in its two
// halves: the QMimeData the dragging view's model produces for the selected rows, and the
// QDragMoveEvent/QDropEvent that the receiving view gets with that data at a given position.

#include "browsertesthelpers.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/storeresolver.h"
#include "procorebackend.h"
#include "testoutput.h"
#include "ui/browser/breadcrumbbar.h"
#include "ui/browser/itemdrag.h"
#include "ui/browser/panewidget.h"
#include "ui/browser/storemodel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace trestle;

Q_DECLARE_METATYPE(QList<QUrl>)

namespace {

const QString kLocalId = QStringLiteral("share-1");
const QString kProcoreId = QStringLiteral("procore-1");

QModelIndex rowNamed(PaneWidget *pane, const QString &name)
{
    const QAbstractItemModel *model = pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, StoreModel::NameColumn);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

QPoint centerOf(PaneWidget *pane, const QModelIndex &index)
{
    return pane->view()->visualRect(index).center();
}

// A point of the list below the last row: the current folder.
QPoint emptySpace(PaneWidget *pane)
{
    return QPoint(20, pane->view()->viewport()->height() - 6);
}

void select(PaneWidget *pane, const QStringList &names)
{
    QItemSelectionModel *selection = pane->view()->selectionModel();
    selection->clear();
    for (const QString &name : names) {
        const QModelIndex index = rowNamed(pane, name);
        QVERIFY2(index.isValid(), qPrintable(name));
        selection->setCurrentIndex(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

// What the view hands to QDrag when the user starts dragging the selected rows.
QMimeData *dragData(PaneWidget *pane)
{
    return pane->view()->model()->mimeData(
        pane->view()->selectionModel()->selectedRows(StoreModel::NameColumn));
}

// QApplication hands DragMove and Drop to the widget that accepted the DragEnter (QDragManager's
// current target), so every simulated drag starts with an enter on the receiving viewport.
void sendDragEnter(PaneWidget *pane, const QPoint &position, const QMimeData *data)
{
    QDragEnterEvent enter(position, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(pane->view()->viewport(), &enter);
}

// True when the view accepts the drag there (else the user sees the forbidden cursor).
bool sendDragMove(PaneWidget *pane, const QPoint &position, const QMimeData *data)
{
    sendDragEnter(pane, position, data);
    QDragMoveEvent move(position, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(pane->view()->viewport(), &move);
    QDragLeaveEvent leave;
    QApplication::sendEvent(pane->view()->viewport(), &leave);
    return move.isAccepted();
}

bool sendDrop(PaneWidget *pane, const QPoint &position, const QMimeData *data)
{
    sendDragEnter(pane, position, data);
    QDragMoveEvent move(position, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(pane->view()->viewport(), &move);
    QDropEvent drop(position, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(pane->view()->viewport(), &drop);
    return drop.isAccepted();
}

QJsonObject childNamed(const QJsonObject &folder, const QString &name)
{
    for (const QString &key : {QStringLiteral("folders"), QStringLiteral("files")}) {
        for (const QJsonValue &child : folder.value(key).toArray()) {
            const QJsonObject node = child.toObject();
            if (node.value(QStringLiteral("name")).toString() == name
                && !node.value(QStringLiteral("is_deleted")).toBool())
                return node;
        }
    }
    return {};
}

template<typename T>
T *waitForChild(QWidget *parent, const QString &name)
{
    T *child = nullptr;
    const bool shown =
        QTest::qWaitFor([&] { return (child = parent->findChild<T *>(name)) && child->isVisible(); }, 5000);
    return shown ? child : nullptr;
}

} // namespace

class TestPaneWidget final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    testing::ProcoreBackend m_backend;
    bool m_sandboxUp = false;
    QList<QUrl> m_openedUrls;

    std::unique_ptr<PaneWidget> localPane(const QString &subfolder = {})
    {
        auto pane = std::make_unique<PaneWidget>();
        pane->setConnections({{kLocalId, QStringLiteral("Project share"), false},
                              {kProcoreId, QStringLiteral("Procore – Tower A"), true}});
        pane->setStore(std::make_unique<LocalStore>(m_dir.filePath(subfolder)), kLocalId);
        pane->resize(720, 700);
        pane->show();
        // Shortcuts only fire in the active window; Xvfb has no window manager to activate it.
        QApplication::setActiveWindow(pane.get());
        return pane;
    }

    std::unique_ptr<PaneWidget> procorePane()
    {
        auto pane = std::make_unique<PaneWidget>();
        pane->setConnections({{kLocalId, QStringLiteral("Project share"), false},
                              {kProcoreId, QStringLiteral("Procore – Tower A"), true}});
        pane->setStore(m_backend.freshStore(), kProcoreId);
        pane->resize(720, 700);
        pane->show();
        // Shortcuts only fire in the active window; Xvfb has no window manager to activate it.
        QApplication::setActiveWindow(pane.get());
        return pane;
    }

    void save(QWidget *widget, const QString &name)
    {
        const QString path = testing::testOutputDir()
            + QStringLiteral("/%1%2.png").arg(name, qEnvironmentVariable("TRESTLE_SCREENSHOT_SUFFIX"));
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

public Q_SLOTS:
    void handleUrl(const QUrl &url) { m_openedUrls.append(url); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(browsertest::makeTree(m_dir.path(), 8));
        QString error;
        m_sandboxUp = m_backend.open({QStringLiteral("--seed"), QStringLiteral("demo")}, &error);
        QVERIFY2(m_sandboxUp, qPrintable(error));
        // Opening a file must not start a real application under Xvfb: the handler records it.
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "handleUrl");
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }

    void navigates()
    {
        auto pane = localPane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QCOMPARE(pane->currentFolder(), QString());
        QCOMPARE(browsertest::shownNames(pane.get()).mid(0, 4),
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("Gamma"),
                              QStringLiteral("file0001.txt")}));
        QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("statusLine"))->text(), QStringLiteral("11 items"));

        // Double-click a folder.
        QAbstractItemView *view = pane->view();
        const QPoint gamma = centerOf(pane.get(), rowNamed(pane.get(), QStringLiteral("Gamma")));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, gamma);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, gamma);
        QTRY_COMPARE(pane->currentFolder(), QStringLiteral("Gamma"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QCOMPARE(browsertest::shownNames(pane.get()),
                 (QStringList{QStringLiteral("sub"), QStringLiteral("plan.pdf")}));

        pane->openFolder(QStringLiteral("Gamma/sub"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QCOMPARE(browsertest::shownNames(pane.get()), QStringList{QStringLiteral("deep.txt")});

        // Breadcrumbs: root label, Gamma, sub; click Gamma.
        auto *crumbs = pane->findChild<BreadcrumbBar *>();
        QCOMPARE(crumbs->buttons().size(), 3);
        QCOMPARE(crumbs->buttons().at(0)->text(), QStringLiteral("Project share"));
        QTest::mouseClick(crumbs->buttons().at(1), Qt::LeftButton);
        QCOMPARE(pane->currentFolder(), QStringLiteral("Gamma"));
        QVERIFY(browsertest::waitLoaded(pane.get()));

        // Back (Alt+Left) returns to sub; Up (Alt+Up) to Gamma with "sub" selected.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(pane->currentFolder(), QStringLiteral("Gamma/sub"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(pane->currentFolder(), QStringLiteral("Gamma"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QCOMPARE(pane->selectedPaths(), QStringList{QStringLiteral("Gamma/sub")});
        // Return on the selected folder opens it; Backspace goes up again.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(pane->currentFolder(), QStringLiteral("Gamma/sub"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(pane->currentFolder(), QStringLiteral("Gamma"));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(pane->currentFolder(), QString());
        QVERIFY(browsertest::waitLoaded(pane.get()));
        // F5 lists again and sees a new file.
        QVERIFY(browsertest::writeFile(m_dir.path(), QStringLiteral("added.txt"), 5));
        QTest::keyClick(view, Qt::Key_F5);
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QVERIFY(rowNamed(pane.get(), QStringLiteral("added.txt")).isValid());
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("added.txt"))));
    }

    void filtersAndReportsSelection()
    {
        auto pane = localPane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QSignalSpy status(pane.get(), &PaneWidget::statusChanged);
        auto *filter = pane->findChild<QLineEdit *>(QStringLiteral("filterBox"));
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("FILE000"));
        QCOMPARE(browsertest::shownNames(pane.get()).size(), 8);
        QTest::keyClicks(filter, QStringLiteral("5"));
        QCOMPARE(browsertest::shownNames(pane.get()), QStringList{QStringLiteral("file0005.txt")});
        QCOMPARE(status.constLast().constFirst().toString(), QStringLiteral("1 of 11 items shown"));
        filter->clear();
        QCOMPARE(browsertest::shownNames(pane.get()).size(), 11);

        select(pane.get(),
               {QStringLiteral("file0002.txt"), QStringLiteral("file0003.txt"), QStringLiteral("Alpha")});
        QCOMPARE(status.constLast().constFirst().toString(),
                 QStringLiteral("11 items, 3 selected (%1)").arg(QLocale().formattedDataSize(5, 1)));
    }

    void localNewFolderRenameDelete()
    {
        auto pane = localPane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        pane->view()->setFocus();

        // A name the store refuses never reaches the disk; the reason is shown in the pane.
        QTest::keyClick(pane->view(), Qt::Key_F7);
        auto *ask = waitForChild<QInputDialog>(pane.get(), QStringLiteral("newFolderDialog"));
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("a/b"));
        ask->accept();
        auto *message = pane->findChild<QWidget *>(QStringLiteral("messageLine"));
        QTRY_VERIFY(message->isVisible());
        QVERIFY(!message->findChild<QLabel *>()->text().isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("a"))));

        QTest::keyClick(pane->view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        ask = waitForChild<QInputDialog>(pane.get(), QStringLiteral("newFolderDialog"));
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("Reports"));
        ask->accept();
        QTRY_VERIFY(QFileInfo(m_dir.filePath(QStringLiteral("Reports"))).isDir());
        QTRY_COMPARE(pane->selectedPaths(), QStringList{QStringLiteral("Reports")}); // selected once listed
        QVERIFY(!message->isVisible());

        // F2 edits the name in place.
        // The closed dialog took the activation with it (no window manager under Xvfb).
        QApplication::setActiveWindow(pane.get());
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_F2);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = pane->view()->findChild<QLineEdit *>()));
        editor->setText(QStringLiteral("Reports 2026"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(QFileInfo(m_dir.filePath(QStringLiteral("Reports 2026"))).isDir());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("Reports"))));
        QTRY_COMPARE(pane->selectedPaths(), QStringList{QStringLiteral("Reports 2026")});

        // Delete asks first, naming the item; Cancel keeps it, Delete removes it.
        QVERIFY(browsertest::writeFile(m_dir.path(), QStringLiteral("Reports 2026/inside.txt"), 4));
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_Delete);
        auto *box = waitForChild<QMessageBox>(pane.get(), QStringLiteral("deleteConfirmation"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Reports 2026")));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50); // the closed box is deleted
        pane->view()->setFocus();
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("Reports 2026"))));
        QTest::keyClick(pane->view(), Qt::Key_Delete);
        box = waitForChild<QMessageBox>(pane.get(), QStringLiteral("deleteConfirmation"));
        QVERIFY(box);
        QVERIFY(box->informativeText().contains(QStringLiteral("cannot be undone")));
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                confirm = button;
        }
        QVERIFY(confirm);
        confirm->click();
        QTRY_VERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("Reports 2026"))));
        QTRY_VERIFY(!rowNamed(pane.get(), QStringLiteral("Reports 2026")).isValid());
    }

    void procoreNewFolderRenameDelete()
    {
        auto pane = procorePane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        QCOMPARE(pane->view()->model()->columnCount(), 5);
        QVERIFY(!pane->findChild<QHeaderView *>()->isSectionHidden(StoreModel::VersionsColumn));
        pane->view()->setFocus();

        QTest::keyClick(pane->view(), Qt::Key_F7);
        auto *ask = waitForChild<QInputDialog>(pane.get(), QStringLiteral("newFolderDialog"));
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("Pane test"));
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!childNamed(m_backend.state().value(QStringLiteral("root")).toObject(),
                                             QStringLiteral("Pane test"))
                                      .isEmpty(),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->selectedPaths(), QStringList{QStringLiteral("Pane test")}, 15000);

        // The closed dialog took the activation with it (no window manager under Xvfb).
        QApplication::setActiveWindow(pane.get());
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_F2);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = pane->view()->findChild<QLineEdit *>()));
        editor->setText(QStringLiteral("Pane test renamed"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!childNamed(m_backend.state().value(QStringLiteral("root")).toObject(),
                                             QStringLiteral("Pane test renamed"))
                                      .isEmpty(),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->selectedPaths(), QStringList{QStringLiteral("Pane test renamed")},
                                  15000);

        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_Delete);
        auto *box = waitForChild<QMessageBox>(pane.get(), QStringLiteral("deleteConfirmation"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Pane test renamed")));
        QVERIFY(box->informativeText().contains(QStringLiteral("recycle bin")));
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(m_backend.state().value(QStringLiteral("root")).toObject(),
                                            QStringLiteral("Pane test renamed"))
                                     .isEmpty(),
                                 15000);
        QTRY_VERIFY(!rowNamed(pane.get(), QStringLiteral("Pane test renamed")).isValid());
    }

    void procoreOpenShowAndDownload()
    {
        auto pane = procorePane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        QVERIFY(browsertest::waitLoaded(pane.get()));
        // The first folder that holds files.
        QString file;
        qint64 size = -1;
        const QJsonArray folders = m_backend.state()
                                       .value(QStringLiteral("root"))
                                       .toObject()
                                       .value(QStringLiteral("folders"))
                                       .toArray();
        for (const QJsonValue &value : folders) {
            const QJsonObject folder = value.toObject();
            const QJsonArray files = folder.value(QStringLiteral("files")).toArray();
            if (!files.isEmpty() && !folder.value(QStringLiteral("is_deleted")).toBool()) {
                pane->openFolder(folder.value(QStringLiteral("name")).toString());
                file = files.at(0).toObject().value(QStringLiteral("name")).toString();
                size = files.at(0).toObject().value(QStringLiteral("size")).toInteger();
                break;
            }
        }
        QVERIFY(!file.isEmpty());
        QVERIFY(browsertest::waitLoaded(pane.get()));
        select(pane.get(), {file});
        const QString path = pane->selectedPaths().constFirst();

        // Return downloads a private copy into the cache and opens it.
        m_openedUrls.clear();
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_openedUrls.size(), 1, 15000);
        const QFileInfo opened(m_openedUrls.constFirst().toLocalFile());
        QCOMPARE(opened.fileName(), file);
        QVERIFY(opened.absoluteFilePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/open/")));
        QCOMPARE(opened.size(), size);

        QSignalSpy show(pane.get(), &PaneWidget::showInProcoreRequested);
        pane->findChild<QAction *>(QStringLiteral("showInProcoreAction"))->trigger();
        QCOMPARE(show.count(), 1);
        QCOMPARE(show.constFirst().at(0).toString(), kProcoreId);
        QCOMPARE(show.constFirst().at(1).toString(), path);

        // Download to…: a folder dialog, then a transfer request into "local:/that/folder".
        QSignalSpy transfers(pane.get(), &PaneWidget::transferRequested);
        pane->findChild<QAction *>(QStringLiteral("downloadAction"))->trigger();
        auto *dialog = waitForChild<QFileDialog>(pane.get(), QStringLiteral("downloadDialog"));
        QVERIFY(dialog);
        Q_EMIT dialog->fileSelected(m_dir.path()); // what accepting the dialog on that folder emits
        dialog->close();
        QCOMPARE(transfers.count(), 1);
        const auto request = transfers.constFirst().constFirst().value<TransferRequest>();
        QCOMPARE(request.sourceConnection, kProcoreId);
        QCOMPARE(request.sourcePaths, QStringList{path});
        QCOMPARE(request.destinationConnection, LocalStoreResolver::connectionFor(m_dir.path()));
        QCOMPARE(request.destinationFolder, QString());
    }

    void dragsBetweenPanes()
    {
        auto local = localPane();
        auto procore = procorePane();
        procore->move(740, 0);
        QVERIFY(QTest::qWaitForWindowExposed(local.get()));
        QVERIFY(QTest::qWaitForWindowExposed(procore.get()));
        QVERIFY(browsertest::waitLoaded(local.get()));
        QVERIFY(browsertest::waitLoaded(procore.get()));
        QSignalSpy toProcore(procore.get(), &PaneWidget::transferRequested);
        QSignalSpy toLocal(local.get(), &PaneWidget::transferRequested);

        // Local → Procore, onto the empty space: into the current folder (the root).
        select(local.get(), {QStringLiteral("Alpha"), QStringLiteral("file0004.txt")});
        std::unique_ptr<QMimeData> fromLocal(dragData(local.get()));
        QVERIFY(fromLocal);
        QVERIFY(fromLocal->hasFormat(ItemDrag::mimeType()));
        QVERIFY(fromLocal->hasUrls()); // a desktop file manager could take these
        QVERIFY(sendDragMove(procore.get(), emptySpace(procore.get()), fromLocal.get()));
        QVERIFY(sendDrop(procore.get(), emptySpace(procore.get()), fromLocal.get()));
        QCOMPARE(toProcore.count(), 1);
        auto request = toProcore.takeFirst().constFirst().value<TransferRequest>();
        QCOMPARE(request.sourceConnection, kLocalId);
        QCOMPARE(request.sourcePaths, (QStringList{QStringLiteral("Alpha"), QStringLiteral("file0004.txt")}));
        QCOMPARE(request.destinationConnection, kProcoreId);
        QCOMPARE(request.destinationFolder, QString());

        // Onto a folder row: into that folder.
        const QModelIndex folder = procore->view()->model()->index(0, 0);
        QVERIFY(folder.data(StoreModel::IsFolderRole).toBool());
        QVERIFY(sendDrop(procore.get(), centerOf(procore.get(), folder), fromLocal.get()));
        QCOMPARE(toProcore.count(), 1);
        request = toProcore.takeFirst().constFirst().value<TransferRequest>();
        QCOMPARE(request.destinationFolder, folder.data(StoreModel::PathRole).toString());

        // Procore → local, onto the local folder "beta".
        select(procore.get(), {folder.data().toString()});
        std::unique_ptr<QMimeData> fromProcore(dragData(procore.get()));
        QVERIFY(fromProcore);
        QVERIFY(!fromProcore->hasUrls()); // nothing on disk to offer the desktop
        const QPoint beta = centerOf(local.get(), rowNamed(local.get(), QStringLiteral("beta")));
        QVERIFY(sendDrop(local.get(), beta, fromProcore.get()));
        QCOMPARE(toLocal.count(), 1);
        request = toLocal.takeFirst().constFirst().value<TransferRequest>();
        QCOMPARE(request.sourceConnection, kProcoreId);
        QCOMPARE(request.sourcePaths, QStringList{folder.data(StoreModel::PathRole).toString()});
        QCOMPARE(request.destinationConnection, kLocalId);
        QCOMPARE(request.destinationFolder, QStringLiteral("beta"));

        // Refused (forbidden cursor, no request): onto a file row, back onto the folder the items
        // came from, and a folder onto itself.
        const QPoint file = centerOf(local.get(), rowNamed(local.get(), QStringLiteral("file0001.txt")));
        QVERIFY(!sendDragMove(local.get(), file, fromProcore.get()));
        QVERIFY(!sendDrop(local.get(), file, fromProcore.get()));
        QVERIFY(!sendDragMove(local.get(), emptySpace(local.get()), fromLocal.get()));
        QVERIFY(!sendDrop(local.get(), emptySpace(local.get()), fromLocal.get()));
        const QPoint alpha = centerOf(local.get(), rowNamed(local.get(), QStringLiteral("Alpha")));
        QVERIFY(!sendDrop(local.get(), alpha, fromLocal.get()));
        QCOMPARE(toLocal.count(), 0);
        // But the same store's other folder takes them.
        QVERIFY(sendDrop(local.get(), beta, fromLocal.get()));
        QCOMPARE(toLocal.count(), 1);
        QCOMPARE(toLocal.constFirst().constFirst().value<TransferRequest>().destinationFolder,
                 QStringLiteral("beta"));
    }

    void dropFromDesktop()
    {
        auto procore = procorePane();
        QVERIFY(QTest::qWaitForWindowExposed(procore.get()));
        QVERIFY(browsertest::waitLoaded(procore.get()));
        QSignalSpy requests(procore.get(), &PaneWidget::transferRequested);

        // What a file manager drags: file URLs from two folders (no private data).
        QMimeData desktop;
        desktop.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("file0001.txt"))),
                         QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("Gamma"))),
                         QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("Gamma/plan.pdf"))),
                         QUrl(QStringLiteral("https://example.com/not-a-file"))});
        QVERIFY(sendDrop(procore.get(), emptySpace(procore.get()), &desktop));
        QCOMPARE(requests.count(), 2); // one per parent folder
        const auto first = requests.at(0).constFirst().value<TransferRequest>();
        QCOMPARE(first.sourceConnection, LocalStoreResolver::connectionFor(m_dir.path()));
        QCOMPARE(first.sourcePaths, (QStringList{QStringLiteral("file0001.txt"), QStringLiteral("Gamma")}));
        QCOMPARE(first.destinationConnection, kProcoreId);
        QCOMPARE(first.destinationFolder, QString());
        const auto second = requests.at(1).constFirst().value<TransferRequest>();
        QCOMPARE(second.sourceConnection,
                 LocalStoreResolver::connectionFor(m_dir.filePath(QStringLiteral("Gamma"))));
        QCOMPARE(second.sourcePaths, QStringList{QStringLiteral("plan.pdf")});

        // Only web links: nothing to upload, the drop is refused.
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/a.pdf"))});
        QVERIFY(!sendDrop(procore.get(), emptySpace(procore.get()), &web));
        QCOMPARE(requests.count(), 2);
    }

    void switcherAndUnavailable()
    {
        auto pane = localPane();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        auto *switcher = pane->findChild<QComboBox *>(QStringLiteral("connectionSwitcher"));
        QCOMPARE(switcher->currentText(), QStringLiteral("Project share"));
        QSignalSpy picked(pane.get(), &PaneWidget::connectionRequested);
        QSignalSpy add(pane.get(), &PaneWidget::addConnectionRequested);
        switcher->setFocus();
        QTest::keyClick(switcher, Qt::Key_Down);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.constFirst().constFirst().toString(), kProcoreId);
        QTest::keyClick(switcher, Qt::Key_Down); // the separator is skipped: "Add connection…"
        QCOMPARE(add.count(), 1);
        QCOMPARE(switcher->currentText(), QStringLiteral("Project share")); // still what the pane shows

        pane->showUnavailable(kProcoreId, QStringLiteral("Sign in again to open Procore – Tower A."));
        QVERIFY(!pane->store());
        QCOMPARE(pane->connectionId(), kProcoreId);
        QCOMPARE(switcher->currentText(), QStringLiteral("Procore – Tower A"));
        auto *text = pane->findChild<QLabel *>(QStringLiteral("unavailableText"));
        QVERIFY(text->isVisible());
        QCOMPARE(text->text(), QStringLiteral("Sign in again to open Procore – Tower A."));
        QMimeData desktop;
        desktop.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("file0001.txt")))});
        QSignalSpy requests(pane.get(), &PaneWidget::transferRequested);
        QVERIFY(!sendDrop(pane.get(), QPoint(20, 20), &desktop)); // nothing to drop into
        QCOMPARE(requests.count(), 0);
        save(pane.get(), QStringLiteral("pane-unavailable"));
    }

    void screenshots()
    {
        QVERIFY(m_sandboxUp);
        auto procore = procorePane();
        procore->resize(640, 480);
        QVERIFY(QTest::qWaitForWindowExposed(procore.get()));
        QVERIFY(browsertest::waitLoaded(procore.get()));
        save(procore.get(), QStringLiteral("pane-procore-root"));
        // The folder with the most files, two of them selected.
        const QJsonArray folders = m_backend.state()
                                       .value(QStringLiteral("root"))
                                       .toObject()
                                       .value(QStringLiteral("folders"))
                                       .toArray();
        QString busiest;
        qsizetype most = -1;
        for (const QJsonValue &value : folders) {
            const qsizetype files = value.toObject().value(QStringLiteral("files")).toArray().size();
            if (files > most) {
                most = files;
                busiest = value.toObject().value(QStringLiteral("name")).toString();
            }
        }
        procore->openFolder(busiest);
        QVERIFY(browsertest::waitLoaded(procore.get()));
        const QAbstractItemModel *model = procore->view()->model();
        QItemSelectionModel *selection = procore->view()->selectionModel();
        for (int row = 2; row < 4; ++row)
            selection->select(model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        save(procore.get(), QStringLiteral("pane-procore-folder"));

        auto local = localPane(QStringLiteral("Gamma"));
        local->resize(640, 480);
        QVERIFY(QTest::qWaitForWindowExposed(local.get()));
        QVERIFY(browsertest::waitLoaded(local.get()));
        local->openFolder(QStringLiteral("no such folder"));
        QVERIFY(browsertest::waitLoaded(local.get()));
        QTRY_VERIFY(local->findChild<QWidget *>(QStringLiteral("messageLine"))->isVisible());
        save(local.get(), QStringLiteral("pane-local-error"));
    }
};

QTEST_MAIN(TestPaneWidget)
#include "tst_panewidget.moc"
