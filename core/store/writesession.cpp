#include "core/store/writesession.h"

namespace trestle {

WriteSession::WriteSession(StorePath path, QObject *parent) : QIODevice(parent), m_path(std::move(path)) { }

WriteSession::~WriteSession() = default;

qint64 WriteSession::readData(char *data, qint64 maxSize)
{
    Q_UNUSED(data)
    Q_UNUSED(maxSize)
    return -1; // write-only
}

} // namespace trestle
