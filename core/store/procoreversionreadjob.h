#pragma once

#include "core/store/storejob.h"
#include "core/store/versionlistjob.h"

#include <QPointer>

class QIODevice;

namespace trestle {

class ProcoreStore;
class StorageTransfer;

// ProcoreStore::readVersionInto for a listed version: its download URL (from the listing; else
// GET /file_versions/{id}, 1 call) → StorageTransfer → the sink. When storage refuses with 403
// before the first byte (an expired signed URL) the version is fetched once for a fresh URL.
class ProcoreVersionReadJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreVersionReadJob)

public:
    ProcoreVersionReadJob(ProcoreStore *store, StorePath path, StoreVersion version, QIODevice *sink,
                          QObject *parent = nullptr);
    ~ProcoreVersionReadJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    void download(const QString &url);
    void onTransferFinished();
    void refreshAndRetry();

    QPointer<ProcoreStore> m_store;
    const StorePath m_path;
    StoreVersion m_version;
    QPointer<QIODevice> m_sink;
    StorageTransfer *m_transfer = nullptr;
    bool m_refreshed = false;
};

} // namespace trestle
