#pragma once

// The common ground of the jobs UI suites: a temporary folder with a source ("Drawings") and a
// destination ("Site share") folder, a journal database in it, and a real JobQueue over local
// folders. One per test function (made in init(), dropped in cleanup()), so no job leaks across.

#include "core/db/database.h"
#include "core/jobs/jobqueue.h"
#include "core/transfer/storeresolver.h"
#include "ui/jobs/transferflow.h"

#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
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
