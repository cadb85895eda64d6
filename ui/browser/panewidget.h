#pragma once

#include "ui/browser/transferrequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>

class QAbstractItemView;

namespace trestle {

class Store;
class PaneWidgetPrivate;

// One entry of the pane's connection/project switcher.
struct PaneConnection final
{
    QString connectionId;
    QString label;
    bool procore = false;
};

// One pane of the dual-pane browser: a connection switcher, a breadcrumb path bar with
// back/up/refresh, a lazy detail list over a Store, a filter box and a status line. It never
// talks HTTP or SQL itself: everything goes through the Store it is given. Transfers are not
// started here: drops and "Download to…" only emit transferRequested for the job queue.
class PaneWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaneWidget)

public:
    explicit PaneWidget(QWidget *parent = nullptr);
    ~PaneWidget() override;

    void setConnections(const QVector<trestle::PaneConnection> &connections); // the switcher
    // Shows `store` (owned) from its root; `connectionId` is what jobs name it by.
    void setStore(std::unique_ptr<trestle::Store> store, const QString &connectionId);
    // The chosen connection could not be opened: show `message` in place of the list.
    void showUnavailable(const QString &connectionId, const QString &message);
    QString connectionId() const;
    trestle::Store *store() const;
    QString currentFolder() const; // store-relative, "" = root
    QStringList selectedPaths() const; // store-relative
    void openFolder(const QString &path);
    void refresh();
    QAbstractItemView *view() const; // for tests and the window's focus handling
    // The column widths the user chose (for the window to keep in its settings), and back; false
    // (and nothing changed) for a state this version cannot read.
    QByteArray columnState() const;
    bool restoreColumnState(const QByteArray &state);

Q_SIGNALS:
    void connectionRequested(const QString &connectionId); // picked in the switcher
    void addConnectionRequested(); // "Add connection…" in the switcher
    void transferRequested(const trestle::TransferRequest &request); // a drop, or Download to…
    void showInProcoreRequested(const QString &connectionId, const QString &path);
    void statusChanged(const QString &text); // "1,204 items, 3 selected (12.4 MB)"

private:
    std::unique_ptr<PaneWidgetPrivate> d;
};

} // namespace trestle
