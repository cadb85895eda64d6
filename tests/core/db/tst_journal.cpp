#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/db/journalwriter.h"
#include "core/db/reportexporter.h"
#include "core/db/syncstatestore.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace trestle;

namespace {

JobRecord sampleJob(JobKind kind = JobKind::Copy)
{
    JobRecord job;
    job.kind = kind;
    job.sourceConnection = QStringLiteral("share-1");
    job.sourcePath = QStringLiteral("/projects/tower");
    job.destinationConnection = QStringLiteral("procore-1");
    job.destinationPath = QStringLiteral("/Drawings");
    job.policiesJson = QStringLiteral(R"({"conflicts":"new-version"})");
    return job;
}

QVector<JobItem> makeItems(int count, const QString &prefix = QStringLiteral("file"))
{
    QVector<JobItem> items;
    items.reserve(count);
    for (int i = 0; i < count; ++i) {
        JobItem item;
        item.action = (i % 10 == 0) ? ItemAction::CreateFolder : ItemAction::Upload;
        item.sourcePath = QStringLiteral("/projects/tower/%1-%2.pdf").arg(prefix).arg(i);
        item.destinationPath = QStringLiteral("/Drawings/%1-%2.pdf").arg(prefix).arg(i);
        item.size = item.action == ItemAction::Upload ? 1000 + i : 0;
        item.mtimeMs = 1700000000000LL + i;
        item.sourceId = 0;
        items.append(item);
    }
    return items;
}

ItemOutcome outcome(const JobItem &item, ItemState state)
{
    ItemOutcome o;
    o.itemId = item.id;
    o.jobId = item.jobId;
    o.state = state;
    if (state == ItemState::Done) {
        o.bytesDone = item.size;
        o.checksum = QStringLiteral("sha256:%1").arg(item.id);
        o.destinationId = 9000000000000LL + item.id;
    } else if (state == ItemState::Failed) {
        o.error = Error(Error::Kind::Permission, QStringLiteral("No permission"), QStringLiteral("403"));
    } else if (state == ItemState::Skipped) {
        o.reason = QStringLiteral("exists, same size");
    }
    return o;
}

// Copies the database file and its WAL as they are on disk right now, as a power cut would leave
// them (the -shm index is rebuilt from the WAL).
void snapshot(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            QVERIFY(QFile::copy(from + suffix, to + suffix));
    }
}

} // namespace

class TestJournal final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("j%1.sqlite").arg(++m_counter)); }

private Q_SLOTS:
    void jobLifecycle()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);

        Result<qint64> created = journal.createJob(sampleJob());
        QVERIFY(created.ok());
        const qint64 id = created.value();
        JobRecord job = journal.job(id).value();
        QCOMPARE(job.state, JobState::Queued);
        QCOMPARE(job.kind, JobKind::Copy);
        QCOMPARE(job.policiesJson, QStringLiteral(R"({"conflicts":"new-version"})"));
        QVERIFY(job.createdAt.isValid());
        QVERIFY(!job.startedAt.isValid());

        QVERIFY(journal.setJobState(id, JobState::Planning).ok());
        QVERIFY(journal.setJobState(id, JobState::Running).ok());
        job = journal.job(id).value();
        QCOMPARE(job.state, JobState::Running);
        QVERIFY(job.startedAt.isValid());
        const QDateTime started = job.startedAt;

        QVERIFY(journal
                    .setJobState(id, JobState::Waiting,
                                 Error(Error::Kind::RateLimited, QStringLiteral("Hourly budget spent")))
                    .ok());
        QVERIFY(journal.setJobState(id, JobState::Running).ok());
        QVERIFY(journal.addApiCalls(id, 7).ok());
        QVERIFY(journal.addApiCalls(id, 5).ok());
        job = journal.job(id).value();
        QCOMPARE(job.startedAt, started); // stamped once
        QCOMPARE(job.apiCalls, qint64(12));
        // Going on clears the error that held the job: a restored job must not look held (or
        // make the queue wait for a sign-in) for a cause that is gone.
        QCOMPARE(job.lastErrorKind, Error::Kind::None);
        QCOMPARE(job.lastError, QString());
        QVERIFY(journal
                    .setJobState(id, JobState::Paused,
                                 Error(Error::Kind::AuthRevoked, QStringLiteral("Sign in again")))
                    .ok());
        QCOMPARE(journal.job(id).value().lastErrorKind, Error::Kind::AuthRevoked);
        QVERIFY(journal.setJobState(id, JobState::Paused).ok()); // the user's pause keeps the cause
        QCOMPARE(journal.job(id).value().lastError, QStringLiteral("Sign in again"));
        QVERIFY(journal.setJobState(id, JobState::Running).ok());
        QCOMPARE(journal.job(id).value().lastErrorKind, Error::Kind::None);
        QVERIFY(journal.setJobState(id, JobState::Failed, Error(Error::Kind::Server, QStringLiteral("5xx")))
                    .ok());
        QVERIFY(journal.setJobState(id, JobState::Running).ok());

        const qint64 second = journal.createJob(sampleJob(JobKind::Sync)).value();
        QCOMPARE(journal.unfinishedJobs().value().size(), 2);
        QVERIFY(journal.setJobState(id, JobState::Done).ok());
        job = journal.job(id).value();
        QVERIFY(job.finishedAt.isValid());
        const QVector<JobRecord> unfinished = journal.unfinishedJobs().value();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.constFirst().id, second);
        QCOMPARE(journal.jobs().value().constFirst().id, second); // newest first

        QCOMPARE(journal.setJobState(12345, JobState::Running).error().kind(), Error::Kind::NotFound);

        // Removing a job removes its items.
        QVector<JobItem> items = makeItems(5);
        QVERIFY(journal.addItems(second, items).ok());
        QVERIFY(journal.removeJob(second).ok());
        QCOMPARE(journal.item(items.constFirst().id).error().kind(), Error::Kind::NotFound);
        QCOMPARE(journal.job(second).error().kind(), Error::Kind::NotFound);
    }

    void batchedInsert()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob()).value();

        QVector<JobItem> items = makeItems(10000);
        qint64 bytes = 0;
        for (const JobItem &item : std::as_const(items))
            bytes += item.size;
        QElapsedTimer timer;
        timer.start();
        const Status added = journal.addItems(id, items);
        QVERIFY2(added.ok(), qPrintable(added.error().toString()));
        qInfo("10,000 items inserted in %lld ms", timer.elapsed());

        QSet<qint64> ids;
        for (const JobItem &item : std::as_const(items))
            ids.insert(item.id);
        QCOMPARE(ids.size(), 10000);
        QVERIFY(!ids.contains(0));
        QCOMPARE(items.constLast().orderKey, qint64(9999));

        const JobRecord job = journal.job(id).value();
        QCOMPARE(job.itemsTotal, qint64(10000));
        QCOMPARE(job.bytesTotal, bytes);
        QCOMPARE(job.itemsDone, qint64(0));

        // A second batch continues the order.
        QVector<JobItem> more = makeItems(3, QStringLiteral("late"));
        QVERIFY(journal.addItems(id, more).ok());
        QCOMPARE(more.constFirst().orderKey, qint64(10000));

        const QVector<JobItem> page = journal.items(id, 9998, 10).value();
        QCOMPARE(page.size(), 4);
        QCOMPARE(page.at(0).sourcePath, items.constLast().sourcePath);
        QCOMPARE(page.at(1).sourcePath, more.constFirst().sourcePath);
        const JobItem stored = journal.item(items.at(5).id).value();
        QCOMPARE(stored.destinationPath, items.at(5).destinationPath);
        QCOMPARE(stored.mtimeMs, items.at(5).mtimeMs);
        QCOMPARE(stored.state, ItemState::Pending);
    }

    // Schema 3: where a keep-both copy was written and a history copy's older versions are kept;
    // an outcome without a written path keeps the stored one, and a skipped item that goes again
    // loses its skip's reason.
    void writtenPathAndOlderVersions()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob(JobKind::Migrate)).value();
        QVector<JobItem> items = makeItems(3);
        items[1].olderVersions = 2;
        items[1].sourceId = 77;
        items[2].writtenPath = QStringLiteral("/Drawings/planned (1).pdf");
        QVERIFY(journal.addItems(id, items).ok());
        QCOMPARE(journal.item(items.at(1).id).value().olderVersions, qint64(2));
        QCOMPARE(journal.item(items.at(0).id).value().olderVersions, qint64(0));
        QCOMPARE(journal.item(items.at(2).id).value().writtenPath,
                 QStringLiteral("/Drawings/planned (1).pdf"));

        const QVector<JobItem> taken = journal.takePending(id, 3).value();
        ItemOutcome written = outcome(taken.at(1), ItemState::Done);
        written.writtenPath = QStringLiteral("/Drawings/file-1 (1).pdf");
        ItemOutcome skipped = outcome(taken.at(2), ItemState::Skipped);
        skipped.error = Error(Error::Kind::Conflict, QString());
        QVERIFY(journal.recordOutcomes({written, outcome(taken.at(0), ItemState::Done), skipped}).ok());
        QCOMPARE(journal.item(items.at(1).id).value().writtenPath,
                 QStringLiteral("/Drawings/file-1 (1).pdf"));
        QCOMPARE(journal.item(items.at(2).id).value().writtenPath,
                 QStringLiteral("/Drawings/planned (1).pdf"));
        QCOMPARE(journal.item(items.at(2).id).value().errorKind, Error::Kind::Conflict);
        QCOMPARE(journal.item(items.at(2).id).value().reason, QStringLiteral("exists, same size"));
        ItemOutcome again;
        again.itemId = items.at(2).id;
        again.state = ItemState::Pending;
        QVERIFY(journal.recordOutcomes({again}).ok());
        QCOMPARE(journal.item(items.at(2).id).value().reason, QString());
        QCOMPARE(journal.item(items.at(2).id).value().errorKind, Error::Kind::None);

        // Failed copies by destination path, with their kinds (JobRunner's dependents).
        QVector<JobItem> more = makeItems(2, QStringLiteral("more"));
        more[1].action = ItemAction::NewVersion;
        QVERIFY(journal.addItems(id, more).ok());
        const QVector<JobItem> claimed = journal.takePending(id, 10).value();
        QVector<ItemOutcome> failed;
        for (const JobItem &item : claimed)
            failed << outcome(item, ItemState::Failed);
        QVERIFY(journal.recordOutcomes(failed).ok());
        const QHash<QString, Error::Kind> copies = journal.failedCopies(id).value();
        QCOMPARE(copies.size(), 2); // "more-0" creates a folder: not a copy
        QCOMPARE(copies.value(items.at(2).destinationPath), Error::Kind::Permission);
        QCOMPARE(copies.value(more.at(1).destinationPath), Error::Kind::Permission);
    }

    void takePendingAndCrashRecovery()
    {
        const QString path = newPath();
        const QString crashed = newPath();
        qint64 id = 0;
        QVector<qint64> leftInFlight;
        {
            Database db(path);
            QVERIFY(db.open().ok());
            Journal journal(db);
            id = journal.createJob(sampleJob()).value();
            QVector<JobItem> items = makeItems(100);
            QVERIFY(journal.addItems(id, items).ok());
            QVERIFY(journal.setJobState(id, JobState::Running).ok());

            Result<QVector<JobItem>> taken = journal.takePending(id, 10);
            QVERIFY(taken.ok());
            QCOMPARE(taken.value().size(), 10);
            for (int i = 0; i < 10; ++i) {
                QCOMPARE(taken.value().at(i).id, items.at(i).id); // in order
                QCOMPARE(taken.value().at(i).state, ItemState::InFlight);
                QCOMPARE(taken.value().at(i).attempts, 1);
            }
            QCOMPARE(journal.item(items.at(3).id).value().state, ItemState::InFlight);

            QVector<ItemOutcome> outcomes;
            for (int i = 0; i < 6; ++i)
                outcomes << outcome(taken.value().at(i), ItemState::Done);
            outcomes << outcome(taken.value().at(6), ItemState::Failed);
            QVERIFY(journal.recordOutcomes(outcomes).ok());
            for (int i = 7; i < 10; ++i)
                leftInFlight << taken.value().at(i).id;

            // The next claim does not hand out what is in flight.
            const QVector<JobItem> next = journal.takePending(id, 2).value();
            QCOMPARE(next.at(0).id, items.at(10).id);
            leftInFlight << next.at(0).id << next.at(1).id;

            // Crash: the files as they are on disk now, never closed.
            snapshot(path, crashed);
        }

        Database db(crashed);
        const Status reopened = db.open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().toString()));
        Journal journal(db);
        const QVector<JobRecord> unfinished = journal.unfinishedJobs().value();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.constFirst().state, JobState::Running);

        Result<QVector<JobItem>> toVerify = journal.resetInFlight(id);
        QVERIFY(toVerify.ok());
        QVector<qint64> verifyIds;
        for (const JobItem &item : toVerify.value()) {
            verifyIds << item.id;
            QVERIFY(item.needsVerify);
            QCOMPARE(item.state, ItemState::Pending);
            QCOMPARE(item.attempts, 1);
        }
        QCOMPARE(verifyIds, leftInFlight);

        // They come back first, still flagged, and the flag clears once settled.
        const QVector<JobItem> again = journal.takePending(id, 5).value();
        QCOMPARE(again.size(), 5);
        QCOMPARE(again.at(0).id, leftInFlight.at(0));
        QVERIFY(again.at(0).needsVerify);
        QCOMPARE(again.at(0).attempts, 2);
        QVERIFY(journal.recordOutcomes({outcome(again.at(0), ItemState::Done)}).ok());
        QVERIFY(!journal.item(again.at(0).id).value().needsVerify);

        const JobRecord job = journal.job(id).value();
        QCOMPARE(job.itemsDone, qint64(7));
        QCOMPARE(job.itemsFailed, qint64(1));
        // Nothing is left in flight twice: a second reset finds the 4 still claimed plus none else.
        QCOMPARE(journal.resetInFlight(id).value().size(), 4);
    }

    void countersMatchItems()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob()).value();
        QVector<JobItem> items = makeItems(50);
        items[1].action = ItemAction::Skip;
        items[1].state = ItemState::Skipped;
        items[1].reason = QStringLiteral("filtered out");
        QVERIFY(journal.addItems(id, items).ok());

        const QVector<JobItem> taken = journal.takePending(id, 30).value();
        QVector<ItemOutcome> outcomes;
        for (int i = 0; i < taken.size(); ++i)
            outcomes << outcome(taken.at(i),
                                i % 5 == 0       ? ItemState::Failed
                                    : i % 7 == 0 ? ItemState::Skipped
                                                 : ItemState::Done);
        QVERIFY(journal.recordOutcomes(outcomes).ok());
        // A failed item retried and done moves from failed to done.
        QVERIFY(journal.recordOutcomes({outcome(taken.at(0), ItemState::Done)}).ok());

        const JobRecord incremental = journal.job(id).value();
        qint64 done = 0, failed = 0, skipped = 0, bytesDone = 0;
        QVERIFY(journal
                    .forEachItem(id,
                                 [&](const JobItem &item) {
                                     done += item.state == ItemState::Done;
                                     failed += item.state == ItemState::Failed;
                                     skipped += item.state == ItemState::Skipped;
                                     bytesDone += item.bytesDone;
                                     return true;
                                 })
                    .ok());
        QCOMPARE(incremental.itemsTotal, qint64(50));
        QCOMPARE(incremental.itemsDone, done);
        QCOMPARE(incremental.itemsFailed, failed);
        QCOMPARE(incremental.itemsSkipped, skipped);
        QCOMPARE(incremental.bytesDone, bytesDone);
        QVERIFY(done > 0 && failed > 0 && skipped > 1);

        // Spoil the stored counters; recomputing from the items restores them.
        QSqlQuery query(db.connectionForCurrentThread().value());
        QVERIFY(
            query.exec(QStringLiteral("UPDATE jobs SET items_total = 0, items_done = 0, items_failed = 99, "
                                      "items_skipped = 0, bytes_total = 0, bytes_done = 0")));
        QVERIFY(journal.recomputeCounters(id).ok());
        const JobRecord recomputed = journal.job(id).value();
        QCOMPARE(recomputed.itemsTotal, incremental.itemsTotal);
        QCOMPARE(recomputed.itemsDone, incremental.itemsDone);
        QCOMPARE(recomputed.itemsFailed, incremental.itemsFailed);
        QCOMPARE(recomputed.itemsSkipped, incremental.itemsSkipped);
        QCOMPARE(recomputed.bytesTotal, incremental.bytesTotal);
        QCOMPARE(recomputed.bytesDone, incremental.bytesDone);
    }

    void syncStateUpsert()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        SyncStateStore store(db);
        const SyncPair pair{QStringLiteral("share-1"), QStringLiteral("/p"), QStringLiteral("procore-1"),
                            QStringLiteral("/Docs")};
        const SyncPair other{QStringLiteral("share-1"), QStringLiteral("/q"), QStringLiteral("procore-1"),
                             QStringLiteral("/Docs")};
        QVERIFY(store.entries(pair).value().isEmpty());

        QVector<SyncEntry> entries;
        for (int i = 0; i < 1000; ++i)
            entries << SyncEntry{
                QStringLiteral("a/%1.dwg").arg(i), i, 1000LL * i, 8000000000000LL + i, 77, {}};
        QVERIFY(store.upsert(pair, entries).ok());
        QVERIFY(store.upsert(other, entries.mid(0, 3)).ok());

        QVector<SyncEntry> changes;
        for (int i = 0; i < 10; ++i)
            changes << SyncEntry{QStringLiteral("a/%1.dwg").arg(i), 5555, 1, 2, 3,
                                 QStringLiteral("sum%1").arg(i)};
        for (int i = 0; i < 5; ++i)
            changes << SyncEntry{QStringLiteral("new/%1").arg(i), 1, 1, 1, 1, {}};
        QVERIFY(store.upsert(pair, changes).ok());

        QHash<QString, SyncEntry> stored = store.entries(pair).value();
        QCOMPARE(stored.size(), 1005);
        QCOMPARE(stored.value(QStringLiteral("a/3.dwg")).size, qint64(5555));
        QCOMPARE(stored.value(QStringLiteral("a/3.dwg")).localChecksum, QStringLiteral("sum3"));
        QCOMPARE(stored.value(QStringLiteral("a/500.dwg")).remoteId, 8000000000500LL);
        QCOMPARE(stored.value(QStringLiteral("a/500.dwg")).mtimeMs, 500000LL);

        QVERIFY(store.remove(pair, {QStringLiteral("a/1.dwg"), QStringLiteral("new/0")}).ok());
        QCOMPARE(store.entries(pair).value().size(), 1003);
        const QHash<QString, SyncEntry> otherEntries = store.entries(other).value();
        QCOMPARE(otherEntries.size(), 3);
        QCOMPARE(otherEntries.value(QStringLiteral("a/1.dwg")).size, qint64(1)); // untouched

        QVERIFY(store.forget(pair).ok());
        QVERIFY(store.entries(pair).value().isEmpty());
        QCOMPARE(store.entries(other).value().size(), 3);
        // Forgetting paths of a pair that is not stored (any more) changes nothing and is no error.
        QVERIFY(store.remove(pair, {QStringLiteral("a/2.dwg")}).ok());
        QVERIFY(store.entries(pair).value().isEmpty());
        QCOMPARE(store.entries(other).value().size(), 3);
    }

    void reportCsvAndHtml()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob()).value();
        QVector<JobItem> items = makeItems(4);
        items[0].sourcePath = QStringLiteral("/p/<script>alert(1)</script>.pdf");
        items[1].sourcePath = QStringLiteral("/p/say \"hi\", twice.pdf");
        items[2].sourcePath = QStringLiteral("=HYPERLINK(\"x\")");
        items[3].action = ItemAction::Skip;
        items[3].state = ItemState::Skipped;
        items[3].reason = QStringLiteral("line one\nline two & <b>bold</b>");
        QVERIFY(journal.addItems(id, items).ok());
        const QVector<JobItem> taken = journal.takePending(id, 3).value();
        QVERIFY(journal
                    .recordOutcomes(
                        {outcome(taken.at(0), ItemState::Done), outcome(taken.at(1), ItemState::Failed)})
                    .ok());

        ReportExporter exporter(db);
        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        QVERIFY(exporter.writeCsv(id, &csv).ok());
        QByteArray csvBytes = csv.data();
        QVERIFY(csvBytes.startsWith("\xEF\xBB\xBF"));
        const QString csvText = QString::fromUtf8(csvBytes.mid(3));
        QVERIFY(csvText.startsWith(
            QLatin1String("order,action,outcome,source_path,destination_path,written_path,mapped_name,")));
        QVERIFY(csvText.contains(QLatin1String(",\"/p/say \"\"hi\"\", twice.pdf\",")));
        QVERIFY(csvText.contains(QLatin1String(",\"'=HYPERLINK(\"\"x\"\")\",")));
        QVERIFY(csvText.contains(QLatin1String("\"line one\nline two & <b>bold</b>\"")));
        QVERIFY(csvText.contains(QLatin1String(",create-folder,done,")));
        QVERIFY(csvText.contains(QLatin1String(",upload,failed,")));
        QVERIFY(csvText.contains(QLatin1String(",in-flight,")));
        QVERIFY(csvText.contains(QLatin1String("permission,No permission")));
        QVERIFY(csvText.contains(QStringLiteral("sha256:%1").arg(taken.at(0).id)));
        QCOMPARE(csvText.count(QLatin1String("\r\n")), 1 + 4);

        QBuffer html;
        QVERIFY(html.open(QIODevice::WriteOnly));
        QVERIFY(exporter.writeHtml(id, &html).ok());
        const QString htmlText = QString::fromUtf8(html.data());
        QVERIFY(!htmlText.contains(QLatin1String("<script>")));
        QVERIFY(!htmlText.contains(QLatin1String("<b>bold")));
        QVERIFY(htmlText.contains(QLatin1String("/p/&lt;script&gt;alert(1)&lt;/script&gt;.pdf")));
        QVERIFY(htmlText.contains(QLatin1String("say &quot;hi&quot;, twice.pdf")));
        QVERIFY(htmlText.contains(QLatin1String("line two &amp; &lt;b&gt;bold&lt;/b&gt;")));
        QCOMPARE(htmlText.count(QLatin1String("<tr class=")), 4);
        QVERIFY(htmlText.contains(QLatin1String("<tr class=\"failed\">")));
        QVERIFY(htmlText.trimmed().endsWith(QLatin1String("</html>")));

        // A device that is not open, or no device, is an error, not a crash; so is a job that is
        // not in the journal. The same for every format.
        QBuffer closed;
        QVERIFY(!exporter.writeCsv(id, &closed).ok());
        QVERIFY(!exporter.writeHtml(id, &closed).ok());
        QVERIFY(!exporter.writeJson(id, &closed).ok());
        QVERIFY(!exporter.writeJson(id, nullptr).ok());
        QCOMPARE(exporter.writeCsv(999, &csv).error().kind(), Error::Kind::NotFound);
        QCOMPARE(exporter.writeHtml(999, &html).error().kind(), Error::Kind::NotFound);
        QBuffer json;
        QVERIFY(json.open(QIODevice::WriteOnly));
        QCOMPARE(exporter.writeJson(999, &json).error().kind(), Error::Kind::NotFound);
        QCOMPARE(json.size(), 0); // nothing written for a job that is not there
    }

    void damagedWal()
    {
        const QString path = newPath();
        const QString copy = newPath();
        qint64 id = 0;
        {
            Database db(path);
            QVERIFY(db.open().ok());
            Journal journal(db);
            id = journal.createJob(sampleJob()).value();
            QVector<JobItem> first = makeItems(200, QStringLiteral("first"));
            QVERIFY(journal.addItems(id, first).ok());
            QSqlQuery query(db.connectionForCurrentThread().value());
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            query.finish();
            QVector<JobItem> second = makeItems(200, QStringLiteral("second"));
            QVERIFY(journal.addItems(id, second).ok()); // only in the WAL
            snapshot(path, copy);
        }

        // Frames with garbage: SQLite's checksums reject them; the checkpointed data survives.
        QFile wal(copy + QStringLiteral("-wal"));
        QVERIFY(wal.size() > 32);
        QVERIFY(wal.open(QIODevice::ReadWrite));
        QVERIFY(wal.seek(32));
        wal.write(QByteArray(int(wal.size()) - 32, '\x5a'));
        wal.close();
        {
            Database db(copy);
            const Status opened = db.open();
            QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
            Journal journal(db);
            Result<JobRecord> job = journal.job(id);
            QVERIFY(job.ok());
            QCOMPARE(job.value().itemsTotal, qint64(200));
            QCOMPARE(journal.items(id, -1, 1000).value().size(), 200);
            QSqlQuery check(db.connectionForCurrentThread().value());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        }

        // A WAL that is garbage from its first byte is ignored just the same.
        QVERIFY(wal.open(QIODevice::WriteOnly | QIODevice::Truncate));
        wal.write(QByteArray(8192, '\x13'));
        wal.close();
        Database db(copy);
        QVERIFY(db.open().ok());
        Journal journal(db);
        QCOMPARE(journal.job(id).value().itemsTotal, qint64(200));
    }

    void writerBatchesFromManyThreads()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob()).value();
        QVector<JobItem> items = makeItems(3000);
        QVERIFY(journal.addItems(id, items).ok());
        QVector<JobItem> taken = journal.takePending(id, 3000).value();
        QCOMPARE(taken.size(), 3000);

        JournalWriter writer(db);
        QSignalSpy committed(&writer, &JournalWriter::committed);
        QSignalSpy failed(&writer, &JournalWriter::writeFailed);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 3; ++t) {
            threads.emplace_back(QThread::create([&writer, &taken, t] {
                for (int i = t * 1000; i < (t + 1) * 1000; ++i)
                    writer.recordOutcome(outcome(taken.at(i), ItemState::Done));
            }));
            threads.back()->start();
        }
        writer.addApiCalls(id, 3);
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        writer.flush();

        int writes = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                writes = 0;
                for (const QList<QVariant> &signal : std::as_const(committed))
                    writes += signal.at(1).toInt();
                return writes == 3001;
            }(),
            30000);
        QCOMPARE(failed.count(), 0);
        // Batched: far fewer commits than writes.
        QVERIFY2(committed.count() < 100, qPrintable(QString::number(committed.count())));
        qInfo("3,001 writes from 4 threads in %lld commits", qint64(committed.count()));
        QVERIFY(committed.constFirst().at(0).value<QVector<qint64>>().contains(id));

        // Readers on this thread see everything the writer committed.
        const JobRecord job = journal.job(id).value();
        QCOMPARE(job.itemsDone, qint64(3000));
        QCOMPARE(job.apiCalls, qint64(3));
    }

    void writerKeepsGoodWritesWhenOneFails()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        Journal journal(db);
        const qint64 id = journal.createJob(sampleJob()).value();
        JournalWriter writer(db);
        QSignalSpy committed(&writer, &JournalWriter::committed);
        QSignalSpy failed(&writer, &JournalWriter::writeFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("job 987654")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("fails on purpose")));
        writer.addApiCalls(id, 1);
        writer.setJobState(987654, JobState::Running); // no such job
        writer.post(id, [id](Journal &journal) -> Status {
            // Half done, then fails: the savepoint must undo the half.
            if (Status counted = journal.addApiCalls(id, 100); !counted.ok())
                return counted;
            return Error(Error::Kind::Internal, QStringLiteral("fails on purpose"));
        });
        writer.addApiCalls(id, 2);
        writer.flush();
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, 30000);
        QCOMPARE(committed.constFirst().at(1).toInt(), 4);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(0).at(0).value<Error>().kind(), Error::Kind::NotFound);
        QCOMPARE(failed.at(1).at(0).value<Error>().kind(), Error::Kind::Internal);
        QCOMPARE(journal.job(id).value().apiCalls, qint64(3));
    }

    void writerFlushesOnDestruction()
    {
        Database db(newPath());
        QVERIFY(db.open().ok());
        qint64 id = 0;
        {
            Journal journal(db);
            id = journal.createJob(sampleJob()).value();
        }
        {
            JournalWriter writer(db);
            writer.addItems(id, makeItems(250));
            writer.setJobState(id, JobState::Planned);
            writer.post(id, [id](Journal &journal) { return journal.addApiCalls(id, 9); });
        } // queued writes commit before the writer is gone
        Journal journal(db);
        const JobRecord job = journal.job(id).value();
        QCOMPARE(job.itemsTotal, qint64(250));
        QCOMPARE(job.state, JobState::Planned);
        QCOMPARE(job.apiCalls, qint64(9));
        QCOMPARE(db.connectionCount(), 1); // the writer's connection closed with its thread
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
