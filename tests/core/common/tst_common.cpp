#include "core/common/error.h"
#include "core/common/logfile.h"
#include "core/common/result.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using trestle::Error;

class TestCommon final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorDefaultsToNone()
    {
        Error e;
        QVERIFY(!e.isError());
        QVERIFY(!e);
        QCOMPARE(e.toString(), QString());
    }

    void errorCarriesKindMessageDetail()
    {
        Error e(Error::Kind::RateLimited, QStringLiteral("Budget spent"),
                QStringLiteral("GET /rest/v1.0/folders: 429"));
        e.setHttpStatus(429).setRetryAt(QDateTime::fromSecsSinceEpoch(2000000000, Qt::UTC));
        QVERIFY(e.isError());
        QVERIFY(e.isTransient());
        QCOMPARE(e.httpStatus(), 429);
        QCOMPARE(e.retryAt().toSecsSinceEpoch(), 2000000000);
        QCOMPARE(e.toString(), QStringLiteral("Budget spent (GET /rest/v1.0/folders: 429)"));
        QCOMPARE(Error::kindName(e.kind()), QStringLiteral("rate-limited"));
    }

    void transientKinds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("transient");
        QTest::newRow("network") << int(Error::Kind::Network) << true;
        QTest::newRow("timeout") << int(Error::Kind::Timeout) << true;
        QTest::newRow("server") << int(Error::Kind::Server) << true;
        QTest::newRow("revoked") << int(Error::Kind::AuthRevoked) << false;
        QTest::newRow("validation") << int(Error::Kind::Validation) << false;
        QTest::newRow("permission") << int(Error::Kind::Permission) << false;
        QTest::newRow("malformed") << int(Error::Kind::MalformedReply) << false;
    }
    void transientKinds()
    {
        QFETCH(int, kind);
        QFETCH(bool, transient);
        QCOMPARE(Error(Error::Kind(kind), QStringLiteral("x")).isTransient(), transient);
    }

    void resultHoldsValueOrError()
    {
        trestle::Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        trestle::Result<int> bad(Error(Error::Kind::NotFound, QStringLiteral("gone")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind(), Error::Kind::NotFound);
    }

    void scrubRemovesSecrets_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer eyJabc.def-ghi")
                                << QStringLiteral("eyJabc");
        QTest::newRow("form") << QStringLiteral("grant_type=refresh_token&refresh_token=r3fr3sh&client_id=x")
                              << QStringLiteral("r3fr3sh");
        QTest::newRow("json") << QStringLiteral("{\"access_token\":\"t0ken\",\"expires_in\":5400}")
                              << QStringLiteral("t0ken");
        QTest::newRow("secret") << QStringLiteral("client_secret=s3cr3t") << QStringLiteral("s3cr3t");
        QTest::newRow("code") << QStringLiteral("http://localhost/?code=c0de&state=abc")
                              << QStringLiteral("c0de");
    }
    void scrubRemovesSecrets()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        const QString scrubbed = trestle::LogFile::scrub(line);
        QVERIFY2(!scrubbed.contains(secret), qPrintable(scrubbed));
        QVERIFY(scrubbed.contains(QStringLiteral("[redacted]")));
    }

    void logFileRotatesAndIsPrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = trestle::LogFile::install(dir.path(), 4096, 2);
        for (int i = 0; i < 200; ++i)
            qInfo("line %d with Bearer abcdefsecret", i);
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        QFile f(path + QStringLiteral(".1"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("line"));
        QVERIFY(!text.contains("abcdefsecret"));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
