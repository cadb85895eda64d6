#pragma once

#include "core/transfer/jobpolicies.h"
#include "ui/browser/transferrequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>
#include <optional>

class QWidget;

namespace trestle {

class JobQueue;

// What happens after a drop: asks once how (DropActionDialog: copy, sync or migrate, preview
// first, remember the choice), submits one job per dropped item, and for a preview shows the plan
// (PlanPreviewDialog) and starts or discards the job. Dialogs are opened without a nested event
// loop; the flow goes on in their finished() signals.
class TransferFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferFlow)

public:
    static const QString kRememberedActionKey; // "transfer/rememberedDropAction"
    static const QString kRememberedPreviewKey; // "transfer/rememberedPreview"
    static const QString kRememberedVersionsKey; // "transfer/rememberedVersions" (a migration)

    TransferFlow(JobQueue *queue, QWidget *dialogParent);
    ~TransferFlow() override;

    void request(const TransferRequest &request);
    // The settings' default policies for new jobs (default: JobPolicies()).
    void setDefaultPolicies(std::function<JobPolicies()> policies);
    void setDisplayNames(std::function<QString(const QString &connection)> displayName);

    // For the settings dialog: the next drop asks again.
    static void forgetRememberedChoice();

Q_SIGNALS:
    // Jobs made from a request (the window may show the queue).
    void submitted(const QVector<qint64> &jobIds);
    // A preview the user started or discarded (tests, the window).
    void previewDecided(qint64 jobId, bool started);

private:
    // versions: the migration's choice (none: the default policies'); schedule: the dialog's.
    void submit(const TransferRequest &request, JobKind kind, bool preview,
                std::optional<VersionsPolicy> versions, const JobSchedule &schedule = {});
    void planReady(qint64 jobId);
    void jobFinished(qint64 jobId, const Error &error);
    void showNextPreview();
    QString question(const TransferRequest &request) const;
    QString endpoint(const QString &connection, const QString &path) const;

    JobQueue *m_queue;
    QPointer<QWidget> m_dialogParent;
    std::function<JobPolicies()> m_defaultPolicies;
    std::function<QString(const QString &)> m_displayName;
    QHash<qint64, QString> m_awaitingPlan; // job -> the preview's title
    QVector<qint64> m_readyPreviews; // planned, waiting for the dialog in front to close
    bool m_previewShown = false;
};

} // namespace trestle
