#pragma once

#include "core/common/result.h"

class QIODevice;

namespace trestle {

class Database;

// Writes a job's report (one row per item: action, outcome, paths — with the name a keep-both copy
// was written under —, bytes, checksum, reason) as CSV
// or HTML. Streams: items are read one at a time and written through a buffered text stream, so a
// 100,000-item job never becomes one giant string. Uses the calling thread's connection.
class ReportExporter final
{
    Q_DISABLE_COPY_MOVE(ReportExporter)

public:
    explicit ReportExporter(Database &database);
    ~ReportExporter();

    // UTF-8 with a byte order mark (so spreadsheet programs detect the encoding), CRLF line ends,
    // RFC 4180 quoting. A text field starting with =, +, -, @ or a tab gets a leading apostrophe so
    // a hostile file name cannot become a spreadsheet formula.
    Status writeCsv(qint64 jobId, QIODevice *out) const;
    // A self-contained HTML page (summary and a table); every text is HTML-escaped.
    Status writeHtml(qint64 jobId, QIODevice *out) const;
    // UTF-8 JSON: the job ("jobId", "kind", "state", counters) and "items", one object per item
    // with the CSV's fields (camelCase: "destinationPath", "writtenPath", …), one item per line.
    Status writeJson(qint64 jobId, QIODevice *out) const;

private:
    Database &m_database;
};

} // namespace trestle
