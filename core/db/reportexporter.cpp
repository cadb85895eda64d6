#include "core/db/reportexporter.h"

#include "core/db/database.h"
#include "core/db/journal.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace trestle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("trestle::ReportExporter", text);
}

// The outcome column: the item's state, or "verify" for an item that must be checked after a crash.
QString outcomeOf(const JobItem &item)
{
    if (item.needsVerify && item.state == ItemState::Pending)
        return QStringLiteral("verify");
    return itemStateName(item.state);
}

// The reason column: why it failed, else why it was skipped or any note.
QString reasonOf(const JobItem &item)
{
    if (item.state == ItemState::Failed && !item.errorMessage.isEmpty())
        return item.errorMessage;
    return item.reason;
}

QString csvField(const QString &text)
{
    QString field = text;
    if (!field.isEmpty()
        && (field.front() == QLatin1Char('=') || field.front() == QLatin1Char('+')
            || field.front() == QLatin1Char('-') || field.front() == QLatin1Char('@')
            || field.front() == QLatin1Char('\t') || field.front() == QLatin1Char('\r')))
        field.prepend(QLatin1Char('\''));
    if (field.contains(QLatin1Char('"')) || field.contains(QLatin1Char(','))
        || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

Error writeError(const QIODevice *out)
{
    return Error(Error::Kind::LocalIo,
                 QCoreApplication::translate("trestle::ReportExporter", "The report could not be written."),
                 out ? out->errorString() : QString());
}

Error noDevice()
{
    return Error(Error::Kind::Internal,
                 QCoreApplication::translate("trestle::ReportExporter", "The report could not be written."),
                 QStringLiteral("no open device to write to"));
}

// The job a report is about, once there is a device to write the report to.
Result<JobRecord> reportedJob(const Journal &journal, qint64 jobId, const QIODevice *out)
{
    if (!out || !out->isWritable())
        return noDevice();
    return journal.job(jobId);
}

} // namespace

ReportExporter::ReportExporter(Database &database) : m_database(database) { }

ReportExporter::~ReportExporter() = default;

Status ReportExporter::writeCsv(qint64 jobId, QIODevice *out) const
{
    Journal journal(m_database);
    const Result<JobRecord> job = reportedJob(journal, jobId, out);
    if (!job.ok())
        return job.error();

    QTextStream stream(out);
    stream.setGenerateByteOrderMark(true);
    const QLatin1String eol("\r\n");
    // written_path: where a keep-both copy went ("a (1).txt"), when not destination_path.
    stream << "order,action,outcome,source_path,destination_path,written_path,mapped_name,size,bytes_done,"
              "checksum,attempts,error_kind,reason"
           << eol;
    const Status visited = journal.forEachItem(jobId, [&](const JobItem &item) {
        const QString errorKind =
            item.errorKind == Error::Kind::None ? QString() : Error::kindName(item.errorKind);
        stream << item.orderKey << ',' << itemActionName(item.action) << ',' << outcomeOf(item) << ','
               << csvField(item.sourcePath) << ',' << csvField(item.destinationPath) << ','
               << csvField(item.writtenPath) << ',' << csvField(item.mappedName) << ',' << item.size << ','
               << item.bytesDone << ',' << csvField(item.checksum) << ',' << item.attempts << ',' << errorKind
               << ',' << csvField(reasonOf(item)) << eol;
        return stream.status() == QTextStream::Ok;
    });
    stream.flush();
    if (stream.status() != QTextStream::Ok)
        return writeError(out);
    return visited;
}

Status ReportExporter::writeHtml(qint64 jobId, QIODevice *out) const
{
    Journal journal(m_database);
    const Result<JobRecord> found = reportedJob(journal, jobId, out);
    if (!found.ok())
        return found.error();
    const JobRecord &job = found.value();
    const QLocale locale;

    QTextStream stream(out);
    const QString title = tr("Trestle job %1: %2").arg(job.id).arg(jobKindName(job.kind));
    stream << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << title.toHtmlEscaped()
           << "</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
              "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
              "tr.failed{background:#fdd}tr.skipped{color:#666}</style></head><body>\n"
           << "<h1>" << title.toHtmlEscaped() << "</h1>\n<dl>"
           << "<dt>" << tr("From").toHtmlEscaped() << "</dt><dd>" << job.sourcePath.toHtmlEscaped() << "</dd>"
           << "<dt>" << tr("To").toHtmlEscaped() << "</dt><dd>" << job.destinationPath.toHtmlEscaped()
           << "</dd>"
           << "<dt>" << tr("State").toHtmlEscaped() << "</dt><dd>" << jobStateName(job.state) << "</dd>"
           << "<dt>" << tr("Items").toHtmlEscaped() << "</dt><dd>"
           << tr("%1 of %2 done, %3 failed, %4 skipped")
                  .arg(job.itemsDone)
                  .arg(job.itemsTotal)
                  .arg(job.itemsFailed)
                  .arg(job.itemsSkipped)
                  .toHtmlEscaped()
           << "</dd>"
           << "<dt>" << tr("Bytes").toHtmlEscaped() << "</dt><dd>"
           << tr("%1 of %2")
                  .arg(locale.formattedDataSize(job.bytesDone), locale.formattedDataSize(job.bytesTotal))
                  .toHtmlEscaped()
           << "</dd></dl>\n<table>\n<tr>";
    // QT_TRANSLATE_NOOP: lupdate sees each header in the context tr() looks it up in.
    for (const char *header : {"#", QT_TRANSLATE_NOOP("trestle::ReportExporter", "Action"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Outcome"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Source"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Destination"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Written as"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Bytes"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Checksum"),
                               QT_TRANSLATE_NOOP("trestle::ReportExporter", "Reason")})
        stream << "<th>" << tr(header).toHtmlEscaped() << "</th>";
    stream << "</tr>\n";

    const Status visited = journal.forEachItem(jobId, [&](const JobItem &item) {
        const QString outcome = outcomeOf(item);
        stream << "<tr class=\"" << outcome << "\"><td>" << item.orderKey << "</td><td>"
               << itemActionName(item.action) << "</td><td>" << outcome << "</td><td>"
               << item.sourcePath.toHtmlEscaped() << "</td><td>" << item.destinationPath.toHtmlEscaped()
               << "</td><td>" << item.writtenPath.toHtmlEscaped() << "</td><td>" << item.size << "</td><td>"
               << item.checksum.toHtmlEscaped() << "</td><td>" << reasonOf(item).toHtmlEscaped()
               << "</td></tr>\n";
        return stream.status() == QTextStream::Ok;
    });
    stream << "</table>\n</body></html>\n";
    stream.flush();
    if (stream.status() != QTextStream::Ok)
        return writeError(out);
    return visited;
}

Status ReportExporter::writeJson(qint64 jobId, QIODevice *out) const
{
    Journal journal(m_database);
    const Result<JobRecord> found = reportedJob(journal, jobId, out);
    if (!found.ok())
        return found.error();
    const JobRecord &job = found.value();
    const QJsonObject head{
        {QStringLiteral("jobId"), job.id},
        {QStringLiteral("kind"), jobKindName(job.kind)},
        {QStringLiteral("state"), jobStateName(job.state)},
        {QStringLiteral("source"), job.sourcePath},
        {QStringLiteral("destination"), job.destinationPath},
        {QStringLiteral("itemsTotal"), job.itemsTotal},
        {QStringLiteral("itemsDone"), job.itemsDone},
        {QStringLiteral("itemsFailed"), job.itemsFailed},
        {QStringLiteral("itemsSkipped"), job.itemsSkipped},
        {QStringLiteral("bytesTotal"), job.bytesTotal},
        {QStringLiteral("bytesDone"), job.bytesDone},
    };
    // The job's fields, then the items streamed one per line into the open "items" array.
    QByteArray opening = QJsonDocument(head).toJson(QJsonDocument::Compact);
    opening.chop(1); // the closing brace
    out->write(opening + ",\"items\":[\n");
    bool first = true;
    bool written = true;
    const Status visited = journal.forEachItem(jobId, [&](const JobItem &item) {
        const QJsonObject row{
            {QStringLiteral("order"), item.orderKey},
            {QStringLiteral("action"), itemActionName(item.action)},
            {QStringLiteral("outcome"), outcomeOf(item)},
            {QStringLiteral("sourcePath"), item.sourcePath},
            {QStringLiteral("destinationPath"), item.destinationPath},
            {QStringLiteral("writtenPath"), item.writtenPath},
            {QStringLiteral("mappedName"), item.mappedName},
            {QStringLiteral("size"), item.size},
            {QStringLiteral("bytesDone"), item.bytesDone},
            {QStringLiteral("checksum"), item.checksum},
            {QStringLiteral("attempts"), item.attempts},
            {QStringLiteral("errorKind"),
             item.errorKind == Error::Kind::None ? QString() : Error::kindName(item.errorKind)},
            {QStringLiteral("reason"), reasonOf(item)},
        };
        written = out->write((first ? QByteArray() : QByteArray(",\n"))
                             + QJsonDocument(row).toJson(QJsonDocument::Compact))
            >= 0;
        first = false;
        return written;
    });
    written = written && out->write("\n]}\n") >= 0;
    if (!written)
        return writeError(out);
    return visited;
}

} // namespace trestle
