#include "core/api/apicall.h"

#include "core/api/apierrors.h"
#include "core/api/connectioncontext.h"
#include "core/api/sendoncebody.h"
#include "core/api/tokenmanager.h"
#include "core/api/urlpolicy.h"
#include "core/common/logging.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace trestle {

namespace {

// Renew the access token this long before it expires, so long jobs never see a 401 for it.
constexpr std::chrono::seconds kProactiveRefreshMargin{60};
// A server that keeps answering 429 past this many resets is broken, not busy.
constexpr int kMaxRateLimitedRetries = 50;
// Renewals after a 401 within one call: a second one is a token that expired again while the
// retry waited; more than a few means the server rejects every token.
constexpr int kMaxRenewalsAfter401 = 3;

bool isTransportError(QNetworkReply::NetworkError code, int status)
{
    // 1xx codes are connection-level (refused, reset, timeout, TLS, …), 1xx-199 proxy. A reply
    // with a status line but a transport error (truncated or stalled body) is a transport failure.
    return code != QNetworkReply::NoError && (status == 0 || int(code) < 200);
}

} // namespace

QString ApiRequest::endpoint() const
{
    static const QRegularExpression number(QStringLiteral("/\\d+(?=/|$)"));
    QString p = absoluteUrl.isValid() ? absoluteUrl.path() : path;
    p.replace(number, QStringLiteral("/{id}"));
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(method), p);
}

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

ApiCall::ApiCall(std::shared_ptr<ConnectionContext> context, QNetworkAccessManager *nam, ApiRequest request,
                 Options options, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_nam(nam)
    , m_request(std::move(request))
    , m_options(options)
    , m_result(Error(Error::Kind::Internal, QStringLiteral("not finished")))
{
    m_waitTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, which would send a call before its slot.
    m_waitTimer.setTimerType(Qt::PreciseTimer);
}

ApiCall::~ApiCall()
{
    if (m_waitingForToken && m_context->tokens())
        m_context->tokens()->cancelWaiter(this);
    releaseMeter();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiCall::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_aborted)
            return;
        if (Error e = m_context->urlError())
            return finish(e);
        if (!m_context->tokens())
            return finish(Error(Error::Kind::Config, tr("This connection is not signed in.")));
        acquireSlot();
    });
}

void ApiCall::releaseMeter()
{
    RateLimitMeter *meter = m_context->meter();
    if (!meter)
        return;
    if (m_slotHeld)
        meter->release();
    if (m_inFlight)
        meter->recordResponse(0, {}, {}, {}, {});
    m_slotHeld = false;
    m_inFlight = false;
}

void ApiCall::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_waitTimer.stop();
    if (m_waitingForToken)
        m_context->tokens()->cancelWaiter(this);
    m_waitingForToken = false;
    releaseMeter();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(Error(Error::Kind::Cancelled, tr("The request was cancelled."), m_request.endpoint()));
}

void ApiCall::acquireSlot()
{
    std::chrono::milliseconds delay{0};
    if (RateLimitMeter *meter = m_context->meter()) {
        delay = meter->acquire(m_options.priority);
        m_slotHeld = true;
    }
    if (delay.count() <= 0)
        return ensureTokenThenSend();
    m_waitTimer.disconnect();
    connect(&m_waitTimer, &QTimer::timeout, this, &ApiCall::ensureTokenThenSend);
    m_waitTimer.start(delay);
}

void ApiCall::acquireSlotThenSend()
{
    std::chrono::milliseconds delay{0};
    if (RateLimitMeter *meter = m_context->meter()) {
        delay = meter->acquire(m_options.priority);
        m_slotHeld = true;
    }
    if (delay.count() <= 0)
        return send();
    m_waitTimer.disconnect();
    connect(&m_waitTimer, &QTimer::timeout, this, &ApiCall::send);
    m_waitTimer.start(delay);
}

void ApiCall::ensureTokenThenSend()
{
    TokenManager *tokens = m_context->tokens();
    if (tokens->expiresWithin(kProactiveRefreshMargin))
        return refreshTokenThenSend(tokens->current().generation, false);
    send();
}

void ApiCall::refreshTokenThenSend(quint64 staleGeneration, bool needSlot)
{
    m_waitingForToken = true;
    m_context->tokens()->requestFreshToken(staleGeneration, this,
                                           [this, needSlot](const Result<TokenManager::Token> &t) {
                                               m_waitingForToken = false;
                                               if (m_aborted)
                                                   return;
                                               if (!t.ok() && !needSlot && t.error().isTransient()) {
                                                   // A proactive refresh that failed for now: the
                                                   // current token is still valid for a while.
                                                   return send();
                                               }
                                               if (!t.ok()) {
                                                   // The slot was reserved for a request that will not be
                                                   // sent.
                                                   releaseMeter();
                                                   return finish(t.error());
                                               }
                                               if (needSlot)
                                                   return acquireSlotThenSend();
                                               send();
                                           });
}

void ApiCall::send()
{
    if (m_aborted)
        return;
    QUrl url;
    if (m_request.absoluteUrl.isValid()) {
        url = m_request.absoluteUrl;
        if (!UrlPolicy::sameOrigin(url, m_context->apiBase()))
            return finish(Error(Error::Kind::MalformedReply, tr("Procore sent a link to another server."),
                                UrlPolicy::forLog(url)));
    } else {
        url = m_context->apiBase();
        url.setPath(url.path(QUrl::FullyDecoded) + m_request.path);
        url.setQuery(m_request.query);
    }
    const TokenManager::Token token = m_context->tokens()->current();
    m_tokenGeneration = token.generation;

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    const qint64 companyId = m_request.companyId > 0 ? m_request.companyId : m_context->companyId();
    if (m_request.companyHeader && companyId > 0)
        request.setRawHeader("Procore-Company-Id", QByteArray::number(companyId));
    // An API call is never redirected: following one could hand the token to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(qMax(m_options.timeout, m_request.minTimeout).count()));

    QHttpMultiPart *multipart = nullptr;
    if (m_request.multipart) {
        multipart = m_request.multipart();
        if (!multipart)
            return finish(
                Error(Error::Kind::Internal, tr("The file cannot be sent again."), m_request.endpoint()));
    } else if (!m_request.contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
    }

    m_slotHeld = false; // spent now
    m_inFlight = m_context->meter() != nullptr;
    if (multipart) {
        m_reply = m_nam->sendCustomRequest(request, m_request.method, multipart);
        multipart->setParent(m_reply);
    } else if (m_request.method == "GET") {
        m_reply = m_nam->get(request);
    } else if (!m_request.idempotent || m_request.method == "DELETE") {
        // A create or a delete: Qt must not send it again by itself after a lost connection
        // (SendOnceBody); a delete it resent came back 404 and looked like "not found" here.
        auto *body = new SendOnceBody(m_request.body);
        m_reply = m_nam->sendCustomRequest(request, m_request.method, body);
        body->setParent(m_reply);
    } else {
        m_reply = m_nam->sendCustomRequest(request, m_request.method, m_request.body);
    }
    // Qt may still send a GET or a PATCH again by itself after a lost connection (see
    // SendOnceBody): harmless for those.
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    // sslErrors are deliberately left unanswered (never ignored): a TLS failure fails the call.
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_aborted)
        return;
    ApiReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // closed after a timeout abort
        r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    const QNetworkReply::NetworkError code = reply->error();
    const QString endpoint = m_request.endpoint();

    // Every sent call is answered to the meter, also without a status (reset, timeout): the
    // meter counts sent-but-unanswered calls against the windows.
    m_inFlight = false;
    if (RateLimitMeter *meter = m_context->meter())
        meter->recordResponse(r.status, r.header("X-Rate-Limit-Limit"), r.header("X-Rate-Limit-Remaining"),
                              r.header("X-Rate-Limit-Reset"), r.header("Retry-After"));

    if (isTransportError(code, r.status)) {
        // Anything but "connection refused / host not found" may have reached the server.
        if (code != QNetworkReply::ConnectionRefusedError && code != QNetworkReply::HostNotFoundError)
            m_maybeReachedServer = true;
        const bool timedOut = code == QNetworkReply::OperationCanceledError;
        const Error error = ApiErrors::fromNetwork(code, reply->errorString(), endpoint, timedOut);
        qCDebug(lcApi) << endpoint << "transport error" << Error::kindName(error.kind());
        if (error.kind() == Error::Kind::Tls)
            return finish(error);
        return retryAfterFailure(error);
    }

    if (r.status >= 200 && r.status < 300)
        return finish(r);

    const QDateTime retryAt =
        ApiErrors::retryAtFromHeaders(r.header("Retry-After"), r.header("X-Rate-Limit-Reset"));
    const Error error = ApiErrors::fromHttpStatus(r.status, r.body, endpoint, retryAt);
    qCDebug(lcApi) << endpoint << "HTTP" << r.status << "limit" << r.header("X-Rate-Limit-Limit")
                   << "remaining" << r.header("X-Rate-Limit-Remaining") << "reset"
                   << r.header("X-Rate-Limit-Reset") << "retry-after" << r.header("Retry-After");

    if (r.status == 429) {
        // Not a failure: the meter now holds every request until the reset; queue up again.
        if (++m_rateLimited > kMaxRateLimitedRetries)
            return finish(error);
        return acquireSlot();
    }
    if (r.status == 401) {
        // Renew and send again. A renewed token may expire too before the retry is answered (a
        // long budget hold after the renewal): renew again, but only a few times, so a server that
        // rejects every token ends the call instead of a loop: with auth-revoked, which every
        // layer above answers by asking for a new sign-in (the job pauses). Each renewal asks for a
        // token newer than the rejected one, so no two sends of a call carry the same token.
        if (m_renewalsAfter401 >= kMaxRenewalsAfter401) {
            Error refused(Error::Kind::AuthRevoked,
                          tr("Procore rejected the sign-in even after renewing it %1 times. Sign in again.")
                              .arg(kMaxRenewalsAfter401),
                          error.detail());
            refused.setHttpStatus(401);
            return finish(refused);
        }
        ++m_renewalsAfter401;
        // The retry is a call of its own: it takes a new slot once the token is fresh.
        return refreshTokenThenSend(m_tokenGeneration, true);
    }
    if (r.status == 404 && m_request.notFoundAfterRetryIsSuccess && m_failures > 0) {
        r.status = 200;
        r.body.clear();
        return finish(r);
    }
    if (r.status >= 500 || r.status == 408) {
        m_maybeReachedServer = true;
        return retryAfterFailure(error);
    }
    finish(error);
}

void ApiCall::retryAfterFailure(const Error &error)
{
    ++m_failures;
    if (!m_request.idempotent || m_failures >= m_options.retry.maxAttempts)
        return finish(error);
    const qint64 base = m_options.retry.baseDelay.count();
    const qint64 cap = m_options.retry.maxDelay.count();
    const qint64 exp = qMin(cap, base << qMin(m_failures - 1, 16));
    // Full jitter over the upper half: spreads N workers that failed together.
    const qint64 delay =
        exp / 2 + qint64(QRandomGenerator::global()->bounded(quint32(qMax<qint64>(1, exp / 2))));
    qCInfo(lcApi) << m_request.endpoint() << "attempt" << m_failures << "failed ("
                  << Error::kindName(error.kind()) << "), retrying in" << delay << "ms";
    m_waitTimer.disconnect();
    connect(&m_waitTimer, &QTimer::timeout, this, &ApiCall::acquireSlot);
    m_waitTimer.start(std::chrono::milliseconds(delay));
}

void ApiCall::finish(Result<ApiReply> result)
{
    if (m_finished)
        return;
    m_finished = true;
    releaseMeter(); // a slot reserved for a request that will not be sent goes back
    m_result = std::move(result);
    Q_EMIT finished(this);
}

} // namespace trestle
