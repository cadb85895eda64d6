#pragma once

#include "core/db/connectionprofile.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QVector>

namespace trestle {

// The saved connections as a table: name, platform, account, project, status. The status is the
// last test's sentence, or "Testing…"/"Deleting…" while the manager works on the row.
class ConnectionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionListModel)

public:
    enum Column { NameColumn, PlatformColumn, AccountColumn, ProjectColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit ConnectionListModel(QObject *parent = nullptr);
    ~ConnectionListModel() override;

    void setProfiles(const QVector<ConnectionProfile> &profiles);
    void setBusy(const QString &id, const QString &text); // empty text: not busy
    int rowOf(const QString &id) const;
    ConnectionProfile profileAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<ConnectionProfile> m_profiles;
    QHash<QString, QString> m_busy;
};

} // namespace trestle
