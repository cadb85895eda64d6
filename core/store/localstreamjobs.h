#pragma once

#include "core/store/localroot.h"
#include "core/store/store.h"
#include "core/store/storejob.h"

#include <QDateTime>
#include <QFile>
#include <QPointer>

#include <memory>

namespace trestle {

class StreamPump;

// readInto for LocalStore: the file's bytes pumped into the caller's sink in bounded chunks.
class LocalReadIntoJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalReadIntoJob)

public:
    LocalReadIntoJob(LocalRoot root, StorePath path, QIODevice *sink, QObject *parent = nullptr);
    ~LocalReadIntoJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    LocalRoot m_root;
    StorePath m_path;
    QPointer<QIODevice> m_sink;
    QFile m_file;
    StreamPump *m_pump = nullptr;
};

// writeFrom for LocalStore: a LocalWriteSession fed from the caller's source, committed at the end.
class LocalWriteFromJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalWriteFromJob)

public:
    LocalWriteFromJob(Store *store, StorePath path, QIODevice *source, qint64 size, QDateTime mtime,
                      Store::WriteMode mode, QObject *parent = nullptr);
    ~LocalWriteFromJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    QPointer<Store> m_store;
    StorePath m_path;
    QPointer<QIODevice> m_source;
    qint64 m_size;
    QDateTime m_mtime;
    Store::WriteMode m_mode;
    std::unique_ptr<WriteSession> m_session;
    StreamPump *m_pump = nullptr;
};

} // namespace trestle
