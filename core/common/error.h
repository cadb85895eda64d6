#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace trestle {

// The one error type the whole application shares (core, ui, app). An Error carries
//  - a kind, which code branches on (retry? ask to sign in again? wait for the budget?),
//  - a user-facing sentence, already translated, that the UI shows as it is,
//  - a technical detail for the log (endpoint, HTTP status, a short excerpt of the reply).
// A default-constructed Error means "no error".
class Error final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::Error)

public:
    enum class Kind {
        None,
        Network, // connection refused, reset, DNS, host unreachable
        Timeout, // no answer within the request's timeout
        Tls, // certificate or handshake failure; never ignored
        AuthExpired, // access token expired and could not be renewed right now
        AuthRevoked, // refresh token invalid/revoked: the user must sign in again
        AuthFailed, // wrong client id/secret, wrong password, redirect URI not registered
        Permission, // 403: no permission, tool disabled, project not permitted
        NotFound, // 404 (also: no read access)
        Conflict, // 409, name taken
        Validation, // 400/406/422 business rule or invalid input
        RateLimited, // 429 / budget exhausted; retryAt() says when
        Server, // 5xx
        MalformedReply, // JSON did not parse or lacked required fields
        Cancelled, // the user or the engine cancelled
        LocalIo, // file system error on the local side
        DiskFull, // no space left on the destination
        InvalidName, // a name or path the destination cannot hold, or that escapes its root
        Keychain, // the OS keychain is missing or refused
        Config, // bad settings (URL, missing client id, …)
        Internal, // a bug: a state that should not happen
    };

    Error() = default;
    Error(Kind kind, QString message, QString detail = {});

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    Kind kind() const { return m_kind; }
    // The sentence for the user, translated.
    QString message() const { return m_message; }
    // Technical detail for the log: never contains a secret.
    QString detail() const { return m_detail; }
    // "message (detail)" for logs and the command line.
    QString toString() const;

    // HTTP status of the reply that caused the error, 0 if none.
    int httpStatus() const { return m_httpStatus; }
    Error &setHttpStatus(int status);
    // When a rate-limited or overloaded request may be tried again (invalid if unknown).
    QDateTime retryAt() const { return m_retryAt; }
    Error &setRetryAt(const QDateTime &when);

    // True for errors that may go away when the same request is tried again later
    // (network, timeout, 5xx, rate limit). Auth, permission and validation errors are not.
    bool isTransient() const;

    // Stable, untranslated name of a kind ("network", "auth-revoked", …) for logs, JSON and tests.
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_message;
    QString m_detail;
    int m_httpStatus = 0;
    QDateTime m_retryAt;
};

} // namespace trestle
