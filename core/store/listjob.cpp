#include "core/store/listjob.h"

namespace trestle {

ListJob::ListJob(StorePath folder, QObject *parent) : StoreJob(parent), m_folder(std::move(folder)) { }

ListJob::~ListJob() = default;

void ListJob::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
}

} // namespace trestle
