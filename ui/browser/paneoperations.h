#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace trestle {

class Store;
class StoreJob;

// The pane's file operations through its Store: new folder, rename, delete, open. Each checks a
// new name with Store::checkNewName() before it spends a call, runs one store job at a time and
// reports a failure as the Error's sentence (never silently). Nothing here asks the user:
// confirmations belong to the pane.
class PaneOperations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaneOperations)

public:
    explicit PaneOperations(QObject *parent = nullptr);
    ~PaneOperations() override;

    void setStore(Store *store); // not owned; cancels what runs
    bool isBusy() const;

    // False (with failed()) when the name is refused before any call.
    bool makeFolder(const QString &folder, const QString &name);
    bool rename(const QString &path, const QString &newName);
    // Deletes files and folders (folders with their contents), one after the other.
    void remove(const QStringList &paths);
    // A local file opens in place; a remote one is downloaded into the cache
    // (CacheLocation/open/<unique>/name) first. Opened with the desktop's default application.
    void open(const QString &path);

Q_SIGNALS:
    void failed(const QString &message);
    // Something changed in the store: the listing is out of date. `path` = the new or renamed item.
    void changed(const QString &path);
    void opened(const QString &localFile);
    void busyChanged(bool busy);

private:
    void run(StoreJob *job, const std::function<void(StoreJob *)> &done);
    void removeNext();
    void openLocalFile(const QString &file);

    Store *m_store = nullptr;
    QPointer<StoreJob> m_job;
    QStringList m_toRemove;
    QString m_firstRemoveError;
};

} // namespace trestle
