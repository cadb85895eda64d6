// Never a mixed copy (issue 9): a local source rewritten in place while the engine reads it is
// copied again from its new content, or fails with a clear reason when it keeps changing; the
// destination never holds a mix of old and new bytes, and nothing half-written stays behind.
// Deterministic: ChangingSourceStore rewrites the file when half of it has been read.
#include "changingsourcestore.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/transfer/itemtask.h"
#include "core/transfer/transferengine.h"
#include "transfertesthelpers.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;
using testing::ChangingSourceStore;
using testing::SourceRewrites;

namespace {

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Files only (folders dropped) of treeManifest.
QMap<QString, QString> files(const QString &root)
{
    QMap<QString, QString> out = testing::treeManifest(root);
    for (auto it = out.begin(); it != out.end();)
        it = it.value() == QLatin1String("<dir>") ? out.erase(it) : std::next(it);
    return out;
}

QByteArray variant(int n, int size)
{
    return QByteArray(size + n, char('B' + n % 20));
}

} // namespace

class TestEngineIntegrity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sourceRewrittenOnceIsCopiedAgain();
    void sourceThatKeepsChangingFails();
    void unchangedSourcesAreCopiedOnce();

private:
    qint64 plan();
    Error run(qint64 jobId, const std::shared_ptr<SourceRewrites> &rewrites);
    JobItem onlyFile(qint64 jobId);

    testing::LocalJobFixture m_fx;
};

void TestEngineIntegrity::init()
{
    QVERIFY(m_fx.open());
}

void TestEngineIntegrity::cleanup()
{
    m_fx.close();
}

qint64 TestEngineIntegrity::plan()
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    LocalStore source(m_fx.src);
    LocalStore destination(m_fx.dst);
    return testing::planNewJob(m_fx.journal.get(), spec, &source, &destination);
}

Error TestEngineIntegrity::run(qint64 jobId, const std::shared_ptr<SourceRewrites> &rewrites)
{
    const QString dst = m_fx.dst;
    TransferEngine engine(*m_fx.database, ChangingSourceStore::factory(m_fx.src, rewrites),
                          [dst] { return std::make_unique<LocalStore>(dst); });
    return testing::runToEnd(engine, jobId, 60000);
}

JobItem TestEngineIntegrity::onlyFile(qint64 jobId)
{
    JobItem found;
    const Status visited = m_fx.journal->forEachItem(jobId, [&found](const JobItem &item) {
        if (item.action == ItemAction::Upload || item.action == ItemAction::Download)
            found = item;
        return true;
    });
    return visited.ok() ? found : JobItem();
}

void TestEngineIntegrity::sourceRewrittenOnceIsCopiedAgain()
{
    const QByteArray before(2 * 1024 * 1024, 'A');
    testing::putFile(m_fx.src, QStringLiteral("Drawings/model.ifc"), before, testing::fixedTime(1));
    const qint64 jobId = plan();
    QVERIFY(jobId > 0);
    auto rewrites = std::make_shared<SourceRewrites>();
    rewrites->left = 1;
    rewrites->content = [](int n) {
        return variant(n, 2 * 1024 * 1024 + 16);
    };

    const Error error = run(jobId, rewrites);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(rewrites->done.loadRelaxed(), 1);
    // The new content, whole; nothing else in the folder (no leftover temporary file).
    const QMap<QString, QString> arrived = files(m_fx.dst);
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.value(QStringLiteral("Drawings/model.ifc")), sha256(variant(1, 2 * 1024 * 1024 + 16)));
    QCOMPARE(arrived, files(m_fx.src));
    const JobItem item = onlyFile(jobId);
    QCOMPARE(item.state, ItemState::Done);
    QCOMPARE(item.checksum, sha256(variant(1, 2 * 1024 * 1024 + 16)));
    QVERIFY2(item.reason.contains(QLatin1String("changed")), qPrintable(item.reason));
}

void TestEngineIntegrity::sourceThatKeepsChangingFails()
{
    testing::putFile(m_fx.src, QStringLiteral("Logs/live.log"), QByteArray(512 * 1024, 'A'),
                     testing::fixedTime(1));
    const qint64 jobId = plan();
    QVERIFY(jobId > 0);
    auto rewrites = std::make_shared<SourceRewrites>();
    rewrites->left = 1000; // every read of it sees it change
    rewrites->content = [](int n) {
        return variant(n, 512 * 1024);
    };

    const Error error = run(jobId, rewrites);
    QVERIFY(error);
    QCOMPARE(error.kind(), Error::Kind::LocalIo);
    QCOMPARE(rewrites->done.loadRelaxed(), ItemTask::kMaxSourceChanges);
    const JobItem item = onlyFile(jobId);
    QCOMPARE(item.state, ItemState::Failed);
    QVERIFY2(item.errorMessage.contains(QLatin1String("changed while it was being copied")),
             qPrintable(item.errorMessage));
    // Not even a temporary file at the destination.
    QVERIFY2(files(m_fx.dst).isEmpty(), qPrintable(files(m_fx.dst).keys().join(QLatin1Char(' '))));
}

void TestEngineIntegrity::unchangedSourcesAreCopiedOnce()
{
    for (int i = 0; i < 20; ++i)
        testing::putFile(m_fx.src, QStringLiteral("f/%1.bin").arg(i),
                         QByteArray(1000 + i * 4096, char('a' + i)), testing::fixedTime(i));
    const qint64 jobId = plan();
    QVERIFY(jobId > 0);
    auto rewrites = std::make_shared<SourceRewrites>();
    rewrites->left = 0; // nothing changes
    rewrites->content = [](int) {
        return QByteArray();
    };
    const Error error = run(jobId, rewrites);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(files(m_fx.dst), files(m_fx.src));
    // No item was copied twice: none carries the "changed" reason.
    int withReason = 0;
    QVERIFY(m_fx.journal
                ->forEachItem(jobId,
                              [&withReason](const JobItem &item) {
                                  withReason += item.reason.isEmpty() ? 0 : 1;
                                  return true;
                              })
                .ok());
    QCOMPARE(withReason, 0);
}

QTEST_GUILESS_MAIN(TestEngineIntegrity)
#include "tst_engine_integrity.moc"
