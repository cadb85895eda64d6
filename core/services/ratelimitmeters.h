#pragma once

#include <QHash>
#include <QObject>
#include <QUrl>

namespace trestle {

class RateLimitMeter;

// One RateLimitMeter per client application (sign-in host + client id): Procore's budget belongs
// to the application, so every connection that uses the same one shares its meter (DESIGN.md
// "API economy"). Lives in the GUI thread; the meters themselves are thread-safe.
class RateLimitMeters final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitMeters)

public:
    explicit RateLimitMeters(QObject *parent = nullptr);
    ~RateLimitMeters() override;

    // Created on first use; owned by this object.
    RateLimitMeter *meterFor(const QUrl &authBase, const QString &clientId);

private:
    QHash<QString, RateLimitMeter *> m_meters;
};

} // namespace trestle
