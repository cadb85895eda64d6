#pragma once

// Helpers of the window suites (tst_mainwindow, tst_panestate): the services main() makes for
// the window, the two sides' files as path → sha256 (the sandbox's state and a folder on disk),
// test files, drops sent as events and the drop dialog answered, dialogs found, and what a view
// shows.
#include "core/db/journaltypes.h"
#include "core/services/connectionservices.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>
#include <QWidget>

class QAbstractItemView;
class QMimeData;
class QModelIndex;
class QTreeView;

#include <memory>

namespace trestle {
class ConnectionManager;
class ConnectionStores;
class Database;
class JobQueue;
class MainWindow;
class PlanPreviewDialog;
class ProfileRepository;
class RateLimitMeters;
class SecretStore;
class Theme;
} // namespace trestle

namespace windowtest {

// What main() makes for the window, for a suite: settings (an ini file) and the database in a
// folder of the suite's, English (US), the resources and the light theme, then per session a
// connection manager, stores, a job queue and budget meters of their own (a case that leaves a
// job running or a meter spent does not hold up the next).
class WindowServices final
{
    Q_DISABLE_COPY_MOVE(WindowServices)

public:
    WindowServices();
    ~WindowServices();

    // Empty on success, else what failed.
    QString open(const QString &folder);
    void startSession();
    void endSession();

    trestle::ConnectionServices services() const;
    trestle::MainWindowServices windowServices() const;
    trestle::Theme *theme() const { return m_theme.get(); }
    trestle::JobQueue *queue() const { return m_queue.get(); }
    trestle::SecretStore *secrets() const { return m_secrets.get(); }
    trestle::RateLimitMeters *meters() const { return m_meters.get(); }

    // A window of 1280×800, shown, whose two panes have their stores; null when they did not come
    // within 20 s.
    std::unique_ptr<trestle::MainWindow> openWindow() const;

private:
    std::unique_ptr<trestle::Theme> m_theme;
    std::unique_ptr<trestle::Database> m_database;
    std::unique_ptr<trestle::ProfileRepository> m_profiles;
    std::unique_ptr<trestle::SecretStore> m_secrets;
    std::unique_ptr<trestle::RateLimitMeters> m_meters;
    std::unique_ptr<trestle::ConnectionManager> m_manager;
    std::unique_ptr<trestle::ConnectionStores> m_stores;
    std::unique_ptr<trestle::JobQueue> m_queue;
};

using FileMap = QMap<QString, QByteArray>; // relative path → sha256 (hex)

// The child folder `name` of a folder of GET /_sandbox/state (not deleted); empty when none.
QJsonObject childFolder(const QJsonObject &folder, const QString &name);
// Every file under a folder of the sandbox's state, with its latest version's sha256.
FileMap sandboxFiles(const QJsonObject &folder);
FileMap diskFiles(const QString &root);
// `count` files "<stem> 01.pdf"… of random bytes, each 37 bytes longer than the one before.
bool writeFiles(const QString &folder, int count, int size, const QString &stem);
QModelIndex rowNamed(QAbstractItemView *view, const QString &name);
// QDrag cannot be scripted: the drop's events go straight to the target view's viewport, on the
// empty space below the rows (the folder the pane shows). True when the view accepted the drop.
bool dropOnto(QAbstractItemView *view, QMimeData *mime);
// Whether the cell at `index` is shown uncut: the width its delegate asks for (text, icon and
// margins, in the view's font and style) fits the column.
bool fitsItsColumn(QTreeView *view, const QModelIndex &index);
// Pixels not of the base colour in the middle band of `viewport` (a third of its height around
// the centre): the empty queue's words are painted there; one job's row is above it.
int inkInTheMiddle(QWidget *viewport);
// The number at the start of the preview's value `key` ("1,204 files" → 1204).
qint64 shownCount(trestle::PlanPreviewDialog *dialog, const QString &key);

// How the drop dialog is answered.
struct DropAnswer
{
    trestle::JobKind kind = trestle::JobKind::Copy;
    bool preview = false; // "preview first": the plan's preview opens before the job runs
    bool startPreview = true; // accept the preview (false: leave it open for the caller)
};

// What a drop made: the submitted job ids (empty when a dialog did not come) and the preview's
// counts of new files and folders (-1 without a preview).
struct DroppedJobs
{
    QVector<qint64> ids;
    qint64 previewNew = -1;
    qint64 previewFolders = -1;
};

// Answers the drop dialog a drop onto `window` opened, and the preview when asked for; both are
// grabbed ("drop-dialog", "plan-preview").
DroppedJobs answerDrop(trestle::MainWindow *window, const DropAnswer &answer = {});
// Whether job `jobId` ended (done, failed or cancelled) within `timeoutMs`.
bool waitForJobEnd(const trestle::JobQueue &queue, qint64 jobId, int timeoutMs = 60000);

// A whole drop: `mime` dropped onto `target`, the dialog answered, the one job it makes waited
// for until it ends. `failure` names the step that went wrong; empty when the job ended.
struct DropRun
{
    qint64 jobId = 0;
    qint64 previewNew = -1;
    qint64 previewFolders = -1;
    QString failure;
};
DropRun dropAndWait(trestle::MainWindow *window, const trestle::JobQueue &queue, QAbstractItemView *target,
                    QMimeData *mime, const DropAnswer &answer = {});

template<typename T>
T *visibleTopLevel()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

template<typename T>
T *visibleDialog(QWidget *window)
{
    for (T *dialog : window->findChildren<T *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return visibleTopLevel<T>();
}

} // namespace windowtest
