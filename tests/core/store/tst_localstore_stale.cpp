// Leftover ".trestle-*.part" files of a LocalStore write whose process was killed are swept when
// their folder is listed, once they are old enough; the temporary file of a live write (another
// process, locked) and a young leftover (maybe a writer on another machine) are left alone.
#include "storetesthelpers.h"

#include "core/store/localroot.h"
#include "core/store/localstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using namespace testing;

namespace {

// Lists `folder` through the store; true when that worked and showed nothing.
bool listsEmpty(Store *store, const QString &folder)
{
    QList<Entry> entries;
    return !listFolder(store, folder, &entries) && entries.isEmpty();
}

QStringList partsIn(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral(".trestle-*.part")}, QDir::Files | QDir::Hidden);
}

// Makes a file look last written `age` ago.
bool age(const QString &path, std::chrono::seconds age)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-age.count()),
                            QFileDevice::FileModificationTime);
}

bool startWriter(QProcess *process, const QString &root, const QString &path)
{
    process->start(QStringLiteral(TRESTLE_LOCALWRITER_CHILD), {root, path});
    if (!process->waitForStarted(10000))
        return false;
    while (!process->canReadLine()) {
        if (!process->waitForReadyRead(20000))
            return false;
    }
    return process->readLine().trimmed() == "ready";
}

} // namespace

class TestLocalStoreStale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeftoverIsSwept();
};

void TestLocalStoreStale::killedWriterLeftoverIsSwept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(QDir(root).mkpath(QStringLiteral("killed")));
    QVERIFY(QDir(root).mkpath(QStringLiteral("alive")));
    QProcess killed;
    QProcess alive;
    QVERIFY2(startWriter(&killed, root, QStringLiteral("killed/a.bin")),
             killed.readAllStandardError().constData());
    QVERIFY2(startWriter(&alive, root, QStringLiteral("alive/b.bin")),
             alive.readAllStandardError().constData());
    const QString killedFolder = root + QStringLiteral("/killed");
    const QString aliveFolder = root + QStringLiteral("/alive");
    QCOMPARE(partsIn(killedFolder).size(), 1);
    QCOMPARE(partsIn(aliveFolder).size(), 1);

    killed.kill(); // SIGKILL: no destructor removes its temporary file
    QVERIFY(killed.waitForFinished(10000));
    QCOMPARE(partsIn(killedFolder).size(), 1);

    const auto old =
        std::chrono::duration_cast<std::chrono::seconds>(LocalRoot::StaleTempAge) + std::chrono::seconds(60);
    QVERIFY(age(killedFolder + QLatin1Char('/') + partsIn(killedFolder).constFirst(), old));
    QVERIFY(age(aliveFolder + QLatin1Char('/') + partsIn(aliveFolder).constFirst(), old));
    // A young leftover nobody holds: left alone (a writer on another machine may own it).
    QFile young(killedFolder + QStringLiteral("/.trestle-0123456789abcdef.part"));
    QVERIFY(young.open(QIODevice::WriteOnly));
    young.write("partial");
    young.close();

    LocalStore store(root);
    QVERIFY(listsEmpty(&store, QStringLiteral("killed"))); // hidden, as always
    QCOMPARE(partsIn(killedFolder), QStringList{QStringLiteral(".trestle-0123456789abcdef.part")});
    QVERIFY(listsEmpty(&store, QStringLiteral("alive")));
    QCOMPARE(partsIn(aliveFolder).size(), 1); // old, but its writer is alive and holds the lock

    alive.kill();
    QVERIFY(alive.waitForFinished(10000));
    QVERIFY(listsEmpty(&store, QStringLiteral("alive")));
    QCOMPARE(partsIn(aliveFolder).size(), 0);

    // And a write through the store still commits (its lock does not get in its own way).
    QVERIFY(!writeBytes(&store, QStringLiteral("alive/c.bin"), "bytes"));
    QCOMPARE(listNames(&store, QStringLiteral("alive")), QStringList{QStringLiteral("c.bin")});
}

QTEST_GUILESS_MAIN(TestLocalStoreStale)
#include "tst_localstore_stale.moc"
