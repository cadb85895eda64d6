#include "core/store/versionlistjob.h"

#include "core/store/statjob.h"

#include <QPointer>

#include <algorithm>

namespace trestle {

namespace {

// One "version": the file as it is now (Store::listVersions() of a store without versions).
class StatVersionListJob final : public VersionListJob
{
public:
    explicit StatVersionListJob(StatJob *stat) : VersionListJob(stat->path()), m_stat(stat)
    {
        m_stat->setAutoDelete(false);
        m_stat->setParent(this);
    }

protected:
    void doStart() override
    {
        connect(m_stat, &StoreJob::finished, this, [this](StoreJob *) {
            if (isFinished())
                return;
            if (m_stat->error())
                return emitResult(m_stat->error());
            const Entry &entry = m_stat->entry();
            if (!entry.isFile())
                return emitResult(
                    Error(Error::Kind::NotFound, tr("\u201C%1\u201D is not a file.").arg(path().toString())));
            StoreVersion version;
            version.number = 1;
            version.size = entry.size;
            version.modified = entry.modified;
            setVersions({version});
            emitResult();
        });
        m_stat->start();
    }
    void doKill() override
    {
        if (m_stat)
            m_stat->kill();
    }

private:
    QPointer<StatJob> m_stat;
};

} // namespace

VersionListJob::VersionListJob(StorePath path, QObject *parent)
    : StoreJob(parent), m_path(std::move(path)) { }

VersionListJob::~VersionListJob() = default;

VersionListJob *VersionListJob::fromStat(StatJob *stat)
{
    return new StatVersionListJob(stat);
}

void VersionListJob::setVersions(QList<StoreVersion> versions)
{
    std::stable_sort(versions.begin(), versions.end(),
                     [](const StoreVersion &a, const StoreVersion &b) { return a.number < b.number; });
    m_versions = std::move(versions);
}

} // namespace trestle
