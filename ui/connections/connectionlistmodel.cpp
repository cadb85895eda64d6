#include "ui/connections/connectionlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QLocale>

namespace trestle {

ConnectionListModel::ConnectionListModel(QObject *parent) : QAbstractTableModel(parent) { }

ConnectionListModel::~ConnectionListModel() = default;

void ConnectionListModel::setProfiles(const QVector<ConnectionProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ConnectionListModel::setBusy(const QString &id, const QString &text)
{
    if (text.isEmpty())
        m_busy.remove(id);
    else
        m_busy.insert(id, text);
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
}

int ConnectionListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            return row;
    }
    return -1;
}

ConnectionProfile ConnectionListModel::profileAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row) : ConnectionProfile{};
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    if (role == IdRole)
        return p.id;
    const bool share = p.platform == ConnectionProfile::Platform::Share;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return p.displayName;
        case PlatformColumn:
            return share ? tr("File share") : tr("Procore");
        case AccountColumn:
            if (share)
                return QString();
            if (p.authKind == ConnectionProfile::AuthKind::ServiceAccount)
                return p.accountName.isEmpty() ? tr("Service account") : p.accountName;
            return p.accountName.isEmpty() ? p.accountLogin : p.accountName;
        case ProjectColumn:
            return share ? QDir::toNativeSeparators(p.rootPath) : p.projectName;
        case StatusColumn: {
            if (m_busy.contains(p.id))
                return m_busy.value(p.id);
            if (!p.lastTestAt.isValid())
                return tr("Not tested");
            if (role == Qt::ToolTipRole)
                return tr("%1 (tested %2)")
                    .arg(p.lastTestStatus,
                         QLocale().toString(p.lastTestAt.toLocalTime(), QLocale::ShortFormat));
            // The whole sentence is long: the cell says what, the tooltip and the window say why.
            return p.lastTestOk ? tr("OK") : tr("Test failed");
        }
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && !m_busy.contains(p.id)
        && p.lastTestAt.isValid())
        return QBrush(p.lastTestOk ? QColor(0x1b, 0x7a, 0x2e) : QColor(0xb0, 0x00, 0x20));
    return {};
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PlatformColumn:
        return tr("Platform");
    case AccountColumn:
        return tr("Account");
    case ProjectColumn:
        return tr("Project");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace trestle
