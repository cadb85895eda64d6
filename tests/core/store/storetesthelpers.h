#pragma once

#include "processstatus.h"

#include "core/store/store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QIODevice>
#include <QStringList>

namespace testing {

// Runs a job to its end (test-only waits), checks that exactly one finished() came and that
// kill() afterwards changes nothing, and returns its error (none = success).
trestle::Error runJob(trestle::StoreJob *job, int timeoutMs = 60000);
// The same for a ListJob / StatJob, keeping the results.
trestle::Error listFolder(trestle::Store *store, const QString &path, QList<trestle::Entry> *entries);
trestle::Error statPath(trestle::Store *store, const QString &path, trestle::Entry *entry);
QStringList listNames(trestle::Store *store, const QString &path); // sorted; empty on error
trestle::Error writeBytes(trestle::Store *store, const QString &path, const QByteArray &bytes,
                          const QDateTime &mtime = {},
                          trestle::Store::WriteMode mode = trestle::Store::WriteMode::Replace);
trestle::Error readBytes(trestle::Store *store, const QString &path, QByteArray *bytes);
trestle::Error createFolder(trestle::Store *store, const QString &path);
trestle::StorePath sp(const QString &path); // a StorePath that must parse
QByteArray pseudoRandom(qint64 size, quint32 seed);
// Peak resident set size of this process (VmHWM) in bytes; testing::resetPeakRss() restarts it.
qint64 peakRss();

// A write-only sink that hashes and counts what it gets, so a big file can be read without
// keeping it.
class HashSink final : public QIODevice
{
    Q_OBJECT

public:
    HashSink();
    QByteArray result() const { return m_hash.result(); }
    qint64 received() const { return m_received; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_received = 0;
};

// A sequential source that delivers `chunk` bytes each time feed() is called and never ends on
// its own: for killing a write in the middle.
class TrickleSource final : public QIODevice
{
    Q_OBJECT

public:
    TrickleSource();
    void feed(qint64 chunk);
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_pending + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_pending = 0;
};

} // namespace testing
