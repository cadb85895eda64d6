#include "core/api/connectioncontext.h"

#include "core/api/urlpolicy.h"

namespace trestle {

ConnectionContext::ConnectionContext(QString connectionName, QUrl apiBase, qint64 companyId,
                                     TokenManager *tokens, RateLimitMeter *meter)
    : m_connectionName(std::move(connectionName))
    , m_apiBase(apiBase.adjusted(QUrl::StripTrailingSlash))
    , m_urlError(UrlPolicy::checkServerUrl(apiBase))
    , m_companyId(companyId)
    , m_tokens(tokens)
    , m_meter(meter)
{ }

} // namespace trestle
