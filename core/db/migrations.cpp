#include "core/db/migrations.h"

#include "core/common/logging.h"
#include "core/db/sqlerror.h"
#include "core/db/sqltransaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace trestle::db {

namespace {

// Version 1: profiles, jobs, job items, two-way sync state.
//
// Secrets have no column here by design: tokens and client secrets live only in the OS keychain
// (core/secrets), keyed by the profile id. tst_profiles scans the file's bytes to keep it so.
//
// Jobs name their connections by profile id without a foreign key on purpose: deleting a profile
// must not delete (or block on) the history of jobs that used it.
//
// Times are milliseconds since the Unix epoch, UTC; 0 or NULL means unknown. Ids from the servers
// are 64-bit integers.
QStringList version1()
{
    return {
        QStringLiteral(R"(CREATE TABLE profiles (
            id TEXT PRIMARY KEY NOT NULL,
            display_name TEXT NOT NULL,
            platform TEXT NOT NULL CHECK (platform IN ('procore', 'share')),
            api_base_url TEXT NOT NULL DEFAULT '',
            auth_base_url TEXT NOT NULL DEFAULT '',
            client_id TEXT NOT NULL DEFAULT '',
            custom_credentials INTEGER NOT NULL DEFAULT 0,
            auth_kind TEXT NOT NULL DEFAULT 'user' CHECK (auth_kind IN ('user', 'service-account')),
            account_login TEXT NOT NULL DEFAULT '',
            account_name TEXT NOT NULL DEFAULT '',
            company_id INTEGER NOT NULL DEFAULT 0,
            company_name TEXT NOT NULL DEFAULT '',
            project_id INTEGER NOT NULL DEFAULT 0,
            project_name TEXT NOT NULL DEFAULT '',
            root_path TEXT NOT NULL DEFAULT '',
            name_rules_preset TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_test_at INTEGER NOT NULL DEFAULT 0,
            last_test_ok INTEGER NOT NULL DEFAULT 0,
            last_test_status TEXT NOT NULL DEFAULT ''
        ))"),
        QStringLiteral(R"(CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('analyze', 'copy', 'sync', 'migrate')),
            source_connection TEXT NOT NULL,
            source_path TEXT NOT NULL,
            destination_connection TEXT NOT NULL,
            destination_path TEXT NOT NULL,
            policies TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL CHECK (state IN ('queued', 'planning', 'planned', 'running', 'paused',
                                                 'waiting', 'done', 'failed', 'cancelled')),
            created_at INTEGER NOT NULL,
            started_at INTEGER NOT NULL DEFAULT 0,
            finished_at INTEGER NOT NULL DEFAULT 0,
            items_total INTEGER NOT NULL DEFAULT 0,
            items_done INTEGER NOT NULL DEFAULT 0,
            items_failed INTEGER NOT NULL DEFAULT 0,
            items_skipped INTEGER NOT NULL DEFAULT 0,
            bytes_total INTEGER NOT NULL DEFAULT 0,
            bytes_done INTEGER NOT NULL DEFAULT 0,
            api_calls INTEGER NOT NULL DEFAULT 0,
            last_error_kind TEXT NOT NULL DEFAULT '',
            last_error TEXT NOT NULL DEFAULT ''
        ))"),
        QStringLiteral("CREATE INDEX jobs_by_state ON jobs (state)"),
        QStringLiteral(R"(CREATE TABLE job_items (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            order_key INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create-folder', 'upload', 'download', 'new-version',
                                                   'delete', 'skip', 'verify')),
            source_path TEXT NOT NULL DEFAULT '',
            destination_path TEXT NOT NULL DEFAULT '',
            mapped_name TEXT NOT NULL DEFAULT '',
            mapping TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            mtime INTEGER NOT NULL DEFAULT 0,
            source_id INTEGER NOT NULL DEFAULT 0,
            destination_id INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'done', 'failed', 'skipped')),
            needs_verify INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            error_kind TEXT NOT NULL DEFAULT '',
            error_message TEXT NOT NULL DEFAULT '',
            checksum TEXT NOT NULL DEFAULT '',
            bytes_done INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT ''
        ))"),
        // takePending() and resetInFlight() walk one job's items of one state in order; reports and
        // models page through all of a job's items in order.
        QStringLiteral("CREATE INDEX job_items_by_state ON job_items (job_id, state, order_key)"),
        QStringLiteral("CREATE INDEX job_items_by_order ON job_items (job_id, order_key)"),
        QStringLiteral(R"(CREATE TABLE sync_pairs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            left_connection TEXT NOT NULL,
            left_root TEXT NOT NULL,
            right_connection TEXT NOT NULL,
            right_root TEXT NOT NULL,
            UNIQUE (left_connection, left_root, right_connection, right_root)
        ))"),
        QStringLiteral(R"(CREATE TABLE sync_state (
            pair_id INTEGER NOT NULL REFERENCES sync_pairs (id) ON DELETE CASCADE,
            relative_path TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            mtime INTEGER NOT NULL DEFAULT 0,
            remote_id INTEGER NOT NULL DEFAULT 0,
            remote_updated_at INTEGER NOT NULL DEFAULT 0,
            local_checksum TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (pair_id, relative_path)
        ) WITHOUT ROWID)"),
    };
}

Result<int> userVersion(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(query, QStringLiteral("read schema version"));
    return query.value(0).toInt();
}

Error tooNewError(int found)
{
    return Error(
        Error::Kind::Config,
        QCoreApplication::translate("trestle::db",
                                    "The Trestle database was written by a newer version of "
                                    "Trestle. Update Trestle to open it."),
        QStringLiteral("schema version %1, this build knows up to %2").arg(found).arg(latestSchemaVersion()));
}

Status applyStep(QSqlDatabase db, const Migration &step)
{
    SqlTransaction transaction(db);
    if (Status began = transaction.begin(); !began.ok())
        return began;
    // Read again under the write lock: another process may have migrated in the meantime.
    Result<int> current = userVersion(db);
    if (!current.ok())
        return current.error();
    if (current.value() >= step.version)
        return Done{};
    QSqlQuery query(db);
    for (const QString &statement : step.statements) {
        if (!query.exec(statement))
            return sqlError(query, QStringLiteral("schema step %1").arg(step.version));
    }
    // PRAGMA does not take bound parameters; the value is our own integer.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
        return sqlError(query, QStringLiteral("set schema version %1").arg(step.version));
    qCInfo(lcDb) << "database schema now at version" << step.version;
    return transaction.commit();
}

} // namespace

const QVector<Migration> &migrations()
{
    static const QVector<Migration> steps{
        {1, version1()},
        // Version 2: a two-way sync's items may run from the destination to the source.
        {2, {QStringLiteral("ALTER TABLE job_items ADD COLUMN reverse INTEGER NOT NULL DEFAULT 0")}},
        // Version 3: where a keep-both copy went (the name is picked when the item runs), the
        // older versions a history copy writes, the plan's figures no item can tell (unchanged
        // files, listings, the call estimate) so a plan read back equals the planner's, and
        // whether a claimed item has started.
        {3,
         {QStringLiteral("ALTER TABLE job_items ADD COLUMN written_path TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE job_items ADD COLUMN older_versions INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE jobs ADD COLUMN plan_figures TEXT NOT NULL DEFAULT ''"),
          // A claimed item (in flight, durably) that a worker has started: a claim takes up to
          // 64 items ahead, and only those running are "in progress" to the user.
          QStringLiteral("ALTER TABLE job_items ADD COLUMN started INTEGER NOT NULL DEFAULT 0")}},
    };
    return steps;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

Status migrate(QSqlDatabase db)
{
    Result<int> current = userVersion(db);
    if (!current.ok())
        return current.error();
    if (current.value() > latestSchemaVersion())
        return tooNewError(current.value());
    for (const Migration &step : migrations()) {
        if (step.version <= current.value())
            continue;
        if (Status applied = applyStep(db, step); !applied.ok())
            return applied;
    }
    return Done{};
}

} // namespace trestle::db
