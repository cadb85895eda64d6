// The `trestle` command line end to end with a saved Procore connection: the real binary, its
// own XDG folders, the session's keychain (installer/headless.sh) and the sandbox over HTTP.
// connections, projects, copy share → Procore → share: same bytes, no duplicate, API calls printed.
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/ratelimitmeters.h"

#include "clitesthelpers.h"
#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace trestle;

namespace {

constexpr int kFiles = 40;

QString describe(const testing::CliHome::Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

// The API calls since the last reset, printed per endpoint (a figure for the notes).
int apiCalls(const testing::SandboxProcess &sandbox, const char *what)
{
    const QJsonObject stats = sandbox.stats();
    qInfo("%s: %s", what,
          QJsonDocument(stats.value(QStringLiteral("by_endpoint")).toObject())
              .toJson(QJsonDocument::Compact)
              .constData());
    return stats.value(QStringLiteral("total_api_calls")).toInt();
}

} // namespace

class TestCliProcore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsConnectionsAndProjects();
    void unknownConnectionIsUsageError();
    void copyUpAndDownAgain();

private:
    testing::SandboxProcess m_sandbox;
    std::unique_ptr<testing::CliHome> m_home;
    ConnectionProfile m_profile;
};

void TestCliProcore::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(TRESTLE_BIN)), TRESTLE_BIN);
    m_home = std::make_unique<testing::CliHome>();
    QVERIFY(m_home->isValid());
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    // The connection is saved as the window saves it, into the database the binary opens.
    Database database;
    QVERIFY(database.open().ok());
    ProfileRepository profiles(database);
    SecretStore secrets;
    RateLimitMeters meters;
    const auto saved = testing::saveUserConnection({&profiles, &secrets, &meters}, m_sandbox,
                                                   QStringLiteral("Sandbox Tower"));
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    m_profile = saved.value();
}

void TestCliProcore::cleanupTestCase()
{
    m_sandbox.stop();
}

void TestCliProcore::listsConnectionsAndProjects()
{
    const auto text = testing::CliHome::run({QStringLiteral("connections")});
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    QVERIFY2(text.out.contains("Sandbox Tower") && text.out.contains(m_profile.id.toUtf8())
                 && text.out.contains(m_profile.projectName.toUtf8()),
             qPrintable(describe(text)));

    qInfo("trestle connections:\n%s", text.out.constData());
    const auto projectsText =
        testing::CliHome::run({QStringLiteral("projects"), QStringLiteral("sandbox tower")});
    QVERIFY2(projectsText.exitCode == 0 && projectsText.out.contains(m_profile.projectName.toUtf8()),
             qPrintable(describe(projectsText)));
    qInfo("trestle projects \"sandbox tower\":\n%s", projectsText.out.constData());

    const auto json = testing::CliHome::run({QStringLiteral("connections"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    const QJsonArray list = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toString(), m_profile.id);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("procore"));
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("projectId")).toString(),
             QString::number(m_profile.projectId));

    const auto projects = testing::CliHome::run(
        {QStringLiteral("projects"), QStringLiteral("Sandbox Tower"), QStringLiteral("--json")});
    QVERIFY2(projects.exitCode == 0, qPrintable(describe(projects)));
    bool found = false;
    for (const QJsonValue &project : QJsonDocument::fromJson(projects.out).array())
        found = found
            || project.toObject().value(QStringLiteral("id")).toString()
                == QString::number(m_profile.projectId);
    QVERIFY2(found, projects.out.constData());
}

void TestCliProcore::unknownConnectionIsUsageError()
{
    const auto run = testing::CliHome::run({QStringLiteral("copy"), m_home->path(QStringLiteral("data")),
                                            QStringLiteral("procore:Nowhere/Upload")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("Nowhere"), qPrintable(describe(run)));
    const auto projects = testing::CliHome::run({QStringLiteral("projects"), QStringLiteral("Nowhere")});
    QCOMPARE(projects.exitCode, 2);
}

void TestCliProcore::copyUpAndDownAgain()
{
    const QString source = m_home->path(QStringLiteral("source"));
    const QString back = m_home->path(QStringLiteral("back"));
    testing::writeTree(source, kFiles, 4711, 64 * 1024);
    QVERIFY(QDir().mkpath(back));
    const QString remote = QStringLiteral("procore:Sandbox Tower/Upload");

    QVERIFY(m_sandbox.resetStats());
    const auto up = testing::CliHome::run({QStringLiteral("copy"), source, remote});
    QVERIFY2(up.exitCode == 0, qPrintable(describe(up)));
    const int upCalls = apiCalls(m_sandbox, "upload");

    QVERIFY(m_sandbox.resetStats());
    const auto down = testing::CliHome::run({QStringLiteral("copy"), remote, back});
    QVERIFY2(down.exitCode == 0, qPrintable(describe(down)));
    const int downCalls = apiCalls(m_sandbox, "download");

    // The same again: nothing to do, nothing duplicated.
    QVERIFY(m_sandbox.resetStats());
    const auto again = testing::CliHome::run({QStringLiteral("copy"), source, remote});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    const int againCalls = apiCalls(m_sandbox, "unchanged re-copy");
    qInfo("API calls: upload of %d files %d, download %d, unchanged re-copy %d", kFiles, upCalls, downCalls,
          againCalls);

    const QMap<QString, QString> expected = testing::treeSha256(source);
    QCOMPARE(expected.size(), kFiles);
    QCOMPARE(testing::treeSha256(back), expected);
    const QMap<QString, QStringList> remoteFiles =
        testing::sandboxFiles(m_sandbox.state(m_profile.projectId), QStringLiteral("Upload"));
    int files = 0;
    for (auto it = remoteFiles.begin(); it != remoteFiles.end(); ++it) {
        QVERIFY2(it.value().size() == 1,
                 qPrintable(QStringLiteral("%1 exists %2 times").arg(it.key()).arg(it.value().size())));
        if (it.key().endsWith(QLatin1Char('/')))
            continue;
        ++files;
        QCOMPARE(it.value().first(), expected.value(it.key()));
    }
    QCOMPARE(files, kFiles);
}

QTEST_GUILESS_MAIN(TestCliProcore)
#include "tst_cli_procore.moc"
