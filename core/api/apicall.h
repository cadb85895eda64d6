#pragma once

#include "core/api/ratelimitmeter.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

class QHttpMultiPart;
class QNetworkAccessManager;
class QNetworkReply;

namespace trestle {

class ConnectionContext;

// One /rest request as the typed calls describe it.
struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // "/rest/v1.0/folders/123", relative to the API base
    QUrlQuery query;
    QUrl absoluteUrl; // instead of path+query (pagination "next" links); must be on the API host
    QByteArray body;
    QByteArray contentType; // for `body`
    // For multipart bodies: builds a fresh multipart per attempt (a sent one is consumed). Returns
    // null when the body cannot be sent again (a sequential device already read).
    std::function<QHttpMultiPart *()> multipart;
    // GET, and PATCH/DELETE by id with the same body: safe to send again after an ambiguous failure.
    bool idempotent = true;
    // Procore-Company-Id is sent on every call except /me and /companies (procore-api.md §3).
    bool companyHeader = true;
    qint64 companyId = 0; // for the header instead of the context's (listing a company's projects)
    // DELETE: a 404 on a retry means the first attempt went through.
    bool notFoundAfterRetryIsSuccess = false;
    // Longer than the client's timeout for calls the server may think about for long before the
    // first byte of its answer (completing a segmented upload assembles the whole file). 0 = the
    // client's timeout.
    std::chrono::milliseconds minTimeout{0};

    // "GET /rest/v1.0/folders/{id}" — for logs and errors; numeric segments collapsed.
    QString endpoint() const;
};

struct ApiReply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
};

struct RetryPolicy
{
    int maxAttempts = 5; // failures (5xx, reset, timeout) before giving up; 429s do not count
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{15000};
};

// One API call, like Nextcloud's AbstractNetworkJob: waits for the meter's slot (a timer, never a
// blocking wait), sends with the bearer token and the company header, feeds the reply's
// rate-limit headers to the meter, and retries what may be retried: idempotent calls after
// 5xx/reset/timeout with capped exponential backoff and jitter; every call after a 429 (the meter
// holds it until the reset; it never counts as a failure); every call after a 401 with a fresh
// token (a few times at most: a renewed token can expire again while the retry waits). A
// non-idempotent call is never sent twice here: ProcoreClient first checks whether an ambiguous
// failure actually created the thing.
//
// start() only schedules; exactly one finished() follows, also after abort().
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    struct Options
    {
        RateLimitMeter::Priority priority = RateLimitMeter::Priority::Interactive;
        std::chrono::milliseconds timeout{30000}; // no bytes for this long → Timeout
        RetryPolicy retry;
    };

    ApiCall(std::shared_ptr<ConnectionContext> context, QNetworkAccessManager *nam, ApiRequest request,
            Options options, QObject *parent = nullptr);
    ~ApiCall() override;

    void start();
    void abort();

    const Result<ApiReply> &result() const { return m_result; }
    // True when a failed call may have reached the server (so a create may have happened).
    bool maybeReachedServer() const { return m_maybeReachedServer; }
    const ApiRequest &request() const { return m_request; }

Q_SIGNALS:
    void finished(trestle::ApiCall *call);

private:
    void acquireSlot();
    void ensureTokenThenSend();
    void send();
    void onReplyFinished();
    void retryAfterFailure(const Error &error);
    void acquireSlotThenSend();
    void refreshTokenThenSend(quint64 staleGeneration, bool needSlot);
    void releaseMeter();
    void finish(Result<ApiReply> result);

    std::shared_ptr<ConnectionContext> m_context;
    QNetworkAccessManager *m_nam;
    ApiRequest m_request;
    Options m_options;
    QTimer m_waitTimer;
    QPointer<QNetworkReply> m_reply;
    Result<ApiReply> m_result;
    quint64 m_tokenGeneration = 0;
    int m_failures = 0;
    int m_rateLimited = 0;
    int m_renewalsAfter401 = 0;
    bool m_slotHeld = false; // acquired from the meter, not sent yet
    bool m_inFlight = false; // sent, not yet answered to the meter
    bool m_waitingForToken = false;
    bool m_maybeReachedServer = false;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace trestle
