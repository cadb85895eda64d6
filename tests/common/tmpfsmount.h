#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>

class QTemporaryDir;

namespace testing {

// A size-limited tmpfs that a test mounts for itself: a real full disk (a small size) or a real
// read-only file system (root writes through file modes, so chmod proves nothing). Mounting needs
// root or CAP_SYS_ADMIN; where the machine cannot, isMounted() is false and skipReason() says why
// (an environment limit, so the caller QSKIPs: CI runs as root). Unmounted (lazily, so a file
// still open there cannot keep it) when this goes.
class TmpfsMount final
{
    Q_DISABLE_COPY_MOVE(TmpfsMount)

public:
    // Mounts a tmpfs of `size` (mount's syntax: "1m", "4m") at `directory`, made if missing; in a
    // temporary folder of its own when `directory` is empty. `options` are more mount options,
    // comma-separated ("ro", "mode=0700").
    explicit TmpfsMount(const QString &size, const QString &options = {}, const QString &directory = {});
    ~TmpfsMount();

    bool isMounted() const;
    QString path() const;
    // Why it is not mounted, with what mount said; empty when it is.
    QString skipReason() const;

    // Remounted with a new size (a full disk gets space again); false when mount refused.
    bool resize(const QString &size);
    // Remounted read-only or read-write; false when mount refused.
    bool setReadOnly(bool readOnly);
    void unmount();

private:
    bool remount(const QString &options);

    std::unique_ptr<QTemporaryDir> m_ownDirectory;
    QString m_path;
    QString m_skipReason;
    bool m_mounted = false;
};

} // namespace testing
