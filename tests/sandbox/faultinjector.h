#pragma once

#include "http/httpmessage.h"

#include <QStringList>

#include <random>

namespace sandbox {

// Draws the faults of --fault-rate/--fault-kinds from a seeded generator, so that a failing run can
// be repeated with --fault-seed. HTTP-status faults replace the answer before the request is
// handled; transport faults (reset, truncate, stall) damage the real answer on the wire after the
// request took effect, like a reply lost in the network. ResetMidBody ("reset_mid_body") is drawn
// only for a request with a body, when its head arrives (drawForBody()): the connection is reset
// after part of the body, before the request is handled.
class FaultInjector final
{
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    enum class Kind { None, Status500, Status502, Status503, Reset, Truncate, Stall, ResetMidBody };

    explicit FaultInjector(quint64 seed);

    quint64 seed() const { return m_seed; }
    void setRate(double rate) { m_rate = rate; }
    void setKinds(const QStringList &kinds); // names as in allFaultKinds()

    Kind draw(); // Kind::None with probability 1 - rate; never ResetMidBody
    bool cutsBodies() const { return m_kinds.contains(Kind::ResetMidBody); }
    Kind drawForBody(); // like draw(), but ResetMidBody is one of the candidates

    static bool isStatusFault(Kind kind);
    static HttpResponse statusResponse(Kind kind); // for isStatusFault kinds
    static void applyTransportFault(HttpResponse &response, Kind kind);

private:
    Kind drawFrom(bool withBodyCut);

    quint64 m_seed = 0;
    std::mt19937_64 m_generator;
    double m_rate = 0.0;
    QList<Kind> m_kinds;
};

} // namespace sandbox
