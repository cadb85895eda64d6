#include "ui/jobs/transferflow.h"

#include "core/jobs/jobqueue.h"
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/jobqueuemodel.h"
#include "ui/jobs/planpreviewdialog.h"

#include <QMessageBox>
#include <QSettings>
#include <QWidget>

namespace trestle {

const QString TransferFlow::kRememberedActionKey = QStringLiteral("transfer/rememberedDropAction");
const QString TransferFlow::kRememberedPreviewKey = QStringLiteral("transfer/rememberedPreview");
const QString TransferFlow::kRememberedVersionsKey = QStringLiteral("transfer/rememberedVersions");

namespace {

QString joinPath(const QString &folder, const QString &name)
{
    if (folder.isEmpty())
        return name;
    return folder.endsWith(QLatin1Char('/')) ? folder + name : folder + QLatin1Char('/') + name;
}

QString nameOf(const QString &path)
{
    QString trimmed = path;
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return trimmed.mid(trimmed.lastIndexOf(QLatin1Char('/')) + 1);
}

// Items renamed for the destination (the summary lists skips only). At most kMaxRenames are
// listed; SQLite picks them, so a 100,000-item plan is not read row by row on the GUI thread.
QVector<JobItem> renamesOf(const JobQueue &queue, qint64 jobId)
{
    constexpr int kMaxRenames = 5000;
    Result<QVector<JobItem>> renames = queue.renamedItems(jobId, kMaxRenames);
    return renames.ok() ? renames.takeValue() : QVector<JobItem>();
}

} // namespace

TransferFlow::TransferFlow(JobQueue *queue, QWidget *dialogParent)
    : QObject(dialogParent), m_queue(queue), m_dialogParent(dialogParent)
{
    connect(queue, &JobQueue::planReady, this, [this](qint64 jobId) { planReady(jobId); });
    connect(queue, &JobQueue::jobFinished, this, &TransferFlow::jobFinished);
}

TransferFlow::~TransferFlow() = default;

void TransferFlow::setDefaultPolicies(std::function<JobPolicies()> policies)
{
    m_defaultPolicies = std::move(policies);
}

void TransferFlow::setDisplayNames(std::function<QString(const QString &)> displayName)
{
    m_displayName = std::move(displayName);
}

void TransferFlow::forgetRememberedChoice()
{
    QSettings settings;
    settings.remove(kRememberedActionKey);
    settings.remove(kRememberedPreviewKey);
    settings.remove(kRememberedVersionsKey);
}

QString TransferFlow::endpoint(const QString &connection, const QString &path) const
{
    QString name = m_displayName ? m_displayName(connection) : connection;
    if (name.isEmpty())
        name = connection;
    return path.isEmpty() ? name : joinPath(name, path);
}

QString TransferFlow::question(const TransferRequest &request) const
{
    const QString to = endpoint(request.destinationConnection, request.destinationFolder);
    if (request.sourcePaths.size() == 1)
        return tr("Transfer “%1” to %2?").arg(nameOf(request.sourcePaths.constFirst()), to);
    return tr("Transfer %n items from %1 to %2?", nullptr, int(request.sourcePaths.size()))
        .arg(endpoint(request.sourceConnection, QString()), to);
}

void TransferFlow::request(const TransferRequest &request)
{
    if (request.sourcePaths.isEmpty())
        return;
    QSettings settings;
    const std::optional<JobKind> remembered =
        jobKindFromName(settings.value(kRememberedActionKey).toString());
    if (remembered && *remembered != JobKind::Analyze) {
        submit(request, *remembered, settings.value(kRememberedPreviewKey, false).toBool(),
               JobPolicies::versionsFromName(settings.value(kRememberedVersionsKey).toString()));
        return;
    }
    auto *dialog = new DropActionDialog(question(request), m_dialogParent);
    dialog->setVersions((m_defaultPolicies ? m_defaultPolicies() : JobPolicies()).versions);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::ApplicationModal);
    connect(dialog, &QDialog::finished, this, [this, dialog, request](int result) {
        if (result != QDialog::Accepted)
            return;
        if (dialog->rememberChoice()) {
            QSettings settings;
            settings.setValue(kRememberedActionKey, jobKindName(dialog->kind()));
            settings.setValue(kRememberedPreviewKey, dialog->previewFirst());
            if (dialog->kind() == JobKind::Migrate)
                settings.setValue(kRememberedVersionsKey, JobPolicies::versionsName(dialog->versions()));
            else
                settings.remove(kRememberedVersionsKey);
        }
        const bool migrate = dialog->kind() == JobKind::Migrate;
        submit(request, dialog->kind(), dialog->previewFirst(),
               migrate ? std::optional<VersionsPolicy>(dialog->versions()) : std::nullopt,
               dialog->schedule());
    });
    dialog->show();
}

void TransferFlow::submit(const TransferRequest &request, JobKind kind, bool preview,
                          std::optional<VersionsPolicy> versions, const JobSchedule &schedule)
{
    QVector<qint64> ids;
    for (const QString &path : request.sourcePaths) {
        JobSpec spec;
        spec.kind = kind;
        spec.sourceConnection = request.sourceConnection;
        spec.sourcePath = path;
        spec.destinationConnection = request.destinationConnection;
        spec.destinationPath = joinPath(request.destinationFolder, nameOf(path));
        spec.policies = m_defaultPolicies ? m_defaultPolicies() : JobPolicies();
        if (versions)
            spec.policies.versions = *versions;
        if (schedule.isActive())
            spec.policies.schedule = schedule;
        const qint64 jobId = m_queue->submit(spec, preview);
        if (jobId <= 0)
            continue;
        ids.append(jobId);
        if (preview) {
            m_awaitingPlan.insert(jobId,
                                  tr("%1 “%2” to %3")
                                      .arg(JobQueueModel::kindText(kind), nameOf(path),
                                           endpoint(request.destinationConnection, spec.destinationPath)));
        }
    }
    if (!ids.isEmpty())
        Q_EMIT submitted(ids);
}

void TransferFlow::planReady(qint64 jobId)
{
    if (!m_awaitingPlan.contains(jobId) || m_readyPreviews.contains(jobId))
        return;
    m_readyPreviews.append(jobId);
    showNextPreview();
}

void TransferFlow::showNextPreview()
{
    // One preview at a time: several dropped items plan in parallel, the dialogs follow each other.
    while (!m_previewShown && !m_readyPreviews.isEmpty()) {
        const qint64 jobId = m_readyPreviews.takeFirst();
        const QString title = m_awaitingPlan.take(jobId);
        if (!m_queue->contains(jobId) || m_queue->job(jobId).state != JobState::Planned)
            continue;
        auto *dialog =
            new PlanPreviewDialog(title, m_queue->plan(jobId), renamesOf(*m_queue, jobId), m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::ApplicationModal);
        connect(dialog, &QDialog::finished, this, [this, jobId](int result) {
            m_previewShown = false;
            const bool start = result == QDialog::Accepted;
            if (start)
                m_queue->startPlanned(jobId);
            else
                m_queue->discard(jobId);
            Q_EMIT previewDecided(jobId, start);
            showNextPreview();
        });
        m_previewShown = true;
        dialog->show();
    }
}

void TransferFlow::jobFinished(qint64 jobId, const Error &error)
{
    // Planning a preview failed (a missing folder, a signed-out connection): say why.
    if (!m_awaitingPlan.contains(jobId) || m_readyPreviews.contains(jobId))
        return;
    m_awaitingPlan.remove(jobId);
    if (!error || error.kind() == Error::Kind::Cancelled)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Preview"),
                                tr("The job could not be planned: %1").arg(error.message()), QMessageBox::Ok,
                                m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace trestle
