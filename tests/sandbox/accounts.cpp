#include "accounts.h"

#include <QTimeZone>

namespace sandbox {

Accounts::Accounts(const QString &seedName)
{
    qint64 nextId = firstId;
    const User demo{nextId++,
                    QStringLiteral("demo@trestle.test"),
                    QStringLiteral("Dana Demo"),
                    QStringLiteral("trestle-demo"),
                    true,
                    false};
    const User viewer{nextId++,
                      QStringLiteral("viewer@trestle.test"),
                      QStringLiteral("Victor Viewer"),
                      QStringLiteral("trestle-viewer"),
                      false,
                      false};
    const User service{nextId++,
                       QStringLiteral("trestle-service-account"),
                       QStringLiteral("Trestle Service Account"),
                       QString(),
                       true,
                       true};
    m_users = {demo, viewer, service};

    const QStringList redirects{QStringLiteral("http://localhost"),
                                QStringLiteral("urn:ietf:wg:oauth:2.0:oob")};
    m_apps = {{QStringLiteral("trestle-sandbox-app"), QStringLiteral("trestle-sandbox-secret"), redirects, 0},
              {QStringLiteral("custom-app"), QStringLiteral("custom-secret"), redirects, 0},
              {QStringLiteral("trestle-service-account"),
               QStringLiteral("trestle-service-secret"),
               {},
               service.id}};

    nextId = firstId + 100;
    QString companyName = QStringLiteral("Trestle Sandbox Co.");
    QStringList projectNames{QStringLiteral("Sandbox Project")};
    if (seedName == QLatin1String("demo")) {
        companyName = QStringLiteral("Northwind Builders");
        projectNames = {QStringLiteral("St. Mary's Hospital Expansion"),
                        QStringLiteral("Lincoln Elementary School Renovation"),
                        QStringLiteral("Harbor View Office Tower")};
    } else if (seedName == QLatin1String("large")) {
        projectNames = {QStringLiteral("Large Benchmark Project")};
    } else if (seedName == QLatin1String("empty")) {
        projectNames = {QStringLiteral("Empty Project")};
    }
    const Company company{nextId++, companyName};
    m_companies = {company};
    nextId = firstId + 200;
    const QDateTime created(QDate(2025, 3, 3), QTime(14, 30), QTimeZone::utc());
    for (int i = 0; i < projectNames.size(); ++i) {
        m_projects.append({nextId++, company.id, projectNames.at(i), QStringLiteral("2025-%1").arg(101 + i),
                           i, created.addDays(7 * i)});
    }
}

const User *Accounts::user(qint64 id) const
{
    for (const User &u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const User *Accounts::signIn(const QString &login, const QString &password) const
{
    for (const User &u : m_users) {
        if (!u.password.isEmpty() && u.login.compare(login.trimmed(), Qt::CaseInsensitive) == 0
            && u.password == password)
            return &u;
    }
    return nullptr;
}

const OAuthApp *Accounts::app(const QString &clientId) const
{
    for (const OAuthApp &a : m_apps) {
        if (a.clientId == clientId)
            return &a;
    }
    return nullptr;
}

bool Accounts::redirectUriMatches(const OAuthApp &app, const QString &redirectUri)
{
    // Registered URIs match exactly ("dynamic URIs are not supported", §2); a lone trailing slash
    // after the host is the same URI.
    for (const QString &registered : app.redirectUris) {
        if (redirectUri == registered || redirectUri == registered + u'/')
            return true;
    }
    return false;
}

const Company *Accounts::company(qint64 id) const
{
    for (const Company &c : m_companies) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Project *Accounts::project(qint64 id) const
{
    for (const Project &p : m_projects) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

bool Accounts::canSeeCompany(const User &, qint64 companyId) const
{
    // Every built-in identity belongs to the seed's company.
    return company(companyId) != nullptr;
}

bool Accounts::canAccessProject(const User &user, qint64 companyId, qint64 projectId) const
{
    const Project *p = project(projectId);
    if (!p || p->companyId != companyId || !canSeeCompany(user, companyId))
        return false;
    return !user.serviceAccount || p->index < 2;
}

} // namespace sandbox
