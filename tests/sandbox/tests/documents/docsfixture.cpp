#include "docsfixture.h"

#include <QJsonDocument>
#include <QUrl>

namespace {
QByteArray fieldsOf(const QList<QPair<QString, QString>> &items)
{
    QUrlQuery query;
    for (const auto &item : items)
        query.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    return query.toString(QUrl::FullyEncoded).toLatin1();
}
} // namespace

QByteArray DocsFixture::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject DocsFixture::Reply::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray DocsFixture::Reply::array() const
{
    return QJsonDocument::fromJson(body).array();
}

bool DocsFixture::start(const QStringList &arguments)
{
    if (!m_sandbox.start(arguments)) {
        m_error = m_sandbox.errorString();
        return false;
    }
    const Reply token =
        plain("POST", m_sandbox.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))),
              fieldsOf({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                        {QStringLiteral("client_id"), QStringLiteral("trestle-service-account")},
                        {QStringLiteral("client_secret"), QStringLiteral("trestle-service-secret")}}),
              {{"Content-Type", "application/x-www-form-urlencoded"}});
    serviceToken = token.object().value(QStringLiteral("access_token")).toString().toLatin1();
    if (serviceToken.isEmpty()) {
        m_error = QStringLiteral("no service-account token: HTTP %1").arg(token.status);
        return false;
    }
    userToken = tokenFor(QStringLiteral("demo@trestle.test"), QStringLiteral("trestle-demo"));
    if (userToken.isEmpty()) {
        m_error = QStringLiteral("no user token");
        return false;
    }
    // A user token lists companies without a company header (a service account's needs one).
    const Reply companies = api("GET", QStringLiteral("/rest/v1.0/companies"), {}, {}, {}, userToken);
    companyId = companies.array().at(0).toObject().value(QStringLiteral("id")).toInteger();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("company_id"), QString::number(companyId));
    const Reply projects = api("GET", QStringLiteral("/rest/v1.0/projects"), query, {}, {}, userToken);
    for (const QJsonValue &p : projects.array())
        projectIds << p.toObject().value(QStringLiteral("id")).toInteger();
    std::sort(projectIds.begin(), projectIds.end());
    projectId = projectIds.value(0);
    if (!companyId || !projectId) {
        m_error = QStringLiteral("no company/project: %1 %2").arg(companies.status).arg(projects.status);
        return false;
    }
    return true;
}

QByteArray DocsFixture::tokenFor(const QString &login, const QString &password)
{
    const QUrl base = m_sandbox.baseUrl();
    const Reply form = plain("POST", base.resolved(QUrl(QStringLiteral("/oauth/authorize"))),
                             fieldsOf({{QStringLiteral("client_id"), QStringLiteral("trestle-sandbox-app")},
                                       {QStringLiteral("redirect_uri"), QStringLiteral("http://localhost")},
                                       {QStringLiteral("response_type"), QStringLiteral("code")},
                                       {QStringLiteral("state"), QStringLiteral("docs")},
                                       {QStringLiteral("login"), login},
                                       {QStringLiteral("password"), password}}),
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
    const QString code =
        QUrlQuery(QUrl(QString::fromUtf8(form.header("Location")))).queryItemValue(QStringLiteral("code"));
    if (code.isEmpty())
        return {};
    const Reply token =
        plain("POST", base.resolved(QUrl(QStringLiteral("/oauth/token"))),
              fieldsOf({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                        {QStringLiteral("code"), code},
                        {QStringLiteral("client_id"), QStringLiteral("trestle-sandbox-app")},
                        {QStringLiteral("client_secret"), QStringLiteral("trestle-sandbox-secret")},
                        {QStringLiteral("redirect_uri"), QStringLiteral("http://localhost")}}),
              {{"Content-Type", "application/x-www-form-urlencoded"}});
    return token.object().value(QStringLiteral("access_token")).toString().toLatin1();
}

DocsFixture::Reply DocsFixture::plain(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    const testing::SandboxProcess::Reply r = m_sandbox.request(method, url, body, headers);
    Reply reply;
    reply.status = r.status;
    reply.body = r.body;
    reply.headers = r.headers;
    return reply;
}

DocsFixture::Reply DocsFixture::api(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                    const QByteArray &body, const QByteArray &contentType,
                                    const QByteArray &token) const
{
    QUrl url = m_sandbox.baseUrl();
    url.setPath(path);
    url.setQuery(query);
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization", "Bearer " + (token.isEmpty() ? serviceToken : token)},
        {"Accept", "application/json"}};
    if (companyId)
        headers.append({"Procore-Company-Id", QByteArray::number(companyId)});
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return plain(method, url, body, headers);
}

DocsFixture::Reply DocsFixture::json(const QByteArray &method, const QString &path, const QJsonObject &body,
                                     const QUrlQuery &query, const QByteArray &token) const
{
    return api(method, path, query.isEmpty() ? projectQuery() : query,
               QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

QUrlQuery DocsFixture::projectQuery() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("project_id"), QString::number(projectId));
    return query;
}

qint64 DocsFixture::rootId()
{
    return api("GET", QStringLiteral("/rest/v1.0/folders"), projectQuery())
        .object()
        .value(QStringLiteral("id"))
        .toInteger();
}

QByteArray DocsFixture::multipart(const QList<Part> &parts)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + boundary() + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + part.name + "\"";
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName + "\"\r\nContent-Type: application/octet-stream";
        body += "\r\n\r\n" + part.value + "\r\n";
    }
    body += "--" + boundary() + "--\r\n";
    return body;
}

DocsFixture::Reply DocsFixture::createFileWithData(qint64 parentId, const QString &name,
                                                   const QByteArray &content, const QList<Part> &extra) const
{
    QList<Part> parts{{"file[parent_id]", QByteArray::number(parentId), {}},
                      {"file[name]", name.toUtf8(), {}}};
    parts += extra;
    parts.append({"file[data]", content, name.toUtf8()});
    return api("POST", QStringLiteral("/rest/v1.0/files"), projectQuery(), multipart(parts), multipartType());
}

QString DocsFixture::formUpload(const QByteArray &content, const QString &fileName,
                                const QByteArray &token) const
{
    const QString path = QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(projectId);
    const Reply created =
        json("POST", path,
             QJsonObject{{QStringLiteral("response_filename"), fileName},
                         {QStringLiteral("response_content_type"), QStringLiteral("application/pdf")}},
             {}, token);
    const QJsonObject upload = created.object();
    QList<Part> parts;
    const QJsonObject fields = upload.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        parts.append({it.key().toUtf8(), it.value().toString().toUtf8(), {}});
    parts.append({"file", content, fileName.toUtf8()});
    const Reply stored = plain("POST", QUrl(upload.value(QStringLiteral("url")).toString()), multipart(parts),
                               {{"Content-Type", multipartType()}});
    if (created.status != 201 || stored.status != 204)
        return {};
    return upload.value(QStringLiteral("uuid")).toString();
}

DocsFixture::Reply DocsFixture::download(const QString &versionUrl, Reply *hop) const
{
    const Reply first = plain("GET", QUrl(versionUrl), {}, {{"Authorization", "Bearer " + serviceToken}});
    if (hop)
        *hop = first;
    if (first.status != 302)
        return first;
    return plain("GET", QUrl(QString::fromUtf8(first.header("Location"))));
}
