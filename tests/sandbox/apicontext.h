#pragma once

#include "http/httpmessage.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace sandbox {

// Who is calling: resolved by the sandbox core from the Bearer token before a module sees the call.
struct Principal
{
    qint64 userId = 0; // for a service account: the service account's user id
    QString login;
    QString clientId; // the OAuth application the token was issued to (rate-limit key)
    bool serviceAccount = false;
    bool documentsPermission = true; // false: 403 on every Documents call
};

// Everything a /rest module needs about the current call, filled in by the sandbox core after it
// checked the token, the rate limit and the Procore-Company-Id header.
struct ApiContext
{
    Principal principal;
    qint64 companyId = 0; // from the Procore-Company-Id header
    QUrl apiBase; // e.g. http://127.0.0.1:41234
    QUrl storageBase; // e.g. http://127.0.0.1:41235
    // True when the principal may see this project and it belongs to companyId.
    std::function<bool(qint64 projectId)> canAccessProject;
    // Counts a download hop against the budget when --count-download-hop is on (no-op otherwise).
    std::function<void()> countDownloadHop;
};

// JSON error bodies as procore-api.md §10/§12 documents them.
HttpResponse errorsBase(int status, const QString &message); // {"errors":{"base":[message]}}
HttpResponse errorsString(int status, const QString &message); // {"errors":"message"}
HttpResponse errorsField(int status, const QString &field,
                         const QString &message); // {"errors":{field:[message]}}
HttpResponse errorMessage(int status, const QString &message); // {"error":"message"}

// v1 pagination (§8): reads page/per_page from the query (per_page default 100, max `maxPerPage`),
// slices `total` items and sets Total, Per-Page and Link headers on the response.
struct Page
{
    int page = 1;
    int perPage = 100;
    qint64 first = 0; // index of the first item of the page
    qint64 count = 0; // items on this page
};
// Returns nullopt and sets *error when page/per_page are not positive integers (400).
std::optional<Page> pageFor(const HttpRequest &request, qint64 total, int maxPerPage, HttpResponse *error);
void setPaginationHeaders(HttpResponse &response, const HttpRequest &request, const QUrl &apiBase,
                          const Page &page, qint64 total);

} // namespace sandbox
