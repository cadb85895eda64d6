// A call renews its access token again when the renewed one expires too (issue 9: in a
// 30-minute soak a call that waited for a budget slot after its renewal met a second expiry and
// failed with "sign-in has expired … 401"), but only a few times: a server that rejects every
// token ends the call with a sign-in error instead of a loop. Real sandbox, real HTTP; the
// assertions count calls and token grants, not time.
#include "apitestsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace trestle;

namespace {

int refreshGrants(const testing::SandboxProcess &sandbox)
{
    return sandbox.stats()
        .value(QStringLiteral("token_grants"))
        .toObject()
        .value(QStringLiteral("refresh_token"))
        .toInt(-1);
}

int callsTo(const testing::SandboxProcess &sandbox, const QString &endpoint)
{
    return sandbox.stats().value(QStringLiteral("by_endpoint")).toObject().value(endpoint).toInt(-1);
}

// ApiCall's cap on renewals after a 401 (kMaxRenewalsAfter401).
constexpr int kRenewalCap = 3;

} // namespace

class TestTokenRenewal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void twoExpiriesInARow();
    void everyRenewedTokenRejected();
    void serverClockAheadKeepsProactiveRenewal();

private:
    testing::SandboxProcess m_sandbox;
    apitest::Connection m_conn;
};

void TestTokenRenewal::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY2(m_conn.open(m_sandbox), qPrintable(m_conn.error));
}

void TestTokenRenewal::init()
{
    QVERIFY(m_sandbox.configure(
        QJsonObject{{QStringLiteral("expire_tokens_every"), 0}, {QStringLiteral("reject_tokens"), false}}));
}

void TestTokenRenewal::twoExpiriesInARow()
{
    // Every answered /rest call expires every token issued so far. Two calls start with an
    // expired token: both get a 401 and wait for the one shared renewal; whichever of them the
    // server answers first expires the renewed token again, so the other one meets a second
    // expiry with the token its renewal produced. It must renew once more and succeed.
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("expire_tokens_every"), 1}}));
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    QVERIFY(m_sandbox.resetStats());
    const quint64 generationBefore = m_conn.tokens->current().generation;

    QList<Result<QList<Project>>> results;
    for (int i = 0; i < 2; ++i)
        m_conn.client->projects(m_conn.companyId,
                                [&results](Result<QList<Project>> r) { results.append(r); });
    QVERIFY(apitest::spinUntil([&] { return results.size() == 2; }));
    for (const auto &r : std::as_const(results))
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));

    // Two renewals (the first shared by both calls), and 5 calls: 2 × 401 with the first token,
    // one answer and one 401 with the second, one answer with the third.
    QCOMPARE(refreshGrants(m_sandbox), 2);
    QCOMPARE(m_conn.tokens->current().generation, generationBefore + 2);
    QCOMPARE(callsTo(m_sandbox, QStringLiteral("GET /rest/v1.0/projects")), 5);
}

void TestTokenRenewal::everyRenewedTokenRejected()
{
    // The server rejects every token while the token endpoint keeps granting new ones: the call
    // renews kRenewalCap times, then gives up with a sign-in error (the job pauses for a new
    // sign-in) instead of renewing for ever.
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("reject_tokens"), true}}));
    QVERIFY(m_sandbox.resetStats());
    const auto me = apitest::await<Me>([&](auto done) { m_conn.client->me(done); });
    QVERIFY(!me.ok());
    QCOMPARE(Error::kindName(me.error().kind()), Error::kindName(Error::Kind::AuthRevoked));
    QCOMPARE(me.error().httpStatus(), 401);
    QCOMPARE(refreshGrants(m_sandbox), kRenewalCap);
    QCOMPARE(callsTo(m_sandbox, QStringLiteral("GET /rest/v1.0/me")), kRenewalCap + 1);

    // Nothing was revoked: once the server accepts tokens again the next call just works.
    QVERIFY(m_sandbox.configure(QJsonObject{{QStringLiteral("reject_tokens"), false}}));
    const auto again = apitest::await<Me>([&](auto done) { m_conn.client->me(done); });
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(refreshGrants(m_sandbox), kRenewalCap);
}

void TestTokenRenewal::serverClockAheadKeepsProactiveRenewal()
{
    // The token reply's created_at is on the server's clock. A server two hours ahead made a
    // 4-second token look as if it had lived minus two hours, which turned the proactive renewal
    // (in the last quarter of a short token's life) off: the call then met a 401 at expiry.
    QVERIFY(m_sandbox.configure(
        QJsonObject{{QStringLiteral("token_lifetime"), 4}, {QStringLiteral("clock_offset"), 7200}}));
    QNetworkAccessManager nam;
    const auto tokens = apitest::signIn(m_sandbox, &nam);
    QVERIFY(m_sandbox.configure(
        QJsonObject{{QStringLiteral("token_lifetime"), 5400}, {QStringLiteral("clock_offset"), 0}}));
    QVERIFY2(tokens.ok(), qPrintable(tokens.error().toString()));
    QVERIFY(tokens.value().createdAt > QDateTime::currentDateTimeUtc().addSecs(3600));
    TokenManager manager(QStringLiteral("ahead"), apitest::sandboxClient(m_sandbox.baseUrl()), tokens.value(),
                         nullptr);
    QTest::qWait(3300);
    QVERIFY(manager.expiresWithin(std::chrono::seconds(60)));
}

QTEST_GUILESS_MAIN(TestTokenRenewal)
#include "tst_tokenrenewal.moc"
