#pragma once

#include "core/store/procorecache.h"
#include "core/store/storejob.h"

#include <QPointer>

class QIODevice;

namespace trestle {

class ProcoreStore;
class StorageTransfer;

// ProcoreStore::readInto: the current version's download URL (from the cache, or from listing
// the parent) → StorageTransfer (the token only on the API host's hop, manual redirects) →
// streamed into the sink. When storage refuses with 403 before the first byte (the signed URL
// has expired), the file is fetched again (1 call) for a fresh URL and the download is tried once
// more.
class ProcoreReadJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreReadJob)

public:
    ProcoreReadJob(ProcoreStore *store, StorePath path, QIODevice *sink, QObject *parent = nullptr);
    ~ProcoreReadJob() override;

protected:
    void doStart() override;
    void doKill() override;

private:
    void download(const ProcoreNode &node);
    void onTransferFinished();
    void refreshAndRetry();

    QPointer<ProcoreStore> m_store;
    const StorePath m_path;
    QPointer<QIODevice> m_sink;
    ProcoreNode m_node;
    StorageTransfer *m_transfer = nullptr;
    bool m_refreshed = false;
};

} // namespace trestle
