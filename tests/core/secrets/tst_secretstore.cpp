// SecretStore against the real OS keychain (Secret Service via gnome-keyring under
// installer/headless.sh), and against no keychain at all (a child process without a D-Bus session).
#include "core/secrets/secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace trestle;

namespace {

// Starts the job and waits for its one finished(result).
template<typename Job, typename R>
std::optional<R> finish(Job *job)
{
    std::optional<R> result;
    int emissions = 0;
    QObject::connect(job, &Job::finished, job, [&result, &emissions](const R &r) {
        result = r;
        ++emissions;
    });
    QSignalSpy spy(job, &Job::finished);
    job->start();
    if (!spy.wait(30000) || emissions != 1)
        return std::nullopt;
    return result;
}

QString newConnectionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    SecretStore m_store;

    Status write(const QString &id, SecretKind kind, const QString &value)
    {
        const auto status = finish<SecretWriteJob, Status>(m_store.write(id, kind, value));
        return status ? *status
                      : Status(Error(Error::Kind::Internal, QStringLiteral("write did not finish")));
    }
    Result<QString> read(const QString &id, SecretKind kind)
    {
        const auto value = finish<SecretReadJob, Result<QString>>(m_store.read(id, kind));
        return value ? *value
                     : Result<QString>(Error(Error::Kind::Internal, QStringLiteral("read did not finish")));
    }
    Status remove(SecretRemoveJob *job)
    {
        const auto status = finish<SecretRemoveJob, Status>(job);
        return status ? *status
                      : Status(Error(Error::Kind::Internal, QStringLiteral("remove did not finish")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this suite under installer/headless.sh");
    }

    void keyLayout()
    {
        QCOMPARE(secretServiceName(), QStringLiteral("Trestle"));
        QCOMPARE(secretKey(QStringLiteral("abc"), SecretKind::AccessToken),
                 QStringLiteral("abc/access-token"));
        QCOMPARE(secretKey(QStringLiteral("abc"), SecretKind::RefreshToken),
                 QStringLiteral("abc/refresh-token"));
        QCOMPARE(secretKey(QStringLiteral("abc"), SecretKind::ClientSecret),
                 QStringLiteral("abc/client-secret"));
    }

    void writeReadOverwriteRemove()
    {
        const QString id = newConnectionId();
        const QString first = QStringLiteral("access-") + QUuid::createUuid().toString();
        const QString second = QStringLiteral("ünïcode-") + QUuid::createUuid().toString();
        Status status = write(id, SecretKind::AccessToken, first);
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
        Result<QString> value = read(id, SecretKind::AccessToken);
        QVERIFY2(value.ok(), qPrintable(value.error().toString()));
        QCOMPARE(value.value(), first);

        status = write(id, SecretKind::AccessToken, second);
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
        value = read(id, SecretKind::AccessToken);
        QVERIFY(value.ok());
        QCOMPARE(value.value(), second);

        status = remove(m_store.remove(id, SecretKind::AccessToken));
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
        value = read(id, SecretKind::AccessToken);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().kind(), Error::Kind::NotFound);
        // Removing what is not there is no error.
        status = remove(m_store.remove(id, SecretKind::AccessToken));
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
    }

    void kindsAndConnectionsAreSeparateAndRemoveAll()
    {
        const QString id = newConnectionId();
        const QString other = newConnectionId();
        const QList<SecretKind> kinds{SecretKind::AccessToken, SecretKind::RefreshToken,
                                      SecretKind::ClientSecret};
        for (const SecretKind kind : kinds)
            QVERIFY(write(id, kind, secretKindName(kind) + QStringLiteral("-value")).ok());
        QVERIFY(write(other, SecretKind::RefreshToken, QStringLiteral("other-refresh")).ok());
        for (const SecretKind kind : kinds) {
            const Result<QString> value = read(id, kind);
            QVERIFY(value.ok());
            QCOMPARE(value.value(), secretKindName(kind) + QStringLiteral("-value"));
        }

        const Status status = remove(m_store.removeAll(id));
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
        for (const SecretKind kind : kinds) {
            const Result<QString> value = read(id, kind);
            QVERIFY(!value.ok());
            QCOMPARE(value.error().kind(), Error::Kind::NotFound);
        }
        // The other connection keeps its secret.
        const Result<QString> kept = read(other, SecretKind::RefreshToken);
        QVERIFY(kept.ok());
        QCOMPARE(kept.value(), QStringLiteral("other-refresh"));
        QVERIFY(remove(m_store.removeAll(other)).ok());
        // removeAll of a connection with nothing stored is no error either.
        QVERIFY(remove(m_store.removeAll(newConnectionId())).ok());
    }

    void missingEntryIsNotFound()
    {
        const Result<QString> value = read(newConnectionId(), SecretKind::ClientSecret);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().kind(), Error::Kind::NotFound);
        QVERIFY(!value.error().message().isEmpty());
    }

    void invalidConnectionIdIsRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("slash") << QStringLiteral("a/b");
    }

    void invalidConnectionIdIsRefused()
    {
        QFETCH(QString, id);
        const Status status = write(id, SecretKind::AccessToken, QStringLiteral("x"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind(), Error::Kind::Internal);
    }

    void finishedOnlyAfterStartAndExactlyOnce()
    {
        SecretReadJob *job = m_store.read(newConnectionId(), SecretKind::AccessToken);
        QSignalSpy spy(job, &SecretReadJob::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        QTest::qWait(50); // nothing happens before start()
        QCOMPARE(spy.count(), 0);
        job->start();
        job->start(); // a second start() does nothing
        QCOMPARE(spy.count(), 0); // start() only schedules
        QVERIFY(spy.wait(30000));
        QTRY_COMPARE(destroyed.count(), 1); // deletes itself after finished()
        QCOMPARE(spy.count(), 1);
    }

    void noKeychainIsAnErrorNeverPlainText_data()
    {
        QTest::addColumn<bool>("privateBus");
        QTest::newRow("no D-Bus session") << false;
        QTest::newRow("D-Bus session, no usable keyring") << true;
    }

    // No Secret Service reachable: a Keychain error that says what to install, and the secret is
    // written nowhere (QtKeychain's plain-text fallback stays off).
    void noKeychainIsAnErrorNeverPlainText()
    {
        QFETCH(bool, privateBus);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name :
             {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL",
              "XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION", "DESKTOP_SESSION"})
            env.remove(QString::fromLatin1(name));
        const QString dirs[][2] = {{QStringLiteral("HOME"), QStringLiteral("home")},
                                   {QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("config")},
                                   {QStringLiteral("XDG_DATA_HOME"), QStringLiteral("data")},
                                   {QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("cache")},
                                   {QStringLiteral("XDG_STATE_HOME"), QStringLiteral("state")},
                                   {QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("runtime")},
                                   {QStringLiteral("TMPDIR"), QStringLiteral("tmp")}};
        for (const auto &dir : dirs) {
            QVERIFY(QDir(root.path()).mkpath(dir[1]));
            env.insert(dir[0], root.filePath(dir[1]));
        }
        QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // A bus address that leads nowhere: nothing to connect to, nothing to autolaunch.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + root.filePath(QStringLiteral("no-bus")));

        const QString secret =
            QStringLiteral("plaintext-canary-") + QUuid::createUuid().toString(QUuid::Id128);
        QProcess child;
        if (privateBus) {
            // A session bus of its own. gnome-keyring may still be activated from /usr/share, but
            // with an empty data home it has no login keyring and nothing to unlock it with.
            QVERIFY(QDir(root.path()).mkpath(QStringLiteral("share")));
            env.insert(QStringLiteral("XDG_DATA_DIRS"), root.filePath(QStringLiteral("share")));
            child.setProcessEnvironment(env);
            child.start(QStringLiteral("dbus-run-session"),
                        {QStringLiteral("--"), QStringLiteral(SECRETSTORE_CHILD), newConnectionId()});
        } else {
            child.setProcessEnvironment(env);
            child.start(QStringLiteral(SECRETSTORE_CHILD), {newConnectionId()});
        }
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        child.write(secret.toUtf8() + '\n');
        child.closeWriteChannel();
        QVERIFY2(child.waitForFinished(90000), "the write job never finished without a keychain");
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QCOMPARE(child.exitCode(), 0);
        const QStringList lines = out.split(QLatin1Char('\n'));
        QVERIFY2(lines.size() >= 3, qPrintable(out + err));
        QCOMPARE(lines.at(0), Error::kindName(Error::Kind::Keychain));
        QVERIFY2(lines.at(1).contains(QLatin1String("gnome-keyring")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(QLatin1String("apt install gnome-keyring")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(QLatin1String("KWallet")), qPrintable(lines.at(1)));
        qInfo().noquote() << "without a keychain:" << lines.at(1) << "|" << lines.at(2);

        // The value appears in no output and in no file under the child's home, config, data,
        // cache, state, runtime and temporary directories.
        QVERIFY(!out.contains(secret));
        QVERIFY(!err.contains(secret));
        int files = 0;
        QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            ++files;
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
        qInfo() << "files the child left behind:" << files;
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
