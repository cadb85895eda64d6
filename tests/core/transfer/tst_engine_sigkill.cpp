// The crash test, local -> local: the command line copies a tree and is killed with SIGKILL at
// random moments, then resumed each time. At the end the destination equals the source byte for
// byte, and no item that was recorded done was done again.
#include "core/db/database.h"
#include "core/db/journal.h"
#include "transfertesthelpers.h"

#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::fixedTime;
using testing::putFile;
using testing::treeManifest;

namespace {

// The tree without the stores' temporary files, which a SIGKILL mid-write leaves behind.
QMap<QString, QString> withoutPartFiles(QMap<QString, QString> manifest, int *partFiles)
{
    for (auto it = manifest.begin(); it != manifest.end();) {
        if (it.key().section(QLatin1Char('/'), -1).startsWith(QLatin1String(".trestle-"))) {
            ++*partFiles;
            it = manifest.erase(it);
        } else {
            ++it;
        }
    }
    return manifest;
}

} // namespace

class TestEngineSigkill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtRandomMomentsAndResumed();
};

void TestEngineSigkill::killedAtRandomMomentsAndResumed()
{
    const int kills = qEnvironmentVariableIntValue("TRESTLE_SIGKILL_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("TRESTLE_SIGKILL_ROUNDS")
        : 5;
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/transfer_cli");
    QVERIFY(QFile::exists(cli));
    QTemporaryDir dir;
    const QString src = dir.filePath(QStringLiteral("src"));
    const QString dst = dir.filePath(QStringLiteral("dst"));
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    QVERIFY(QDir().mkpath(dst));
    QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
    const quint32 seed = random.generate();
    qInfo("seed %u", seed);
    QRandomGenerator content(seed);
    for (int i = 0; i < 1000; ++i) {
        QByteArray bytes((int(content.bounded(200 * 1024)) + 4) & ~3, Qt::Uninitialized);
        content.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        putFile(src, QStringLiteral("p%1/q%2/file-%3.bin").arg(i % 7).arg(i % 3).arg(i), bytes, fixedTime(i));
    }

    Database database(journalPath);
    QVERIFY(database.open().ok());
    Journal journal(database);

    // The first run plans and starts; it is killed once the plan is in the journal.
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(cli, {journalPath, QStringLiteral("copy"), src, dst});
    QVERIFY(process.waitForStarted());
    qint64 jobId = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            Result<QVector<JobRecord>> jobs = journal.jobs();
            if (!jobs.ok() || jobs.value().isEmpty())
                return false;
            jobId = jobs.value().constFirst().id;
            const JobState state = jobs.value().constFirst().state;
            return state != JobState::Queued && state != JobState::Planning;
        }(),
        60000);

    QHash<qint64, int> attemptsOfDone;
    int killed = 0;
    for (int round = 0; round < kills; ++round) {
        if (round > 0) {
            process.start(cli, {journalPath, QStringLiteral("resume"), QString::number(jobId)});
            QVERIFY(process.waitForStarted());
        }
        QTest::qWait(int(random.bounded(20, 300)));
        if (process.state() == QProcess::Running) {
            process.kill(); // SIGKILL
            ++killed;
        }
        if (process.state() != QProcess::NotRunning)
            QVERIFY(process.waitForFinished(30000));
        // Every item done so far must stay done, with no new attempt.
        QVERIFY(journal
                    .forEachItem(jobId,
                                 [&](const JobItem &item) {
                                     if (item.state == ItemState::Done && !attemptsOfDone.contains(item.id))
                                         attemptsOfDone.insert(item.id, item.attempts);
                                     return true;
                                 })
                    .ok());
    }
    process.start(cli, {journalPath, QStringLiteral("resume"), QString::number(jobId)});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    int partFiles = 0;
    QCOMPARE(withoutPartFiles(treeManifest(dst), &partFiles), treeManifest(src));
    int redone = 0;
    QVERIFY(journal
                .forEachItem(jobId,
                             [&](const JobItem &item) {
                                 redone += attemptsOfDone.contains(item.id)
                                     && attemptsOfDone.value(item.id) != item.attempts;
                                 return true;
                             })
                .ok());
    QCOMPARE(redone, 0);
    Result<JobRecord> job = journal.job(jobId);
    QVERIFY(job.ok());
    QCOMPARE(job.value().state, JobState::Done);
    QCOMPARE(job.value().itemsFailed, qint64(0));
    qInfo("%d SIGKILLs, %d temporary files left behind by them, %lld items done before a kill", killed,
          partFiles, qint64(attemptsOfDone.size()));
}

QTEST_GUILESS_MAIN(TestEngineSigkill)
#include "tst_engine_sigkill.moc"
