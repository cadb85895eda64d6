#include "storetesthelpers.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include "processstatus.h"
#include <memory>

using namespace trestle;

namespace testing {

Error runJob(StoreJob *job, int timeoutMs)
{
    std::unique_ptr<StoreJob> owner(job);
    job->setAutoDelete(false);
    QSignalSpy finished(job, &StoreJob::finished);
    job->start();
    // start() only schedules: nothing can have finished yet.
    if (finished.count() != 0 || job->isFinished())
        return Error(Error::Kind::Internal, QStringLiteral("job finished inside start()"));
    if (!finished.wait(timeoutMs))
        return Error(Error::Kind::Timeout, QStringLiteral("job did not finish"));
    QTest::qWait(0); // a second finished() would be queued behind the first
    if (finished.count() != 1)
        return Error(Error::Kind::Internal, QStringLiteral("finished() %1 times").arg(finished.count()));
    if (job->kill() || finished.count() != 1)
        return Error(Error::Kind::Internal, QStringLiteral("kill() after finished() did something"));
    return job->error();
}

Error listFolder(Store *store, const QString &path, QList<Entry> *entries)
{
    ListJob *job = store->list(sp(path));
    QObject::connect(job, &StoreJob::finished, job, [job, entries] { *entries = job->entries(); });
    return runJob(job);
}

Error statPath(Store *store, const QString &path, Entry *entry)
{
    StatJob *job = store->stat(sp(path));
    QObject::connect(job, &StoreJob::finished, job, [job, entry] { *entry = job->entry(); });
    return runJob(job);
}

QStringList listNames(Store *store, const QString &path)
{
    QList<Entry> entries;
    if (listFolder(store, path, &entries))
        return {};
    QStringList names;
    for (const Entry &entry : std::as_const(entries))
        names.append(entry.name);
    names.sort();
    return names;
}

Error writeBytes(Store *store, const QString &path, const QByteArray &bytes, const QDateTime &mtime,
                 Store::WriteMode mode)
{
    QBuffer source;
    source.setData(bytes);
    source.open(QIODevice::ReadOnly);
    return runJob(store->writeFrom(sp(path), &source, bytes.size(), mtime, mode));
}

Error readBytes(Store *store, const QString &path, QByteArray *bytes)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    const Error error = runJob(store->readInto(sp(path), &sink));
    *bytes = sink.data();
    return error;
}

Error createFolder(Store *store, const QString &path)
{
    return runJob(store->makeFolder(sp(path)));
}

StorePath sp(const QString &path)
{
    const Result<StorePath> parsed = StorePath::fromString(path);
    if (!parsed.ok())
        qFatal("bad test path %s", qPrintable(path));
    return parsed.value();
}

QByteArray pseudoRandom(qint64 size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

qint64 peakRss()
{
    const qint64 kib = testing::peakRssKib();
    return kib < 0 ? -1 : kib * 1024;
}

HashSink::HashSink()
{
    open(QIODevice::WriteOnly);
}

qint64 HashSink::writeData(const char *data, qint64 size)
{
    m_hash.addData(QByteArrayView(data, size));
    m_received += size;
    return size;
}

TrickleSource::TrickleSource()
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void TrickleSource::feed(qint64 chunk)
{
    m_pending += chunk;
    Q_EMIT readyRead();
}

qint64 TrickleSource::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, m_pending);
    memset(data, 'x', size_t(n));
    m_pending -= n;
    return n;
}

} // namespace testing
