#pragma once

#include "sandboxprocess.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

// Helpers shared by the sandbox core suites: drive the OAuth pages and the token endpoint over
// HTTP exactly as a client would.
namespace coretest {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Reply = testing::SandboxProcess::Reply;

inline const QString appId = QStringLiteral("trestle-sandbox-app");
inline const QString appSecret = QStringLiteral("trestle-sandbox-secret");
inline const QString customId = QStringLiteral("custom-app");
inline const QString customSecret = QStringLiteral("custom-secret");
inline const QString serviceId = QStringLiteral("trestle-service-account");
inline const QString serviceSecret = QStringLiteral("trestle-service-secret");
inline const QString demoLogin = QStringLiteral("demo@trestle.test");
inline const QString demoPassword = QStringLiteral("trestle-demo");
inline const QString viewerLogin = QStringLiteral("viewer@trestle.test");
inline const QString viewerPassword = QStringLiteral("trestle-viewer");
inline const QString localhost = QStringLiteral("http://localhost");

QUrl url(const testing::SandboxProcess &sandbox, const QString &path, const QString &query = {});
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);
QJsonObject jsonObject(const Reply &reply);

// POSTs the login form; returns the reply (302 with Location on success).
Reply submitLogin(const testing::SandboxProcess &sandbox, const QString &clientId, const QString &login,
                  const QString &password, const QString &redirectUri = localhost,
                  const QString &state = QStringLiteral("state-1"));
// The code from a successful login's Location (empty if none).
QString codeFromLocation(const Reply &reply);
// authorize + login; returns the code or an empty string.
QString authorize(const testing::SandboxProcess &sandbox, const QString &clientId = appId,
                  const QString &login = demoLogin, const QString &password = demoPassword);

Reply postToken(const testing::SandboxProcess &sandbox, const QList<QPair<QString, QString>> &fields);
// The whole flow: authorize, log in, exchange the code. Returns the token reply's JSON.
QJsonObject userTokens(const testing::SandboxProcess &sandbox, const QString &clientId = appId,
                       const QString &secret = appSecret, const QString &login = demoLogin,
                       const QString &password = demoPassword);
QJsonObject serviceTokens(const testing::SandboxProcess &sandbox);

Headers bearer(const QString &accessToken, qint64 companyId = 0);
Reply get(const testing::SandboxProcess &sandbox, const QString &path, const QString &accessToken,
          qint64 companyId = 0, const QString &query = {});
// The demo seed's company id, learnt through GET /rest/v1.0/companies.
qint64 firstCompanyId(const testing::SandboxProcess &sandbox, const QString &accessToken);

} // namespace coretest
