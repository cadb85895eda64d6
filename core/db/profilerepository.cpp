#include "core/db/profilerepository.h"

#include "core/db/database.h"
#include "core/db/sqlerror.h"
#include "core/db/sqlvalues.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace trestle {

namespace {

const QString kColumns = QStringLiteral(
    "id, display_name, platform, api_base_url, auth_base_url, client_id, custom_credentials, auth_kind, "
    "account_login, account_name, company_id, company_name, project_id, project_name, root_path, "
    "name_rules_preset, created_at, updated_at, last_test_at, last_test_ok, last_test_status");

Error notFound(const QString &id)
{
    return Error(
        Error::Kind::NotFound,
        QCoreApplication::translate("trestle::ProfileRepository", "The connection no longer exists."),
        QStringLiteral("profile %1").arg(id));
}

void bindProfile(QSqlQuery &query, const ConnectionProfile &p)
{
    query.bindValue(QStringLiteral(":id"), db::storedText(p.id));
    query.bindValue(QStringLiteral(":display_name"), db::storedText(p.displayName));
    query.bindValue(QStringLiteral(":platform"), ConnectionProfile::platformName(p.platform));
    query.bindValue(QStringLiteral(":api_base_url"), db::storedText(p.apiBaseUrl.toString()));
    query.bindValue(QStringLiteral(":auth_base_url"), db::storedText(p.authBaseUrl.toString()));
    query.bindValue(QStringLiteral(":client_id"), db::storedText(p.clientId));
    query.bindValue(QStringLiteral(":custom_credentials"), p.customCredentials ? 1 : 0);
    query.bindValue(QStringLiteral(":auth_kind"), ConnectionProfile::authKindName(p.authKind));
    query.bindValue(QStringLiteral(":account_login"), db::storedText(p.accountLogin));
    query.bindValue(QStringLiteral(":account_name"), db::storedText(p.accountName));
    query.bindValue(QStringLiteral(":company_id"), p.companyId);
    query.bindValue(QStringLiteral(":company_name"), db::storedText(p.companyName));
    query.bindValue(QStringLiteral(":project_id"), p.projectId);
    query.bindValue(QStringLiteral(":project_name"), db::storedText(p.projectName));
    query.bindValue(QStringLiteral(":root_path"), db::storedText(p.rootPath));
    query.bindValue(QStringLiteral(":name_rules_preset"), db::storedText(p.nameRulesPreset));
    query.bindValue(QStringLiteral(":created_at"), db::toStoredTime(p.createdAt));
    query.bindValue(QStringLiteral(":updated_at"), db::toStoredTime(p.updatedAt));
    query.bindValue(QStringLiteral(":last_test_at"), db::toStoredTime(p.lastTestAt));
    query.bindValue(QStringLiteral(":last_test_ok"), p.lastTestOk ? 1 : 0);
    query.bindValue(QStringLiteral(":last_test_status"), db::storedText(p.lastTestStatus));
}

ConnectionProfile readProfile(const QSqlQuery &query)
{
    ConnectionProfile p;
    int c = 0;
    p.id = query.value(c++).toString();
    p.displayName = query.value(c++).toString();
    p.platform = ConnectionProfile::platformFromName(query.value(c++).toString())
                     .value_or(ConnectionProfile::Platform::Procore);
    p.apiBaseUrl = QUrl(query.value(c++).toString());
    p.authBaseUrl = QUrl(query.value(c++).toString());
    p.clientId = query.value(c++).toString();
    p.customCredentials = query.value(c++).toInt() != 0;
    p.authKind = ConnectionProfile::authKindFromName(query.value(c++).toString())
                     .value_or(ConnectionProfile::AuthKind::User);
    p.accountLogin = query.value(c++).toString();
    p.accountName = query.value(c++).toString();
    p.companyId = query.value(c++).toLongLong();
    p.companyName = query.value(c++).toString();
    p.projectId = query.value(c++).toLongLong();
    p.projectName = query.value(c++).toString();
    p.rootPath = query.value(c++).toString();
    p.nameRulesPreset = query.value(c++).toString();
    p.createdAt = db::fromStoredTime(query.value(c++).toLongLong());
    p.updatedAt = db::fromStoredTime(query.value(c++).toLongLong());
    p.lastTestAt = db::fromStoredTime(query.value(c++).toLongLong());
    p.lastTestOk = query.value(c++).toInt() != 0;
    p.lastTestStatus = query.value(c++).toString();
    return p;
}

QString placeholders()
{
    QStringList names = kColumns.split(QStringLiteral(", "));
    for (QString &name : names)
        name.prepend(QLatin1Char(':'));
    return names.join(QStringLiteral(", "));
}

QString assignments()
{
    QStringList names = kColumns.split(QStringLiteral(", "));
    names.removeAll(QStringLiteral("id"));
    names.removeAll(QStringLiteral("created_at"));
    for (QString &name : names)
        name = QStringLiteral("%1 = :%1").arg(name);
    return names.join(QStringLiteral(", "));
}

} // namespace

ProfileRepository::ProfileRepository(Database &database, QObject *parent)
    : QObject(parent), m_database(database)
{ }

ProfileRepository::~ProfileRepository() = default;

Result<ConnectionProfile> ProfileRepository::add(ConnectionProfile profile)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    profile.createdAt = now;
    profile.updatedAt = now;

    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("INSERT INTO profiles (%1) VALUES (%2)").arg(kColumns, placeholders()));
    bindProfile(query, profile);
    if (!query.exec()) {
        // SQLITE_CONSTRAINT_PRIMARYKEY: the id is taken.
        if (query.lastError().nativeErrorCode() == QLatin1String("1555"))
            return Error(Error::Kind::Conflict, tr("A connection with this id exists already."),
                         QStringLiteral("profile %1").arg(profile.id));
        return db::sqlError(query, QStringLiteral("add profile"));
    }
    Q_EMIT profileAdded(profile.id);
    return profile;
}

Result<ConnectionProfile> ProfileRepository::update(ConnectionProfile profile)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    Result<ConnectionProfile> stored = this->profile(profile.id);
    if (!stored.ok())
        return stored.error();
    profile.createdAt = stored.value().createdAt;
    profile.updatedAt = QDateTime::currentDateTimeUtc();

    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("UPDATE profiles SET %1 WHERE id = :id").arg(assignments()));
    bindProfile(query, profile);
    if (!query.exec())
        return db::sqlError(query, QStringLiteral("update profile"));
    if (query.numRowsAffected() == 0)
        return notFound(profile.id);
    Q_EMIT profileChanged(profile.id);
    return profile;
}

Status ProfileRepository::remove(const QString &id)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("DELETE FROM profiles WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return db::sqlError(query, QStringLiteral("remove profile"));
    if (query.numRowsAffected() == 0)
        return notFound(id);
    Q_EMIT profileRemoved(id);
    return Done{};
}

Result<ConnectionProfile> ProfileRepository::profile(const QString &id) const
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral("SELECT %1 FROM profiles WHERE id = ?").arg(kColumns));
    query.addBindValue(id);
    if (!query.exec())
        return db::sqlError(query, QStringLiteral("read profile"));
    if (!query.next())
        return notFound(id);
    return readProfile(query);
}

Result<QVector<ConnectionProfile>> ProfileRepository::profiles() const
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT %1 FROM profiles ORDER BY display_name COLLATE NOCASE, id").arg(kColumns)))
        return db::sqlError(query, QStringLiteral("list profiles"));
    QVector<ConnectionProfile> result;
    while (query.next())
        result.append(readProfile(query));
    return result;
}

Status ProfileRepository::setTestResult(const QString &id, bool ok, const QString &statusText)
{
    Result<QSqlDatabase> conn = m_database.connectionForCurrentThread();
    if (!conn.ok())
        return conn.error();
    QSqlQuery query(conn.value());
    query.prepare(QStringLiteral(
        "UPDATE profiles SET last_test_at = ?, last_test_ok = ?, last_test_status = ? WHERE id = ?"));
    query.addBindValue(db::toStoredTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(ok ? 1 : 0);
    query.addBindValue(db::storedText(statusText));
    query.addBindValue(id);
    if (!query.exec())
        return db::sqlError(query, QStringLiteral("record connection test"));
    if (query.numRowsAffected() == 0)
        return notFound(id);
    Q_EMIT profileChanged(id);
    return Done{};
}

} // namespace trestle
