// The soak (issue 9): jobs with faults on, round after round (each round adds a folder to the
// share, uploads what is new and downloads that folder back), printing resident memory, open
// descriptors and threads after every round.
// TRESTLE_SOAK_SECONDS sets the length (CI: 180, the 3 minutes; on demand: 1800). Asserts what must
// hold however long it runs: every round arrives whole, and descriptors and threads do not grow with rounds.
#include "reliabilityharness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace trestle;
using reliability::Harness;

class TestReliabilitySoak final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void soak();
};

namespace {
int soakSeconds()
{
    return qEnvironmentVariableIsSet("TRESTLE_SOAK_SECONDS")
        ? qEnvironmentVariableIntValue("TRESTLE_SOAK_SECONDS")
        : 180;
}
} // namespace

void TestReliabilitySoak::soak()
{
    const int seconds = soakSeconds();
    Harness h;
    // A budget the soak cannot spend: it makes about 30 calls a second, so the sandbox's default
    // 3,600 an hour ran out after ~110 s and the meter (rightly) held every call until the hour
    // reset, which the planner's 60 s wait reported as "planning did not finish". Budgets have
    // their own scenarios; the soak is about memory, descriptors and threads over time.
    QVERIFY2(h.start({QStringLiteral("--rate-limit"), QStringLiteral("100000000")}),
             qPrintable(h.errorString()));
    QVERIFY(h.sandbox().configure({{QStringLiteral("fault_rate"), 0.05},
                                   {QStringLiteral("fault_kinds"),
                                    QJsonArray{QStringLiteral("500"), QStringLiteral("503"),
                                               QStringLiteral("reset"), QStringLiteral("truncate")}},
                                   {QStringLiteral("expire_tokens_every"), 50}}));

    QElapsedTimer clock;
    clock.start();
    reliability::ProcessFigures start;
    reliability::ProcessFigures warm;
    reliability::ProcessFigures last;
    int round = 0;
    int files = 0;
    int lostTotal = 0;
    int duplicatesTotal = 0;
    // rss_trimmed_kib: after malloc_trim(), which hands freed heap back to the system. Growth in
    // rss_kib alone may be the allocator keeping freed memory; growth in both is held memory.
    std::printf("SOAK\tround\tseconds\trss_kib\tfds\tthreads\tfiles\trss_trimmed_kib\n");
    do {
        ++round;
        // Each round: a new share folder uploaded into a folder of the same name, then downloaded
        // back. Only that folder is planned, so every round does the same work and memory can be
        // flat after warm-up (planning the whole, growing share made it grow with the tree).
        const QString name = QStringLiteral("round %1").arg(round);
        const QString share = h.makeShare(QStringLiteral("share/%1").arg(name), 2, 5, 80000, quint32(round));
        QString error;
        const qint64 up = h.plan(Harness::localFactory(h.dir() + QStringLiteral("/share")),
                                 h.procoreFactory(), &error, name, name);
        QVERIFY2(up > 0, qPrintable(error));
        int runs = 0;
        Error result = h.runUntilDone(Harness::localFactory(h.dir() + QStringLiteral("/share")),
                                      h.procoreFactory(), up, 6, &runs);
        QVERIFY2(!result, qPrintable(result.toString()));
        const QString back = h.dir() + QStringLiteral("/back %1").arg(round);
        QVERIFY(QDir().mkpath(back));
        const qint64 down = h.plan(h.procoreFactory(), Harness::localFactory(back), &error, name);
        QVERIFY2(down > 0, qPrintable(error));
        result = h.runUntilDone(h.procoreFactory(), Harness::localFactory(back), down, 6, &runs);
        QVERIFY2(!result, qPrintable(result.toString()));
        int lost = 0;
        int extra = 0;
        Harness::compare(Harness::localFiles(share), Harness::localFiles(back), &lost, &extra);
        int duplicates = 0;
        h.remoteManifest(&duplicates);
        lostTotal += lost;
        duplicatesTotal += extra + duplicates;
        files += int(Harness::localFiles(share).size());
        QDir(back).removeRecursively();
        QDir(share).removeRecursively();

        last = reliability::processFigures();
        if (round == 1)
            start = last;
        if (round == 2)
            warm = last; // after warm-up: caches, thread pools and connections exist
        qint64 trimmedKib = -1;
#ifdef __GLIBC__
        malloc_trim(0);
        trimmedKib = reliability::processFigures().rssKib;
#endif
        std::printf("SOAK\t%d\t%lld\t%lld\t%d\t%d\t%d\t%lld\n", round, clock.elapsed() / 1000, last.rssKib,
                    last.fds, last.threads, files, trimmedKib);
        std::fflush(stdout);
    } while (clock.elapsed() < qint64(seconds) * 1000);

    reliability::recordRow(
        {QStringLiteral("soak %1 s").arg(seconds), round, files, 0, duplicatesTotal, lostTotal,
         QStringLiteral("RSS after round 1 %1 KiB, after warm-up %2 KiB, at end %3 KiB; fds %4 -> %5; "
                        "threads %6 -> %7")
             .arg(start.rssKib)
             .arg(warm.rssKib)
             .arg(last.rssKib)
             .arg(warm.fds)
             .arg(last.fds)
             .arg(warm.threads)
             .arg(last.threads)});
    QCOMPARE(lostTotal, 0);
    QCOMPARE(duplicatesTotal, 0);
    QVERIFY(round >= 2);
    if (round > 2) {
        // Leaks that grow per round: a few descriptors/threads of slack for sockets in flux.
        QVERIFY2(last.fds <= warm.fds + 8,
                 qPrintable(QStringLiteral("fds %1 -> %2").arg(warm.fds).arg(last.fds)));
        QVERIFY2(last.threads <= warm.threads + 4,
                 qPrintable(QStringLiteral("threads %1 -> %2").arg(warm.threads).arg(last.threads)));
    }
}

int main(int argc, char *argv[])
{
    // QtTest aborts a test function after 5 minutes (QTEST_FUNCTION_TIMEOUT): the 30-minute soak
    // was killed at 300 s. Allow the soak its length plus the last round's and the teardown's.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(soakSeconds()) + 600) * 1000));
    QCoreApplication app(argc, argv);
    TestReliabilitySoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_reliability_soak.moc"
