// The soak (issue 9): jobs with faults on, round after round (each round adds a folder to the
// share, uploads what is new and downloads that folder back), printing resident memory, open
// descriptors and threads after every round.
// TRESTLE_SOAK_SECONDS sets the length (CI: 180, the 3 minutes; on demand: 1800). Asserts what must
// hold however long it runs: every round arrives whole, and descriptors and threads do not grow with rounds.
#include "reliabilityharness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
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
// Where the memory is, beside the totals (to find what grows, not only that something does).
struct MemoryBreakdown
{
    qint64 anonKib = -1; // /proc/self/smaps_rollup Anonymous
    qint64 fileKib = -1; // Rss - Anonymous - Shmem: mapped files (libraries, SQLite's -shm)
    int mappings = -1; // lines of /proc/self/maps that start a mapping
    qint64 heapInUseKib = -1; // mallinfo2: uordblks + hblkhd
    qint64 heapFreeKib = -1; // mallinfo2: fordblks (held by malloc, free)
    int arenas = -1; // malloc_info's <heap nr=…>
    int sqlConnections = -1; // QSqlDatabase::connectionNames()
};

qint64 smapsField(const QByteArray &text, const QByteArray &field)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

MemoryBreakdown memoryBreakdown()
{
    MemoryBreakdown m;
    QFile rollup(QStringLiteral("/proc/self/smaps_rollup"));
    if (rollup.open(QIODevice::ReadOnly)) {
        const QByteArray text = rollup.readAll();
        m.anonKib = smapsField(text, "Anonymous");
        m.fileKib = smapsField(text, "Rss") - m.anonKib - smapsField(text, "Shmem");
    }
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (maps.open(QIODevice::ReadOnly))
        m.mappings = int(maps.readAll().count('\n'));
#ifdef __GLIBC__
    const struct mallinfo2 info = mallinfo2();
    m.heapInUseKib = qint64((info.uordblks + info.hblkhd) / 1024);
    m.heapFreeKib = qint64(info.fordblks / 1024);
    char *buffer = nullptr;
    size_t size = 0;
    if (FILE *stream = open_memstream(&buffer, &size)) {
        malloc_info(0, stream);
        std::fclose(stream);
        m.arenas = int(QByteArray(buffer, qsizetype(size)).count("<heap nr="));
        std::free(buffer);
    }
#endif
    m.sqlConnections = int(QSqlDatabase::connectionNames().size());
    return m;
}

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
    reliability::ProcessFigures third;
    reliability::ProcessFigures last;
    int round = 0;
    int files = 0;
    int lostTotal = 0;
    int duplicatesTotal = 0;
    // rss_trimmed_kib: after malloc_trim(), which hands freed heap back to the system. Growth in
    // rss_kib alone may be the allocator keeping freed memory; growth in both is held memory.
    std::printf("SOAK\tround\tseconds\trss_kib\tfds\tthreads\tfiles\trss_trimmed_kib\tanon_kib\tfile_kib\t"
                "mappings\theap_used_kib\theap_free_kib\tarenas\tsql_connections\n");
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
        lostTotal += lost;
        duplicatesTotal += extra;
        files += int(Harness::localFiles(share).size());
        QDir(back).removeRecursively();
        QDir(share).removeRecursively();

        last = reliability::processFigures();
        if (round == 1)
            start = last;
        if (round == 2)
            warm = last; // after warm-up: caches, thread pools and connections exist
        if (third.rssKib < 0 && clock.elapsed() >= qint64(seconds) * 1000 / 3)
            third = last; // the "flat" goal: growth over the last two thirds of the run
        qint64 trimmedKib = -1;
#ifdef __GLIBC__
        malloc_trim(0);
        trimmedKib = reliability::processFigures().rssKib;
#endif
        const MemoryBreakdown m = memoryBreakdown();
        // Every mapping's resident size on demand: which mapping grows.
        if (const QString dir = qEnvironmentVariable("TRESTLE_SOAK_SMAPS_DIR"); !dir.isEmpty()) {
            QFile in(QStringLiteral("/proc/self/smaps")); // size 0: QFile::copy would copy nothing
            QFile out(QStringLiteral("%1/smaps.%2").arg(dir).arg(round));
            if (in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly))
                out.write(in.readAll());
        }
        std::printf("SOAK\t%d\t%lld\t%lld\t%d\t%d\t%d\t%lld\t%lld\t%lld\t%d\t%lld\t%lld\t%d\t%d\n", round,
                    clock.elapsed() / 1000, last.rssKib, last.fds, last.threads, files, trimmedKib, m.anonKib,
                    m.fileKib, m.mappings, m.heapInUseKib, m.heapFreeKib, m.arenas, m.sqlConnections);
        std::fflush(stdout);
    } while (clock.elapsed() < qint64(seconds) * 1000);

    // Duplicates on Procore, over every round's folder at once. Not after every round: the sandbox's
    // state is the whole tree, so its reply grew with every round, and reading a reply larger each
    // time was most of the memory growth measured here (2026-11-26: about 130 KiB a round, in the
    // worker threads' malloc arenas, with it; about 10 KiB a round without it) -- glibc raises its
    // mmap threshold to the largest block freed, so ever larger replies land in the arenas and
    // fragment them. A duplicate made in any round is still there at the end.
    {
        int duplicates = 0;
        h.remoteManifest(&duplicates);
        duplicatesTotal += duplicates;
    }

#ifdef __GLIBC__
    // Per-arena detail on demand (which thread's arena holds the memory).
    if (const QByteArray path = qgetenv("TRESTLE_SOAK_MALLOC_INFO"); !path.isEmpty()) {
        if (FILE *file = std::fopen(path.constData(), "w")) {
            malloc_info(0, file);
            std::fclose(file);
        }
    }
#endif
    reliability::recordRow(
        {QStringLiteral("soak %1 s").arg(seconds), round, files, 0, duplicatesTotal, lostTotal,
         QStringLiteral("RSS after round 1 %1 KiB, after warm-up %2 KiB, at a third %8 KiB, at end %3 KiB "
                        "(%9 % over the last two thirds); fds %4 -> %5; threads %6 -> %7")
             .arg(start.rssKib)
             .arg(warm.rssKib)
             .arg(last.rssKib)
             .arg(warm.fds)
             .arg(last.fds)
             .arg(warm.threads)
             .arg(last.threads)
             .arg(third.rssKib)
             .arg(third.rssKib > 0 ? 100.0 * double(last.rssKib - third.rssKib) / double(third.rssKib) : 0.0,
                  0, 'f', 1)});
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
