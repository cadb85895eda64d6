#include "core/api/apierrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace trestle {

namespace {

constexpr int kExcerptChars = 200;

QString joinStrings(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isString())
                parts.append(item.toString());
        }
        return parts.join(QLatin1Char(' '));
    }
    return QString();
}

QString detailFor(const QString &endpoint, int status, const QByteArray &body)
{
    QString detail = endpoint;
    if (status > 0)
        detail += QStringLiteral(" HTTP %1").arg(status);
    const QString text = ApiErrors::excerpt(body);
    if (!text.isEmpty())
        detail += QStringLiteral(": ") + text;
    return detail;
}

QString withServerMessage(const QString &sentence, const QString &serverMessage)
{
    if (serverMessage.isEmpty())
        return sentence;
    return QStringLiteral("%1 %2").arg(sentence, serverMessage);
}

} // namespace

QString ApiErrors::serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return QString();
    const QJsonObject object = doc.object();
    // {"errors":"…"} / {"errors":{"base":[…]}} / {"errors":{"name":[…], …}}
    const QJsonValue errors = object.value(QLatin1String("errors"));
    if (errors.isString())
        return errors.toString();
    if (errors.isArray())
        return joinStrings(errors);
    if (errors.isObject()) {
        const QJsonObject map = errors.toObject();
        QStringList parts;
        const QString base = joinStrings(map.value(QLatin1String("base")));
        if (!base.isEmpty())
            parts.append(base);
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it.key() == QLatin1String("base"))
                continue;
            const QString text = joinStrings(it.value());
            if (!text.isEmpty())
                parts.append(QStringLiteral("%1: %2").arg(it.key(), text));
        }
        return parts.join(QLatin1Char(' '));
    }
    // {"error":"…","error_description":"…"} (OAuth, 401) — the description is the sentence.
    const QString description = object.value(QLatin1String("error_description")).toString();
    if (!description.isEmpty())
        return description;
    // {"message":"…"} and 401s of the shape {code,message,reason,error,fields}
    const QString message = object.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return message;
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    return QString();
}

QString ApiErrors::oauthErrorCode(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return QString();
    return doc.object().value(QLatin1String("error")).toString();
}

QString ApiErrors::excerpt(const QByteArray &body)
{
    if (body.isEmpty())
        return QString();
    // Look at a bounded prefix only: the body may be megabytes of HTML.
    QString text = QString::fromUtf8(body.left(4 * kExcerptChars));
    static const QRegularExpression secretValue(
        QStringLiteral("(\"?(?:access_token|refresh_token|client_secret|id_token|token|code|password)\"?"
                       "\\s*[:=]\\s*\"?)[^\"&,}\\s]*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)\\S+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]*)*"));
    text.replace(secretValue, QStringLiteral("\\1***"));
    text.replace(bearer, QStringLiteral("\\1***"));
    text.replace(jwt, QStringLiteral("***"));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    text = text.simplified();
    if (text.size() > kExcerptChars)
        text = text.left(kExcerptChars - 1) + QChar(0x2026);
    return text;
}

Error ApiErrors::malformed(const QString &endpoint, const QByteArray &body, const QString &why)
{
    QString detail = QStringLiteral("%1: %2").arg(endpoint, why);
    const QString text = excerpt(body);
    detail += text.isEmpty() ? QStringLiteral(" (empty body)") : QStringLiteral(" — ") + text;
    return Error(Error::Kind::MalformedReply, tr("Procore sent a reply Trestle does not understand."),
                 detail);
}

Error ApiErrors::fromHttpStatus(int status, const QByteArray &body, const QString &endpoint,
                                const QDateTime &retryAt)
{
    const QString server = serverMessage(body);
    const QString detail = detailFor(endpoint, status, body);
    Error error;
    if (status == 401) {
        error = Error(Error::Kind::AuthExpired,
                      withServerMessage(tr("The Procore sign-in has expired."), server), detail);
    } else if (status == 403) {
        error =
            Error(Error::Kind::Permission,
                  withServerMessage(tr("You do not have permission to do this in Procore."), server), detail);
    } else if (status == 404) {
        error =
            Error(Error::Kind::NotFound,
                  tr("The item does not exist in Procore any more, or you have no access to it."), detail);
    } else if (status == 409) {
        error = Error(Error::Kind::Conflict, withServerMessage(tr("Procore reported a conflict."), server),
                      detail);
    } else if (status == 429) {
        error = Error(Error::Kind::RateLimited,
                      tr("The Procore API budget for this hour is used up; Trestle waits until it resets."),
                      detail);
        error.setRetryAt(retryAt);
    } else if (status == 408) {
        error = Error(Error::Kind::Timeout, tr("Procore did not answer in time."), detail);
    } else if (status >= 500) {
        error = Error(Error::Kind::Server,
                      tr("Procore had a problem (HTTP %1). Please try again later.").arg(status), detail);
        if (retryAt.isValid())
            error.setRetryAt(retryAt);
    } else if (status >= 400) {
        error = Error(Error::Kind::Validation, withServerMessage(tr("Procore refused the request."), server),
                      detail);
    } else {
        error = Error(Error::Kind::MalformedReply,
                      tr("Procore sent an unexpected answer (HTTP %1).").arg(status), detail);
    }
    error.setHttpStatus(status);
    return error;
}

Error ApiErrors::fromTokenEndpoint(int status, const QByteArray &body, const QString &endpoint,
                                   const QString &connectionName, const QDateTime &retryAt)
{
    const QString code = oauthErrorCode(body);
    // Never put the token endpoint's body in a detail unredacted; excerpt() redacts it.
    const QString detail = detailFor(endpoint, status, body);
    Error error;
    if (code == QLatin1String("invalid_grant")) {
        error = Error(Error::Kind::AuthRevoked, tr("Sign in again to %1.").arg(connectionName), detail);
    } else if (code == QLatin1String("invalid_client") || code == QLatin1String("unauthorized_client")
               || code == QLatin1String("invalid_scope") || code == QLatin1String("unsupported_grant_type")
               || code == QLatin1String("access_denied")) {
        error = Error(Error::Kind::AuthFailed,
                      withServerMessage(tr("Procore refused the sign-in for %1.").arg(connectionName),
                                        serverMessage(body)),
                      detail);
    } else if (status == 401) {
        error = Error(Error::Kind::AuthFailed, tr("Procore refused the sign-in for %1.").arg(connectionName),
                      detail);
    } else {
        return fromHttpStatus(status, body, endpoint, retryAt);
    }
    error.setHttpStatus(status);
    return error;
}

Error ApiErrors::fromNetwork(QNetworkReply::NetworkError code, const QString &errorString,
                             const QString &endpoint, bool timedOut)
{
    const QString detail = QStringLiteral("%1: %2").arg(endpoint, errorString);
    if (timedOut || code == QNetworkReply::TimeoutError)
        return Error(Error::Kind::Timeout, tr("Procore did not answer in time."), detail);
    if (code == QNetworkReply::SslHandshakeFailedError)
        return Error(Error::Kind::Tls,
                     tr("The secure connection to Procore could not be verified. Check the date, "
                        "the network's proxy and the certificate."),
                     detail);
    if (code == QNetworkReply::OperationCanceledError)
        return Error(Error::Kind::Cancelled, tr("The request was cancelled."), detail);
    return Error(Error::Kind::Network, tr("Cannot reach Procore. Check the network connection."), detail);
}

QDateTime ApiErrors::retryAtFromHeaders(const QByteArray &retryAfter, const QByteArray &rateLimitReset,
                                        const QDateTime &now)
{
    const QByteArray after = retryAfter.trimmed();
    if (!after.isEmpty()) {
        bool ok = false;
        const qint64 seconds = after.toLongLong(&ok);
        if (ok && seconds >= 0)
            return now.addSecs(seconds);
        const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(after),
                                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        if (date.isValid()) {
            QDateTime utc = date;
            utc.setTimeSpec(Qt::UTC);
            return utc;
        }
    }
    bool ok = false;
    const qint64 reset = rateLimitReset.trimmed().toLongLong(&ok);
    if (ok && reset > 0)
        return QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
    return QDateTime();
}

} // namespace trestle
