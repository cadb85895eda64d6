#pragma once

#include "core/store/entry.h"
#include "core/store/storejob.h"

namespace trestle {

// Describes one entry. entry() is valid once finished() reported success.
class StatJob : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatJob)

public:
    explicit StatJob(StorePath path, QObject *parent = nullptr);
    ~StatJob() override;

    StorePath path() const { return m_path; }
    const Entry &entry() const { return m_entry; }

protected:
    void setEntry(Entry entry);

private:
    StorePath m_path;
    Entry m_entry;
};

} // namespace trestle
