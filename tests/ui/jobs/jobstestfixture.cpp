#include "jobstestfixture.h"

#include <QDir>

using namespace trestle;

JobsTestFixture::JobsTestFixture()
    : m_src(m_dir.filePath(QStringLiteral("Drawings")))
    , m_dst(m_dir.filePath(QStringLiteral("Site share")))
    , m_database(m_dir.filePath(QStringLiteral("journal.sqlite")))
{
    TransferFlow::forgetRememberedChoice();
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return;
    }
    if (!QDir().mkpath(m_src) || !QDir().mkpath(m_dst)) {
        m_problem = QStringLiteral("cannot make %1 and %2").arg(m_src, m_dst);
        return;
    }
    const Status opened = m_database.open();
    if (!opened.ok()) {
        m_problem = QStringLiteral("journal not opened: %1").arg(opened.error().toString());
        return;
    }
    m_queue = std::make_unique<JobQueue>(m_database, m_resolver);
}

// The queue goes first (it uses the database and the resolver), then the database, then the folder.
JobsTestFixture::~JobsTestFixture() = default;

FlowScene::FlowScene(JobQueue *queue)
    : flow(queue, &window)
    , submitted(&flow, &TransferFlow::submitted)
    , finished(queue, &JobQueue::jobFinished)
{
    window.resize(400, 300);
    window.show();
}
