// StoreModel and its sort/filter proxy over a LocalStore (a temporary tree with 1,000 files) and
// over a ProcoreStore on the sandbox's demo project (real HTTP on loopback).

#include "bigfolder.h"
#include "browsertesthelpers.h"
#include "core/store/localstore.h"
#include "procorebackend.h"
#include "storetesthelpers.h"
#include "ui/browser/itemdrag.h"
#include "ui/browser/storemodel.h"
#include "ui/browser/storesortproxy.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFutureWatcherBase>
#include <QJsonArray>
#include <QMimeData>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace trestle;

namespace {

QStringList names(const QAbstractItemModel &model, int first, int count)
{
    QStringList out;
    for (int row = first; row < first + count && row < model.rowCount(); ++row)
        out.append(model.index(row, StoreModel::NameColumn).data().toString());
    return out;
}

int rowOf(const StoreModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entry(row).name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestStoreModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_local;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(browsertest::makeTree(m_dir.path(), 1000));
        m_local = std::make_unique<LocalStore>(m_dir.path());
        QVERIFY(m_local->isValid());
    }

    void listsLazilyInSlices()
    {
        StoreModel model;
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.isComplete());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy loaded(&model, &StoreModel::folderLoaded);
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one listing per folder
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(model.rowCount(), 1003);
        // 1,003 rows in slices of at most 500: the first rows appear before the rest are added.
        QCOMPARE(inserted.count(), 3);
        for (const QList<QVariant> &signal : std::as_const(inserted)) {
            const int first = signal.at(1).toInt();
            const int last = signal.at(2).toInt();
            QVERIFY(last - first + 1 <= StoreModel::SliceSize);
        }
        // Folders come in the first slice.
        for (int row = 0; row < 3; ++row)
            QVERIFY(model.entry(row).isFolder());
    }

    void columnsAndData()
    {
        StoreModel model;
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        model.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(model.columnCount(), 4); // no Versions column for a local folder
        QCOMPARE(model.headerData(StoreModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(model.headerData(StoreModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
        QCOMPARE(model.headerData(StoreModel::ModifiedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Modified"));
        QCOMPARE(model.headerData(StoreModel::TypeColumn, Qt::Horizontal).toString(), QStringLiteral("Type"));

        const int file = rowOf(model, QStringLiteral("file0500.pdf"));
        QVERIFY(file >= 0);
        const QModelIndex name = model.index(file, StoreModel::NameColumn);
        QCOMPARE(name.data(StoreModel::PathRole).toString(), QStringLiteral("file0500.pdf"));
        QCOMPARE(name.data(Qt::ToolTipRole).toString(), QStringLiteral("file0500.pdf"));
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(file, StoreModel::SizeColumn).data().toString(),
                 QLocale().formattedDataSize(500, 1));
        QCOMPARE(model.index(file, StoreModel::SizeColumn).data(StoreModel::SortRole).toLongLong(), 500);
        // One byte in the singular (QLocale::formattedDataSize() says "1 bytes").
        const int oneByte = rowOf(model, QStringLiteral("file0001.txt"));
        QVERIFY(oneByte >= 0);
        QCOMPARE(model.index(oneByte, StoreModel::SizeColumn).data().toString(), QStringLiteral("1 byte"));
        QVERIFY(!model.index(file, StoreModel::ModifiedColumn).data().toString().isEmpty());
        QCOMPARE(model.index(file, StoreModel::TypeColumn).data().toString(), QStringLiteral("PDF document"));
        QVERIFY(model.flags(name) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(name) & Qt::ItemIsDropEnabled)); // nothing drops onto a file

        const int folder = rowOf(model, QStringLiteral("Gamma"));
        QVERIFY(folder >= 0);
        QCOMPARE(model.index(folder, StoreModel::SizeColumn).data().toString(), QString());
        QCOMPARE(model.index(folder, StoreModel::TypeColumn).data().toString(), QStringLiteral("Folder"));
        QVERIFY(model.flags(model.index(folder, 0)) & Qt::ItemIsDropEnabled);
    }

    void sortsFoldersFirstAndFilters()
    {
        StoreModel model;
        StoreSortProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(StoreModel::NameColumn, Qt::AscendingOrder);
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        proxy.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(proxy.rowCount(), 1003);

        // Natural, case-insensitive names; folders first in both directions.
        QCOMPARE(names(proxy, 0, 5),
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("Gamma"),
                              QStringLiteral("file0001.txt"), QStringLiteral("file0002.txt")}));
        proxy.sort(StoreModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy, 0, 4),
                 (QStringList{QStringLiteral("Gamma"), QStringLiteral("beta"), QStringLiteral("Alpha"),
                              QStringLiteral("file1000.pdf")}));
        proxy.sort(StoreModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy, 3, 2),
                 (QStringList{QStringLiteral("file1000.pdf"), QStringLiteral("file0999.txt")}));
        QVERIFY(proxy.index(0, 0).data(StoreModel::IsFolderRole).toBool());
        proxy.sort(StoreModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy, 0, 4),
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("Gamma"),
                              QStringLiteral("file0001.txt")}));

        proxy.setNameFilter(QStringLiteral("FILE000"));
        QCOMPARE(proxy.rowCount(), 9); // file0001 … file0009
        proxy.setNameFilter(QStringLiteral("*.pdf"));
        QCOMPARE(proxy.rowCount(), 100);
        proxy.setNameFilter(QStringLiteral("alp"));
        QCOMPARE(names(proxy, 0, 2), QStringList{QStringLiteral("Alpha")});
        proxy.setNameFilter(QString());
        QCOMPARE(proxy.rowCount(), 1003);
    }

    // Rows arrive in slices while the view sorts (dynamic sorting stays on): after every slice the
    // proxy is in order, with the folders first; a filter typed before the rows came applies to
    // each slice.
    void sortOrderKeptWhileRowsArrive()
    {
        StoreModel model;
        StoreSortProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(StoreModel::NameColumn, Qt::DescendingOrder);
        proxy.setNameFilter(QStringLiteral("*.dwg"));
        int slices = 0;
        QStringList problems;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
            ++slices;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                const QString name = proxy.index(row, StoreModel::NameColumn).data().toString();
                if (!name.endsWith(QStringLiteral(".dwg")))
                    problems.append(QStringLiteral("not filtered: %1").arg(name));
                if (row > 0) {
                    const QString above = proxy.index(row - 1, StoreModel::NameColumn).data().toString();
                    if (QString::compare(above, name, Qt::CaseInsensitive) <= 0)
                        problems.append(QStringLiteral("%1 above %2").arg(above, name));
                }
            }
        });
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        proxy.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(slices, 3); // 1,003 rows, 500 a slice
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QLatin1Char('\n'))));
        // Every seventh file is a .dwg unless it is a tenth (a .pdf): 142 - 14 = 128.
        QCOMPARE(proxy.rowCount(), 128);
        QCOMPARE(proxy.index(0, StoreModel::NameColumn).data().toString(), QStringLiteral("file0994.dwg"));
        proxy.setNameFilter(QString());
        QCOMPARE(proxy.rowCount(), 1003);
        QCOMPARE(names(proxy, 0, 4),
                 (QStringList{QStringLiteral("Gamma"), QStringLiteral("beta"), QStringLiteral("Alpha"),
                              QStringLiteral("file1000.pdf")}));
    }

    // Natural order ("Sheet 2" before "Sheet 10"), case ignored, folders first; by type: the type
    // words, then the name. Sorted through the model's collation keys, not data().
    void sortsNaturallyByNameAndType()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &file :
             {QStringLiteral("Sheet 10.pdf"), QStringLiteral("sheet 2.pdf"), QStringLiteral("Sheet 1.txt"),
              QStringLiteral("a.dwg"), QStringLiteral("B.pdf")})
            QVERIFY(browsertest::writeFile(dir.path(), file, 3));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("zeta")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("Alpha 10")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("alpha 9")));
        // Natural order comes from the locale's collation (ICU); the "C" locale a test runs in has none.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        LocalStore store(dir.path());
        StoreModel model;
        StoreSortProxy proxy;
        proxy.setSourceModel(&model);
        model.setStore(&store, QStringLiteral("local-sort"), dir.path());
        proxy.sort(StoreModel::NameColumn, Qt::AscendingOrder);
        model.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(names(proxy, 0, 8),
                 (QStringList{QStringLiteral("alpha 9"), QStringLiteral("Alpha 10"), QStringLiteral("zeta"),
                              QStringLiteral("a.dwg"), QStringLiteral("B.pdf"), QStringLiteral("Sheet 1.txt"),
                              QStringLiteral("sheet 2.pdf"), QStringLiteral("Sheet 10.pdf")}));
        QVERIFY(model.compareNames(rowOf(model, QStringLiteral("sheet 2.pdf")),
                                   rowOf(model, QStringLiteral("Sheet 10.pdf")))
                < 0);
        QCOMPARE(
            model.compareNames(rowOf(model, QStringLiteral("zeta")), rowOf(model, QStringLiteral("zeta"))),
            0);

        proxy.sort(StoreModel::TypeColumn, Qt::AscendingOrder);
        QStringList types;
        for (int row = 3; row < proxy.rowCount(); ++row)
            types.append(proxy.index(row, StoreModel::TypeColumn).data().toString());
        QStringList sortedTypes = types;
        std::stable_sort(sortedTypes.begin(), sortedTypes.end(), [](const QString &a, const QString &b) {
            return QString::compare(a, b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(types, sortedTypes);
        QCOMPARE(
            names(proxy, 0, 3),
            (QStringList{QStringLiteral("alpha 9"), QStringLiteral("Alpha 10"), QStringLiteral("zeta")}));
        // The three PDFs together, by name within the type.
        const int firstPdf = int(types.indexOf(
            model.index(rowOf(model, QStringLiteral("B.pdf")), StoreModel::TypeColumn).data().toString()));
        QVERIFY(firstPdf >= 0);
        QCOMPARE(names(proxy, 3 + firstPdf, 3),
                 (QStringList{QStringLiteral("B.pdf"), QStringLiteral("sheet 2.pdf"),
                              QStringLiteral("Sheet 10.pdf")}));
        model.setStore(nullptr, QString());
    }

    void nestedFolderAndReload()
    {
        StoreModel model;
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        model.setFolder(StorePath::fromString(QStringLiteral("Gamma")).value());
        model.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(0).name, QStringLiteral("sub"));
        QCOMPARE(model.entry(1).path.toString(), QStringLiteral("Gamma/plan.pdf"));

        QVERIFY(browsertest::writeFile(m_dir.path(), QStringLiteral("Gamma/new.txt"), 3));
        model.reload();
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("Gamma/new.txt"))));
    }

    void listErrorIsSignalled()
    {
        StoreModel model;
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        model.setFolder(StorePath::fromString(QStringLiteral("no such folder")).value());
        QSignalSpy failed(&model, &StoreModel::listFailed);
        QSignalSpy loading(&model, &StoreModel::loadingChanged);
        model.fetchMore({});
        QVERIFY(failed.wait());
        QVERIFY(!failed.constFirst().constFirst().toString().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        QCOMPARE(loading.constLast().constFirst().toBool(), false);
    }

    void dragDataNamesConnectionAndPaths()
    {
        StoreModel model;
        model.setStore(m_local.get(), QStringLiteral("local-test"), m_dir.path());
        model.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        const QModelIndex a = model.index(rowOf(model, QStringLiteral("Alpha")), 0);
        const QModelIndex f = model.index(rowOf(model, QStringLiteral("file0003.txt")), 0);
        std::unique_ptr<QMimeData> data(model.mimeData({a, a.siblingAtColumn(1), f}));
        QVERIFY(data);
        const std::optional<ItemDrag> drag = ItemDrag::readFrom(data.get());
        QVERIFY(drag);
        QCOMPARE(drag->connectionId, QStringLiteral("local-test"));
        QCOMPARE(drag->sourceFolder, QString());
        QCOMPARE(drag->paths, (QStringList{QStringLiteral("Alpha"), QStringLiteral("file0003.txt")}));
        // A local pane also offers file URLs for desktop file managers.
        QCOMPARE(data->urls(),
                 (QList<QUrl>{QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("Alpha"))),
                              QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("file0003.txt")))}));
        QCOMPARE(model.supportedDragActions(), Qt::CopyAction);
    }

    void procoreFolderWithVersions()
    {
        testing::ProcoreBackend backend;
        QString error;
        QVERIFY2(backend.open({QStringLiteral("--seed"), QStringLiteral("demo")}, &error), qPrintable(error));
        const QJsonObject root = backend.state().value(QStringLiteral("root")).toObject();

        StoreModel model;
        model.setStore(backend.store(), QStringLiteral("procore-demo"));
        QCOMPARE(model.columnCount(), 5); // Procore keeps versions
        QCOMPARE(model.headerData(StoreModel::VersionsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Versions"));
        QCOMPARE(backend.apiCalls(), 0); // lazy: nothing listed before fetchMore
        model.fetchMore({});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(backend.apiCalls(), 1); // one folder, one call

        QStringList expected;
        for (const QString &key : {QStringLiteral("folders"), QStringLiteral("files")}) {
            for (const QJsonValue &child : root.value(key).toArray()) {
                if (!child.toObject().value(QStringLiteral("is_deleted")).toBool())
                    expected.append(child.toObject().value(QStringLiteral("name")).toString());
            }
        }
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown.append(model.entry(row).name);
        expected.sort();
        shown.sort();
        QCOMPARE(shown, expected);
        QVERIFY(model.rowCount() > 0);

        // A folder of the demo project, opened: its files show their version counts.
        int folderRow = -1;
        for (int row = 0; row < model.rowCount() && folderRow < 0; ++row) {
            if (model.entry(row).isFolder())
                folderRow = row;
        }
        QVERIFY(folderRow >= 0);
        const StorePath folder = model.entry(folderRow).path;
        model.setFolder(folder);
        model.fetchMore({});
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(backend.apiCalls(), 2);
        for (int row = 0; row < model.rowCount(); ++row) {
            const Entry &entry = model.entry(row);
            QCOMPARE(entry.path.parent(), folder);
            const QString versions = model.index(row, StoreModel::VersionsColumn).data().toString();
            if (entry.isFile())
                QCOMPARE(versions, QLocale().toString(entry.versionCount));
            else
                QCOMPARE(versions, QString());
        }
        std::unique_ptr<QMimeData> data(model.mimeData({model.index(0, 0)}));
        QVERIFY(data);
        QVERIFY(!data->hasUrls()); // remote files are not on disk: nothing for a file manager
        QVERIFY(ItemDrag::readFrom(data.get()));
    }

    void procoreDoubleRefreshShowsTheNewerListing()
    {
        // A big folder is built into entries on the thread pool; two refreshes in a row make two
        // builds that may finish in either order. The first is held until the second is shown:
        // the model and the store's cache end with the second listing.
        testing::ProcoreBackend backend;
        QString error;
        QVERIFY2(backend.open(testing::seedingSandboxArguments(), &error), qPrintable(error));
        const QString big = QStringLiteral("Big");
        const int files = int(ProcoreStore::BuildOffThreadChildren) + 10;
        QVERIFY(!testing::createFolder(backend.store(), big));
        const Error seeded = testing::seedFiles(backend.procore(), testing::sp(big), files, [](int n) {
            return QStringLiteral("Sheet %1.pdf").arg(n, 5, 10, QLatin1Char('0'));
        });
        QVERIFY2(!seeded, qPrintable(seeded.toString()));

        const std::unique_ptr<ProcoreStore> store = backend.freshStore(); // the pane's, a cache of its own
        QList<std::function<void()>> held;
        store->setBuildRunner([&held](std::function<void()> task) { held.append(std::move(task)); });
        const auto building = [&store] {
            return store->findChild<QFutureWatcherBase *>(QStringLiteral("procoreListingBuild")) != nullptr;
        };
        StoreModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(store.get(), QStringLiteral("procore-big"));
        model.setFolder(testing::sp(big));
        model.fetchMore({});
        QVERIFY(QTest::qWaitFor([&] { return held.size() == 1; }, 30000));
        // The folder changes between the two listings (through another store).
        QVERIFY(!testing::writeBytes(backend.store(), big + QStringLiteral("/Late arrival.pdf"), "late"));
        model.reload();
        QVERIFY(QTest::qWaitFor([&] { return held.size() == 2; }, 30000));

        held.at(1)(); // the second listing is built first
        QVERIFY(browsertest::waitLoaded(&model));
        QCOMPARE(model.rowCount(), files + 1);
        QVERIFY(rowOf(model, QStringLiteral("Late arrival.pdf")) >= 0);
        held.at(0)(); // then the first
        // The build's watcher is deleted after it handed its result on.
        QVERIFY(QTest::qWaitFor([&] { return !building(); }, 30000));

        QCOMPARE(model.rowCount(), files + 1);
        QVERIFY(rowOf(model, QStringLiteral("Late arrival.pdf")) >= 0);
        QCOMPARE(store->cache().children(testing::sp(big)).size(), files + 1);
        QVERIFY(store->cache().node(testing::sp(big + QStringLiteral("/Late arrival.pdf"))));
    }

    void procoreListErrorIsSignalled()
    {
        testing::ProcoreBackend backend;
        QString error;
        QVERIFY2(backend.open({QStringLiteral("--seed"), QStringLiteral("minimal")}, &error),
                 qPrintable(error));
        StoreModel model;
        model.setStore(backend.store(), QStringLiteral("procore-minimal"));
        model.setFolder(StorePath::fromString(QStringLiteral("Does not exist")).value());
        QSignalSpy failed(&model, &StoreModel::listFailed);
        model.fetchMore({});
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.constFirst().constFirst().toString().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestStoreModel)
#include "tst_storemodel.moc"
