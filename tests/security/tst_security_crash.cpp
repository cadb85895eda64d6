// No secret in crash output (issue 9): the real `trestle copy` with a saved connection (tokens in
// the session keychain, installer/headless.sh) dies in the middle of a job, after it renewed its
// token (so the refresh token and the client secret were in use):
// - killed from outside with SIGSEGV or SIGABRT: what any crash looks like to the outside;
// - aborted by Qt itself: QT_FATAL_WARNINGS=1 and the refresh tokens revoked, so the "token
//   refresh failed" warning becomes fatal. That message goes through Trestle's message handler
//   (log file and stderr, scrubbed) and then abort().
// Afterwards its stdout, stderr and every file under its data, config and cache folders and its
// working folder (where the kernel writes a core dump when core_pattern is a plain name and the
// limit allows one) are searched for anything token-shaped or the client secret.
// Trestle installs no crash handler: asserted from /proc/<pid>/status (SigCgt) while it runs, so
// that one added later comes with its own output searched here.
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/ratelimitmeters.h"

#include "clitesthelpers.h"
#include "processstatus.h"
#include "sandboxprocess.h"
#include "savedconnections.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>

using namespace trestle;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isBase64Url(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// What in `content` looks like a secret of this session; empty when nothing does. Every token
// the sandbox issues is "eyJ" + 64 base64url characters (tests/sandbox/tokenstore.cpp). Scanned
// as bytes: a core dump is far too big for a QString and a regular expression.
QString findSecret(const QByteArray &content)
{
    for (qsizetype at = content.indexOf("eyJ"); at >= 0; at = content.indexOf("eyJ", at + 1)) {
        qsizetype end = at + 3;
        while (end < content.size() && end - at < 43 && isBase64Url(content.at(end)))
            ++end;
        if (end - at >= 43)
            return QStringLiteral("a token");
    }
    if (content.contains(TRESTLE_DEFAULT_CLIENT_SECRET))
        return QStringLiteral("the client secret");
    return {};
}

int refreshGrants(const testing::SandboxProcess &sandbox)
{
    return sandbox.stats()
        .value(QStringLiteral("token_grants"))
        .toObject()
        .value(QStringLiteral("refresh_token"))
        .toInt();
}

// The signals among `mask` (a hex SigCgt field) that a crash raises.
QStringList crashSignalsCaught(const QByteArray &mask)
{
    bool ok = false;
    const quint64 caught = mask.trimmed().toULongLong(&ok, 16);
    if (!ok)
        return {QStringLiteral("unreadable SigCgt \"%1\"").arg(QString::fromLatin1(mask))};
    QStringList names;
    const std::pair<int, const char *> crashes[] = {{SIGSEGV, "SIGSEGV"},
                                                    {SIGABRT, "SIGABRT"},
                                                    {SIGBUS, "SIGBUS"},
                                                    {SIGILL, "SIGILL"},
                                                    {SIGFPE, "SIGFPE"}};
    for (const auto &[number, name] : crashes) {
        if (caught & (quint64(1) << (number - 1)))
            names.append(QLatin1String(name));
    }
    return names;
}

} // namespace

class TestSecurityCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noSecretInCrashOutput_data();
    void noSecretInCrashOutput();
};

void TestSecurityCrash::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(TRESTLE_BIN)), TRESTLE_BIN);
    // The search itself finds what it looks for.
    QVERIFY(!findSecret("refresh_token=eyJ" + QByteArray(64, 'x') + "&").isEmpty());
    QVERIFY(!findSecret("client_secret=" TRESTLE_DEFAULT_CLIENT_SECRET).isEmpty());
    QCOMPARE(crashSignalsCaught("0000000000004402"), QStringList{QStringLiteral("SIGSEGV")});
    QCOMPARE(crashSignalsCaught("0000000180014000"), QStringList());
    qInfo("core_pattern: %s", readAll(QStringLiteral("/proc/sys/kernel/core_pattern")).trimmed().constData());
}

void TestSecurityCrash::noSecretInCrashOutput_data()
{
    QTest::addColumn<int>("signal"); // sent from outside; 0: Qt aborts on its own
    // false: the child's core limit is 0 (what Trestle itself writes); true: raised to the hard
    // limit, so the kernel writes a core dump into the working folder if Trestle lets it.
    QTest::addColumn<bool>("coreDumps");
    QTest::newRow("SIGSEGV from outside") << int(SIGSEGV) << false;
    QTest::newRow("SIGABRT from outside") << int(SIGABRT) << false;
    QTest::newRow("fatal warning (refresh token revoked)") << 0 << false;
    QTest::newRow("SIGSEGV, core dumps allowed") << int(SIGSEGV) << true;
}

void TestSecurityCrash::noSecretInCrashOutput()
{
    QFETCH(int, signal);
    QFETCH(bool, coreDumps);
    if (coreDumps) {
        // Environment limits, not a missing feature: where the dump goes is the system's choice.
        struct rlimit limit;
        if (::getrlimit(RLIMIT_CORE, &limit) != 0 || limit.rlim_max == 0)
            QSKIP("the hard core limit is 0: no core dump can be written here");
        if (readAll(QStringLiteral("/proc/sys/kernel/core_pattern")).startsWith('|'))
            QSKIP("core dumps go to the system's handler (core_pattern is a pipe), not into a folder");
    }
    testing::CliHome home;
    QVERIFY(home.isValid());
    testing::SandboxProcess sandbox;
    // Latency so the copy is still running when the token has been renewed.
    QVERIFY2(sandbox.start({QStringLiteral("--latency-ms"), QStringLiteral("25")}),
             qPrintable(sandbox.errorString()));
    {
        Database database;
        QVERIFY(database.open().ok());
        ProfileRepository profiles(database);
        SecretStore secrets;
        RateLimitMeters meters;
        const auto saved = testing::saveUserConnection({&profiles, &secrets, &meters}, sandbox,
                                                       QStringLiteral("Sandbox Tower"));
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
    }
    const QString source = home.path(QStringLiteral("source"));
    testing::writeTree(source, 30, 7, 32 * 1024);
    QVERIFY(sandbox.configure({{QStringLiteral("expire_tokens_every"), 15}}));
    QVERIFY(sandbox.resetStats());
    const QString workingDir = home.path(QStringLiteral("cwd"));
    QVERIFY(QDir().mkpath(workingDir));

    QProcess process;
    process.setWorkingDirectory(workingDir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (signal == 0)
        environment.insert(QStringLiteral("QT_FATAL_WARNINGS"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([coreDumps] {
        struct rlimit limit;
        if (::getrlimit(RLIMIT_CORE, &limit) == 0) {
            limit.rlim_cur = coreDumps ? limit.rlim_max : 0;
            ::setrlimit(RLIMIT_CORE, &limit);
        }
    });
    process.start(QStringLiteral(TRESTLE_BIN),
                  {QStringLiteral("copy"), source, QStringLiteral("procore:Sandbox Tower/Upload")});
    QVERIFY(process.waitForStarted());
    const qint64 pid = process.processId();
    // Mid-job: once it renewed its token, while it still runs.
    QVERIFY2(QTest::qWaitFor(
                 [&] { return refreshGrants(sandbox) >= 1 || process.state() != QProcess::Running; }, 60000),
             "no token renewal within 60 s");
    QVERIFY2(process.state() == QProcess::Running, "the copy ended before it could be made to crash");
    const QByteArray caught = testing::procStatusField("SigCgt", pid);
    const QString limits = QString::fromLatin1(readAll(QStringLiteral("/proc/%1/limits").arg(pid)));
    static const QRegularExpression coreLine(QStringLiteral("Max core file size[^\\n]*"));
    const QString coreLimit = coreLine.match(limits).captured(0).simplified();
    if (signal != 0) {
        QCOMPARE(::kill(pid_t(pid), signal), 0);
    } else {
        QVERIFY(sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    }
    QVERIFY(process.waitForFinished(60000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(process.exitCode(), signal != 0 ? signal : int(SIGABRT));
    qInfo("%s; core dumps: %s", qPrintable(QStringLiteral("killed by signal %1").arg(process.exitCode())),
          qPrintable(coreLimit));

    // No handler of its own runs on a crash: the only crash output is what the kernel makes.
    QVERIFY2(!caught.isEmpty(), "SigCgt unreadable");
    const QStringList handled = crashSignalsCaught(caught);
    QVERIFY2(handled.isEmpty(),
             qPrintable(QStringLiteral("Trestle catches %1: search what its handler writes")
                            .arg(handled.join(QLatin1String(", ")))));

    QVERIFY2(findSecret(out).isEmpty(), "a secret on standard output");
    QVERIFY2(findSecret(err).isEmpty(),
             qPrintable(QStringLiteral("a secret on standard error: %1").arg(findSecret(err))));
    QStringList files;
    QStringList leaks;
    QStringList coreLeaks; // in the working folder: a core dump
    for (const char *folder : {"data", "config", "cache", "cwd"}) {
        QDirIterator it(home.path(QLatin1String(folder)), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(home.path(QString())).relativeFilePath(path);
            files.append(relative);
            if (const QString found = findSecret(readAll(path)); !found.isEmpty())
                (qstrcmp(folder, "cwd") == 0 ? coreLeaks : leaks)
                    .append(found + QStringLiteral(" in ") + relative);
        }
    }
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String("; "))));
    if (coreDumps) {
        // Trestle marks itself non-dumpable at start (ProcessHardening): even with the core limit
        // raised, the kernel writes no core file that could hold the tokens.
        const QStringList cores = QDir(home.path(QStringLiteral("cwd")))
                                      .entryList({QStringLiteral("core*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(
            cores.isEmpty(),
            qPrintable(QStringLiteral("a core file was written: %1").arg(cores.join(QLatin1String(", ")))));
    }
    QVERIFY2(coreLeaks.isEmpty(), qPrintable(coreLeaks.join(QLatin1String("; "))));
    qInfo("searched stdout, stderr (%lld bytes) and %lld files: %s", qint64(err.size()), qint64(files.size()),
          qPrintable(files.join(QLatin1String(", "))));
    // The log is among them (an empty search proves nothing); after Qt's own abort, the fatal
    // message reached it and stderr through Trestle's handler before the process died.
    const auto log = std::find_if(files.cbegin(), files.cend(), [](const QString &path) {
        return path.endsWith(QLatin1String("/trestle.log"));
    });
    QVERIFY2(log != files.cend(), qPrintable(files.join(QLatin1String(", "))));
    const QByteArray logText = readAll(home.path(*log));
    QVERIFY(!logText.isEmpty());
    if (signal == 0) {
        QVERIFY2(logText.contains("token refresh failed"), logText.right(2000).constData());
        QVERIFY2(err.contains("token refresh failed"), err.right(2000).constData());
        qInfo("its last words (stderr, searched above): %s", err.trimmed().constData());
    }
    sandbox.stop();
}

QTEST_GUILESS_MAIN(TestSecurityCrash)
#include "tst_security_crash.moc"
