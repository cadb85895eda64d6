#pragma once

#include "core/store/entry.h"
#include "core/store/storejob.h"

namespace trestle {

// Lists one folder. entries() holds the folder's children once finished() reported success.
class ListJob : public StoreJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListJob)

public:
    explicit ListJob(StorePath folder, QObject *parent = nullptr);
    ~ListJob() override;

    StorePath folder() const { return m_folder; }
    const QList<Entry> &entries() const { return m_entries; }

protected:
    void setEntries(QList<Entry> entries);

private:
    StorePath m_folder;
    QList<Entry> m_entries;
};

} // namespace trestle
