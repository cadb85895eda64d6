#include "core/db/database.h"
#include "core/db/profilerepository.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace trestle;

namespace {

ConnectionProfile procoreProfile()
{
    ConnectionProfile p;
    p.displayName = QStringLiteral("Tower B — Procore");
    p.platform = ConnectionProfile::Platform::Procore;
    p.apiBaseUrl = QUrl(QStringLiteral("https://api.procore.com"));
    p.authBaseUrl = QUrl(QStringLiteral("https://login.procore.com"));
    p.clientId = QStringLiteral("client-abc-123");
    p.customCredentials = true;
    p.authKind = ConnectionProfile::AuthKind::ServiceAccount;
    p.accountLogin = QStringLiteral("svc@example.com");
    p.accountName = QStringLiteral("Service Account");
    p.companyId = 5629499534213120LL; // beyond 32 bits on purpose
    p.companyName = QStringLiteral("Acme Builders");
    p.projectId = 4503599627370497LL;
    p.projectName = QStringLiteral("Tower B");
    return p;
}

ConnectionProfile shareProfile()
{
    ConnectionProfile p;
    p.displayName = QStringLiteral("alpha share");
    p.platform = ConnectionProfile::Platform::Share;
    p.rootPath = QStringLiteral("//server/projects/tower-b");
    p.nameRulesPreset = QStringLiteral("windows");
    return p;
}

void compareProfiles(const ConnectionProfile &a, const ConnectionProfile &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.displayName, b.displayName);
    QCOMPARE(a.platform, b.platform);
    QCOMPARE(a.apiBaseUrl, b.apiBaseUrl);
    QCOMPARE(a.authBaseUrl, b.authBaseUrl);
    QCOMPARE(a.clientId, b.clientId);
    QCOMPARE(a.customCredentials, b.customCredentials);
    QCOMPARE(a.authKind, b.authKind);
    QCOMPARE(a.accountLogin, b.accountLogin);
    QCOMPARE(a.accountName, b.accountName);
    QCOMPARE(a.companyId, b.companyId);
    QCOMPARE(a.companyName, b.companyName);
    QCOMPARE(a.projectId, b.projectId);
    QCOMPARE(a.projectName, b.projectName);
    QCOMPARE(a.rootPath, b.rootPath);
    QCOMPARE(a.nameRulesPreset, b.nameRulesPreset);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.updatedAt, b.updatedAt);
    QCOMPARE(a.lastTestAt, b.lastTestAt);
    QCOMPARE(a.lastTestOk, b.lastTestOk);
    QCOMPARE(a.lastTestStatus, b.lastTestStatus);
}

} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crudRoundTrip()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("trestle.sqlite")));
        QVERIFY(db.open().ok());
        ProfileRepository repo(db);
        QSignalSpy added(&repo, &ProfileRepository::profileAdded);
        QSignalSpy changed(&repo, &ProfileRepository::profileChanged);
        QSignalSpy removed(&repo, &ProfileRepository::profileRemoved);

        Result<ConnectionProfile> procore = repo.add(procoreProfile());
        QVERIFY2(procore.ok(), qPrintable(procore.error().toString()));
        QVERIFY(!QUuid::fromString(procore.value().id).isNull());
        QVERIFY(procore.value().createdAt.isValid());
        Result<ConnectionProfile> share = repo.add(shareProfile());
        QVERIFY(share.ok());
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.at(0).at(0).toString(), procore.value().id);

        Result<ConnectionProfile> read = repo.profile(procore.value().id);
        QVERIFY(read.ok());
        compareProfiles(read.value(), procore.value());

        // Listed by display name, case-insensitively.
        Result<QVector<ConnectionProfile>> all = repo.profiles();
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 2);
        QCOMPARE(all.value().at(0).id, share.value().id);
        compareProfiles(all.value().at(1), procore.value());

        ConnectionProfile edited = read.value();
        edited.displayName = QStringLiteral("Tower B (renamed)");
        edited.projectId = 42;
        QTest::qWait(2); // updatedAt must move past createdAt
        Result<ConnectionProfile> updated = repo.update(edited);
        QVERIFY(updated.ok());
        QCOMPARE(changed.count(), 1);
        QVERIFY(updated.value().updatedAt > updated.value().createdAt);
        QCOMPARE(updated.value().createdAt, procore.value().createdAt);
        compareProfiles(repo.profile(edited.id).value(), updated.value());

        QVERIFY(repo.setTestResult(edited.id, true, QStringLiteral("Connected as Service Account")).ok());
        QCOMPARE(changed.count(), 2);
        const ConnectionProfile tested = repo.profile(edited.id).value();
        QVERIFY(tested.lastTestOk);
        QVERIFY(tested.lastTestAt.isValid());
        QCOMPARE(tested.lastTestStatus, QStringLiteral("Connected as Service Account"));

        QVERIFY(repo.remove(share.value().id).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(repo.profile(share.value().id).error().kind(), Error::Kind::NotFound);
        QCOMPARE(repo.remove(share.value().id).error().kind(), Error::Kind::NotFound);
        QCOMPARE(repo.profiles().value().size(), 1);

        ConnectionProfile ghost = shareProfile();
        ghost.id = QStringLiteral("no-such-id");
        QCOMPARE(repo.update(ghost).error().kind(), Error::Kind::NotFound);
        QCOMPARE(removed.count(), 1);

        // Survives a reopen.
        const QString id = edited.id;
        Database again(dir.filePath(QStringLiteral("trestle.sqlite")));
        QVERIFY(again.open().ok());
        ProfileRepository repo2(again);
        QCOMPARE(repo2.profile(id).value().displayName, QStringLiteral("Tower B (renamed)"));
    }

    void duplicateIdIsConflict()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("trestle.sqlite")));
        QVERIFY(db.open().ok());
        ProfileRepository repo(db);
        ConnectionProfile p = shareProfile();
        p.id = QStringLiteral("fixed-id");
        QVERIFY(repo.add(p).ok());
        QCOMPARE(repo.add(p).error().kind(), Error::Kind::Conflict);
    }

    void fileHoldsNoSecretFields()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trestle.sqlite"));
        {
            Database db(path);
            QVERIFY(db.open().ok());
            ProfileRepository repo(db);
            QVERIFY(repo.add(procoreProfile()).ok());
            QVERIFY(repo.add(shareProfile()).ok());

            // By schema: no column of any table is named like a secret.
            QSqlQuery tables(db.connectionForCurrentThread().value());
            QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
            int columns = 0;
            while (tables.next()) {
                QSqlQuery info(db.connectionForCurrentThread().value());
                QVERIFY(info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(tables.value(0).toString())));
                while (info.next()) {
                    const QString column = info.value(1).toString().toLower();
                    ++columns;
                    for (const char *word : {"secret", "token", "password", "passwd"})
                        QVERIFY2(!column.contains(QLatin1String(word)), qPrintable(column));
                }
            }
            QVERIFY(columns > 40);
        } // closing checkpoints the WAL into the main file

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll().toLower();
        // The scan does see the schema and the data...
        QVERIFY(bytes.contains("display_name"));
        QVERIFY(bytes.contains("client-abc-123"));
        // ...and nothing named like a secret.
        for (const char *word : {"secret", "token", "password", "passwd"})
            QVERIFY2(!bytes.contains(word), word);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
