// The fault suite (issue 9): jobs against the sandbox while it misbehaves, each scenario ending
// with a byte-for-byte comparison of both sides and a duplicate check, and a row of the table in
// <test output>/reliability.tsv (scenario, runs, items, failures, duplicates, lost).
//
// The short set runs in CI; TRESTLE_LONG_TESTS=1 runs every scenario with more files and harder
// faults (see README.md).
#include "core/transfer/engineprogress.h"
#include "reliabilityharness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace trestle;
using reliability::Harness;
using reliability::ScenarioRow;

namespace {

bool longRun()
{
    return qEnvironmentVariableIntValue("TRESTLE_LONG_TESTS") == 1;
}

// Files per folder and folders: small in CI, larger on demand.
int filesPerFolder()
{
    return longRun() ? 40 : 6;
}
int folders()
{
    return longRun() ? 5 : 3;
}

} // namespace

class TestReliabilityFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultStorm_data();
    void faultStorm();
    void refreshTokenRevokedMidJob();
    void sandboxKilledAndRestarted();
    void destinationDiskFull();
    void destinationReadOnly();
    void sourceChangesWhileRead();

private:
    // Uploads a fresh share through faults configured live, then downloads it back (through the
    // same faults when `both`), and records a row per direction.
    void uploadAndDownload(const QString &name, const QJsonObject &faults, const QStringList &arguments);
};

void TestReliabilityFaults::faultStorm_data()
{
    QTest::addColumn<QJsonObject>("faults");
    QTest::addColumn<QStringList>("arguments");
    const double rate = longRun() ? 0.3 : 0.15;
    QTest::newRow("resets and truncated bodies")
        << QJsonObject{{QStringLiteral("fault_rate"), rate},
                       {QStringLiteral("fault_kinds"),
                        QJsonArray{QStringLiteral("reset"), QStringLiteral("truncate")}}}
        << QStringList();
    QTest::newRow("5xx storm") << QJsonObject{{QStringLiteral("fault_rate"), longRun() ? 0.5 : 0.3},
                                              {QStringLiteral("fault_kinds"),
                                               QJsonArray{QStringLiteral("500"), QStringLiteral("502"),
                                                          QStringLiteral("503")}}}
                               << QStringList();
    // A budget of 25 calls an hour, an "hour" of 6 s: the job runs dry again and again and must
    // wait for the window (429s when the meter is wrong), never fail for it.
    QTest::newRow("429 storm, drained budget")
        << QJsonObject{}
        << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("25"), QStringLiteral("--time-scale"),
                       QStringLiteral("600")};
    QTest::newRow("access token expires every 20 calls")
        << QJsonObject{{QStringLiteral("expire_tokens_every"), 20}} << QStringList();
}

void TestReliabilityFaults::faultStorm()
{
    QFETCH(QJsonObject, faults);
    QFETCH(QStringList, arguments);
    uploadAndDownload(QString::fromLatin1(QTest::currentDataTag()), faults, arguments);
}

void TestReliabilityFaults::uploadAndDownload(const QString &name, const QJsonObject &faults,
                                              const QStringList &arguments)
{
    Harness h;
    QVERIFY2(h.start(arguments), qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), folders(), filesPerFolder(), 150000, 7);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 up = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(up > 0, qPrintable(error));
    QVERIFY(h.sandbox().configure(faults));

    ScenarioRow row{name + QStringLiteral(" (upload)"), 0, int(expected.size()), 0, 0, 0, {}};
    Error result = h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), up, 6, &row.runs);
    row.failures = h.itemsFailed(up);
    const QJsonObject stats = h.sandbox().stats();
    row.note = QStringLiteral("faults %1, 429s %2, refreshes %3")
                   .arg(stats.value(QStringLiteral("faults_injected")).toInt())
                   .arg(stats.value(QStringLiteral("status_429")).toInt())
                   .arg(stats.value(QStringLiteral("token_grants"))
                            .toObject()
                            .value(QStringLiteral("refresh_token"))
                            .toInt());
    int duplicates = 0;
    const auto remote = h.remoteManifest(&duplicates);
    int extra = 0;
    Harness::compare(expected, remote, &row.lost, &extra);
    row.duplicates = duplicates + extra;
    reliability::recordRow(row);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(row.failures, 0);
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);

    // And back, through the same faults, into an empty folder.
    const QString back = h.dir() + QStringLiteral("/back");
    QVERIFY(QDir().mkpath(back));
    QVERIFY(h.sandbox().configure(
        {{QStringLiteral("fault_rate"), 0}, {QStringLiteral("expire_tokens_every"), 0}}));
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(back), &error);
    QVERIFY2(down > 0, qPrintable(error));
    QVERIFY(h.sandbox().configure(faults));
    ScenarioRow downRow{name + QStringLiteral(" (download)"), 0, int(expected.size()), 0, 0, 0, {}};
    result = h.runUntilDone(h.procoreFactory(), Harness::localFactory(back), down, 6, &downRow.runs);
    downRow.failures = h.itemsFailed(down);
    // Nothing else in the folder: a leftover temporary file counts as a duplicate.
    Harness::compare(expected, Harness::localFiles(back), &downRow.lost, &downRow.duplicates);
    reliability::recordRow(downRow);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(downRow.failures, 0);
    QCOMPARE(downRow.lost, 0);
    QCOMPARE(downRow.duplicates, 0);
}

void TestReliabilityFaults::refreshTokenRevokedMidJob()
{
    Harness h;
    QVERIFY2(h.start(), qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), folders(), filesPerFolder(), 60000, 8);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 job = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(job > 0, qPrintable(error));

    // After a few items: every refresh token dies and the access tokens expire with it.
    bool revoked = false;
    const auto revoke = [&h, &revoked](const EngineProgress &progress) {
        if (!revoked && progress.itemsDone >= 4) {
            revoked = true;
            h.sandbox().post(QStringLiteral("revoke-refresh-tokens"));
            h.sandbox().post(QStringLiteral("expire-tokens"));
        }
    };
    const Error first = h.runOnce(Harness::localFactory(share), h.procoreFactory(), job, true, revoke);
    QVERIFY(revoked);
    // The job stops with the sign-in error, not with a pile of unrelated failures.
    QVERIFY(first);
    const QString firstKind = Error::kindName(first.kind());

    // Reconnect (a new sign-in) and go on.
    QVERIFY2(h.signInAgain(), qPrintable(h.errorString()));
    ScenarioRow row{QStringLiteral("refresh token revoked mid-job"), 1, int(expected.size()), 0, 0, 0, {}};
    int runs = 0;
    const Error rest = h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), job, 4, &runs);
    row.runs += runs;
    row.failures = h.itemsFailed(job);
    int duplicates = 0;
    int versions = 0;
    const auto remote = h.remoteManifest(&duplicates, &versions);
    int extra = 0;
    Harness::compare(expected, remote, &row.lost, &extra);
    row.duplicates = duplicates + extra;
    row.note = QStringLiteral("first run: %1").arg(firstKind);
    reliability::recordRow(row);
    QVERIFY2(!rest, qPrintable(rest.toString()));
    QCOMPARE(row.lost, 0);
    // Nothing redone twice: one document and one version per file.
    QCOMPARE(row.duplicates, 0);
    QCOMPARE(versions, int(expected.size()));
    // Engine bug (core/transfer, reported 2026-11-26): every item that met the dead refresh token
    // is failed one by one ("Sign in again to Sandbox" each) and the job ends as Failed with an
    // Internal "n item(s) failed" error instead of pausing the job with AuthRevoked.
    QEXPECT_FAIL("",
                 "engine: a revoked refresh token fails items instead of pausing the job with auth-revoked",
                 Continue);
    QCOMPARE(firstKind, Error::kindName(Error::Kind::AuthRevoked));
}

void TestReliabilityFaults::sandboxKilledAndRestarted()
{
    Harness h;
    const QString data = h.dir() + QStringLiteral("/sandbox-data");
    QVERIFY2(
        // --durable: what the sandbox acknowledged survives its SIGKILL, as on a real server.
        h.start({QStringLiteral("--data-dir"), data, QStringLiteral("--durable"),
                 QStringLiteral("--latency-ms"), QStringLiteral("20")}),
        qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), folders(), filesPerFolder(), 200000, 9);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 job = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(job > 0, qPrintable(error));

    bool killed = false;
    bool restarted = false;
    const auto crash = [&](const EngineProgress &progress) {
        if (!killed && progress.itemsDone >= 3) {
            killed = true;
            restarted = h.restartSandbox();
        }
    };
    QList<Error> errors;
    ScenarioRow row{
        QStringLiteral("sandbox killed and restarted mid-job"), 0, int(expected.size()), 0, 0, 0, {}};
    const Error result =
        h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), job, 6, &row.runs, crash, &errors);
    QVERIFY(killed);
    QVERIFY2(restarted, qPrintable(h.errorString()));
    row.failures = h.itemsFailed(job);
    int duplicates = 0;
    const auto remote = h.remoteManifest(&duplicates);
    int extra = 0;
    Harness::compare(expected, remote, &row.lost, &extra);
    row.duplicates = duplicates + extra;
    row.note = QStringLiteral("first run: %1")
                   .arg(errors.isEmpty() ? QString() : Error::kindName(errors.first().kind()));
    reliability::recordRow(row);
    QVERIFY2(!result, qPrintable(result.toString()));
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);
}

namespace {

bool mountTmpfs(const QString &dir, const QString &options, QString *why)
{
    QDir().mkpath(dir);
    QProcess mount;
    mount.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), options,
                 QStringLiteral("tmpfs"), dir});
    if (!mount.waitForFinished(30000) || mount.exitStatus() != QProcess::NormalExit
        || mount.exitCode() != 0) {
        *why = QStringLiteral("cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): %1")
                   .arg(QString::fromLocal8Bit(mount.readAllStandardError()).simplified());
        return false;
    }
    return true;
}

struct Unmount
{
    QString dir;
    ~Unmount()
    {
        if (!dir.isEmpty())
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), dir});
    }
};

} // namespace

void TestReliabilityFaults::destinationDiskFull()
{
    Harness h;
    QVERIFY2(h.start(), qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), 2, 6, 400000, 10);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 up = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(up > 0, qPrintable(error));
    int runs = 0;
    QVERIFY(!h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), up, 3, &runs));

    // Download into a 1 MiB tmpfs: some files fit, then the disk is full.
    const QString full = h.dir() + QStringLiteral("/full");
    QString why;
    if (!mountTmpfs(full, QStringLiteral("size=1m,mode=0700"), &why))
        QSKIP(qPrintable(why)); // an environment limit, not a missing feature: CI runs as root
    Unmount unmount{full};
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(full), &error);
    QVERIFY2(down > 0, qPrintable(error));
    const Error result = h.runOnce(h.procoreFactory(), Harness::localFactory(full), down, true);
    QVERIFY(result); // it cannot all fit
    ScenarioRow row{
        QStringLiteral("destination disk full"), 1, int(expected.size()), h.itemsFailed(down), 0, 0, {}};
    // What arrived is whole; nothing half-written is left; every missing file is a failed item.
    const auto arrived = Harness::localFiles(full);
    for (auto it = arrived.cbegin(); it != arrived.cend(); ++it) {
        if (expected.value(it.key()) != it.value())
            ++row.duplicates; // a partial or foreign file
    }
    row.lost = int(expected.size() - arrived.size()) - row.failures; // missing and not reported
    row.note = QStringLiteral("%1 of %2 files fit; error: %3")
                   .arg(arrived.size())
                   .arg(expected.size())
                   .arg(Error::kindName(result.kind()));
    reliability::recordRow(row);
    QVERIFY(row.failures > 0);
    QCOMPARE(row.duplicates, 0);
    QCOMPARE(row.lost, 0);
}

void TestReliabilityFaults::destinationReadOnly()
{
    Harness h;
    QVERIFY2(h.start(), qPrintable(h.errorString()));
    const QString share = h.makeShare(QStringLiteral("share"), 1, 4, 20000, 11);
    const auto expected = Harness::localFiles(share);
    QString error;
    const qint64 up = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(up > 0, qPrintable(error));
    int runs = 0;
    QVERIFY(!h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), up, 3, &runs));

    // A read-only mount (root ignores mode bits, so chmod would prove nothing).
    const QString readOnly = h.dir() + QStringLiteral("/readonly");
    QString why;
    if (!mountTmpfs(readOnly, QStringLiteral("size=1m,ro"), &why))
        QSKIP(qPrintable(why));
    Unmount unmount{readOnly};
    const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(readOnly), &error);
    ScenarioRow row{QStringLiteral("destination share read-only"), 1, int(expected.size()), 0, 0, 0, {}};
    if (down > 0) {
        const Error result = h.runOnce(h.procoreFactory(), Harness::localFactory(readOnly), down, true);
        QVERIFY(result);
        row.failures = h.itemsFailed(down);
        row.note = QStringLiteral("job error: %1").arg(Error::kindName(result.kind()));
    } else {
        row.note = QStringLiteral("refused at planning: %1").arg(error);
    }
    row.duplicates = int(Harness::localFiles(readOnly).size());
    reliability::recordRow(row);
    QCOMPARE(row.duplicates, 0);
    // Every file is reported (failed; the folder item fails too) or the job was refused up front.
    QVERIFY(down == 0 || row.failures >= int(expected.size()));
}

void TestReliabilityFaults::sourceChangesWhileRead()
{
    Harness h;
    // Latency so an upload is in flight long enough to change its source under it.
    QVERIFY2(h.start({QStringLiteral("--latency-ms"), QStringLiteral("200")}), qPrintable(h.errorString()));
    const QString share = h.dir() + QStringLiteral("/share");
    QDir().mkpath(share + QStringLiteral("/Drawings"));
    const QString path = share + QStringLiteral("/Drawings/model.ifc");
    const QByteArray before(3 * 1024 * 1024, 'A');
    const QByteArray after(3 * 1024 * 1024 + 17, 'B');
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(before);
    }
    QString error;
    const qint64 job = h.plan(Harness::localFactory(share), h.procoreFactory(), &error);
    QVERIFY2(job > 0, qPrintable(error));
    bool changed = false;
    const auto change = [&](const EngineProgress &progress) {
        if (!changed && progress.itemsInFlight > 0 && progress.itemsDone >= 1) { // the folder is done
            changed = true;
            QFile f(path);
            if (f.open(QIODevice::ReadWrite)) { // in place, as an editor saving over it would
                f.write(after);
                f.close();
            }
        }
    };
    int runs = 0;
    const Error result =
        h.runUntilDone(Harness::localFactory(share), h.procoreFactory(), job, 3, &runs, change);
    int duplicates = 0;
    const auto remote = h.remoteManifest(&duplicates);
    const QString got = remote.value(QStringLiteral("Drawings/model.ifc"));
    const QString sumBefore =
        QString::fromLatin1(QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex());
    const QString sumAfter =
        QString::fromLatin1(QCryptographicHash::hash(after, QCryptographicHash::Sha256).toHex());
    ScenarioRow row{
        QStringLiteral("source file changes while read"), runs, 1, h.itemsFailed(job), duplicates, 0, {}};
    // Never a mix: Procore holds the old file, the new file, or nothing (with the item failed).
    const bool whole = got == sumBefore || got == sumAfter || (got.isEmpty() && row.failures == 1);
    row.lost = whole ? 0 : 1;
    row.note = QStringLiteral("changed mid-read: %1; Procore holds %2; job: %3")
                   .arg(changed ? QStringLiteral("yes") : QStringLiteral("no (too fast)"),
                        got == sumAfter        ? QStringLiteral("the new file")
                            : got == sumBefore ? QStringLiteral("the old file")
                            : got.isEmpty()    ? QStringLiteral("nothing")
                                               : QStringLiteral("A MIXED COPY"),
                        result ? result.toString() : QStringLiteral("done"));
    reliability::recordRow(row);
    QVERIFY(changed);
    // Engine/LocalStore bug (reported 2026-11-26): a source rewritten in place while it is read is
    // uploaded as a mix of old and new bytes and the item is marked done. Expected: compare size
    // and mtime (or a checksum) before and after the read, then retry or fail the item.
    if (!whole)
        QEXPECT_FAIL("", "engine: a source changing while read is uploaded as a mixed copy", Continue);
    QCOMPARE(row.lost, 0);
    QCOMPARE(row.duplicates, 0);
}

QTEST_GUILESS_MAIN(TestReliabilityFaults)
#include "tst_reliability_faults.moc"
