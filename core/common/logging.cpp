#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcApi, "trestle.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "trestle.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRate, "trestle.rate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "trestle.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "trestle.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "trestle.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "trestle.transfer", QtInfoMsg)
