#pragma once

#include "core/store/procorecache.h"
#include "core/store/storejob.h"

#include <QPointer>

namespace trestle {

class ProcoreStore;

// ProcoreStore::move: one PATCH of the folder or file (`name` renames, `parent_id` moves), with
// the ids from the cache. A clash the cache knows of fails with Conflict before any call; one it
// does not know comes back from the server as 422 "taken", also Conflict. Moving to the top
// needs the root's id: known from any root listing, else the root is listed once.
class ProcoreMoveJob final : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreMoveJob)

public:
    // `invalid`: a problem found before starting (checked names, the root, into itself).
    ProcoreMoveJob(ProcoreStore *store, StorePath from, StorePath to, Error invalid,
                   QObject *parent = nullptr);
    ~ProcoreMoveJob() override;

protected:
    void doStart() override;

private:
    void resolveTarget();
    void patch(qint64 parentId);
    void done(const Result<ProcoreNode> &moved);

    QPointer<ProcoreStore> m_store;
    const StorePath m_from;
    const StorePath m_to;
    const Error m_invalid;
    ProcoreNode m_source;
    bool m_rootListed = false;
};

} // namespace trestle
