#pragma once

#include "core/transfer/jobpolicies.h"
#include "core/transfer/plansummary.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace trestle {
class Journal;
class Store;
} // namespace trestle

namespace testing {

// Writes root/rel (creating folders) with `content` and, if valid, the modification time.
void putFile(const QString &root, const QString &rel, const QByteArray &content, const QDateTime &mtime = {});
void putFolder(const QString &root, const QString &rel);
// Every file and folder under root: relative path -> sha256 hex of the content ("<dir>" for
// folders). Nothing is filtered, so a leftover temporary file shows up as a difference.
QMap<QString, QString> treeManifest(const QString &root);
// Plans `spec` from source to destination (waits with the event loop; test only). With a journal,
// the items are written to job `jobId`.
trestle::Error planJob(const trestle::JobSpec &spec, trestle::Store *source, trestle::Store *destination,
                       trestle::PlanSummary *summary, trestle::Journal *journal = nullptr, qint64 jobId = 0,
                       trestle::AnalyzeReport *report = nullptr);
QDateTime fixedTime(int offsetSeconds = 0); // 2026-01-01T00:00:00Z + offset

} // namespace testing
