#include "accountsapi.h"

#include "accounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace sandbox {

namespace {
constexpr int maxPerPage = 10000; // §12

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject companyJson(const Company &company)
{
    return {{QStringLiteral("id"), company.id},
            {QStringLiteral("name"), company.name},
            {QStringLiteral("is_active"), true},
            {QStringLiteral("logo_url"), QJsonValue::Null},
            {QStringLiteral("pcn_business_experience"), false},
            {QStringLiteral("my_company"), true}};
}

QJsonObject projectJson(const Project &project, const Company &company, bool compact)
{
    const QString displayName = project.projectNumber + QStringLiteral(" - ") + project.name;
    QJsonObject object{{QStringLiteral("id"), project.id},
                       {QStringLiteral("name"), project.name},
                       {QStringLiteral("display_name"), displayName}};
    if (compact)
        return object;
    object.insert(QStringLiteral("project_number"), project.projectNumber);
    object.insert(QStringLiteral("active"), true);
    object.insert(QStringLiteral("stage"), QStringLiteral("Course of Construction"));
    object.insert(QStringLiteral("company"),
                  QJsonObject{{QStringLiteral("id"), company.id}, {QStringLiteral("name"), company.name}});
    object.insert(QStringLiteral("created_at"), isoTime(project.createdAt));
    object.insert(QStringLiteral("updated_at"), isoTime(project.createdAt.addDays(30)));
    object.insert(QStringLiteral("time_zone"), QStringLiteral("US/Pacific"));
    object.insert(QStringLiteral("city"), QStringLiteral("Portland"));
    object.insert(QStringLiteral("state_code"), QStringLiteral("OR"));
    object.insert(QStringLiteral("country_code"), QStringLiteral("US"));
    object.insert(QStringLiteral("origin_id"), QJsonValue::Null);
    return object;
}

HttpResponse jsonArrayResponse(const QJsonArray &array)
{
    return HttpResponse::json(200, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// QUrlQuery::queryItemValue() matches keys in their encoded form, so "filters%5Bname%5D" would
// not be found as "filters[name]": compare decoded keys.
QString queryValue(const HttpRequest &request, const QString &key)
{
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first == key)
            return item.second;
    }
    return QString();
}

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}
} // namespace

AccountsApi::AccountsApi(const Accounts &accounts) : m_accounts(accounts) { }

bool AccountsApi::needsNoCompanyHeader(const HttpRequest &request)
{
    // /me that names a company or project needs the header too (§3).
    if (request.query.hasQueryItem(QStringLiteral("company_id"))
        || request.query.hasQueryItem(QStringLiteral("project_id")))
        return false;
    return request.method == "GET"
        && (request.path == QLatin1String("/rest/v1.0/me")
            || request.path == QLatin1String("/rest/v1.0/companies"));
}

std::optional<HttpResponse> AccountsApi::handle(const HttpRequest &request, const ApiContext &context) const
{
    static const QRegularExpression companyProjects(
        QStringLiteral("^/rest/v1\\.0/companies/([^/]+)/projects$"));
    const QString &path = request.path;
    if (path == QLatin1String("/rest/v1.0/me"))
        return request.method == "GET" ? me(context)
                                       : errorsString(405, QStringLiteral("Method not allowed"));
    if (path == QLatin1String("/rest/v1.0/companies"))
        return request.method == "GET" ? companies(request, context)
                                       : errorsString(405, QStringLiteral("Method not allowed"));
    if (path == QLatin1String("/rest/v1.0/projects")) {
        if (request.method != "GET")
            return errorsString(405, QStringLiteral("Method not allowed"));
        const QString companyText = queryValue(request, QStringLiteral("company_id"));
        if (companyText.isEmpty())
            return errorsField(400, QStringLiteral("company_id"), QStringLiteral("is missing"));
        qint64 companyId = 0;
        if (!parseId(companyText, &companyId))
            return errorsField(400, QStringLiteral("company_id"), QStringLiteral("is invalid"));
        return projects(request, context, companyId);
    }
    const QRegularExpressionMatch match = companyProjects.match(path);
    if (match.hasMatch()) {
        if (request.method != "GET")
            return errorsString(405, QStringLiteral("Method not allowed"));
        qint64 companyId = 0;
        if (!parseId(match.captured(1), &companyId))
            return errorsString(404, QStringLiteral("Not found"));
        return projects(request, context, companyId);
    }
    return std::nullopt;
}

HttpResponse AccountsApi::me(const ApiContext &context) const
{
    const QJsonObject body{{QStringLiteral("id"), context.principal.userId},
                           {QStringLiteral("login"), context.principal.login},
                           {QStringLiteral("name"),
                            m_accounts.user(context.principal.userId)
                                ? m_accounts.user(context.principal.userId)->name
                                : context.principal.login}};
    return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse AccountsApi::companies(const HttpRequest &request, const ApiContext &context) const
{
    const User *user = m_accounts.user(context.principal.userId);
    QList<const Company *> visible;
    for (const Company &company : m_accounts.companies()) {
        if (user && m_accounts.canSeeCompany(*user, company.id))
            visible.append(&company);
    }
    HttpResponse error;
    const auto page = pageFor(request, visible.size(), maxPerPage, &error);
    if (!page)
        return error;
    QJsonArray array;
    for (qint64 i = page->first; i < page->first + page->count; ++i)
        array.append(companyJson(*visible.at(int(i))));
    HttpResponse response = jsonArrayResponse(array);
    setPaginationHeaders(response, request, context.apiBase, *page, visible.size());
    return response;
}

HttpResponse AccountsApi::projects(const HttpRequest &request, const ApiContext &context,
                                   qint64 companyId) const
{
    const User *user = m_accounts.user(context.principal.userId);
    const Company *company = m_accounts.company(companyId);
    if (!user || !company || !m_accounts.canSeeCompany(*user, companyId))
        return errorsString(404, QStringLiteral("Not found"));

    // Every seeded project is active: "Inactive" lists none, "Active" (the default) and "All" all.
    const QString status = queryValue(request, QStringLiteral("filters[by_status]"));
    const QString nameFilter = queryValue(request, QStringLiteral("filters[name]"));
    QList<const Project *> visible;
    if (status.compare(QLatin1String("Inactive"), Qt::CaseInsensitive) != 0) {
        for (const Project &project : m_accounts.projects()) {
            if (!m_accounts.canAccessProject(*user, companyId, project.id))
                continue;
            if (!nameFilter.isEmpty() && !project.name.contains(nameFilter, Qt::CaseInsensitive))
                continue;
            visible.append(&project);
        }
    }
    const QString sort = queryValue(request, QStringLiteral("sort"));
    if (sort == QLatin1String("name") || sort == QLatin1String("display_name")) {
        std::stable_sort(visible.begin(), visible.end(), [&](const Project *a, const Project *b) {
            return sort == QLatin1String("name") ? a->name < b->name
                                                 : a->projectNumber + a->name < b->projectNumber + b->name;
        });
    }

    HttpResponse error;
    const auto page = pageFor(request, visible.size(), maxPerPage, &error);
    if (!page)
        return error;
    const bool compact = queryValue(request, QStringLiteral("serializer_view")) == QLatin1String("compact");
    QJsonArray array;
    for (qint64 i = page->first; i < page->first + page->count; ++i)
        array.append(projectJson(*visible.at(int(i)), *company, compact));
    HttpResponse response = jsonArrayResponse(array);
    setPaginationHeaders(response, request, context.apiBase, *page, visible.size());
    return response;
}

} // namespace sandbox
