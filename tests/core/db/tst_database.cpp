#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/migrations.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace trestle;

namespace {

int pragmaInt(Database &db, const QString &pragma)
{
    QSqlQuery query(db.connectionForCurrentThread().value());
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return -1;
    return query.value(0).toInt();
}

// Group and other must have no access; the owner reads and writes.
bool isOwnerOnly(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    return (info.st_mode & 0777) == 0600;
}

JobRecord sampleJob(const QString &tag)
{
    JobRecord job;
    job.kind = JobKind::Copy;
    job.sourceConnection = QStringLiteral("src");
    job.sourcePath = tag;
    job.destinationConnection = QStringLiteral("dst");
    job.destinationPath = QStringLiteral("/dst");
    return job;
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsAndMigratesFromEmpty()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("sub/trestle.sqlite")));
        const Status opened = db.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        QVERIFY(db.isOpen());
        QCOMPARE(pragmaInt(db, QStringLiteral("user_version")), db::latestSchemaVersion());
        QSqlQuery query(db.connectionForCurrentThread().value());
        QVERIFY(
            query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        for (const char *table : {"jobs", "job_items", "profiles", "sync_pairs", "sync_state"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trestle.sqlite"));
        qint64 jobId = 0;
        {
            Database db(path);
            QVERIFY(db.open().ok());
            Journal journal(db);
            Result<qint64> created = journal.createJob(sampleJob(QStringLiteral("/kept")));
            QVERIFY(created.ok());
            jobId = created.value();
        }
        Database db(path);
        QVERIFY(db.open().ok());
        QCOMPARE(pragmaInt(db, QStringLiteral("user_version")), db::latestSchemaVersion());
        Journal journal(db);
        Result<JobRecord> job = journal.job(jobId);
        QVERIFY(job.ok());
        QCOMPARE(job.value().sourcePath, QStringLiteral("/kept"));
    }

    void newerSchemaIsConfigError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trestle.sqlite"));
        const int newer = db::latestSchemaVersion() + 7;
        {
            Database db(path);
            QVERIFY(db.open().ok());
            QSqlQuery query(db.connectionForCurrentThread().value());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        {
            Database db(path);
            const Status opened = db.open();
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().kind(), Error::Kind::Config);
            QVERIFY(!opened.error().message().isEmpty());
            QVERIFY(!db.isOpen());
            QCOMPARE(db.connectionCount(), 0);
        }
        // Left untouched for the newer Trestle.
        Database raw(path);
        QCOMPARE(pragmaInt(raw, QStringLiteral("user_version")), newer);
    }

    void damagedFileIsError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QByteArray noise(64 * 1024, '\0');
        QRandomGenerator generator(42);
        for (char &c : noise)
            c = char(generator.bounded(256));
        QTest::newRow("random bytes") << noise;
        QTest::newRow("text") << QByteArray("this is not a database\n").repeated(100);
        // A valid SQLite header followed by garbage pages.
        QByteArray header("SQLite format 3");
        header.append('\0');
        QTest::newRow("header then garbage") << (header + noise);
    }

    void damagedFileIsError()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trestle.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        file.write(content);
        file.close();

        Database db(path);
        const Status opened = db.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind(), Error::Kind::LocalIo);
        QVERIFY2(opened.error().message().contains(QLatin1String("damaged")),
                 qPrintable(opened.error().toString()));
        QVERIFY(!db.isOpen());
    }

    void filesAreOwnerOnly()
    {
        // With a permissive umask, only our own code can make the files private.
        struct UmaskGuard final
        {
            mode_t previous = ::umask(0);
            ~UmaskGuard() { ::umask(previous); }
        };
        auto umaskGuard = std::make_unique<UmaskGuard>();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/trestle.sqlite"));
        {
            Database db(path);
            QVERIFY(db.open().ok());
            Journal journal(db);
            QVERIFY(journal.createJob(sampleJob(QStringLiteral("/x"))).ok());
            QVERIFY(isOwnerOnly(path));
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QVERIFY(isOwnerOnly(path + QStringLiteral("-wal")));
            QVERIFY(isOwnerOnly(path + QStringLiteral("-shm")));
            struct stat info = {};
            QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("new"))).constData(), &info), 0);
            QCOMPARE(info.st_mode & 0777, mode_t(0700));
        }
        umaskGuard.reset();

        // An existing file readable by others is tightened on open.
        QVERIFY(QFile::setPermissions(path,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(!isOwnerOnly(path));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("tightening permissions")));
        Database db(path);
        QVERIFY(db.open().ok());
        QVERIFY(isOwnerOnly(path));
    }

    void walAndPragmasAreOn()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("trestle.sqlite")));
        QVERIFY(db.open().ok());
        QSqlQuery query(db.connectionForCurrentThread().value());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        query.finish();
        QCOMPARE(pragmaInt(db, QStringLiteral("synchronous")), 1); // NORMAL
        QCOMPARE(pragmaInt(db, QStringLiteral("foreign_keys")), 1);
        QCOMPARE(pragmaInt(db, QStringLiteral("busy_timeout")), Database::kBusyTimeoutMs);
    }

    void perThreadConnections()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("trestle.sqlite")));
        QVERIFY(db.open().ok());
        QCOMPARE(db.connectionCount(), 1);

        constexpr int kJobsPerThread = 100;
        QStringList names[2];
        int failures[2] = {0, 0};
        auto writer = [&db, &names, &failures](int index) {
            Journal journal(db);
            names[index] << db.connectionForCurrentThread().value().connectionName();
            for (int i = 0; i < kJobsPerThread; ++i) {
                if (!journal.createJob(sampleJob(QStringLiteral("/t%1/%2").arg(index).arg(i))).ok())
                    ++failures[index];
            }
        };
        std::unique_ptr<QThread> first(QThread::create(writer, 0));
        std::unique_ptr<QThread> second(QThread::create(writer, 1));
        first->start();
        second->start();
        QVERIFY(first->wait(60000));
        QVERIFY(second->wait(60000));

        QCOMPARE(failures[0], 0);
        QCOMPARE(failures[1], 0);
        QCOMPARE(names[0].size(), 1);
        QCOMPARE(names[1].size(), 1);
        QVERIFY(names[0].constFirst() != names[1].constFirst());
        QVERIFY(names[0].constFirst() != db.connectionForCurrentThread().value().connectionName());
        // Each thread's connection went away with its thread.
        QCOMPARE(db.connectionCount(), 1);
        QVERIFY(!QSqlDatabase::contains(names[0].constFirst()));

        Journal journal(db);
        Result<QVector<JobRecord>> jobs = journal.jobs();
        QVERIFY(jobs.ok());
        QCOMPARE(jobs.value().size(), 2 * kJobsPerThread);
    }

    void defaultPathIsInAppData()
    {
        const QString path = Database::defaultFilePath();
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(path.endsWith(QLatin1String("trestle.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
