#pragma once

#include "core/common/result.h"

#include <QCoreApplication>

#include <functional>

class QObject;

namespace trestle {

// "Test connection" of a file share: the folder exists, is a folder and may be read. Runs on a
// pool thread (a share may be a slow or dead network mount); `done` runs in `context`'s thread,
// not at all if `context` is gone.
class ShareProbe final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::ShareProbe)

public:
    static void check(const QString &path, QObject *context, std::function<void(Status)> done);
};

} // namespace trestle
