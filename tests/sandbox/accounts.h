#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace sandbox {

struct User
{
    qint64 id = 0;
    QString login;
    QString name;
    QString password; // empty for the service account (it cannot sign in on the form)
    bool documentsPermission = true;
    bool serviceAccount = false;
};

struct Company
{
    qint64 id = 0;
    QString name;
};

struct Project
{
    qint64 id = 0;
    qint64 companyId = 0;
    QString name;
    QString projectNumber;
    int index = 0; // 0, 1, 2 within its company
    QDateTime createdAt;
};

// An OAuth application: the "system default" one, a custom one, and the service account (DMSA).
struct OAuthApp
{
    QString clientId;
    QString clientSecret;
    QStringList redirectUris;
    qint64 serviceUserId = 0; // non-zero: a service account (client-credentials grant only)
};

// Users, companies, projects and OAuth applications of a seed (tests/sandbox/README.md,
// "Built-in identities"). Deterministic: the same seed always yields the same ids, so a
// --data-dir restart finds the ids its documents refer to.
class Accounts final
{
    Q_DISABLE_COPY_MOVE(Accounts)

public:
    explicit Accounts(const QString &seedName);

    const User *user(qint64 id) const;
    const User *signIn(const QString &login, const QString &password) const; // nullptr: wrong
    const OAuthApp *app(const QString &clientId) const;
    static bool redirectUriMatches(const OAuthApp &app, const QString &redirectUri);

    const QList<Company> &companies() const { return m_companies; }
    const QList<Project> &projects() const { return m_projects; }
    const Company *company(qint64 id) const;
    const Project *project(qint64 id) const;

    bool canSeeCompany(const User &user, qint64 companyId) const;
    // The project exists, belongs to companyId, and the user may work in it (a service account
    // is permitted only on its company's first two projects).
    bool canAccessProject(const User &user, qint64 companyId, qint64 projectId) const;

    static constexpr qint64 firstId = 4294967296LL + 1000; // above 2^32 on purpose

private:
    QList<User> m_users;
    QList<Company> m_companies;
    QList<Project> m_projects;
    QList<OAuthApp> m_apps;
};

} // namespace sandbox
