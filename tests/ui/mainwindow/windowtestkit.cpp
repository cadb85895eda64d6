#include "windowtestkit.h"

#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionstores.h"
#include "core/services/ratelimitmeters.h"
#include "screenshots.h"
#include "ui/browser/panewidget.h"
#include "ui/jobs/dropactiondialog.h"
#include "ui/jobs/planpreviewdialog.h"
#include "ui/jobs/transferflow.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"

#include <QAbstractItemView>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLocale>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>

using namespace trestle;

// Q_INIT_RESOURCE declares its function where it is used: outside any namespace.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace windowtest {

WindowServices::WindowServices() = default;

WindowServices::~WindowServices()
{
    endSession();
}

QString WindowServices::open(const QString &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder + QStringLiteral("/config"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    initResources();
    m_theme = std::make_unique<Theme>();
    m_theme->apply(AppSettings::Theme::Light);
    m_database = std::make_unique<Database>(folder + QStringLiteral("/trestle.sqlite"));
    const Status opened = m_database->open();
    if (!opened.ok())
        return opened.error().toString();
    m_profiles = std::make_unique<ProfileRepository>(*m_database);
    m_secrets = std::make_unique<SecretStore>();
    m_meters = std::make_unique<RateLimitMeters>();
    return {};
}

void WindowServices::startSession()
{
    endSession();
    m_meters = std::make_unique<RateLimitMeters>();
    m_manager = std::make_unique<ConnectionManager>(services());
    m_stores = std::make_unique<ConnectionStores>(services());
    m_queue = std::make_unique<JobQueue>(*m_database, *m_stores);
}

void WindowServices::endSession()
{
    m_queue.reset();
    m_stores.reset();
    m_manager.reset();
}

ConnectionServices WindowServices::services() const
{
    return {m_profiles.get(), m_secrets.get(), m_meters.get()};
}

MainWindowServices WindowServices::windowServices() const
{
    return {m_manager.get(), m_stores.get(), m_queue.get(), m_theme.get()};
}

std::unique_ptr<MainWindow> WindowServices::openWindow() const
{
    auto window = std::make_unique<MainWindow>(windowServices());
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    if (!QTest::qWaitFor([&] { return window->leftPane()->store() && window->rightPane()->store(); }, 20000))
        return nullptr;
    return window;
}

namespace {

void collectSandbox(const QJsonObject &folder, const QString &prefix, FileMap *out)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QJsonArray versions = o.value(QStringLiteral("versions")).toArray();
        out->insert(prefix + o.value(QStringLiteral("name")).toString(),
                    versions.last().toObject().value(QStringLiteral("sha256")).toString().toLatin1());
    }
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (!o.value(QStringLiteral("is_deleted")).toBool())
            collectSandbox(o, prefix + o.value(QStringLiteral("name")).toString() + QLatin1Char('/'), out);
    }
}

} // namespace

QJsonObject childFolder(const QJsonObject &folder, const QString &name)
{
    for (const QJsonValue &child : folder.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject o = child.toObject();
        if (o.value(QStringLiteral("name")).toString() == name
            && !o.value(QStringLiteral("is_deleted")).toBool())
            return o;
    }
    return {};
}

FileMap sandboxFiles(const QJsonObject &folder)
{
    FileMap files;
    collectSandbox(folder, QString(), &files);
    return files;
}

FileMap diskFiles(const QString &root)
{
    FileMap files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        files.insert(QDir(root).relativeFilePath(path), hash.result().toHex());
    }
    return files;
}

bool writeFiles(const QString &folder, int count, int size, const QString &stem)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 0; i < count; ++i) {
        QFile file(QStringLiteral("%1/%2 %3.pdf").arg(folder, stem).arg(i + 1, 2, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        QByteArray bytes(size + i * 37, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        file.write(bytes);
    }
    return true;
}

QModelIndex rowNamed(QAbstractItemView *view, const QString &name)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(view->rootIndex()); ++row) {
        const QModelIndex index = model->index(row, 0, view->rootIndex());
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

bool dropOnto(QAbstractItemView *view, QMimeData *mime)
{
    QWidget *viewport = view->viewport();
    const QAbstractItemModel *model = view->model();
    int bottom = 0;
    const int rows = model->rowCount(view->rootIndex());
    if (rows > 0)
        bottom = view->visualRect(model->index(rows - 1, 0, view->rootIndex())).bottom();
    const QPoint pos(viewport->width() / 3, bottom + 6);
    if (pos.y() >= viewport->height())
        return false;
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

bool fitsItsColumn(QTreeView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    option.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(icon, icon);
    QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
    return delegate->sizeHint(option, index).width() <= view->columnWidth(index.column());
}

int inkInTheMiddle(QWidget *viewport)
{
    const QImage image = viewport->grab().toImage();
    const QColor base = viewport->palette().color(QPalette::Base);
    int ink = 0;
    for (int y = image.height() / 3; y < image.height() * 2 / 3; ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) != base)
                ++ink;
        }
    }
    return ink;
}

qint64 shownCount(PlanPreviewDialog *dialog, const QString &key)
{
    QString text = dialog->shownValue(key);
    text.remove(QLatin1Char(','));
    return text.split(QLatin1Char(' ')).value(0).toLongLong();
}

DroppedJobs answerDrop(MainWindow *window, const DropAnswer &answer)
{
    QSignalSpy submitted(window->transferFlow(), &TransferFlow::submitted);
    DropActionDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = visibleDialog<DropActionDialog>(window)) != nullptr; },
                         10000))
        return {};
    dialog->setKind(answer.kind);
    dialog->setPreviewFirst(answer.preview);
    testing::saveScreenshot(dialog, QStringLiteral("drop-dialog"));
    dialog->accept();
    // The flow submits inside accept(): QSignalSpy::wait() would wait for a second emission
    // (20 s in which a job could run to its end unseen).
    if (submitted.isEmpty() && !submitted.wait(20000))
        return {};
    DroppedJobs dropped;
    dropped.ids = submitted.first().first().value<QVector<qint64>>();
    if (answer.preview) {
        PlanPreviewDialog *plan = nullptr;
        if (!QTest::qWaitFor([&] { return (plan = visibleDialog<PlanPreviewDialog>(window)) != nullptr; },
                             30000))
            return {};
        dropped.previewNew = shownCount(plan, QStringLiteral("new"));
        dropped.previewFolders = shownCount(plan, QStringLiteral("folders"));
        testing::saveScreenshot(plan, QStringLiteral("plan-preview"));
        if (answer.startPreview)
            plan->accept();
    }
    return dropped;
}

bool waitForJobEnd(const JobQueue &queue, qint64 jobId, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const JobState state = queue.job(jobId).state;
            return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled;
        },
        timeoutMs);
}

DropRun dropAndWait(MainWindow *window, const JobQueue &queue, QAbstractItemView *target, QMimeData *mime,
                    const DropAnswer &answer)
{
    DropRun run;
    if (!dropOnto(target, mime)) {
        run.failure = QStringLiteral("the view refused the drop");
        return run;
    }
    const DroppedJobs dropped = answerDrop(window, answer);
    run.previewNew = dropped.previewNew;
    run.previewFolders = dropped.previewFolders;
    if (dropped.ids.size() != 1) {
        run.failure = QStringLiteral("the drop made %1 jobs, not 1").arg(dropped.ids.size());
        return run;
    }
    run.jobId = dropped.ids.first();
    if (!waitForJobEnd(queue, run.jobId))
        run.failure = QStringLiteral("job %1 still %2 after 60 s")
                          .arg(run.jobId)
                          .arg(jobStateName(queue.job(run.jobId).state));
    return run;
}

} // namespace windowtest
