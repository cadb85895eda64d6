#include "savedconnections.h"

#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionsetup.h"
#include "core/services/ratelimitmeters.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace trestle;

namespace testing {

namespace {

const QString kDemoLogin = QStringLiteral("demo@trestle.test");
const QString kDemoPassword = QStringLiteral("trestle-demo");

Error failure(const QString &what)
{
    return Error(Error::Kind::Internal, what);
}

Status signIn(ConnectionSetup &setup, const SandboxProcess &sandbox)
{
    const QUrl url = setup.beginSignIn();
    if (url.isEmpty())
        return failure(QStringLiteral("no sign-in URL"));
    QUrlQuery form(url);
    form.addQueryItem(QStringLiteral("login"), kDemoLogin);
    form.addQueryItem(QStringLiteral("password"), kDemoPassword);
    QUrl post = url;
    post.setQuery(QString());
    const auto reply = sandbox.request("POST", post, form.toString(QUrl::FullyEncoded).toUtf8(),
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    const QUrl location(QString::fromUtf8(reply.header("Location")));
    if (reply.status != 302 || !setup.isRedirect(location))
        return failure(QStringLiteral("sign-in form answered %1").arg(reply.status));
    const auto status =
        capture<Status>(&setup, &ConnectionSetup::signInFinished, [&] { setup.completeSignIn(location); });
    return status ? *status : failure(QStringLiteral("no signInFinished"));
}

Status chooseFirstProject(ConnectionSetup &setup)
{
    const auto companies = capture<Result<QList<Company>>>(&setup, &ConnectionSetup::companiesFinished,
                                                           [&] { setup.loadCompanies(); });
    if (!companies || !companies->ok() || companies->value().isEmpty())
        return failure(QStringLiteral("no companies"));
    const Company company = companies->value().first();
    const auto projects = capture<Result<QList<Project>>>(&setup, &ConnectionSetup::projectsFinished,
                                                          [&] { setup.loadProjects(company.id); });
    if (!projects || !projects->ok() || projects->value().isEmpty())
        return failure(QStringLiteral("no projects"));
    setup.settings().companyId = company.id;
    setup.settings().companyName = company.name;
    setup.settings().projectId = projects->value().first().id;
    setup.settings().projectName = projects->value().first().name;
    return Done{};
}

Result<ConnectionProfile> testAndSave(ConnectionSetup &setup, const QString &displayName)
{
    setup.settings().displayName = displayName;
    const auto tested =
        capture<Status>(&setup, &ConnectionSetup::testFinished, [&] { setup.testConnection(); });
    if (!tested)
        return failure(QStringLiteral("no testFinished"));
    if (!tested->ok())
        return tested->error();
    const auto saved =
        capture<Result<ConnectionProfile>>(&setup, &ConnectionSetup::saveFinished, [&] { setup.save(); });
    return saved ? *saved : failure(QStringLiteral("no saveFinished"));
}

} // namespace

Result<ConnectionProfile> saveUserConnection(const ConnectionServices &services,
                                             const SandboxProcess &sandbox, const QString &displayName)
{
    ConnectionSetup setup(services);
    setup.settings().defaultApiBase = sandbox.baseUrl();
    if (const Status status = signIn(setup, sandbox); !status.ok())
        return status.error();
    if (const Status status = chooseFirstProject(setup); !status.ok())
        return status.error();
    return testAndSave(setup, displayName);
}

Result<ConnectionProfile> saveServiceAccountConnection(const ConnectionServices &services,
                                                       const SandboxProcess &sandbox,
                                                       const QString &displayName)
{
    // The company id as an admin reads it in Company Admin; here from the sandbox (no API call).
    const auto info =
        sandbox.request("GET", sandbox.baseUrl().resolved(QUrl(QStringLiteral("/_sandbox/info"))));
    const QJsonArray companies =
        QJsonDocument::fromJson(info.body).object().value(QStringLiteral("companies")).toArray();
    if (companies.isEmpty())
        return failure(QStringLiteral("sandbox info has no companies"));
    ConnectionSetup setup(services);
    setup.settings().defaultApiBase = sandbox.baseUrl();
    setup.settings().authKind = ConnectionProfile::AuthKind::ServiceAccount;
    setup.settings().serviceClientId = QStringLiteral("trestle-service-account");
    setup.settings().serviceClientSecret = QStringLiteral("trestle-service-secret");
    setup.settings().serviceCompanyId =
        companies.first().toObject().value(QStringLiteral("id")).toVariant().toLongLong();
    const auto signedIn =
        capture<Status>(&setup, &ConnectionSetup::signInFinished, [&] { setup.signInServiceAccount(); });
    if (!signedIn)
        return failure(QStringLiteral("no signInFinished"));
    if (!signedIn->ok())
        return signedIn->error();
    if (const Status status = chooseFirstProject(setup); !status.ok())
        return status.error();
    return testAndSave(setup, displayName);
}

Result<ConnectionProfile> saveShareConnection(const ConnectionServices &services, const QString &rootPath,
                                              const QString &displayName)
{
    ConnectionSetup setup(services);
    setup.settings().platform = ConnectionProfile::Platform::Share;
    setup.settings().rootPath = rootPath;
    return testAndSave(setup, displayName);
}

ServicesFixture::ServicesFixture() = default;

ServicesFixture::~ServicesFixture()
{
    clear();
}

bool ServicesFixture::reset()
{
    clear();
    if (!m_dir.isValid())
        return false;
    m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle-%1.sqlite").arg(++m_count)));
    if (!m_db->open().ok())
        return false;
    m_profiles = std::make_unique<ProfileRepository>(*m_db);
    m_secrets = std::make_unique<SecretStore>();
    m_meters = std::make_unique<RateLimitMeters>();
    return true;
}

void ServicesFixture::clear()
{
    m_meters.reset();
    m_secrets.reset();
    closeDatabase();
}

void ServicesFixture::closeDatabase()
{
    m_profiles.reset();
    m_db.reset();
}

ConnectionServices ServicesFixture::services() const
{
    return {m_profiles.get(), m_secrets.get(), m_meters.get()};
}

} // namespace testing
