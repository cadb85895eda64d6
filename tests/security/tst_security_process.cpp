// No secret where a running `trestle` exposes it (issue 9): the real binary copies a share to the
// sandbox with a saved connection (its tokens in the session keychain, installer/headless.sh),
// the sandbox expiring the access token every 15 calls so refresh grants, carrying the refresh
// token and the client secret, happen while it runs. While it runs, /proc/<pid>/environ and
// /proc/<pid>/cmdline are read again and again; after it, every file under its data, config and
// cache folders (journal, WAL, logs, settings) and its own output. Every token the sandbox issues
// starts "eyJ" (JWT-like, tests/sandbox/tokenstore.cpp): anything of that shape is a leak, so the
// rotated tokens no test saw are caught too. Every file it wrote must be owner-only.
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/ratelimitmeters.h"

#include "clitesthelpers.h"
#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace trestle;

namespace {

int mode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What in `content` looks like a secret of this session; empty when nothing does.
QString findSecret(const QByteArray &content)
{
    // A sandbox token: "eyJ" + 64 base64url characters (48 random bytes).
    static const QRegularExpression token(QStringLiteral("eyJ[A-Za-z0-9_-]{40,}"));
    const QString text = QString::fromLatin1(content);
    if (token.match(text).hasMatch())
        return QStringLiteral("a token");
    if (content.contains(TRESTLE_DEFAULT_CLIENT_SECRET))
        return QStringLiteral("the client secret");
    return {};
}

} // namespace

class TestSecurityProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSecretInARunningTrestle();
};

void TestSecurityProcess::noSecretInARunningTrestle()
{
    QVERIFY2(QFile::exists(QStringLiteral(TRESTLE_BIN)), TRESTLE_BIN);
    // The search itself finds what it looks for (a token of the sandbox's shape, the secret).
    QVERIFY(!findSecret("refresh_token=eyJ" + QByteArray(64, 'x') + "&").isEmpty());
    QVERIFY(!findSecret("client_secret=" TRESTLE_DEFAULT_CLIENT_SECRET).isEmpty());
    testing::CliHome home;
    QVERIFY(home.isValid());
    testing::SandboxProcess sandbox;
    // Latency so the copy runs long enough to be looked at while it runs.
    QVERIFY2(sandbox.start({QStringLiteral("--latency-ms"), QStringLiteral("25")}),
             qPrintable(sandbox.errorString()));
    ConnectionProfile profile;
    {
        Database database;
        QVERIFY(database.open().ok());
        ProfileRepository profiles(database);
        SecretStore secrets;
        RateLimitMeters meters;
        const auto saved = testing::saveUserConnection({&profiles, &secrets, &meters}, sandbox,
                                                       QStringLiteral("Sandbox Tower"));
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        profile = saved.value();
    }
    const QString source = home.path(QStringLiteral("source"));
    testing::writeTree(source, 30, 99, 32 * 1024);
    QVERIFY(sandbox.configure({{QStringLiteral("expire_tokens_every"), 15}}));
    QVERIFY(sandbox.resetStats());

    QProcess process;
    process.start(QStringLiteral(TRESTLE_BIN),
                  {QStringLiteral("copy"), source, QStringLiteral("procore:Sandbox Tower/Upload")});
    QVERIFY(process.waitForStarted());
    const QString proc = QStringLiteral("/proc/%1/").arg(process.processId());
    int samples = 0;
    QElapsedTimer clock;
    clock.start();
    while (process.state() == QProcess::Running && clock.elapsed() < 120000) {
        for (const char *what : {"environ", "cmdline"}) {
            const QByteArray content = readAll(proc + QLatin1String(what));
            if (content.isEmpty())
                continue; // the process is gone (or a zombie) between the check and the read
            const QString found = findSecret(content);
            QVERIFY2(found.isEmpty(),
                     qPrintable(QStringLiteral("%1 in %2%3").arg(found, proc, QLatin1String(what))));
            ++samples;
        }
        process.waitForFinished(50);
    }
    if (process.state() != QProcess::NotRunning)
        QVERIFY(process.waitForFinished(10000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(QStringLiteral("exit %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(err))));
    // It ran long enough to be read while running, and it renewed its token meanwhile (so the
    // refresh token and client secret were in use).
    QVERIFY2(samples >= 4, qPrintable(QString::number(samples)));
    const int refreshes = sandbox.stats()
                              .value(QStringLiteral("token_grants"))
                              .toObject()
                              .value(QStringLiteral("refresh_token"))
                              .toInt();
    QVERIFY2(refreshes >= 1, qPrintable(QString::number(refreshes)));
    qInfo("read /proc while running: %d times; refresh grants during the copy: %d", samples, refreshes);

    QVERIFY2(findSecret(out).isEmpty(), "a secret on standard output");
    QVERIFY2(findSecret(err).isEmpty(), "a secret on standard error");

    // Afterwards: everything it wrote.
    QStringList files;
    qint64 bytes = 0;
    for (const char *folder : {"data", "config", "cache"}) {
        QDirIterator it(home.path(QLatin1String(folder)), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray content = readAll(path);
            bytes += content.size();
            const QString found = findSecret(content);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 in %2").arg(found, path)));
            files.append(path);
        }
    }
    qInfo("searched %lld files, %lld bytes: %s", qint64(files.size()), bytes,
          qPrintable(files.join(QLatin1String(", "))));
    // The journal is among them (an empty search proves nothing); everything it wrote (journal,
    // WAL, log, settings) is owner-only.
    const QString journal = Database::defaultFilePath();
    QVERIFY2(files.contains(journal), qPrintable(journal));
    QVERIFY(QFileInfo(journal).size() > 0);
    for (const QString &path : files)
        QVERIFY2(mode(path) == 0600, qPrintable(QStringLiteral("%1 is %2").arg(path).arg(mode(path), 0, 8)));
    sandbox.stop();
}

QTEST_GUILESS_MAIN(TestSecurityProcess)
#include "tst_security_process.moc"
