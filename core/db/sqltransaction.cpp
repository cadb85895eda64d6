#include "core/db/sqltransaction.h"

#include "core/common/logging.h"
#include "core/db/sqlerror.h"

#include <QSqlQuery>

namespace trestle::db {

SqlTransaction::SqlTransaction(QSqlDatabase db) : m_db(std::move(db)) { }

SqlTransaction::~SqlTransaction()
{
    rollback();
}

Status SqlTransaction::begin()
{
    Q_ASSERT(!m_active);
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(query, QStringLiteral("begin transaction"));
    m_active = true;
    return Done{};
}

Status SqlTransaction::commit()
{
    Q_ASSERT(m_active);
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Error error = sqlError(query, QStringLiteral("commit transaction"));
        rollback();
        return error;
    }
    m_active = false;
    return Done{};
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcDb) << "rollback failed:" << query.lastError().text();
}

} // namespace trestle::db
