#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>

namespace trestle::db {

// A write transaction on one connection, rolled back unless commit() succeeds.
//
// It starts with BEGIN IMMEDIATE rather than QSqlDatabase::transaction()'s plain BEGIN: a deferred
// transaction that later upgrades to a write lock can fail with SQLITE_BUSY at once, without the
// busy timeout ever applying, when another connection writes in between. Taking the write lock up
// front lets concurrent writers (the journal thread, the GUI saving a profile) simply wait.
class SqlTransaction final
{
    Q_DISABLE_COPY_MOVE(SqlTransaction)

public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();

    // The error of BEGIN, if it failed; check before doing work.
    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace trestle::db
