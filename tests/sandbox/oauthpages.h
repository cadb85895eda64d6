#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace sandbox {

// The parameters of GET /oauth/authorize, carried through the login form as hidden fields.
struct AuthorizeRequest
{
    QString clientId;
    QString redirectUri;
    QString responseType;
    std::optional<QString> state; // echoed exactly when given
};

// The HTML of the OAuth pages: plain, accessible (labelled inputs, an alert for errors) and with
// stable element ids (`login`, `password`, `submit`, `code`, `error`) so tests and the embedded
// browser can drive them.
namespace oauthpages {
QByteArray loginPage(const AuthorizeRequest &request, const QString &error, const QString &demoHint);
QByteArray codePage(const QString &code);
QByteArray errorPage(const QString &message);
} // namespace oauthpages

} // namespace sandbox
