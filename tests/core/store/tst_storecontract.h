#pragma once

// The Store contract suite (see tst_storecontract.cpp); the functions that need a local root are
// in tst_storecontract_local.cpp.
#include "storefactories.h"

#include <QObject>
#include <QTest>

#include <memory>

#define QCOMPARE_KIND(error, expected)                                                                       \
    QCOMPARE(trestle::Error::kindName((error).kind()), trestle::Error::kindName(expected))

class TestStoreContract : public QObject
{
    Q_OBJECT

private:
    void addBackends(bool localOnly = false);
    // The backend of the current data row; the test fails if it cannot be created.
    std::unique_ptr<testing::StoreBackendInstance> backend();

private Q_SLOTS:
    void limits_data() { addBackends(); }
    void limits();
    void emptyRoot_data() { addBackends(); }
    void emptyRoot();
    void writeListStat_data() { addBackends(); }
    void writeListStat();
    void notFound_data() { addBackends(); }
    void notFound();
    void makeFolder_data() { addBackends(); }
    void makeFolder();
    void invalidNames_data() { addBackends(); }
    void invalidNames();
    void moveAndRename_data() { addBackends(); }
    void moveAndRename();
    void removeEntries_data() { addBackends(); }
    void removeEntries();
    void readIntoProgress_data() { addBackends(); }
    void readIntoProgress();
    void replaceAndFailIfExists_data() { addBackends(); }
    void replaceAndFailIfExists();
    void modificationTimeKept_data() { addBackends(); }
    void modificationTimeKept();
    void shortSourceLeavesNothing_data() { addBackends(); }
    void shortSourceLeavesNothing();
    void killMidWriteLeavesNothing_data() { addBackends(); }
    void killMidWriteLeavesNothing();
    void killBeforeStart_data() { addBackends(); }
    void killBeforeStart();
    void writeSessionCommitAbort_data() { addBackends(); }
    void writeSessionCommitAbort();
    void openReadDevice_data() { addBackends(); }
    void openReadDevice();
    void bigFileStreamed_data() { addBackends(); }
    void bigFileStreamed();
    void symlinkEscapeRefused_data() { addBackends(true); }
    void symlinkEscapeRefused();
    void specialFilesNotRead_data() { addBackends(true); }
    void specialFilesNotRead();
    void tempFilesHidden_data() { addBackends(true); }
    void tempFilesHidden();
    void list10000Async_data() { addBackends(true); }
    void list10000Async();
};
