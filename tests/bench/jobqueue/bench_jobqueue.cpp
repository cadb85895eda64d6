// A 100,000-item job streaming progress into the job queue panel, the job expanded and the view
// scrolled down as a user would; prints the longest event-loop stall (goal < 50 ms).
//
// The plan is synthetic (journaled with Journal::addItems): 100 folders and N uploads of tiny
// files, all read from 50 seed files, so the engine really copies while the window is measured.

#include "core/common/memorytuning.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/jobs/jobqueue.h"
#include "core/transfer/storeresolver.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/jobqueuepanel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPaintEvent>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace trestle;

namespace {

constexpr int kFolders = 100;
constexpr int kSeeds = 50;

// Times every top-level event delivery, so the report can say which receiver stalled the loop.
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        qint64 ms = 0;
        qint64 cpuMs = 0; // the GUI thread's own CPU time in it (the rest: other threads ran)
        QByteArray receiver;
        int eventType = 0;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs in every thread: only the GUI thread's events can stall the window.
        if (m_depth > 0 || !m_recording || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        QByteArray name = receiver->metaObject()->className();
        if (!receiver->objectName().isEmpty())
            name += " " + receiver->objectName().toUtf8();
        const int type = int(event->type());
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuBefore = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ms = timer.elapsed();
        const qint64 cpuMs = threadCpuMs() - cpuBefore;
        --m_depth;
        if (ms >= 20) {
            m_slow.append({ms, cpuMs, name, type});
            std::sort(m_slow.begin(), m_slow.end(), [](const Slow &a, const Slow &b) { return a.ms > b.ms; });
            if (m_slow.size() > 8)
                m_slow.resize(8);
        }
        return result;
    }

    void setRecording(bool on) { m_recording = on; }
    const QVector<Slow> &slowest() const { return m_slow; }

private:
    static qint64 threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    }

    int m_depth = 0;
    bool m_recording = false;
    QVector<Slow> m_slow;
};

// Lowers the priority of the engine's threads (Linux: per-thread nice). QThread::setPriority()
// does nothing for SCHED_OTHER threads, hence /proc and setpriority().
int niceEngineThreads()
{
    int reniced = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        const QByteArray name = comm.readAll();
        if (name.startsWith("trestle-worker") || name.startsWith("trestle-engine"))
            reniced += setpriority(PRIO_PROCESS, id_t(task.toInt()), 10) == 0 ? 1 : 0;
    }
    return reniced;
}

// The nice value of every engine thread ("trestle-worker-0 10, …"): the workers lower their own
// priority (TransferWorker::kNiceIncrement); this shows that they did.
QString engineThreadNices()
{
    QStringList nices;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state …": nice is the 19th field, the 17th after the closing parenthesis.
        const int close = text.lastIndexOf(')');
        const int open = text.indexOf('(');
        const QByteArray name = text.mid(open + 1, close - open - 1);
        if (!name.startsWith("trestle-"))
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        nices.append(
            QStringLiteral("%1 %2").arg(QString::fromUtf8(name), QString::fromUtf8(fields.value(16))));
    }
    std::sort(nices.begin(), nices.end());
    return nices.join(QStringLiteral(", "));
}

// Counts the view's paints and how much of the viewport they cover (a progress tick should
// repaint one row, not every item shown).
class PaintMeter final : public QObject
{
public:
    explicit PaintMeter(QWidget *viewport) : m_viewport(viewport) { viewport->installEventFilter(this); }
    int paints = 0;
    int wholePaints = 0; // covering more than half of the viewport

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_viewport && event->type() == QEvent::Paint) {
            ++paints;
            const QRect bounds = static_cast<QPaintEvent *>(event)->region().boundingRect();
            if (qint64(bounds.width()) * bounds.height() * 2
                > qint64(m_viewport->width()) * m_viewport->height())
                ++wholePaints;
        }
        return false;
    }

private:
    QWidget *m_viewport;
};

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    trestle::MemoryTuning::apply(); // as the app does: measure the product's allocator set-up
    TimingApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int itemCount = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 20;
    // "still": the job expanded but never scrolled (only the first page of items is read).
    const bool scroll = !args.contains(QStringLiteral("still"));
    // "nice-workers": the engine's control thread at nice 10 too (the workers lower their own
    // priority since 2026-11-26), to see how much of a stall is the GUI thread waiting for a core.
    const bool niceWorkers = args.contains(QStringLiteral("nice-workers"));

    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source"));
    const QString destination = dir.filePath(QStringLiteral("destination"));
    QDir().mkpath(source + QStringLiteral("/seed"));
    QDir().mkpath(destination);
    for (int i = 0; i < kSeeds; ++i) {
        QFile seed(source + QStringLiteral("/seed/s%1.bin").arg(i));
        if (!seed.open(QIODevice::WriteOnly))
            return 1;
        seed.write(QByteArray(64, char('a' + i % 26)));
    }

    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open().ok())
        return 1;
    QElapsedTimer clock;
    clock.start();
    {
        Journal journal(database);
        JobSpec spec;
        spec.kind = JobKind::Copy;
        spec.sourceConnection = LocalStoreResolver::connectionFor(source);
        spec.destinationConnection = LocalStoreResolver::connectionFor(destination);
        Result<qint64> jobId = journal.createJob(spec.toRecord());
        if (!jobId.ok())
            return 1;
        QVector<JobItem> items;
        items.reserve(kFolders + itemCount);
        for (int i = 0; i < kFolders; ++i) {
            JobItem folder;
            folder.action = ItemAction::CreateFolder;
            folder.destinationPath = QStringLiteral("d%1").arg(i);
            items.append(folder);
        }
        for (int i = 0; i < itemCount; ++i) {
            JobItem file;
            file.action = ItemAction::Upload;
            file.sourcePath = QStringLiteral("seed/s%1.bin").arg(i % kSeeds);
            file.destinationPath = QStringLiteral("d%1/file-%2.bin").arg(i % kFolders).arg(i);
            file.size = 64;
            items.append(file);
        }
        if (!journal.addItems(jobId.value(), items).ok()
            || !journal.setJobState(jobId.value(), JobState::Planned).ok())
            return 1;
    }
    print(QStringLiteral("journaled a plan of %1 items in %2 ms")
              .arg(kFolders + itemCount)
              .arg(clock.elapsed()));

    LocalStoreResolver resolver;
    JobQueue queue(database, resolver);
    JobQueuePanel panel(&queue);
    panel.resize(1100, 700);
    panel.show();
    clock.restart();
    queue.restore(); // the planned job comes back with its preview rebuilt from the journal
    const qint64 jobId = queue.jobs().constFirst().id;
    print(QStringLiteral("restore() with the %1-item plan: %2 ms")
              .arg(kFolders + itemCount)
              .arg(clock.elapsed()));

    auto *view = qobject_cast<QTreeView *>(panel.view());
    JobQueueModel *model = panel.model();
    PaintMeter paintMeter(view->viewport());
    int progressReports = 0;
    QObject::connect(&queue, &JobQueue::jobProgress, &app,
                     [&](const EngineProgress &) { ++progressReports; });

    // The stall meter: a 5 ms timer; any gap well above 5 ms is time the event loop was blocked.
    QElapsedTimer sinceTick;
    qint64 worstGapMs = 0;
    QVector<qint64> gaps;
    QTimer ticker;
    ticker.setObjectName(QStringLiteral("stall meter"));
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 gap = sinceTick.restart();
        worstGapMs = std::max(worstGapMs, gap);
        gaps.append(gap);
    });

    // A user watching: the job expanded, scrolled to the bottom every 250 ms (fetching the next
    // pages each time), the selection on the job. BENCH_TRACE=1 prints what the first 20 scrolls
    // fetched and read.
    QTimer scroller;
    scroller.setObjectName(QStringLiteral("scroller"));
    scroller.setInterval(250);
    int scrolls = 0;
    QObject::connect(&scroller, &QTimer::timeout, &app, [&] {
        const int rowsBefore = model->fetchedItemCount(jobId);
        const int readsBefore = model->readsOnThisThread();
        const int aheadBefore = model->readAheadCount(jobId);
        QElapsedTimer scrollTime;
        scrollTime.start();
        view->scrollToBottom();
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        if (qEnvironmentVariableIsSet("BENCH_TRACE") && ++scrolls <= 40)
            print(QStringLiteral("scroll %1: %2 ms, +%3 rows, %4 read here, read ahead %5 before")
                      .arg(scrolls)
                      .arg(scrollTime.elapsed())
                      .arg(model->fetchedItemCount(jobId) - rowsBefore)
                      .arg(model->readsOnThisThread() - readsBefore)
                      .arg(aheadBefore));
    });

    bool finished = false;
    QObject::connect(&queue, &JobQueue::jobFinished, &app, [&](qint64 id, const Error &) {
        if (id == jobId)
            finished = true;
    });
    QTimer::singleShot(200, &app, [&] {
        view->expand(model->indexOfJob(jobId));
        panel.selectJob(jobId);
        queue.startPlanned(jobId);
        QTimer::singleShot(300, &app, [niceWorkers] {
            if (niceWorkers)
                print(QStringLiteral("reniced %1 engine threads").arg(niceEngineThreads()));
            print(QStringLiteral("engine threads' nice: %1").arg(engineThreadNices()));
        });
        sinceTick.start();
        ticker.start();
        app.setRecording(true);
        if (scroll)
            scroller.start();
        clock.restart();
    });
    QTimer stop;
    stop.setInterval(100);
    QObject::connect(&stop, &QTimer::timeout, &app, [&] {
        if (!clock.isValid() || (!finished && clock.elapsed() < seconds * 1000))
            return;
        ticker.stop();
        scroller.stop();
        stop.stop();
        const EngineProgress progress = queue.progress(jobId);
        std::sort(gaps.begin(), gaps.end());
        const qint64 p99 = gaps.isEmpty() ? 0 : gaps.at(int(gaps.size() * 99 / 100));
        print(QStringLiteral("measured %1 s: %2 of %3 items done, %4 progress reports, %5 item rows fetched, "
                             "%6 journal reads on the window's thread")
                  .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                  .arg(progress.itemsDone)
                  .arg(progress.itemsTotal)
                  .arg(progressReports)
                  .arg(model->fetchedItemCount(jobId))
                  .arg(model->readsOnThisThread()));
        print(
            QStringLiteral(
                "event-loop stall: longest %1 ms, 99th percentile %2 ms (5 ms timer, %3 ticks; goal < 50 ms)")
                .arg(worstGapMs)
                .arg(p99)
                .arg(gaps.size()));
        print(QStringLiteral("view paints: %1, %2 of them of more than half the viewport")
                  .arg(paintMeter.paints)
                  .arg(paintMeter.wholePaints));
        print(QStringLiteral("load average: %1").arg(loadAverage()));
        app.setRecording(false);
        for (const TimingApplication::Slow &slow : app.slowest())
            print(QStringLiteral("  slow event: %1 ms (GUI thread CPU %4 ms), %2, event type %3")
                      .arg(slow.ms)
                      .arg(QString::fromLatin1(slow.receiver))
                      .arg(slow.eventType)
                      .arg(slow.cpuMs));
        queue.cancel(jobId);
        QTimer::singleShot(0, &app, [] { QApplication::exit(0); });
    });
    stop.start();
    return QApplication::exec();
}
