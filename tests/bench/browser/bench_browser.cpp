// bench_browser [items=10000]: how the pane copes with a big Procore folder.
//
// Seeds a sandbox folder with `items` one-byte files (the one-call upload, many at once, with a
// raised rate limit), then opens that folder in a shown PaneWidget and measures, on the GUI
// thread: the longest gap between ticks of a 5 ms timer (an event-loop stall: the window neither
// paints nor takes input meanwhile), the time to the first row and to all rows, before and after
// the reply arrived. Then sorts by size and filters, with the same stall meter. Prints figures;
// asserts nothing (a loaded 2-core machine would make a bound flaky). With TRESTLE_BENCH_SCREENS
// set to a folder, the pane showing the loaded folder is grabbed into it (bench-browser-<items>,
// "-200" when QT_SCALE_FACTOR is 2), to be looked at.

#include "apitestsupport.h"
#include "bigfolder.h"
#include "core/common/memorytuning.h"
#include "core/store/procorestore.h"
#include "storetesthelpers.h"
#include "ui/browser/panewidget.h"
#include "ui/browser/storemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <ctime>

using namespace trestle;

namespace {

// Remembers the GUI thread's slowest event delivery (wall and the thread's own CPU time), so a
// stall can be pinned on a receiver: a reply handler, a paint, the model.
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const QByteArray name = receiver->metaObject()->className();
        const int type = int(event->type());
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuBefore = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ms = timer.elapsed();
        --m_depth;
        if (ms > m_slowestMs) {
            m_slowestMs = ms;
            m_slowestCpuMs = threadCpuMs() - cpuBefore;
            m_slowest = name + " (event type " + QByteArray::number(type) + ")";
        }
        return result;
    }
    void reset() { m_slowestMs = m_slowestCpuMs = 0; }
    QString slowest() const
    {
        return QStringLiteral("slowest event %1 ms (GUI thread CPU %2 ms): %3")
            .arg(m_slowestMs)
            .arg(m_slowestCpuMs)
            .arg(QString::fromLatin1(m_slowest));
    }

private:
    static qint64 threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    }
    int m_depth = 0;
    qint64 m_slowestMs = 0;
    qint64 m_slowestCpuMs = 0;
    QByteArray m_slowest;
};

// The longest gap between two ticks of a 5 ms timer while it runs.
class StallMeter final
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_longest = 0;
        m_ticks = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    qint64 longestMs() const { return m_longest; }
    qint64 ticks() const { return m_ticks; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        m_longest = qMax(m_longest, now - m_last);
        m_last = now;
        ++m_ticks;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_ticks = 0;
};

bool seed(ProcoreStore *store, const QString &folder, int items)
{
    Error failure = testing::createFolder(store, folder);
    if (!failure) {
        failure = testing::seedFiles(store, StorePath::fromString(folder).value(), items, [](int n) {
            return QStringLiteral("Drawing %1.pdf").arg(n, 5, 10, QLatin1Char('0'));
        });
    }
    if (failure)
        std::fprintf(stderr, "seed: %s\n", qPrintable(failure.toString()));
    return !failure;
}

} // namespace

int main(int argc, char **argv)
{
    trestle::MemoryTuning::apply(); // as the app does: measure the product's allocator set-up
    TimingApplication app(argc, argv);
    const int items = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    if (items <= 0) {
        std::fprintf(stderr, "usage: bench_browser [items=10000]\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_BIN_DEFAULT);

    testing::SandboxProcess sandbox;
    apitest::Connection connection;
    RateLimitMeter::Config meter;
    meter.hourlyLimit = 1000000;
    if (!sandbox.start(testing::seedingSandboxArguments()) || !connection.open(sandbox, meter)) {
        std::fprintf(stderr, "sandbox: %s %s\n", qPrintable(sandbox.errorString()),
                     qPrintable(connection.error));
        return 1;
    }
    const QString folder = QStringLiteral("Big folder");
    {
        ProcoreStore seeding(connection.client.get(), connection.projectId, QStringLiteral("seed"));
        QElapsedTimer seedClock;
        seedClock.start();
        if (!seed(&seeding, folder, items))
            return 1;
        std::printf("bench_browser: seeded %d files in %.1f s\n", items, seedClock.elapsed() / 1000.0);
        std::fflush(stdout); // a profiler attached now sees only the measured part
    }

    PaneWidget pane;
    pane.setConnections({{QStringLiteral("bench"), QStringLiteral("Procore – bench"), true}});
    pane.setStore(std::make_unique<ProcoreStore>(connection.client.get(), connection.projectId,
                                                 QStringLiteral("bench")),
                  QStringLiteral("bench"));
    pane.resize(900, 700);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return 1;
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(pane.view()->model());
    auto *model = qobject_cast<StoreModel *>(proxy->sourceModel());
    apitest::spinUntil([model] { return model->isComplete(); });

    // --- Open the big folder.
    StallMeter stalls;
    QElapsedTimer clock;
    qint64 firstRow = -1;
    const auto firstRows = QObject::connect(proxy, &QAbstractItemModel::rowsInserted, [&] {
        if (firstRow < 0)
            firstRow = clock.elapsed();
    });
    stalls.start();
    app.reset();
    clock.start();
    pane.openFolder(folder);
    apitest::spinUntil([model] { return model->isComplete(); }, 120000);
    const qint64 allRows = clock.elapsed();
    QTest::qWait(200); // let the last paints happen under the meter
    stalls.stop();
    QObject::disconnect(firstRows);
    std::printf(
        "open %d-item folder: first row %lld ms, all rows %lld ms, %d rows shown, longest stall %lld ms "
        "(%lld ticks)\n",
        items, firstRow, allRows, proxy->rowCount(), stalls.longestMs(), stalls.ticks());
    std::printf("  %s\n", qPrintable(app.slowest()));
    if (const QString screens = qEnvironmentVariable("TRESTLE_BENCH_SCREENS"); !screens.isEmpty()) {
        const QString suffix = qgetenv("QT_SCALE_FACTOR") == "2" ? QStringLiteral("-200") : QString();
        const QString file = QStringLiteral("%1/bench-browser-%2%3.png").arg(screens).arg(items).arg(suffix);
        if (!pane.grab().save(file))
            std::fprintf(stderr, "could not write %s\n", qPrintable(file));
    }

    // --- Sort by size, descending, then back by name.
    auto *view = static_cast<QTreeView *>(pane.view());
    stalls.start();
    app.reset();
    clock.start();
    view->sortByColumn(StoreModel::SizeColumn, Qt::DescendingOrder);
    QTest::qWait(100);
    view->sortByColumn(StoreModel::NameColumn, Qt::AscendingOrder);
    QTest::qWait(100);
    stalls.stop();
    std::printf("sort by size and back by name: longest stall %lld ms\n", stalls.longestMs());
    std::printf("  %s\n", qPrintable(app.slowest()));

    // --- Filter as the user types.
    auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("filterBox"));
    stalls.start();
    app.reset();
    for (const QString &text : {QStringLiteral("D"), QStringLiteral("Dr"), QStringLiteral("Drawing 0012")}) {
        filter->setText(text);
        QTest::qWait(50);
    }
    const int filtered = proxy->rowCount();
    filter->clear();
    QTest::qWait(50);
    stalls.stop();
    std::printf("filter while typing (%d rows match \"Drawing 0012\"): longest stall %lld ms\n", filtered,
                stalls.longestMs());
    std::printf("  %s\n", qPrintable(app.slowest()));

    // --- Refresh (F5) of the big folder.
    stalls.start();
    app.reset();
    clock.start();
    pane.refresh();
    apitest::spinUntil([model] { return model->isComplete(); }, 120000);
    const qint64 refreshed = clock.elapsed();
    QTest::qWait(100);
    stalls.stop();
    std::printf("refresh: all rows %lld ms, longest stall %lld ms (goal < 50 ms)\n", refreshed,
                stalls.longestMs());
    std::printf("  %s\n", qPrintable(app.slowest()));
    return 0;
}
