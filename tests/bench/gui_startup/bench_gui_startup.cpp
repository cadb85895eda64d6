// Start time of the main window to first paint. Each round wires the services as main() does
// (database, profiles, keychain, meters, connection stores, job queue), constructs the window,
// shows it and waits for its first paint event; a second figure has a share connection saved, so
// both panes open a store and list it before the paint. Prints min / median / max per case.
#include "core/db/connectionprofile.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"

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
};

Round startOnce(const QString &databasePath, Theme *theme)
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
}

} // namespace

int main(int argc, char *argv[])
{
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
        withShare.append(startOnce(shareDb, &theme));

    std::printf("bench_gui_startup: %d rounds each; QApplication itself took %.1f ms (not counted)\n", rounds,
                appMs);
    report("no saved connection (empty state)", empty);
    report("a share in both panes", withShare);
    return 0;
}
