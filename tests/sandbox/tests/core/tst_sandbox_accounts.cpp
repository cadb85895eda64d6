// Users, companies and projects of trestle-sandbox over HTTP (procore-api.md §3, §4, §8, §10).
#include "coretestsupport.h"
#include "testcertificate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QTest>

using namespace coretest;

class TestSandboxAccounts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void me();
    void companies();
    void projectsBothPaths();
    void projectsNeedCompanyId();
    void paginationEdges();
    void compactSerializer();
    void missingCompanyHeader();
    void unknownCompanyHeader();
    void missingOrBadToken();
    void unknownPath();
    void viewerHasNoDocuments();
    void serviceAccountPermittedProjects();
    void servesHttpsWithTlsOptions();

private:
    QJsonArray projects(const QString &token, const QString &query = {});

    testing::SandboxProcess m_sandbox;
    QString m_token;
    qint64 m_companyId = 0;
};

void TestSandboxAccounts::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
             qPrintable(m_sandbox.errorString()));
    m_token = userTokens(m_sandbox).value(QStringLiteral("access_token")).toString();
    QVERIFY(!m_token.isEmpty());
    m_companyId = firstCompanyId(m_sandbox, m_token);
    QVERIFY(m_companyId > (qint64(1) << 32));
}

QJsonArray TestSandboxAccounts::projects(const QString &token, const QString &query)
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), token, m_companyId,
                            QStringLiteral("company_id=%1%2").arg(m_companyId).arg(query));
    return QJsonDocument::fromJson(reply.body).array();
}

void TestSandboxAccounts::me()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/me"), m_token);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.header("X-Request-Id").isEmpty());
    const QJsonObject body = jsonObject(reply);
    QVERIFY(body.value(QStringLiteral("id")).toInteger() > (qint64(1) << 32));
    QCOMPARE(body.value(QStringLiteral("login")).toString(), demoLogin);
    QVERIFY(!body.value(QStringLiteral("name")).toString().isEmpty());
}

void TestSandboxAccounts::companies()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/companies"), m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Total"), QByteArray("1"));
    const QJsonArray array = QJsonDocument::fromJson(reply.body).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject company = array.first().toObject();
    QCOMPARE(company.value(QStringLiteral("name")).toString(), QStringLiteral("Northwind Builders"));
    QCOMPARE(company.value(QStringLiteral("is_active")).toBool(), true);
}

void TestSandboxAccounts::projectsBothPaths()
{
    const QJsonArray viaQuery = projects(m_token);
    QCOMPARE(viaQuery.size(), 3);
    const QJsonObject first = viaQuery.first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("St. Mary's Hospital Expansion"));
    QVERIFY(first.value(QStringLiteral("id")).toInteger() > (qint64(1) << 32));
    for (const char *field : {"display_name", "project_number", "active", "stage", "company", "created_at",
                              "updated_at", "time_zone"})
        QVERIFY2(first.contains(QLatin1String(field)), field);
    QCOMPARE(first.value(QStringLiteral("company")).toObject().value(QStringLiteral("id")).toInteger(),
             m_companyId);

    const Reply viaPath = get(m_sandbox, QStringLiteral("/rest/v1.0/companies/%1/projects").arg(m_companyId),
                              m_token, m_companyId);
    QCOMPARE(viaPath.status, 200);
    QCOMPARE(QJsonDocument::fromJson(viaPath.body).array(), viaQuery);
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/companies/99999999999/projects"), m_token, m_companyId)
                 .status,
             404);
}

void TestSandboxAccounts::projectsNeedCompanyId()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), m_token, m_companyId);
    QCOMPARE(reply.status, 400);
    QVERIFY(jsonObject(reply).contains(QStringLiteral("errors")));
}

void TestSandboxAccounts::paginationEdges()
{
    auto page = [&](int number) {
        return get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), m_token, m_companyId,
                   QStringLiteral("company_id=%1&per_page=1&page=%2").arg(m_companyId).arg(number));
    };
    QSet<qint64> seen;
    for (int number = 1; number <= 3; ++number) {
        const Reply reply = page(number);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Total"), QByteArray("3"));
        QCOMPARE(reply.header("Per-Page"), QByteArray("1"));
        const QJsonArray array = QJsonDocument::fromJson(reply.body).array();
        QCOMPARE(array.size(), 1);
        seen.insert(array.first().toObject().value(QStringLiteral("id")).toInteger());
        const QByteArray link = reply.header("Link");
        QCOMPARE(link.contains("rel=\"next\""), number < 3);
        QCOMPARE(link.contains("rel=\"last\""), number < 3);
        QCOMPARE(link.contains("rel=\"prev\""), number > 1);
        if (number < 3)
            QVERIFY(link.contains(QStringLiteral("page=%1").arg(number + 1).toLatin1()));
    }
    QCOMPARE(seen.size(), 3);
    const Reply beyond = page(4);
    QCOMPARE(beyond.status, 200);
    QCOMPARE(QJsonDocument::fromJson(beyond.body).array().size(), 0);
    QCOMPARE(beyond.header("Total"), QByteArray("3"));
    QVERIFY(!beyond.header("Link").contains("rel=\"next\""));
    const Reply bad = get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), m_token, m_companyId,
                          QStringLiteral("company_id=%1&page=0").arg(m_companyId));
    QCOMPARE(bad.status, 400);
}

void TestSandboxAccounts::compactSerializer()
{
    const QJsonObject first =
        projects(m_token, QStringLiteral("&serializer_view=compact")).first().toObject();
    QCOMPARE(first.keys(),
             (QStringList{QStringLiteral("display_name"), QStringLiteral("id"), QStringLiteral("name")}));
    QCOMPARE(projects(m_token, QStringLiteral("&filters%5Bby_status%5D=Inactive")).size(), 0);
    QCOMPARE(projects(m_token, QStringLiteral("&filters%5Bname%5D=harbor")).size(), 1);
}

void TestSandboxAccounts::missingCompanyHeader()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), m_token, 0,
                            QStringLiteral("company_id=%1").arg(m_companyId));
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(QStringLiteral("errors")).toString(),
             QStringLiteral("Missing Procore-Company-Id header!"));
    // Documents calls need it too (the route does not matter for the check).
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/folders"), m_token, 0, QStringLiteral("project_id=1"))
                 .status,
             400);
}

void TestSandboxAccounts::unknownCompanyHeader()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/projects"), m_token, 12345,
                            QStringLiteral("company_id=%1").arg(m_companyId));
    QCOMPARE(reply.status, 403);
}

void TestSandboxAccounts::missingOrBadToken()
{
    const Reply none = m_sandbox.request("GET", url(m_sandbox, QStringLiteral("/rest/v1.0/me")));
    QCOMPARE(none.status, 401);
    QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));
    QCOMPARE(jsonObject(none).value(QStringLiteral("error_description")).toString(),
             QStringLiteral("The access token is invalid"));
    const Reply garbage = get(m_sandbox, QStringLiteral("/rest/v1.0/me"), QStringLiteral("eyJnot-a-token"));
    QCOMPARE(garbage.status, 401);
    QVERIFY(!garbage.header("X-Rate-Limit-Remaining").isEmpty());
}

void TestSandboxAccounts::unknownPath()
{
    const Reply reply = get(m_sandbox, QStringLiteral("/rest/v1.0/no_such_thing"), m_token, m_companyId);
    QCOMPARE(reply.status, 404);
    QCOMPARE(jsonObject(reply).value(QStringLiteral("errors")).toString(), QStringLiteral("Not found"));
}

void TestSandboxAccounts::viewerHasNoDocuments()
{
    const QString viewer = userTokens(m_sandbox, appId, appSecret, viewerLogin, viewerPassword)
                               .value(QStringLiteral("access_token"))
                               .toString();
    QVERIFY(!viewer.isEmpty());
    QCOMPARE(get(m_sandbox, QStringLiteral("/rest/v1.0/me"), viewer).status, 200);
    QCOMPARE(projects(viewer).size(), 3);
    const qint64 projectId = projects(m_token).first().toObject().value(QStringLiteral("id")).toInteger();
    const Reply folders = get(m_sandbox, QStringLiteral("/rest/v1.0/folders"), viewer, m_companyId,
                              QStringLiteral("project_id=%1").arg(projectId));
    QCOMPARE(folders.status, 403);
}

void TestSandboxAccounts::serviceAccountPermittedProjects()
{
    const QString service = serviceTokens(m_sandbox).value(QStringLiteral("access_token")).toString();
    QVERIFY(!service.isEmpty());
    const QJsonArray all = projects(m_token);
    const QJsonArray permitted = projects(service);
    QCOMPARE(permitted.size(), 2);
    QCOMPARE(permitted.at(0), all.at(0));
    QCOMPARE(permitted.at(1), all.at(1));
    const qint64 third = all.at(2).toObject().value(QStringLiteral("id")).toInteger();
    const Reply refused = get(m_sandbox, QStringLiteral("/rest/v1.0/folders"), service, m_companyId,
                              QStringLiteral("project_id=%1").arg(third));
    QCOMPARE(refused.status, 403);
    QCOMPARE(
        get(m_sandbox, QStringLiteral("/rest/v1.0/projects/%1/documents").arg(third), service, m_companyId)
            .status,
        403);
}

// --tls-certificate / --tls-key: the API and the storage URLs it hands out are https (as
// Procore's), and a key without its certificate is refused at start.
void TestSandboxAccounts::servesHttpsWithTlsOptions()
{
    TestCertificate certificate;
    QVERIFY2(certificate.make(), qPrintable(certificate.errorString()));
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificate(certificate.certificate());
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([before] { QSslConfiguration::setDefaultConfiguration(before); });

    testing::SandboxProcess tls;
    QVERIFY2(tls.start({QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--tls-certificate"),
                        certificate.certificatePath(), QStringLiteral("--tls-key"), certificate.keyPath()}),
             qPrintable(tls.errorString()));
    QCOMPARE(tls.baseUrl().scheme(), QStringLiteral("https"));
    const QString token = userTokens(tls).value(QStringLiteral("access_token")).toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(get(tls, QStringLiteral("/rest/v1.0/me"), token).status, 200);
    const auto info = tls.request("GET", tls.baseUrl().resolved(QUrl(QStringLiteral("/_sandbox/info"))));
    QCOMPARE(info.status, 200);
    const QString storage =
        QJsonDocument::fromJson(info.body).object().value(QStringLiteral("storage_base")).toString();
    QVERIFY2(storage.startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(storage));

    testing::SandboxProcess keyOnly;
    QVERIFY(!keyOnly.start({QStringLiteral("--tls-key"), certificate.keyPath()}));
    QVERIFY2(keyOnly.errorString().contains(QLatin1String("--tls-certificate and --tls-key go together")),
             qPrintable(keyOnly.errorString()));
}

QTEST_GUILESS_MAIN(TestSandboxAccounts)
#include "tst_sandbox_accounts.moc"
