#pragma once

#include <QByteArray>
#include <QUrl>

namespace trestle {

// The rel="next" target of an RFC 8288 `Link` header (procore-api.md §8), resolved against
// `base`; invalid when there is none. The header is untrusted: callers must check the origin of
// what this returns before sending a token to it.
QUrl nextLinkFromHeader(const QByteArray &header, const QUrl &base);

} // namespace trestle
