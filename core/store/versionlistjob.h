#pragma once

#include "core/store/storejob.h"
#include "core/store/storepath.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace trestle {

class StatJob;

// One version of a file as Store::listVersions() reports it. Plain data.
struct StoreVersion final
{
    // The backend's id of the version (Procore: file_versions[].id); empty for "the file itself"
    // on a store that keeps no versions.
    QString id;
    int number = 0; // 1 = the oldest
    qint64 size = -1;
    QDateTime modified; // UTC; when this version was made; invalid if unknown
    // Store-private: where the bytes are when the listing said so (Procore: the version's download
    // URL), so reading a listed version costs no lookup. May be empty.
    QString location;
};

// The versions of one file, oldest first; valid once finished() reported success. A store without
// versions gives the file itself as its only version (fromStat()).
class VersionListJob : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionListJob)

public:
    explicit VersionListJob(StorePath path, QObject *parent = nullptr);
    ~VersionListJob() override;

    StorePath path() const { return m_path; }
    const QList<StoreVersion> &versions() const { return m_versions; }

    // The default of Store::listVersions(): one version (empty id) from the stat of the file;
    // takes the unstarted stat job over.
    static VersionListJob *fromStat(StatJob *stat);

protected:
    // Sorted oldest first here, whatever order the backend gave.
    void setVersions(QList<StoreVersion> versions);

private:
    StorePath m_path;
    QList<StoreVersion> m_versions;
};

} // namespace trestle
