# Sources of core/db.
target_sources(trestle_core_db PRIVATE
    db/sqlerror.h db/sqlerror.cpp
    db/sqltransaction.h db/sqltransaction.cpp
    db/sqlvalues.h db/sqlvalues.cpp
    db/migrations.h db/migrations.cpp
    db/database.h db/database.cpp
    db/connectionprofile.h db/connectionprofile.cpp
    db/profilerepository.h db/profilerepository.cpp
    db/journaltypes.h db/journaltypes.cpp
    db/journalrows.h db/journalrows.cpp
    db/journal.h db/journal.cpp
    db/journalwriter.h db/journalwriter.cpp
    db/syncstatestore.h db/syncstatestore.cpp
    db/conflictdecisions.h db/conflictdecisions.cpp
    db/reportexporter.h db/reportexporter.cpp
)
