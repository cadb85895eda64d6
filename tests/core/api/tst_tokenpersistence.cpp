// SecretStoreTokenPersistence on the real OS keychain (run under installer/headless.sh), and
// TokenManager saving a rotated refresh token there before it publishes the new access token.
#include "apitestsupport.h"

#include "core/api/secretstoretokenpersistence.h"
#include "core/secrets/secretstore.h"

#include <QTest>
#include <QUuid>

using namespace trestle;

namespace {

Result<QString> readSecret(SecretStore &store, const QString &connectionId, SecretKind kind)
{
    SecretReadJob *job = store.read(connectionId, kind);
    const auto r = apitest::awaitSignal(job, &SecretReadJob::finished, [job] { job->start(); });
    if (!r)
        return Error(Error::Kind::Timeout, QStringLiteral("keychain read timed out"));
    return *r;
}

void removeAll(SecretStore &store, const QString &connectionId)
{
    SecretRemoveJob *job = store.removeAll(connectionId);
    apitest::awaitSignal(job, &SecretRemoveJob::finished, [job] { job->start(); });
}

} // namespace

class TestTokenPersistence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesBothTokens();
    void refreshSavedBeforePublished();
};

void TestTokenPersistence::savesBothTokens()
{
    SecretStore store;
    SecretStoreTokenPersistence persistence(&store);
    const QString id = QStringLiteral("tst-tokens-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    TokenSet tokens;
    tokens.accessToken = QStringLiteral("access-1");
    tokens.refreshToken = QStringLiteral("refresh-1");
    std::optional<Status> saved;
    persistence.saveTokens(id, tokens, [&saved](Status s) { saved.emplace(s); });
    QVERIFY(apitest::spinUntil([&saved] { return saved.has_value(); }, 30000));
    QVERIFY2(saved->ok(), qPrintable(saved->error().toString()));
    const auto refresh = readSecret(store, id, SecretKind::RefreshToken);
    const auto access = readSecret(store, id, SecretKind::AccessToken);
    removeAll(store, id);
    QVERIFY2(refresh.ok(), qPrintable(refresh.error().toString()));
    QCOMPARE(refresh.value(), QStringLiteral("refresh-1"));
    QVERIFY(access.ok());
    QCOMPARE(access.value(), QStringLiteral("access-1"));
}

void TestTokenPersistence::refreshSavedBeforePublished()
{
    testing::SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--seed"), QStringLiteral("minimal")}),
             qPrintable(sandbox.errorString()));
    QNetworkAccessManager nam;
    const auto tokens = apitest::signIn(sandbox, &nam);
    QVERIFY(tokens.ok());
    SecretStore store;
    SecretStoreTokenPersistence persistence(&store);
    const QString id = QStringLiteral("tst-tokens-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    TokenManager manager(id, apitest::sandboxClient(sandbox.baseUrl()), tokens.value(), &persistence);
    QString keychainAtPublish;
    connect(&manager, &TokenManager::tokensRefreshed, this, [&] {
        // Published now: the keychain must already hold the new refresh token.
        const auto stored = readSecret(store, id, SecretKind::RefreshToken);
        keychainAtPublish = stored.ok() ? stored.value() : QStringLiteral("<missing>");
    });
    QObject context;
    const auto fresh = apitest::await<TokenManager::Token>([&](auto done) {
        manager.requestFreshToken(manager.current().generation, &context,
                                  [done](const Result<TokenManager::Token> &t) { done(t); });
    });
    QVERIFY2(fresh.ok(), qPrintable(fresh.error().toString()));
    QVERIFY(apitest::spinUntil([&] { return !keychainAtPublish.isEmpty(); }, 30000));
    removeAll(store, id);
    QVERIFY(keychainAtPublish != QStringLiteral("<missing>"));
    QVERIFY(keychainAtPublish != tokens.value().refreshToken); // the rotated one
}

QTEST_GUILESS_MAIN(TestTokenPersistence)
#include "tst_tokenpersistence.moc"
