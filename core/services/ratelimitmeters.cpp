#include "core/services/ratelimitmeters.h"

#include "core/api/ratelimitmeter.h"

namespace trestle {

RateLimitMeters::RateLimitMeters(QObject *parent) : QObject(parent) { }

RateLimitMeters::~RateLimitMeters() = default;

RateLimitMeter *RateLimitMeters::meterFor(const QUrl &authBase, const QString &clientId)
{
    const QString key = authBase.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('\n') + clientId;
    RateLimitMeter *&meter = m_meters[key];
    if (!meter)
        meter = new RateLimitMeter(RateLimitMeterConfig{}, this);
    return meter;
}

} // namespace trestle
