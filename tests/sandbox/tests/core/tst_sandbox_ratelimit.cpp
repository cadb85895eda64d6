// The per-application rate limits of trestle-sandbox (procore-api.md §9, §12) and the call
// statistics that measure the client's API economy.
#include "coretestsupport.h"
#include "ratelimiter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace coretest;

class TestSandboxRateLimit final : public QObject
{
    Q_OBJECT

private slots:
    void limiterFixedWindows();
    void limiterDescribesTheNearerLimit();
    void hourlyBudgetRunsOutAndResets();
    void budgetIsPerClientApplication();
    void spikeLimitHeaders();
    void liveConfigChangesTheBudget();
    void statisticsCountEndpointsAndClients();
    void downloadHopCountsOnlyWhenAsked();
};

namespace {
qint64 number(const Reply &reply, const char *header)
{
    return reply.header(header).toLongLong();
}

QStringList limitedArguments()
{
    // An hour lasts 10 s: the budget of 20 resets quickly enough for a test.
    return {QStringLiteral("--rate-limit"), QStringLiteral("20"), QStringLiteral("--time-scale"),
            QStringLiteral("360")};
}
} // namespace

void TestSandboxRateLimit::limiterFixedWindows()
{
    sandbox::RateLimiter limiter;
    limiter.setLimits(3, 0, 360); // an hour of 10 s
    const qint64 t0 = 1700000000000;
    const QString app = QStringLiteral("app");
    for (int i = 0; i < 3; ++i) {
        const sandbox::RateDecision decision = limiter.consume(app, t0 + i * 100);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 3);
        QCOMPARE(decision.remaining, 2 - i);
        QCOMPARE(decision.resetUnix, (t0 + 10000) / 1000);
    }
    // Spent: refused until the window ends, and refusals do not move the reset.
    sandbox::RateDecision refused = limiter.consume(app, t0 + 9000);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, 0);
    QCOMPARE(refused.resetUnix, (t0 + 10000) / 1000);
    QCOMPARE(refused.retryAfterSeconds, 1);
    refused = limiter.consume(app, t0 + 1000);
    QCOMPARE(refused.retryAfterSeconds, 9);
    // Another application has its own budget.
    QVERIFY(limiter.consume(QStringLiteral("other"), t0 + 9500).allowed);
    // The next window starts with the first call after the end.
    const sandbox::RateDecision next = limiter.consume(app, t0 + 12345);
    QVERIFY(next.allowed);
    QCOMPARE(next.remaining, 2);
    QCOMPARE(next.resetUnix, (t0 + 12345 + 10000 + 999) / 1000);
}

void TestSandboxRateLimit::limiterDescribesTheNearerLimit()
{
    sandbox::RateLimiter limiter;
    limiter.setLimits(10, 4, 1.0);
    const qint64 t0 = 1700000000000;
    const QString app = QStringLiteral("app");
    sandbox::RateDecision decision;
    for (int i = 0; i < 4; ++i) {
        decision = limiter.consume(app, t0 + i);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 4); // 4 - n < 10 - n: the spike limit is nearer
        QCOMPARE(decision.remaining, 3 - i);
        QCOMPARE(decision.resetUnix, (t0 + 10000) / 1000);
    }
    decision = limiter.consume(app, t0 + 5000);
    QVERIFY(!decision.allowed);
    QCOMPARE(decision.limit, 4);
    QCOMPARE(decision.retryAfterSeconds, 5);
    // Next spike windows: the hourly budget (10) runs low and takes over the headers.
    for (int window = 1; window <= 2; ++window) {
        for (int i = 0; i < 3; ++i)
            decision = limiter.consume(app, t0 + window * 10000 + i);
    }
    QVERIFY(decision.allowed);
    QCOMPARE(decision.limit, 10);
    QCOMPARE(decision.remaining, 0);
    QCOMPARE(decision.resetUnix, (t0 + 3600000) / 1000);
    decision = limiter.consume(app, t0 + 40000);
    QVERIFY(!decision.allowed);
    QCOMPARE(decision.limit, 10);
    QCOMPARE(decision.retryAfterSeconds, 3560);
}

void TestSandboxRateLimit::hourlyBudgetRunsOutAndResets()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start(limitedArguments()), qPrintable(sandbox.errorString()));
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    QVERIFY(!token.isEmpty());

    // Spend the budget. Within one window (same Reset) Remaining counts down by one per call; a
    // window that ends mid-loop on a slow machine only restarts the count.
    Reply reply;
    qint64 previousRemaining = -1;
    qint64 previousReset = -1;
    int calls = 0;
    for (; calls < 200; ++calls) {
        reply = get(sandbox, QStringLiteral("/rest/v1.0/me"), token);
        if (reply.status == 429)
            break;
        QCOMPARE(reply.status, 200);
        QCOMPARE(number(reply, "X-Rate-Limit-Limit"), 20);
        const qint64 remaining = number(reply, "X-Rate-Limit-Remaining");
        const qint64 reset = number(reply, "X-Rate-Limit-Reset");
        QVERIFY(reset >= QDateTime::currentSecsSinceEpoch());
        if (reset == previousReset)
            QCOMPARE(remaining, previousRemaining - 1);
        previousRemaining = remaining;
        previousReset = reset;
    }
    QCOMPARE(reply.status, 429);
    QCOMPARE(previousRemaining, 0);
    QCOMPARE(
        jsonObject(reply).value(QStringLiteral("message")).toString(),
        QStringLiteral("You have surpassed the max number of requests for an hour. Please wait until your "
                       "limit resets."));
    const qint64 retryAfter = number(reply, "Retry-After");
    QVERIFY(retryAfter >= 1);
    QVERIFY(retryAfter <= 11);
    QCOMPARE(number(reply, "X-Rate-Limit-Remaining"), 0);
    QCOMPARE(number(reply, "X-Rate-Limit-Limit"), 20);
    QVERIFY(number(reply, "X-Rate-Limit-Reset") > 0);

    // Refused calls do not move the reset time.
    const Reply again = get(sandbox, QStringLiteral("/rest/v1.0/me"), token);
    if (again.status == 429)
        QCOMPARE(number(again, "X-Rate-Limit-Reset"), number(reply, "X-Rate-Limit-Reset"));
    QVERIFY(sandbox.stats().value(QStringLiteral("status_429")).toInt() >= 1);

    // After the reset calls succeed again.
    QTRY_COMPARE_WITH_TIMEOUT(get(sandbox, QStringLiteral("/rest/v1.0/me"), token).status, 200, 30000);
}

void TestSandboxRateLimit::budgetIsPerClientApplication()
{
    testing::SandboxProcess sandbox;
    // A long hour (100 s) so that nothing resets during the test.
    QVERIFY2(sandbox.start({QStringLiteral("--rate-limit"), QStringLiteral("5"),
                            QStringLiteral("--time-scale"), QStringLiteral("36")}),
             qPrintable(sandbox.errorString()));
    const QString app = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    const QString custom =
        userTokens(sandbox, customId, customSecret).value(QStringLiteral("access_token")).toString();
    QVERIFY(!app.isEmpty());
    QVERIFY(!custom.isEmpty());
    int status = 0;
    for (int i = 0; i < 10 && status != 429; ++i)
        status = get(sandbox, QStringLiteral("/rest/v1.0/me"), app).status;
    QCOMPARE(status, 429);
    // The token endpoint shares the application's budget.
    QCOMPARE(postToken(sandbox,
                       {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                        {QStringLiteral("client_id"), appId},
                        {QStringLiteral("client_secret"), appSecret}})
                 .status,
             429);
    const Reply other = get(sandbox, QStringLiteral("/rest/v1.0/me"), custom);
    QCOMPARE(other.status, 200);
    QCOMPARE(number(other, "X-Rate-Limit-Remaining"), 3); // its token call and this call
}

void TestSandboxRateLimit::spikeLimitHeaders()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--rate-limit"), QStringLiteral("1000"),
                            QStringLiteral("--spike-limit"), QStringLiteral("6")}),
             qPrintable(sandbox.errorString()));
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    // The token call opened both windows; the spike limit is nearer, so the headers describe it.
    // A spike window of 10 s can end during the loop on a slow machine: then the count restarts.
    Reply reply;
    qint64 previousReset = -1;
    qint64 previousRemaining = -1;
    for (int i = 0; i < 50; ++i) {
        reply = get(sandbox, QStringLiteral("/rest/v1.0/me"), token);
        if (reply.status == 429)
            break;
        QCOMPARE(number(reply, "X-Rate-Limit-Limit"), 6);
        const qint64 reset = number(reply, "X-Rate-Limit-Reset");
        if (reset == previousReset)
            QCOMPARE(number(reply, "X-Rate-Limit-Remaining"), previousRemaining - 1);
        previousReset = reset;
        previousRemaining = number(reply, "X-Rate-Limit-Remaining");
    }
    QCOMPARE(reply.status, 429);
    QCOMPARE(number(reply, "X-Rate-Limit-Limit"), 6);
    QCOMPARE(number(reply, "X-Rate-Limit-Remaining"), 0);
    QVERIFY(number(reply, "Retry-After") >= 1);
    QVERIFY(number(reply, "Retry-After") <= 11);
}

void TestSandboxRateLimit::liveConfigChangesTheBudget()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    QCOMPARE(number(get(sandbox, QStringLiteral("/rest/v1.0/me"), token), "X-Rate-Limit-Limit"), 3600);
    QVERIFY(sandbox.configure({{QStringLiteral("rate_limit"), 2}}));
    const Reply reply = get(sandbox, QStringLiteral("/rest/v1.0/me"), token);
    QCOMPARE(reply.status, 429); // the token call and /me already spent two calls this hour
    QCOMPARE(number(reply, "X-Rate-Limit-Limit"), 2);
    QVERIFY(!sandbox.configure({{QStringLiteral("rate_limit"), QStringLiteral("many")}}));
    QVERIFY(!sandbox.configure({{QStringLiteral("no_such_setting"), 1}}));
}

void TestSandboxRateLimit::statisticsCountEndpointsAndClients()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
             qPrintable(sandbox.errorString()));
    const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
    const QString custom =
        userTokens(sandbox, customId, customSecret).value(QStringLiteral("access_token")).toString();
    const qint64 companyId = firstCompanyId(sandbox, token);
    QVERIFY(sandbox.resetStats());
    QCOMPARE(sandbox.stats().value(QStringLiteral("total_api_calls")).toInt(), 0);

    for (int i = 0; i < 2; ++i)
        QCOMPARE(
            get(sandbox, QStringLiteral("/rest/v1.0/companies/%1/projects").arg(companyId), token, companyId)
                .status,
            200);
    QCOMPARE(get(sandbox, QStringLiteral("/rest/v1.0/me"), custom).status, 200);
    // Failed calls count too, like Procore counts them.
    QCOMPARE(get(sandbox, QStringLiteral("/rest/v1.0/projects"), token, companyId).status, 400);
    // Control endpoints and the login page are not API calls.
    sandbox.stats();
    QCOMPARE(
        sandbox
            .request("GET",
                     url(sandbox, QStringLiteral("/oauth/authorize"),
                         QStringLiteral(
                             "response_type=code&client_id=custom-app&redirect_uri=http%3A%2F%2Flocalhost")))
            .status,
        200);

    const QJsonObject stats = sandbox.stats();
    QCOMPARE(stats.value(QStringLiteral("total_api_calls")).toInt(), 4);
    const QJsonObject endpoints = stats.value(QStringLiteral("by_endpoint")).toObject();
    QCOMPARE(endpoints.value(QStringLiteral("GET /rest/v1.0/companies/{id}/projects")).toInt(), 2);
    QCOMPARE(endpoints.value(QStringLiteral("GET /rest/v1.0/me")).toInt(), 1);
    QCOMPARE(endpoints.value(QStringLiteral("GET /rest/v1.0/projects")).toInt(), 1);
    const QJsonObject clients = stats.value(QStringLiteral("by_client")).toObject();
    QCOMPARE(clients.value(appId).toInt(), 3);
    QCOMPARE(clients.value(customId).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("status_429")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("faults_injected")).toInt(), 0);
    for (const char *key : {"uploads", "downloads", "bytes_in", "bytes_out", "requests_with_authorization"})
        QVERIFY2(stats.value(QStringLiteral("storage")).toObject().contains(QLatin1String(key)), key);
}

void TestSandboxRateLimit::downloadHopCountsOnlyWhenAsked()
{
    for (const bool counted : {false, true}) {
        testing::SandboxProcess sandbox;
        QStringList arguments{QStringLiteral("--rate-limit"), QStringLiteral("100")};
        if (counted)
            arguments << QStringLiteral("--count-download-hop");
        QVERIFY2(sandbox.start(arguments), qPrintable(sandbox.errorString()));
        const QString token = userTokens(sandbox).value(QStringLiteral("access_token")).toString();
        QVERIFY(sandbox.resetStats());
        // An unsigned hop URL is refused by Documents; the core's counting does not depend on it.
        const Reply hop = get(sandbox, QStringLiteral("/fas/api/v5/files/8589934599"), token);
        QVERIFY(hop.status >= 400);
        QCOMPARE(get(sandbox, QStringLiteral("/fas/api/v5/files/8589934599"), QStringLiteral("bad")).status,
                 401);
        const QJsonObject stats = sandbox.stats();
        QCOMPARE(stats.value(QStringLiteral("total_api_calls")).toInt(), counted ? 2 : 0);
        QCOMPARE(
            stats.value(QStringLiteral("by_endpoint")).toObject().value(QStringLiteral("GET /fas/*")).toInt(),
            counted ? 2 : 0);
        QCOMPARE(hop.header("X-Rate-Limit-Limit").isEmpty(), !counted);
    }
}

QTEST_GUILESS_MAIN(TestSandboxRateLimit)
#include "tst_sandbox_ratelimit.moc"
