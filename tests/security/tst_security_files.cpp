// Security checks of what Trestle leaves on disk and where server-supplied names can write
// (issue 9): hostile names from the server (.., /, \, absolute paths) never write outside a local
// destination; after a full job with token refreshes no access token, refresh token or client
// secret is in the journal, its WAL, the log files, the settings, the process environment or its
// command line; the journal and log files are owner-only (0600, folders 0700).
#include "apitestsupport.h"
#include "core/api/tokenpersistence.h"
#include "core/common/logfile.h"
#include "core/db/database.h"
#include "core/db/journal.h"
#include "core/store/localstore.h"
#include "core/store/procorestore.h"
#include "core/transfer/jobpolicies.h"
#include "core/transfer/transferengine.h"
#include "sandboxprocess.h"
#include "transfertesthelpers.h"

#include <QBuffer>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace trestle;

namespace {

// Keeps every token set the TokenManager saves (the rotated refresh tokens included), so the test
// knows every secret it must not find. Test-only stand-in for the keychain.
class RecordingPersistence final : public TokenPersistence
{
public:
    void saveTokens(const QString &, const TokenSet &tokens, Completion done) override
    {
        {
            QMutexLocker lock(&m_mutex);
            m_saved.append(tokens);
        }
        done(Done{});
    }
    QList<TokenSet> saved() const
    {
        QMutexLocker lock(&m_mutex);
        return m_saved;
    }

private:
    mutable QMutex m_mutex;
    QList<TokenSet> m_saved;
};

int mode(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

// Runs the job, then "retry failed" up to twice (as a user would).
Error runJob(Database &database, const StoreFactory &source, const StoreFactory &destination, qint64 jobId)
{
    Error error;
    for (int run = 0; run < 3; ++run) {
        TransferEngine engine(database, source, destination, 4);
        QSignalSpy finished(&engine, &TransferEngine::finished);
        if (run == 0)
            engine.start(jobId);
        else
            engine.retryFailed(jobId);
        if (!finished.wait(240000))
            return Error(Error::Kind::Timeout, QStringLiteral("the job did not finish"));
        error = finished.constFirst().at(1).value<Error>();
        if (!error)
            break;
    }
    return error;
}

qint64 planJob(Journal &journal, Store *source, Store *destination, QString *error)
{
    JobSpec spec;
    spec.kind = JobKind::Copy;
    const Result<qint64> id = journal.createJob(spec.toRecord());
    if (!id.ok())
        return 0;
    PlanSummary summary;
    const Error planned = testing::planJob(spec, source, destination, &summary, &journal, id.value());
    if (planned) {
        *error = planned.toString();
        return 0;
    }
    return id.value();
}

} // namespace

class TestSecurityFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileServerNamesStayInside();
    void noSecretsOnDiskAndOwnerOnlyFiles();

private:
    StoreFactory procoreFactory(const apitest::Connection &connection) const;
};

void TestSecurityFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TrestleSecurityTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_security_files"));
}

StoreFactory TestSecurityFiles::procoreFactory(const apitest::Connection &connection) const
{
    const std::shared_ptr<ConnectionContext> context = connection.context;
    const qint64 projectId = connection.projectId;
    return [context, projectId]() -> std::unique_ptr<Store> {
        auto *client = new ProcoreClient(context);
        auto store = std::make_unique<ProcoreStore>(client, projectId, QStringLiteral("Sandbox project"));
        client->setParent(store.get());
        return store;
    };
}

void TestSecurityFiles::hostileServerNamesStayInside()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")}),
             qPrintable(sandbox.errorString()));
    apitest::Connection c;
    QVERIFY2(c.open(sandbox), qPrintable(c.error));
    // The sandbox's relaxed mode accepts any non-blank name: a hostile or broken server.
    QVERIFY(sandbox.configure({{QStringLiteral("relaxed_names"), true}}));
    ProcoreClient &client = *c.client;
    const qint64 project = c.projectId;
    const auto folder = [&](qint64 parent, const QString &name) {
        return apitest::await<Folder>([&](auto done) { client.createFolder(project, parent, name, done); });
    };
    const auto file = [&](qint64 parent, const QString &name) {
        QBuffer data;
        data.setData(QByteArray("hostile content of ") + name.toUtf8());
        data.open(QIODevice::ReadOnly);
        ProcoreClient::NewFile spec;
        spec.parentId = parent;
        spec.name = name;
        return apitest::await<File>(
            [&](auto done) { client.createFileWithData(project, spec, &data, done); });
    };
    const auto safe = folder(0, QStringLiteral("Safe"));
    QVERIFY2(safe.ok(), qPrintable(safe.error().toString()));
    QVERIFY(file(safe.value().id, QStringLiteral("ok.txt")).ok());
    const QStringList hostileFiles = {QStringLiteral("../escape-file.txt"),
                                      QStringLiteral("/tmp/escape-absolute.txt"),
                                      QStringLiteral("..\\escape-backslash.txt"), QStringLiteral(".."),
                                      QStringLiteral("a/../../escape-nested.txt")};
    for (const QString &name : hostileFiles) {
        const auto created = file(0, name);
        QVERIFY2(created.ok(), qPrintable(name + QStringLiteral(": ") + created.error().toString()));
    }
    QVERIFY(file(safe.value().id, QStringLiteral("../../escape-from-safe.txt")).ok());
    for (const QString &name : {QStringLiteral("../escape-folder"), QStringLiteral("..\\escape-folder")}) {
        const auto created = folder(0, name);
        QVERIFY2(created.ok(), qPrintable(name + QStringLiteral(": ") + created.error().toString()));
        if (created.ok()) // content inside, so a walk into it would write something
            QVERIFY(file(created.value().id, QStringLiteral("inside.txt")).ok());
    }
    QFile::remove(QStringLiteral("/tmp/escape-absolute.txt"));

    QTemporaryDir dir;
    const QString area = dir.filePath(QStringLiteral("area"));
    const QString dest = area + QStringLiteral("/inner/dest");
    QVERIFY(QDir().mkpath(dest));
    Database database(dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(database.open().ok());
    Journal journal(database);
    ProcoreStore planning(c.client.get(), project, QStringLiteral("Sandbox project"));
    LocalStore destination(dest);
    QString error;
    const qint64 job = planJob(journal, &planning, &destination, &error);
    if (job > 0) {
        const Error result = runJob(
            database, procoreFactory(c), [dest] { return std::make_unique<LocalStore>(dest); }, job);
        qInfo("job with hostile names: %s", result ? qPrintable(result.toString()) : "done");
    } else {
        qInfo("planning refused the hostile tree: %s", qPrintable(error));
    }

    // Nothing outside the destination: the area holds only inner/dest and what is below it.
    QDirIterator it(area, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QStringList outside;
    while (it.hasNext()) {
        const QString path = QDir(area).relativeFilePath(it.next());
        if (path != QLatin1String("inner") && path != QLatin1String("inner/dest")
            && !path.startsWith(QLatin1String("inner/dest/")))
            outside.append(path);
    }
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QStringLiteral(", "))));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/escape-absolute.txt")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("escape-file.txt"))));
    // Inside, no file was written under a name that is a path.
    QDirIterator inside(dest, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
    while (inside.hasNext()) {
        const QString name = QFileInfo(inside.next()).fileName();
        QVERIFY2(!name.contains(QLatin1String("escape")) || !name.contains(QLatin1Char('/')),
                 qPrintable(name));
    }
    // The harmless part of the tree arrived (the job did run): hostile names did not stop it.
    QVERIFY2(job == 0 || QFile::exists(dest + QStringLiteral("/Safe/ok.txt")), "Safe/ok.txt did not arrive");
}

void TestSecurityFiles::noSecretsOnDiskAndOwnerOnlyFiles()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--seed"), QStringLiteral("empty")}),
             qPrintable(sandbox.errorString()));
    QTemporaryDir dir;
    const QString logs = dir.filePath(QStringLiteral("logs"));
    const QString logPath = LogFile::install(logs);
    // Everything our categories can say goes to the log.
    QLoggingCategory::setFilterRules(QStringLiteral("trestle.*=true"));

    // Sign in with a token manager that records every rotation.
    QNetworkAccessManager nam;
    const Result<TokenSet> initial = apitest::signIn(sandbox, &nam);
    QVERIFY2(initial.ok(), qPrintable(initial.error().toString()));
    RecordingPersistence persistence;
    RateLimitMeter meter;
    TokenManager tokens(QStringLiteral("security"), apitest::sandboxClient(sandbox.baseUrl()),
                        initial.value(), &persistence);
    apitest::Connection c;
    c.context =
        std::make_shared<ConnectionContext>(QStringLiteral("Sandbox"), sandbox.baseUrl(), 0, &tokens, &meter);
    c.client = std::make_unique<ProcoreClient>(c.context);
    const auto companies = apitest::await<QList<Company>>([&c](auto done) { c.client->companies(done); });
    QVERIFY(companies.ok() && !companies.value().isEmpty());
    c.context->setCompanyId(companies.value().first().id);
    const auto projects = apitest::await<QList<Project>>(
        [&](auto done) { c.client->projects(companies.value().first().id, done); });
    QVERIFY(projects.ok() && !projects.value().isEmpty());
    c.projectId = projects.value().first().id;
    // Renewals during the job: the refresh grant carries the client secret and refresh tokens.
    QVERIFY(sandbox.configure({{QStringLiteral("expire_tokens_every"), 20}}));

    const QString share = dir.filePath(QStringLiteral("share"));
    for (int i = 0; i < 10; ++i)
        testing::putFile(share, QStringLiteral("Specs/spec %1.pdf").arg(i),
                         QByteArray(2000 + i, char('a' + i)));
    // The journal in a folder Database creates (so it sets the folder's mode too).
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString journalPath = dataDir + QStringLiteral("/trestle.sqlite");
    {
        Database database(journalPath);
        QVERIFY(database.open().ok());
        Journal journal(database);
        LocalStore source(share);
        ProcoreStore planning(c.client.get(), c.projectId, QStringLiteral("Sandbox project"));
        QString error;
        const qint64 job = planJob(journal, &source, &planning, &error);
        QVERIFY2(job > 0, qPrintable(error));
        const Error result = runJob(
            database, [share] { return std::make_unique<LocalStore>(share); }, procoreFactory(c), job);
        QVERIFY2(!result, qPrintable(result.toString()));
        QVERIFY(persistence.saved().size() >= 1); // tokens were renewed during the job
        // Owner-only while the journal is open (the WAL and shared-memory files exist now).
        QCOMPARE(mode(journalPath), 0600);
        for (const QString &side : {QStringLiteral("-wal"), QStringLiteral("-shm")})
            if (QFile::exists(journalPath + side))
                QCOMPARE(mode(journalPath + side), 0600);
        QCOMPARE(mode(dataDir), 0700);
    }
    qInfo("renewals during the job: %lld", qint64(persistence.saved().size()));
    QSettings().setValue(QStringLiteral("probe"), 1); // make sure the settings file exists to be read
    QSettings().sync();
    const QString settingsPath = QSettings().fileName();

    // Every secret of the session.
    QList<QByteArray> secrets = {initial.value().accessToken.toUtf8(), initial.value().refreshToken.toUtf8(),
                                 apitest::kClientSecret.toUtf8()};
    for (const TokenSet &set : persistence.saved())
        secrets << set.accessToken.toUtf8() << set.refreshToken.toUtf8();
    secrets.removeAll(QByteArray());
    QVERIFY(secrets.size() >= 5);

    QStringList files;
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files << settingsPath << QStringLiteral("/proc/self/environ") << QStringLiteral("/proc/self/cmdline");
    QVERIFY(files.contains(logPath));
    QVERIFY(QFileInfo(logPath).size() > 0); // the log said something: an empty log proves nothing
    for (const QString &path : files) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = f.readAll();
        for (const QByteArray &secret : secrets)
            QVERIFY2(
                !content.contains(secret),
                qPrintable(QStringLiteral("a secret (%1 characters) is in %2").arg(secret.size()).arg(path)));
    }

    // Logs: owner-only file in an owner-only folder.
    QCOMPARE(mode(logPath), 0600);
    QCOMPARE(mode(logs), 0700);
}

QTEST_GUILESS_MAIN(TestSecurityFiles)
#include "tst_security_files.moc"
