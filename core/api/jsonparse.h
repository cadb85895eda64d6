#pragma once

#include "core/api/apitypes.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace trestle {

// Defensive parsers for Procore's replies. Each takes the raw body and the endpoint (for the error
// detail) and returns the value or an Error of kind MalformedReply — never a crash, never an
// empty success: not JSON, truncated JSON, HTML, an empty body, an array where an object belongs
// (or the reverse), a missing or non-positive id, a missing name, or a field of the wrong type.
namespace JsonParse {

Result<Me> me(const QByteArray &body, const QString &endpoint);
Result<QList<Company>> companies(const QByteArray &body, const QString &endpoint);
Result<QList<Project>> projects(const QByteArray &body, const QString &endpoint);
Result<Folder> folder(const QByteArray &body, const QString &endpoint);
Result<File> file(const QByteArray &body, const QString &endpoint);
Result<FileVersion> fileVersion(const QByteArray &body, const QString &endpoint);
Result<QList<DocumentEntry>> documents(const QByteArray &body, const QString &endpoint);
Result<Upload> upload(const QByteArray &body, const QString &endpoint);
// {"access_token","token_type","expires_in","refresh_token"?,"created_at"?}. `now` is used when
// created_at is missing. The excerpt of a malformed token reply is never logged (it may hold a token).
Result<TokenSet> tokenSet(const QByteArray &body, const QString &endpoint,
                          const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace JsonParse

} // namespace trestle
