#pragma once

#include "core/common/result.h"
#include "core/store/storepath.h"

#include <QIODevice>

namespace trestle {

// A write in progress that accepts pushed bytes (QIODevice::write) and becomes visible only on
// commit(), atomically, like QSaveFile. abort(), or destroying the session without commit(), leaves
// nothing behind. A failed write() (-1) keeps the cause in error(): DiskFull, Permission, LocalIo.
// Write-only and sequential; lives in the thread that created it.
class WriteSession : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WriteSession)

public:
    explicit WriteSession(StorePath path, QObject *parent = nullptr);
    ~WriteSession() override;

    StorePath path() const { return m_path; }
    // Bytes announced by beginWrite() (-1 if unknown) and bytes accepted so far.
    virtual qint64 expectedSize() const = 0;
    virtual qint64 bytesAccepted() const = 0;
    // Makes the file visible under path() with the given modification time. Fails if the bytes
    // written differ from the announced size, on any earlier write error, or if the destination
    // changed meanwhile; on failure nothing is left behind.
    virtual Status commit() = 0;
    // Throws away everything written. Safe to call more than once and after commit().
    virtual void abort() = 0;
    // The first error, or none.
    virtual Error error() const = 0;

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    StorePath m_path;
};

} // namespace trestle
