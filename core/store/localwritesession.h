#pragma once

#include "core/store/store.h"
#include "core/store/writesession.h"

#include <QDateTime>
#include <QFile>

namespace trestle {

// LocalStore's WriteSession: the bytes go to ".trestle-<random>.part" in the destination folder;
// commit() syncs it, sets the modification time, and renames it over the final name in one
// atomic step (or, with FailIfExists, only if the name is still free). A write error removes the
// temporary file at once, so a full disk leaves no partial file behind.
//
// Not QSaveFile, because: QSaveFile's temporary name ("<name>.XXXXXX") cannot be recognised in a
// listing or swept after a crash, it cannot commit without replacing, it cannot set the time
// before the file becomes visible, and it cannot tell a full disk from other write errors.
class LocalWriteSession final : public WriteSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalWriteSession)

public:
    // Opens the temporary file next to finalPath. Use create(); it reports failures.
    static Result<std::unique_ptr<WriteSession>> create(const StorePath &path, const QString &finalPath,
                                                        qint64 size, const QDateTime &mtime,
                                                        Store::WriteMode mode);
    ~LocalWriteSession() override;

    qint64 expectedSize() const override { return m_expectedSize; }
    qint64 bytesAccepted() const override { return m_accepted; }
    Status commit() override;
    void abort() override;
    Error error() const override { return m_error; }

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    LocalWriteSession(const StorePath &path, const QString &finalPath, const QString &tempPath, qint64 size,
                      const QDateTime &mtime, Store::WriteMode mode);
    void fail(const Error &error);
    void discard();

    QString m_finalPath;
    QFile m_file;
    qint64 m_expectedSize;
    qint64 m_accepted = 0;
    QDateTime m_mtime;
    Store::WriteMode m_mode;
    Error m_error;
    bool m_done = false; // committed or discarded
};

} // namespace trestle
