#include "faultinjector.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sandbox {

FaultInjector::FaultInjector(quint64 seed) : m_seed(seed), m_generator(seed)
{
    setKinds({QStringLiteral("500"), QStringLiteral("502"), QStringLiteral("503"), QStringLiteral("reset"),
              QStringLiteral("truncate"), QStringLiteral("stall")});
}

void FaultInjector::setKinds(const QStringList &kinds)
{
    m_kinds.clear();
    for (const QString &name : kinds) {
        if (name == QLatin1String("500"))
            m_kinds.append(Kind::Status500);
        else if (name == QLatin1String("502"))
            m_kinds.append(Kind::Status502);
        else if (name == QLatin1String("503"))
            m_kinds.append(Kind::Status503);
        else if (name == QLatin1String("reset"))
            m_kinds.append(Kind::Reset);
        else if (name == QLatin1String("truncate"))
            m_kinds.append(Kind::Truncate);
        else if (name == QLatin1String("stall"))
            m_kinds.append(Kind::Stall);
        else if (name == QLatin1String("reset_mid_body"))
            m_kinds.append(Kind::ResetMidBody);
    }
}

FaultInjector::Kind FaultInjector::draw()
{
    return drawFrom(false);
}

FaultInjector::Kind FaultInjector::drawForBody()
{
    return drawFrom(true);
}

FaultInjector::Kind FaultInjector::drawFrom(bool withBodyCut)
{
    if (m_rate <= 0.0 || m_kinds.isEmpty())
        return Kind::None;
    // 53 random bits give a uniform double in [0, 1) independent of the standard library's
    // distribution code, so a seed replays the same faults everywhere.
    const double roll = double(m_generator() >> 11) * (1.0 / 9007199254740992.0);
    if (roll >= m_rate)
        return Kind::None;
    if (withBodyCut || !cutsBodies())
        return m_kinds.at(int(m_generator() % quint64(m_kinds.size())));
    // A request without a body cannot be cut mid-body: draw among the other kinds (none when
    // reset_mid_body is the only one, so such a request is never faulted).
    QList<Kind> kinds = m_kinds;
    kinds.removeAll(Kind::ResetMidBody);
    if (kinds.isEmpty())
        return Kind::None;
    return kinds.at(int(m_generator() % quint64(kinds.size())));
}

bool FaultInjector::isStatusFault(Kind kind)
{
    return kind == Kind::Status500 || kind == Kind::Status502 || kind == Kind::Status503;
}

HttpResponse FaultInjector::statusResponse(Kind kind)
{
    auto json = [](int status, const QString &message) {
        return HttpResponse::json(
            status,
            QJsonDocument(QJsonObject{{QStringLiteral("errors"), message}}).toJson(QJsonDocument::Compact));
    };
    switch (kind) {
    case Kind::Status502:
        return json(502, QStringLiteral("Bad Gateway"));
    case Kind::Status503: {
        HttpResponse response = json(503, QStringLiteral("Service Unavailable"));
        response.setHeader("Retry-After", "1");
        return response;
    }
    default:
        return json(500, QStringLiteral("Internal Server Error"));
    }
}

void FaultInjector::applyTransportFault(HttpResponse &response, Kind kind)
{
    switch (kind) {
    case Kind::Reset:
        response.fault = HttpResponse::Fault::ResetBeforeResponse;
        break;
    case Kind::Truncate:
        response.fault = HttpResponse::Fault::TruncateBody;
        break;
    case Kind::Stall:
        response.fault = HttpResponse::Fault::StallBody;
        break;
    default:
        break;
    }
}

} // namespace sandbox
