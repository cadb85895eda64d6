#include "coretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace coretest {

QUrl url(const testing::SandboxProcess &sandbox, const QString &path, const QString &query)
{
    QUrl result = sandbox.baseUrl().resolved(QUrl(path));
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &field : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return body;
}

QJsonObject jsonObject(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

Reply submitLogin(const testing::SandboxProcess &sandbox, const QString &clientId, const QString &login,
                  const QString &password, const QString &redirectUri, const QString &state)
{
    const QByteArray body = formEncode({{QStringLiteral("client_id"), clientId},
                                        {QStringLiteral("redirect_uri"), redirectUri},
                                        {QStringLiteral("response_type"), QStringLiteral("code")},
                                        {QStringLiteral("state"), state},
                                        {QStringLiteral("login"), login},
                                        {QStringLiteral("password"), password}});
    return sandbox.request("POST", url(sandbox, QStringLiteral("/oauth/authorize")), body,
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QString codeFromLocation(const Reply &reply)
{
    const QUrl location(QString::fromUtf8(reply.header("Location")));
    return QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

QString authorize(const testing::SandboxProcess &sandbox, const QString &clientId, const QString &login,
                  const QString &password)
{
    return codeFromLocation(submitLogin(sandbox, clientId, login, password));
}

Reply postToken(const testing::SandboxProcess &sandbox, const QList<QPair<QString, QString>> &fields)
{
    return sandbox.request("POST", url(sandbox, QStringLiteral("/oauth/token")), formEncode(fields),
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QJsonObject userTokens(const testing::SandboxProcess &sandbox, const QString &clientId, const QString &secret,
                       const QString &login, const QString &password)
{
    const QString code = authorize(sandbox, clientId, login, password);
    return jsonObject(postToken(sandbox,
                                {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                 {QStringLiteral("client_id"), clientId},
                                 {QStringLiteral("client_secret"), secret},
                                 {QStringLiteral("code"), code},
                                 {QStringLiteral("redirect_uri"), localhost}}));
}

QJsonObject serviceTokens(const testing::SandboxProcess &sandbox)
{
    return jsonObject(postToken(sandbox,
                                {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                 {QStringLiteral("client_id"), serviceId},
                                 {QStringLiteral("client_secret"), serviceSecret}}));
}

Headers bearer(const QString &accessToken, qint64 companyId)
{
    Headers headers{{"Authorization", "Bearer " + accessToken.toLatin1()}};
    if (companyId != 0)
        headers.append({"Procore-Company-Id", QByteArray::number(companyId)});
    return headers;
}

Reply get(const testing::SandboxProcess &sandbox, const QString &path, const QString &accessToken,
          qint64 companyId, const QString &query)
{
    return sandbox.request("GET", url(sandbox, path, query), {}, bearer(accessToken, companyId));
}

qint64 firstCompanyId(const testing::SandboxProcess &sandbox, const QString &accessToken)
{
    const Reply reply = get(sandbox, QStringLiteral("/rest/v1.0/companies"), accessToken);
    const QJsonArray companies = QJsonDocument::fromJson(reply.body).array();
    return companies.isEmpty() ? 0
                               : qint64(companies.first().toObject().value(QStringLiteral("id")).toDouble());
}

} // namespace coretest
