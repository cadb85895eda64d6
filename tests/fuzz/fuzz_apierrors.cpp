// Procore error replies: ApiErrors turns any status + body into an Error. The body is untrusted
// (HTML from a proxy, JSON of any shape, a token echoed back): never a crash, always an error for
// an error status, and the excerpt for logs never carries a token-looking string from the body.

#include "core/api/apierrors.h"
#include "fuzzinput.h"

#include <QDateTime>

using namespace trestle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // 400..599 from the first two bytes; the rest is body | Retry-After | X-Rate-Limit-Reset.
    const int status = 400 + (int(data[0]) << 8 | data[1]) % 200;
    const QList<QByteArray> f = fuzz::splitFields(data + 2, size - 2, 3);
    const QByteArray &body = f[0];
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    const QString endpoint = QStringLiteral("GET /rest/v1.0/fuzz");

    const QDateTime retryAt = ApiErrors::retryAtFromHeaders(f[1], f[2], now);
    const Error e = ApiErrors::fromHttpStatus(status, body, endpoint, retryAt);
    fuzz::check(e.isError(), "an error status gives an error");
    const Error t = ApiErrors::fromTokenEndpoint(status, body, QStringLiteral("POST /oauth/token"),
                                                 QStringLiteral("Fuzz"), retryAt);
    fuzz::check(t.isError(), "an error status of the token endpoint gives an error");
    (void)ApiErrors::malformed(endpoint, body, QStringLiteral("fuzz"));
    (void)ApiErrors::serverMessage(body);
    (void)ApiErrors::oauthErrorCode(body);
    const QString excerpt = ApiErrors::excerpt(body);
    fuzz::check(excerpt.size() <= 240, "excerpt is short");
    return 0;
}
