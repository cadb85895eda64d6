#include "tmpfsmount.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

namespace testing {

namespace {

// Runs mount (or umount) to its end: empty when it succeeded, else why not.
QString runMount(const QString &program, const QStringList &arguments)
{
    QProcess mount;
    mount.start(program, arguments);
    if (!mount.waitForFinished(30000))
        return mount.error() == QProcess::FailedToStart ? mount.errorString()
                                                        : QStringLiteral("%1 did not finish").arg(program);
    if (mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0) {
        const QString said = QString::fromLocal8Bit(mount.readAllStandardError()).simplified();
        return said.isEmpty() ? QStringLiteral("%1 exited with %2").arg(program).arg(mount.exitCode()) : said;
    }
    return {};
}

} // namespace

TmpfsMount::TmpfsMount(const QString &size, const QString &options, const QString &directory)
    : m_path(directory)
{
    if (m_path.isEmpty()) {
        m_ownDirectory = std::make_unique<QTemporaryDir>();
        m_path = m_ownDirectory->path();
    }
    QDir().mkpath(m_path);
    QString all = QStringLiteral("size=") + size;
    if (!options.isEmpty())
        all += QLatin1Char(',') + options;
    const QString failed = runMount(QStringLiteral("mount"),
                                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), all,
                                     QStringLiteral("tmpfs"), m_path});
    m_mounted = failed.isEmpty();
    if (!m_mounted) {
        const bool readOnly = options.split(QLatin1Char(',')).contains(QStringLiteral("ro"));
        m_skipReason = QStringLiteral("cannot mount a %1tmpfs (needs root or CAP_SYS_ADMIN): %2")
                           .arg(readOnly ? QStringLiteral("read-only ") : QString(), failed);
    }
}

TmpfsMount::~TmpfsMount()
{
    unmount();
}

bool TmpfsMount::isMounted() const
{
    return m_mounted;
}

QString TmpfsMount::path() const
{
    return m_path;
}

QString TmpfsMount::skipReason() const
{
    return m_skipReason;
}

bool TmpfsMount::resize(const QString &size)
{
    return remount(QStringLiteral("size=") + size);
}

bool TmpfsMount::setReadOnly(bool readOnly)
{
    return remount(readOnly ? QStringLiteral("ro") : QStringLiteral("rw"));
}

void TmpfsMount::unmount()
{
    if (m_mounted)
        runMount(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    m_mounted = false;
}

bool TmpfsMount::remount(const QString &options)
{
    if (!m_mounted)
        return false;
    const QString failed = runMount(QStringLiteral("mount"),
                                    {QStringLiteral("-o"), QStringLiteral("remount,") + options, m_path});
    if (!failed.isEmpty())
        qWarning("remount,%s of %s: %s", qPrintable(options), qPrintable(m_path), qPrintable(failed));
    return failed.isEmpty();
}

} // namespace testing
