// Fault injection of trestle-sandbox (--fault-rate, --fault-kinds, --fault-seed): each kind as a
// QNetworkAccessManager client sees it, and the endpoints that are never faulted.
#include "coretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace coretest;

class TestSandboxFaults final : public QObject
{
    Q_OBJECT

private slots:
    void eachKind_data();
    void eachKind();
    void controlAndLoginPagesAreNeverFaulted();
    void storageIsFaulted();
    void seedRepeatsTheSameFaults();
    void liveConfigTurnsFaultsOnAndOff();

private:
    struct Outcome
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QByteArray retryAfter;
    };
    static Outcome fetch(const QUrl &url, const Headers &headers, int transferTimeoutMs = 20000);
};

TestSandboxFaults::Outcome TestSandboxFaults::fetch(const QUrl &url, const Headers &headers,
                                                    int transferTimeoutMs)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(transferTimeoutMs);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Outcome outcome;
    if (!finished.wait(60000))
        return outcome;
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.error = reply->error();
    if (reply->isOpen())
        outcome.body = reply->readAll();
    outcome.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return outcome;
}

void TestSandboxFaults::eachKind_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"500", "502", "503", "reset", "truncate", "stall"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestSandboxFaults::eachKind()
{
    QFETCH(QString, kind);
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--fault-rate"), QStringLiteral("1"),
                            QStringLiteral("--fault-kinds"), kind}),
             qPrintable(sandbox.errorString()));
    // The token endpoint is not faulted, so a client can always sign in.
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    QVERIFY(!token.isEmpty());

    const bool stall = kind == QLatin1String("stall");
    const Outcome outcome =
        fetch(url(sandbox, QStringLiteral("/rest/v1.0/me")), bearer(token), stall ? 1500 : 20000);
    if (kind == QLatin1String("500") || kind == QLatin1String("502") || kind == QLatin1String("503")) {
        QCOMPARE(outcome.status, kind.toInt());
        QVERIFY(QJsonDocument::fromJson(outcome.body).isObject());
        QCOMPARE(outcome.retryAfter, kind == QLatin1String("503") ? QByteArray("1") : QByteArray());
    } else if (kind == QLatin1String("reset")) {
        QCOMPARE(outcome.status, 0);
        QVERIFY(outcome.error != QNetworkReply::NoError);
    } else if (kind == QLatin1String("truncate")) {
        // Either the transport reports the short body, or what arrived is not the whole JSON.
        QVERIFY(outcome.error != QNetworkReply::NoError || !QJsonDocument::fromJson(outcome.body).isObject());
    } else {
        QCOMPARE(outcome.error, QNetworkReply::OperationCanceledError); // the transfer timeout fired
    }
    // QNAM resends an idempotent GET once when the connection drops before any answer.
    const int faults = sandbox.stats().value(QStringLiteral("faults_injected")).toInt();
    QVERIFY(faults >= 1);
    QVERIFY(faults <= 2);
}

void TestSandboxFaults::controlAndLoginPagesAreNeverFaulted()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--fault-rate"), QStringLiteral("1")}),
             qPrintable(sandbox.errorString()));
    for (int i = 0; i < 5; ++i) {
        const Outcome page = fetch(
            url(sandbox, QStringLiteral("/oauth/authorize"),
                QStringLiteral(
                    "response_type=code&client_id=trestle-sandbox-app&redirect_uri=http%3A%2F%2Flocalhost")),
            {});
        QCOMPARE(page.status, 200);
        QCOMPARE(page.error, QNetworkReply::NoError);
        const Outcome stats = fetch(url(sandbox, QStringLiteral("/_sandbox/stats")), {});
        QCOMPARE(stats.status, 200);
    }
    QCOMPARE(submitLogin(sandbox, appId, demoLogin, demoPassword).status, 302);
    QCOMPARE(sandbox.stats().value(QStringLiteral("faults_injected")).toInt(), 0);
}

void TestSandboxFaults::storageIsFaulted()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--fault-rate"), QStringLiteral("1"),
                            QStringLiteral("--fault-kinds"), QStringLiteral("502")}),
             qPrintable(sandbox.errorString()));
    const QJsonObject info =
        QJsonDocument::fromJson(sandbox.request("GET", url(sandbox, QStringLiteral("/_sandbox/info"))).body)
            .object();
    const QUrl storage(info.value(QStringLiteral("storage_base")).toString());
    QVERIFY(storage.isValid());
    QVERIFY(storage.port() != sandbox.baseUrl().port());
    const Outcome outcome = fetch(storage.resolved(QUrl(QStringLiteral("/any/path"))), {});
    QCOMPARE(outcome.status, 502);
    const QJsonObject stats = sandbox.stats();
    QCOMPARE(stats.value(QStringLiteral("faults_injected")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("storage")).toObject().value(QStringLiteral("requests")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("total_api_calls")).toInt(), 0); // storage is not an API call
}

void TestSandboxFaults::seedRepeatsTheSameFaults()
{
    auto run = [](QList<int> *statuses) {
        testing::SandboxProcess sandbox;
        if (!sandbox.start({QStringLiteral("--fault-rate"), QStringLiteral("0.5"),
                            QStringLiteral("--fault-kinds"), QStringLiteral("500,503"),
                            QStringLiteral("--fault-seed"), QStringLiteral("42")}))
            return false;
        for (int i = 0; i < 20; ++i)
            statuses->append(
                fetch(url(sandbox, QStringLiteral("/rest/v1.0/me")), bearer(QStringLiteral("x"))).status);
        return true;
    };
    QList<int> first;
    QList<int> second;
    QVERIFY(run(&first));
    QVERIFY(run(&second));
    QCOMPARE(first, second);
    // Both outcomes occur: faults (500/503) and the real answer (401 for a bad token).
    QVERIFY(first.contains(401));
    QVERIFY(first.contains(500) || first.contains(503));
}

void TestSandboxFaults::liveConfigTurnsFaultsOnAndOff()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    QCOMPARE(fetch(url(sandbox, QStringLiteral("/rest/v1.0/me")), bearer(token)).status, 200);
    QVERIFY(sandbox.configure(
        {{QStringLiteral("fault_rate"), 1}, {QStringLiteral("fault_kinds"), QJsonArray{503}}}));
    const Outcome faulted = fetch(url(sandbox, QStringLiteral("/rest/v1.0/me")), bearer(token));
    QCOMPARE(faulted.status, 503);
    QCOMPARE(faulted.retryAfter, QByteArray("1"));
    QVERIFY(sandbox.configure({{QStringLiteral("fault_rate"), 0}}));
    QCOMPARE(fetch(url(sandbox, QStringLiteral("/rest/v1.0/me")), bearer(token)).status, 200);
    QVERIFY(!sandbox.configure({{QStringLiteral("fault_kinds"), QJsonArray{QStringLiteral("meteor")}}}));
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
