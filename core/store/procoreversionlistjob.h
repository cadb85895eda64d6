#pragma once

#include "core/store/versionlistjob.h"

#include <QPointer>

namespace trestle {

class ProcoreStore;

// ProcoreStore::listVersions: resolves the file (0 calls when its folder was listed), and only when
// its entry says it has more than one version asks for the file with all of them (GET /files/{id},
// 1 call). A file with one version costs nothing extra: its one version is the file itself.
class ProcoreVersionListJob final : public VersionListJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreVersionListJob)

public:
    ProcoreVersionListJob(ProcoreStore *store, StorePath path, QObject *parent = nullptr);
    ~ProcoreVersionListJob() override;

protected:
    void doStart() override;

private:
    void fetch(qint64 fileId);

    QPointer<ProcoreStore> m_store;
};

} // namespace trestle
