#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QUrl>

namespace trestle {

// Which server URLs Trestle talks to, and where the bearer token may go (DESIGN.md "Secrets and
// safety"): https anywhere, plain http only to loopback hosts (the sandbox); the token only to
// the exact scheme/host/port of the configured API base.
class UrlPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(trestle::UrlPolicy)

public:
    static bool isLoopbackHost(const QString &host);
    // None, or a Config error naming the URL (no query: it may carry a signature).
    static Error checkServerUrl(const QUrl &url);
    // Same scheme, host and effective port.
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // The URL for logs: scheme, host, port and path only.
    static QString forLog(const QUrl &url);
};

} // namespace trestle
