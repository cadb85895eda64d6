#pragma once

#include "core/api/oauthclient.h"
#include "core/common/result.h"

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace trestle {

// Revokes a connection's tokens at Procore (refresh token first: revoking it kills its access
// token too), one after the other, with its own QNetworkAccessManager. Emits finished() once and
// then deletes itself, so a caller that goes away (a cancelled wizard) can leave it running.
class RevokeTokensJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevokeTokensJob)

public:
    RevokeTokensJob(OAuthClient client, QStringList tokens, QObject *parent = nullptr);
    ~RevokeTokensJob() override;

    // Schedules the work.
    void start();

Q_SIGNALS:
    // The first failure, or success when every token was revoked.
    void finished(const trestle::Status &status);

private:
    void revokeNext();

    const OAuthClient m_client;
    QStringList m_tokens;
    QNetworkAccessManager *m_nam;
    Error m_firstError;
};

} // namespace trestle
