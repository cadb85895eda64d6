#include "ui/status/jobnotifier.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace trestle {

JobNotifier::JobNotifier(const QIcon &icon, QMenu *menu, QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(QCoreApplication::applicationName());
    if (menu)
        m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &JobNotifier::activated);
    m_tray->show();
}

JobNotifier::~JobNotifier() = default;

QString JobNotifier::jobText(const JobRecord &job, const QString &destinationName)
{
    QString what;
    switch (job.kind) {
    case JobKind::Analyze:
        what = tr("Analysis of %1").arg(destinationName);
        break;
    case JobKind::Copy:
        what = tr("Copy to %1").arg(destinationName);
        break;
    case JobKind::Sync:
        what = tr("Sync to %1").arg(destinationName);
        break;
    case JobKind::Migrate:
        what = tr("Migration to %1").arg(destinationName);
        break;
    }
    return what;
}

bool JobNotifier::isFailure(const JobRecord &job, const Error &error)
{
    return error.isError() || job.state == JobState::Failed || job.itemsFailed > 0;
}

QString JobNotifier::outcomeText(const JobRecord &job, const QString &destinationName, const Error &error)
{
    const QLocale locale;
    const QString what = jobText(job, destinationName);
    // Counts in words with the locale's digits ("1,204 items"); two plural forms serve English,
    // German and Spanish alike.
    const auto items = [&locale](qint64 n) {
        return n == 1 ? tr("1 item") : tr("%1 items").arg(locale.toString(n));
    };
    if (job.state == JobState::Cancelled || error.kind() == Error::Kind::Cancelled)
        return tr("%1 was cancelled after %2").arg(what, items(job.itemsDone));
    if (error.isError() && job.itemsDone == 0)
        return tr("%1 failed: %2").arg(what, error.message());
    QString text = tr("%1 finished: %2").arg(what, items(job.itemsDone));
    if (job.itemsFailed > 0)
        text += tr(", %1 failed").arg(items(job.itemsFailed));
    if (job.itemsSkipped > 0)
        text += tr(", %1 skipped").arg(locale.toString(job.itemsSkipped));
    return text;
}

void JobNotifier::jobFinished(const JobRecord &job, const QString &destinationName, const Error &error)
{
    const QString text = outcomeText(job, destinationName, error);
    const bool failure = isFailure(job, error);
    if (m_tray)
        m_tray->showMessage(QCoreApplication::applicationName(), text,
                            failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    Q_EMIT notified(text, failure);
}

QString JobNotifier::stoppedText(const JobRecord &job, const QString &destinationName, const Error &reason)
{
    return tr("%1 was paused: %2").arg(jobText(job, destinationName), reason.message());
}

void JobNotifier::jobStopped(const JobRecord &job, const QString &destinationName, const Error &reason)
{
    const QString text = stoppedText(job, destinationName, reason);
    if (m_tray)
        m_tray->showMessage(QCoreApplication::applicationName(), text, QSystemTrayIcon::Warning, 8000);
    Q_EMIT notified(text, true);
}

} // namespace trestle
