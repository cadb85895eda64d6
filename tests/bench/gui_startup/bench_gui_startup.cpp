// Start time of the main window to first paint. Each round wires the services as main() does
// (database, profiles, keychain, meters, connection stores, job queue), constructs the window,
// restores the journal's jobs, shows it and waits for its first paint event. Cases: no saved
// connection; a share in both panes; a signed-in Procore project (tokens in the keychain, the
// sandbox over HTTP) beside a share, with 200 finished jobs in the journal. For the cases with
// connections it also prints when both panes show their rows (the keychain read and the listing
// happen after the paint, never before it). Prints min / median / max per case.
#include "core/common/memorytuning.h"
#include "core/db/connectionprofile.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "core/transfer/jobpolicies.h"
#include "sandboxprocess.h"
#include "savedconnections.h"
#include "ui/browser/panewidget.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace trestle;

namespace {

// Notes the first paint of the watched widget and ends the waiting loop.
class FirstPaint final : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            QCoreApplication::postEvent(qApp, new QEvent(QEvent::User));
        }
        return QObject::eventFilter(watched, event);
    }
};

struct Round
{
    double wiringMs = 0;
    double constructMs = 0;
    double firstPaintMs = 0;
    double panesListedMs = -1; // both panes show rows; -1: not waited for (or never)
};

bool paneListed(const PaneWidget *pane)
{
    return pane->store() && pane->view()->model()->rowCount(pane->view()->rootIndex()) > 0;
}

Round startOnce(const QString &databasePath, Theme *theme, bool waitForPanes = false)
{
    Round round;
    QElapsedTimer clock;
    clock.start();
    Database database(databasePath);
    if (!database.open().ok())
        qFatal("cannot open the database");
    ProfileRepository profiles(database);
    SecretStore secrets;
    RateLimitMeters meters;
    ConnectionManager manager({&profiles, &secrets, &meters});
    ConnectionStores stores({&profiles, &secrets, &meters});
    JobQueue queue(database, stores);
    round.wiringMs = clock.nsecsElapsed() / 1e6;

    MainWindow window({&manager, &stores, &queue, theme});
    round.constructMs = clock.nsecsElapsed() / 1e6;
    FirstPaint watcher;
    window.installEventFilter(&watcher);
    queue.restore();
    window.show();
    // Wait for the paint without a nested loop of our own making: process events until it came.
    QElapsedTimer timeout;
    timeout.start();
    while (!watcher.painted && timeout.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    round.firstPaintMs = clock.nsecsElapsed() / 1e6;
    window.removeEventFilter(&watcher);
    if (waitForPanes) {
        while (!(paneListed(window.leftPane()) && paneListed(window.rightPane()))
               && timeout.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (paneListed(window.leftPane()) && paneListed(window.rightPane()))
            round.panesListedMs = clock.nsecsElapsed() / 1e6;
    }
    window.hide();
    QCoreApplication::processEvents();
    return round;
}

void report(const char *name, QVector<Round> rounds)
{
    std::sort(rounds.begin(), rounds.end(),
              [](const Round &a, const Round &b) { return a.firstPaintMs < b.firstPaintMs; });
    const Round &median = rounds.at(rounds.size() / 2);
    std::printf("%-34s first paint min %7.1f ms  median %7.1f ms  max %7.1f ms   "
                "(median: wiring %.1f ms, construct %.1f ms)  goal < 1000 ms: %s\n",
                name, rounds.first().firstPaintMs, median.firstPaintMs, rounds.last().firstPaintMs,
                median.wiringMs, median.constructMs - median.wiringMs,
                rounds.last().firstPaintMs < 1000 ? "met" : "MISSED");
    std::sort(rounds.begin(), rounds.end(),
              [](const Round &a, const Round &b) { return a.panesListedMs < b.panesListedMs; });
    if (rounds.first().panesListedMs >= 0)
        std::printf("%-34s both panes listed min %7.1f ms  median %7.1f ms  max %7.1f ms\n", "",
                    rounds.first().panesListedMs, rounds.at(rounds.size() / 2).panesListedMs,
                    rounds.last().panesListedMs);
}

// 200 finished jobs in the journal, as a user who never clears the queue has them.
void addFinishedJobs(const QString &databasePath, const QString &from, const QString &to, int count)
{
    Database database(databasePath);
    if (!database.open().ok())
        qFatal("cannot open the database");
    Journal journal(database);
    for (int i = 0; i < count; ++i) {
        JobSpec spec;
        spec.kind = JobKind::Copy;
        spec.sourceConnection = from;
        spec.sourcePath = QStringLiteral("Daily reports %1").arg(i);
        spec.destinationConnection = to;
        spec.destinationPath = spec.sourcePath;
        const Result<qint64> id = journal.createJob(spec.toRecord());
        if (!id.ok() || !journal.setJobState(id.value(), JobState::Done).ok())
            qFatal("cannot write the journal");
    }
}

} // namespace

int main(int argc, char *argv[])
{
    trestle::MemoryTuning::apply(); // as the app does: measure the product's allocator set-up
    QElapsedTimer processClock;
    processClock.start();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("config")));
    QCoreApplication::setOrganizationName(QStringLiteral("TrestleBench"));
    QCoreApplication::setApplicationName(QStringLiteral("GuiStartup"));
    Q_INIT_RESOURCE(resources);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trestle.svg")));
    const double appMs = processClock.nsecsElapsed() / 1e6;
    Theme theme;
    theme.apply(AppSettings::Theme::System);

    QVector<Round> empty;
    const QString emptyDb = dir.filePath(QStringLiteral("empty.sqlite"));
    for (int i = 0; i < rounds; ++i)
        empty.append(startOnce(emptyDb, &theme));

    const QString shareDb = dir.filePath(QStringLiteral("share.sqlite"));
    {
        Database database(shareDb);
        if (!database.open().ok())
            qFatal("cannot open the database");
        ProfileRepository profiles(database);
        const QString root = dir.filePath(QStringLiteral("share"));
        QDir().mkpath(root + QStringLiteral("/Drawings"));
        ConnectionProfile share;
        share.displayName = QStringLiteral("Site office share");
        share.platform = ConnectionProfile::Platform::Share;
        share.rootPath = root;
        if (!profiles.add(share).ok())
            qFatal("cannot save the share connection");
    }
    QVector<Round> withShare;
    for (int i = 0; i < rounds; ++i)
        withShare.append(startOnce(shareDb, &theme, true));

    // A signed-in Procore project on the left (the sandbox over HTTP, tokens in the session
    // keychain), the share on the right, and a journal with 200 finished jobs.
    if (qEnvironmentVariableIsEmpty("TRESTLE_SANDBOX_BIN"))
        qputenv("TRESTLE_SANDBOX_BIN", TRESTLE_SANDBOX_BIN_DEFAULT);
    testing::SandboxProcess sandbox;
    QVector<Round> withProcore;
    const QString procoreDb = dir.filePath(QStringLiteral("procore.sqlite"));
    if (!sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")})) {
        std::printf("the sandbox did not start (%s): the Procore case is left out\n",
                    qPrintable(sandbox.errorString()));
    } else {
        QString procoreId;
        QString shareId;
        {
            Database database(procoreDb);
            if (!database.open().ok())
                qFatal("cannot open the database");
            ProfileRepository profiles(database);
            SecretStore secrets;
            RateLimitMeters meters;
            const ConnectionServices services{&profiles, &secrets, &meters};
            const auto procore = testing::saveUserConnection(services, sandbox, QStringLiteral("Tower A"));
            const auto share = testing::saveShareConnection(services, dir.filePath(QStringLiteral("share")),
                                                            QStringLiteral("Site office share"));
            if (!procore.ok() || !share.ok())
                qFatal("cannot save the connections (run under installer/headless.sh for a keychain)");
            procoreId = procore.value().id;
            shareId = share.value().id;
        }
        addFinishedJobs(procoreDb, shareId, procoreId, 200);
        for (int i = 0; i < rounds; ++i)
            withProcore.append(startOnce(procoreDb, &theme, true));
    }

    std::printf("bench_gui_startup: %d rounds each; QApplication itself took %.1f ms (not counted)\n", rounds,
                appMs);
    report("no saved connection (empty state)", empty);
    report("a share in both panes", withShare);
    if (!withProcore.isEmpty())
        report("Procore + share, 200 jobs restored", withProcore);
    return 0;
}
