#pragma once

#include "core/common/error.h"
#include "core/db/journaltypes.h"

#include <QIcon>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace trestle {

// The tray icon and the desktop notification when a job ends, with its outcome in words
// ("Copy to Tower A finished: 1,204 files", "… 3 items failed"). Where the desktop has no tray
// (some GNOME setups, Xvfb) there is no icon and no balloon; the outcome still reaches the
// window's status bar through notified().
class JobNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobNotifier)

public:
    // `menu` (optional, not owned) is the tray icon's context menu.
    explicit JobNotifier(const QIcon &icon, QMenu *menu = nullptr, QObject *parent = nullptr);
    ~JobNotifier() override;

    bool hasTrayIcon() const { return m_tray != nullptr; }

    // Shows the notification for a job that ended; `destinationName` is the connection's name.
    void jobFinished(const JobRecord &job, const QString &destinationName, const Error &error);
    // The engine paused the job for a reason the user must act on (sign in again, free space).
    void jobStopped(const JobRecord &job, const QString &destinationName, const Error &reason);

    static QString outcomeText(const JobRecord &job, const QString &destinationName, const Error &error);
    static bool isFailure(const JobRecord &job, const Error &error);
    // "Copy to Tower A", "Migration to Tower A": the job in words.
    static QString jobText(const JobRecord &job, const QString &destinationName);
    static QString stoppedText(const JobRecord &job, const QString &destinationName, const Error &reason);

Q_SIGNALS:
    void notified(const QString &text, bool failure);
    void activated(); // the tray icon or its message was clicked: show the window

private:
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace trestle
