#include "core/store/statjob.h"

namespace trestle {

StatJob::StatJob(StorePath path, QObject *parent) : StoreJob(parent), m_path(std::move(path)) { }

StatJob::~StatJob() = default;

void StatJob::setEntry(Entry entry)
{
    m_entry = std::move(entry);
}

} // namespace trestle
