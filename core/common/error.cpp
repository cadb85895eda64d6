#include "core/common/error.h"

namespace trestle {

Error::Error(Kind kind, QString message, QString detail)
    : m_kind(kind), m_message(std::move(message)), m_detail(std::move(detail))
{ }

QString Error::toString() const
{
    if (!isError())
        return QString();
    if (m_detail.isEmpty())
        return m_message;
    return QStringLiteral("%1 (%2)").arg(m_message, m_detail);
}

Error &Error::setHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

Error &Error::setRetryAt(const QDateTime &when)
{
    m_retryAt = when;
    return *this;
}

bool Error::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
        return true;
    default:
        return false;
    }
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::AuthExpired:
        return QStringLiteral("auth-expired");
    case Kind::AuthRevoked:
        return QStringLiteral("auth-revoked");
    case Kind::AuthFailed:
        return QStringLiteral("auth-failed");
    case Kind::Permission:
        return QStringLiteral("permission");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::MalformedReply:
        return QStringLiteral("malformed-reply");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::LocalIo:
        return QStringLiteral("local-io");
    case Kind::DiskFull:
        return QStringLiteral("disk-full");
    case Kind::InvalidName:
        return QStringLiteral("invalid-name");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::Config:
        return QStringLiteral("config");
    case Kind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

} // namespace trestle
