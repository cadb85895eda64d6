// The crash test against Procore: the real `trestle` binary copies 1,000 files from a
// saved file share to a saved Procore connection (the sandbox) and is killed with SIGKILL at
// random moments, then resumed with `trestle resume <id>` each time. At the end the Procore side
// holds every file exactly once (no duplicate from a create that was retried after a kill) with
// the source's sha256, and downloading it back gives the source byte for byte.
//
// 3 kills in the normal run; TRESTLE_SIGKILL_ROUNDS=20 for the long run, e.g.
//   TRESTLE_SIGKILL_ROUNDS=20 installer/headless.sh ctest -R tst_cli_sigkill_procore
// TRESTLE_SIGKILL_SEED=<n> repeats a run (the seed is printed).
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/ratelimitmeters.h"

#include "clitesthelpers.h"
#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace trestle;

namespace {

constexpr int kFiles = 1000;

} // namespace

class TestCliSigkillProcore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtRandomMomentsAndResumed();
};

void TestCliSigkillProcore::killedAtRandomMomentsAndResumed()
{
    const int rounds = qEnvironmentVariableIntValue("TRESTLE_SIGKILL_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("TRESTLE_SIGKILL_ROUNDS")
        : 3;
    const quint32 seed = qEnvironmentVariableIsSet("TRESTLE_SIGKILL_SEED")
        ? quint32(qEnvironmentVariableIntValue("TRESTLE_SIGKILL_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("seed %u, %d rounds", seed, rounds);
    QRandomGenerator random(seed);

    QVERIFY(QFile::exists(QStringLiteral(TRESTLE_BIN)));
    testing::CliHome home;
    QVERIFY(home.isValid());
    testing::SandboxProcess sandbox;
    // A budget that never holds the copy: this test is about crashes, not about waiting.
    QVERIFY2(sandbox.start({QStringLiteral("--rate-limit"), QStringLiteral("1000000")}),
             qPrintable(sandbox.errorString()));
    QVERIFY(sandbox.configure(QJsonObject{{QStringLiteral("spike_limit"), 1000000}}));
    const QString source = home.path(QStringLiteral("share"));
    testing::writeTree(source, kFiles, seed, 24 * 1024);

    Database database;
    QVERIFY(database.open().ok());
    ProfileRepository profiles(database);
    SecretStore secrets;
    RateLimitMeters meters;
    const ConnectionServices services{&profiles, &secrets, &meters};
    // A service account: its renewal needs no single-use refresh token a kill could lose.
    const auto procore =
        testing::saveServiceAccountConnection(services, sandbox, QStringLiteral("Crash Tower"));
    QVERIFY2(procore.ok(), qPrintable(procore.error().toString()));
    const auto share = testing::saveShareConnection(services, source, QStringLiteral("Crash Share"));
    QVERIFY2(share.ok(), qPrintable(share.error().toString()));
    Journal journal(database);

    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(QStringLiteral(TRESTLE_BIN),
                  {QStringLiteral("copy"), QStringLiteral("share:Crash Share"),
                   QStringLiteral("procore:Crash Tower/Upload")});
    QVERIFY(process.waitForStarted());
    qint64 jobId = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Result<QVector<JobRecord>> jobs = journal.jobs();
            if (!jobs.ok() || jobs.value().isEmpty())
                return false;
            jobId = jobs.value().constFirst().id;
            // Killed while planning, a job has only part of its items (resume does not plan again):
            // the kills start once the plan is in the journal, as in the local crash test.
            const JobState state = jobs.value().constFirst().state;
            return state != JobState::Queued && state != JobState::Planning;
        }(),
        120000);

    int killed = 0;
    int resumes = 0;
    for (int round = 0; round < rounds; ++round) {
        if (round > 0) {
            const Result<JobRecord> job = journal.job(jobId);
            QVERIFY(job.ok());
            if (job.value().state == JobState::Done)
                break; // finished before all the kills were spent
            process.start(QStringLiteral(TRESTLE_BIN), {QStringLiteral("resume"), QString::number(jobId)});
            QVERIFY(process.waitForStarted());
            ++resumes;
        }
        // Anywhere from the start-up (keychain, reading the journal) to deep into the uploads; the
        // more rounds, the shorter each, so that every round still finds the job unfinished.
        QTest::qWait(int(random.bounded(50, qMax(300, 12000 / rounds))));
        if (process.state() == QProcess::Running) {
            process.kill(); // SIGKILL
            ++killed;
        }
        if (process.state() != QProcess::NotRunning)
            QVERIFY(process.waitForFinished(30000));
    }
    Result<JobRecord> job = journal.job(jobId);
    QVERIFY(job.ok());
    process.start(QStringLiteral(TRESTLE_BIN), {QStringLiteral("resume"), QString::number(jobId)});
    QVERIFY(process.waitForFinished(300000));
    ++resumes;
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    job = journal.job(jobId);
    QVERIFY(job.ok());
    QCOMPARE(job.value().state, JobState::Done);
    QCOMPARE(job.value().itemsFailed, qint64(0));

    // Every file exactly once on Procore, with the source's bytes.
    const QMap<QString, QString> expected = testing::treeSha256(source);
    QCOMPARE(expected.size(), kFiles);
    const QMap<QString, QStringList> remote =
        testing::sandboxFiles(sandbox.state(procore.value().projectId), QStringLiteral("Upload"));
    int files = 0;
    int duplicates = 0;
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        if (it.value().size() != 1) {
            ++duplicates;
            qWarning("%s exists %lld times", qPrintable(it.key()), qint64(it.value().size()));
        }
        if (it.key().endsWith(QLatin1Char('/')))
            continue;
        ++files;
        QCOMPARE(it.value().constFirst(), expected.value(it.key()));
    }
    QCOMPARE(duplicates, 0);
    QCOMPARE(files, kFiles);
    const int uploadCalls = sandbox.stats().value(QStringLiteral("total_api_calls")).toInt();

    // Downloaded back by the command line: byte for byte.
    const QString back = home.path(QStringLiteral("back"));
    QVERIFY(QDir().mkpath(back));
    process.start(QStringLiteral(TRESTLE_BIN),
                  {QStringLiteral("copy"), QStringLiteral("procore:Crash Tower/Upload"), back});
    QVERIFY(process.waitForFinished(300000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(testing::treeSha256(back), expected);
    qInfo("%d SIGKILLs, %d resumes; %d API calls for the upload of %d files in %d folders (F + 2N = %d)",
          killed, resumes, uploadCalls, kFiles, int(remote.size()) - files,
          int(remote.size()) - files + 2 * kFiles);
}

QTEST_GUILESS_MAIN(TestCliSigkillProcore)
#include "tst_cli_sigkill_procore.moc"
