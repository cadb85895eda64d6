#pragma once

// The common ground of the jobs UI suites: a temporary folder with a source ("Drawings") and a
// destination ("Site share") folder, a journal database in it, and a real JobQueue over local
// folders. One per test function (made in init(), dropped in cleanup()), so no job leaks across.

#include "core/db/database.h"
#include "core/jobs/jobqueue.h"
#include "core/transfer/storeresolver.h"
#include "ui/jobs/transferflow.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

class JobsTestFixture final
{
    Q_DISABLE_COPY_MOVE(JobsTestFixture)

public:
    // Also forgets a remembered drop choice, so every test starts at the drop dialog.
    JobsTestFixture();
    ~JobsTestFixture();

    // "" when the folders, database and queue are ready; otherwise what failed.
    QString problem() const { return m_problem; }

    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    const QString &src() const { return m_src; }
    const QString &dst() const { return m_dst; }
    trestle::Database &database() { return m_database; }
    trestle::LocalStoreResolver &resolver() { return m_resolver; }
    trestle::JobQueue *queue() const { return m_queue.get(); }

private:
    QTemporaryDir m_dir;
    QString m_src;
    QString m_dst;
    trestle::Database m_database;
    trestle::LocalStoreResolver m_resolver;
    std::unique_ptr<trestle::JobQueue> m_queue;
    QString m_problem;
};

// What a drop test drives: a shown window as the parent of the flow's dialogs, the transfer flow
// over a queue, and spies on the jobs the flow submits and the queue finishes.
struct FlowScene final
{
    Q_DISABLE_COPY_MOVE(FlowScene)

    explicit FlowScene(trestle::JobQueue *queue);

    QWidget window;
    trestle::TransferFlow flow;
    QSignalSpy submitted;
    QSignalSpy finished;
};

// A suite's main(): settings (the remembered drop choice, the window's layout) in a throw-away
// place of this process's own. ctest runs a suite at 100 % and 200 % side by side, and with one
// shared settings file the other process's "remember my choice" made a drop start without its
// dialog; nor may a test touch the user's own settings.
template<typename Test>
int runWithOwnSettings(int argc, char **argv, const QString &applicationName)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TrestleTests"));
    QApplication::setApplicationName(applicationName);
    Test test;
    return QTest::qExec(&test, argc, argv);
}
