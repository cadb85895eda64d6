#include "core/transfer/transfercommand.h"

#include "core/api/ratelimitmeter.h"
#include "core/db/database.h"
#include "core/db/reportexporter.h"
#include "core/store/store.h"
#include "core/transfer/jobplanner.h"
#include "core/transfer/storeresolver.h"
#include "core/transfer/transfercommandhelp.h"
#include "core/transfer/transferengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace trestle {

namespace {

// "1000", "512k", "10M", "1G" (powers of 1024) -> bytes per second.
std::optional<qint64> parseByteRate(const QString &text)
{
    QString value = text.trimmed();
    qint64 unit = 1;
    if (value.endsWith(QLatin1Char('k'), Qt::CaseInsensitive))
        unit = 1024;
    else if (value.endsWith(QLatin1Char('M'), Qt::CaseInsensitive))
        unit = 1024 * 1024;
    else if (value.endsWith(QLatin1Char('G'), Qt::CaseInsensitive))
        unit = 1024 * 1024 * 1024;
    if (unit > 1)
        value.chop(1);
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || number < 0)
        return std::nullopt;
    return qint64(number * double(unit));
}

// A folder or connection the user named that does not exist is a usage error; a connection that
// exists but cannot be used now (signed out, keychain locked, offline) is not.
int exitCodeFor(const Error &error)
{
    switch (error.kind()) {
    case Error::Kind::NotFound:
    case Error::Kind::Config:
    case Error::Kind::Validation:
        return TransferCommand::Usage;
    default:
        return TransferCommand::JobError;
    }
}

QString humanBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes);
}

} // namespace

TransferCommand::TransferCommand(Database &database, QIODevice *out, QIODevice *err, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_journal(database)
    , m_out(out)
    , m_err(err)
    , m_localResolver(std::make_unique<LocalStoreResolver>())
    , m_resolver(m_localResolver.get())
{ }

void TransferCommand::setResolver(StoreResolver *resolver)
{
    m_resolver = resolver ? resolver : m_localResolver.get();
}

void TransferCommand::prepareBoth(const QString &source, const QString &destination,
                                  std::function<void()> ready)
{
    // Prepared one after the other: a Procore connection may read its tokens from the keychain.
    m_resolver->prepare(source, [this, destination, ready = std::move(ready)](const Error &error) {
        if (error) {
            printError(error.message());
            done(exitCodeFor(error));
            return;
        }
        if (destination.isEmpty()) {
            ready();
            return;
        }
        m_resolver->prepare(destination, [this, ready](const Error &destinationError) {
            if (destinationError) {
                printError(destinationError.message());
                done(exitCodeFor(destinationError));
                return;
            }
            ready();
        });
    });
}

TransferCommand::~TransferCommand() = default;

void TransferCommand::start(const QStringList &arguments)
{
    QTimer::singleShot(0, this, [this, arguments] { run(arguments); });
}

void TransferCommand::print(const QString &text)
{
    m_out->write(text.toUtf8());
    m_out->write("\n");
}

void TransferCommand::printError(const QString &text)
{
    m_err->write(text.toUtf8());
    m_err->write("\n");
}

void TransferCommand::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

Result<JobPolicies> TransferCommand::policiesFrom(const QCommandLineParser &parser) const
{
    JobPolicies policies;
    auto bad = [](const QString &option) {
        return Error(Error::Kind::Validation, tr("Invalid value for --%1.").arg(option));
    };
    if (parser.isSet(QStringLiteral("conflicts"))) {
        const auto value = JobPolicies::conflictFromName(parser.value(QStringLiteral("conflicts")));
        if (!value)
            return bad(QStringLiteral("conflicts"));
        policies.conflicts = *value;
    }
    if (parser.isSet(QStringLiteral("deletes"))) {
        const auto value = JobPolicies::deleteFromName(parser.value(QStringLiteral("deletes")));
        if (!value)
            return bad(QStringLiteral("deletes"));
        policies.deletes = *value;
    }
    if (parser.isSet(QStringLiteral("names"))) {
        const auto value = JobPolicies::nameFromName(parser.value(QStringLiteral("names")));
        if (!value)
            return bad(QStringLiteral("names"));
        policies.names = *value;
    }
    if (parser.isSet(QStringLiteral("concurrency"))) {
        bool ok = false;
        policies.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
        if (!ok || policies.concurrency < 1 || policies.concurrency > 64)
            return bad(QStringLiteral("concurrency"));
    }
    if (parser.isSet(QStringLiteral("direction"))) {
        const auto value = JobPolicies::directionFromName(parser.value(QStringLiteral("direction")));
        if (!value)
            return bad(QStringLiteral("direction"));
        policies.direction = *value;
    }
    if (parser.isSet(QStringLiteral("bwlimit"))) {
        const std::optional<qint64> limit = parseByteRate(parser.value(QStringLiteral("bwlimit")));
        if (!limit)
            return bad(QStringLiteral("bwlimit"));
        policies.bandwidthLimit = *limit;
    }
    policies.deleteSourceAfterMigrate = parser.isSet(QStringLiteral("delete-source"));
    if (parser.isSet(QStringLiteral("versions"))) {
        const auto value = JobPolicies::versionsFromName(parser.value(QStringLiteral("versions")));
        if (!value)
            return bad(QStringLiteral("versions"));
        policies.versions = *value;
    }
    if (parser.isSet(QStringLiteral("every")) && parser.isSet(QStringLiteral("at")))
        return Error(Error::Kind::Validation, tr("Use either --every or --at, not both."));
    if (parser.isSet(QStringLiteral("every")) || parser.isSet(QStringLiteral("at"))) {
        Result<JobSchedule> schedule = parser.isSet(QStringLiteral("every"))
            ? JobSchedule::fromEvery(parser.value(QStringLiteral("every")))
            : JobSchedule::fromAt(parser.value(QStringLiteral("at")));
        if (!schedule.ok())
            return bad(parser.isSet(QStringLiteral("every")) ? QStringLiteral("every")
                                                             : QStringLiteral("at"));
        policies.schedule = schedule.takeValue();
    }
    policies.filters.include = parser.values(QStringLiteral("include"));
    policies.filters.exclude = parser.values(QStringLiteral("exclude"));
    policies.filters.fileTypes = parser.values(QStringLiteral("types"));
    if (parser.isSet(QStringLiteral("min-size")))
        policies.filters.minSize = parser.value(QStringLiteral("min-size")).toLongLong();
    if (parser.isSet(QStringLiteral("max-size")))
        policies.filters.maxSize = parser.value(QStringLiteral("max-size")).toLongLong();
    if (parser.isSet(QStringLiteral("since"))) {
        policies.filters.modifiedSince =
            QDateTime::fromString(parser.value(QStringLiteral("since")), Qt::ISODate);
        if (!policies.filters.modifiedSince.isValid())
            return bad(QStringLiteral("since"));
    }
    return policies;
}

void TransferCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("verb"),
                                 tr("analyze, copy, sync, migrate, jobs, resume, retry or report"));
    // Every verb's options are accepted everywhere (as before); the help lists a verb's own.
    for (const TransferVerbOption &option : transferVerbOptions()) {
        parser.addOption(option.valueName
                             ? QCommandLineOption(QString::fromLatin1(option.name), tr(option.description),
                                                  tr(option.valueName))
                             : QCommandLineOption(QString::fromLatin1(option.name), tr(option.description)));
    }
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        done(Usage);
        return;
    }
    m_json = parser.isSet(QStringLiteral("json"));
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0);
    if (parser.isSet(QStringLiteral("help"))) {
        m_out->write(helpText(verb).toUtf8());
        done(Ok);
        return;
    }
    Result<JobPolicies> policies = policiesFrom(parser);
    if (!policies.ok()) {
        printError(policies.error().message());
        done(Usage);
        return;
    }
    if (verb == QLatin1String("analyze") && args.size() == 2) {
        plan(JobKind::Analyze, args.at(1), QString(), policies.value(), true);
    } else if (jobKindFromName(verb) && verb != QLatin1String("analyze") && args.size() == 3) {
        plan(*jobKindFromName(verb), args.at(1), args.at(2), policies.value(),
             parser.isSet(QStringLiteral("dry-run")));
    } else if (verb == QLatin1String("jobs") && args.size() == 1) {
        listJobs();
    } else if ((verb == QLatin1String("resume") || verb == QLatin1String("retry")) && args.size() == 2
               && args.at(1).toLongLong() > 0) {
        runJob(args.at(1).toLongLong(), verb == QLatin1String("retry"));
    } else if (verb == QLatin1String("report") && args.size() == 2 && args.at(1).toLongLong() > 0) {
        report(args.at(1).toLongLong(), parser.isSet(QStringLiteral("html")));
    } else {
        printError(tr("Usage: trestle analyze <source> | copy|sync|migrate <source> <destination> | jobs | "
                      "resume|retry|report <job-id>  [--dry-run] [--json] [policies…]"));
        done(Usage);
    }
}

void TransferCommand::plan(JobKind kind, const QString &source, const QString &destination,
                           const JobPolicies &policies, bool dryRun)
{
    JobSpec spec;
    spec.kind = kind;
    spec.policies = policies;
    Error parsed = m_resolver->parseEndpoint(source, &spec.sourceConnection, &spec.sourcePath);
    if (!parsed && kind != JobKind::Analyze)
        parsed = m_resolver->parseEndpoint(destination, &spec.destinationConnection, &spec.destinationPath);
    if (parsed) {
        printError(parsed.message());
        done(Usage);
        return;
    }
    prepareBoth(spec.sourceConnection, spec.destinationConnection,
                [this, spec, dryRun] { planPrepared(spec, dryRun); });
}

void TransferCommand::planPrepared(const JobSpec &spec, bool dryRun)
{
    const JobKind kind = spec.kind;
    Error error;
    m_source = m_resolver->openStore(spec.sourceConnection, &error);
    if (m_source && kind != JobKind::Analyze)
        m_destination = m_resolver->openStore(spec.destinationConnection, &error);
    if (!m_source || (kind != JobKind::Analyze && !m_destination)) {
        printError(error.message());
        done(Usage);
        return;
    }
    qint64 jobId = 0;
    if (!dryRun) {
        Result<qint64> created = m_journal.createJob(spec.toRecord());
        if (!created.ok()) {
            printError(created.error().toString());
            done(JobError);
            return;
        }
        jobId = created.value();
        if (m_replannedFrom > 0)
            printError(tr("Job %1 was not completely planned: it is planned again as job %2.")
                           .arg(m_replannedFrom)
                           .arg(jobId));
    }
    m_planner = std::make_unique<JobPlanner>(spec, m_source.get(), m_destination.get());
    if (jobId > 0)
        m_planner->setJournal(&m_journal, jobId);
    connect(m_planner.get(), &JobPlanner::finished, this, [this, kind, dryRun, jobId](const Error &error) {
        if (error) {
            printError(error.toString());
            done(JobError);
            return;
        }
        if (kind == JobKind::Analyze) {
            const AnalyzeReport &report = m_planner->analyzeReport();
            if (m_json) {
                print(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)));
            } else {
                print(tr("%1 files, %2 folders, %3; %4 names Procore would reject; about %5 API calls")
                          .arg(report.files)
                          .arg(report.folders)
                          .arg(humanBytes(report.bytes))
                          .arg(report.rejected.size())
                          .arg(report.estimatedApiCalls));
                for (const PlanSkip &rejected : report.rejected)
                    print(QStringLiteral("  %1: %2").arg(rejected.path, rejected.reason));
            }
            done(Ok);
            return;
        }
        const PlanSummary &summary = m_planner->summary();
        if (m_json) {
            QJsonObject json = summary.toJson();
            json.insert(QStringLiteral("jobId"), jobId);
            print(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
        } else {
            print(tr("Plan: %1 folders to create, %2 new files, %3 to replace, %4 to delete, %5 unchanged, "
                     "%6 skipped; %7 to copy")
                      .arg(summary.foldersToCreate)
                      .arg(summary.filesNew)
                      .arg(summary.filesReplaced)
                      .arg(summary.deletes)
                      .arg(summary.unchanged)
                      .arg(summary.skipped)
                      .arg(humanBytes(summary.bytesToCopy)));
            if (summary.filesWithHistory > 0)
                // As in the JSON (filesWithHistory, olderVersions, olderVersionBytes); the bytes
                // are part of the plan's "to copy".
                print(tr("History: %1 files with their versions, %2 older versions to copy (about %3)")
                          .arg(summary.filesWithHistory)
                          .arg(summary.olderVersions)
                          .arg(humanBytes(summary.olderVersionBytes)));
            for (const PlanSkip &skip : summary.skips)
                print(QStringLiteral("  ") + tr("skip %1: %2").arg(skip.path, skip.reason));
        }
        if (dryRun) {
            done(Ok);
            return;
        }
        runJob(jobId, false);
    });
    m_planner->start();
}

void TransferCommand::runJob(qint64 jobId, bool retryFailed)
{
    Result<JobRecord> job = m_journal.job(jobId);
    if (!job.ok()) {
        printError(job.error().toString());
        done(JobError);
        return;
    }
    const JobRecord record = job.value();
    if (record.state == JobState::Queued || record.state == JobState::Planning) {
        // Cut while it was planned (a killed process): the items written are not the whole plan.
        // As the job queue does, it is planned again as a new job from its saved settings.
        Result<JobSpec> spec = JobSpec::fromRecord(record);
        const Status removed = spec.ok() ? m_journal.removeJob(jobId) : Status(spec.error());
        if (!removed.ok()) {
            printError(removed.error().toString());
            done(JobError);
            return;
        }
        m_replannedFrom = jobId;
        const JobSpec again = spec.takeValue();
        prepareBoth(again.sourceConnection, again.destinationConnection,
                    [this, again] { planPrepared(again, false); });
        return;
    }
    prepareBoth(record.sourceConnection, record.destinationConnection,
                [this, record, retryFailed] { runPrepared(record, retryFailed); });
}

void TransferCommand::runPrepared(const JobRecord &record, bool retryFailed)
{
    const qint64 jobId = record.id;
    Result<JobPolicies> policies = JobPolicies::fromJsonText(record.policiesJson);
    StoreFactory sourceFactory = m_resolver->factory(record.sourceConnection);
    StoreFactory destinationFactory = m_resolver->factory(record.destinationConnection);
    if (!policies.ok() || !sourceFactory || !destinationFactory) {
        printError(tr("Job %1 cannot run here: its connections are missing.").arg(jobId));
        done(JobError);
        return;
    }
    m_engine = std::make_unique<TransferEngine>(m_database, sourceFactory, destinationFactory,
                                                policies.value().concurrency);
    RateLimitMeter *meter = m_resolver->meter(record.destinationConnection);
    if (!meter)
        meter = m_resolver->meter(record.sourceConnection);
    if (meter) {
        m_engine->setApiCallCounter([meter] { return meter->totalAcquired(); });
        m_engine->setRateLimitMeter(meter);
    }
    connect(m_engine.get(), &TransferEngine::progress, this, [this](const EngineProgress &p) {
        if (!m_progressLine)
            return;
        if (p.state == JobState::Waiting && p.waitingUntil.isValid()) {
            m_err->write(QStringLiteral("\r%1   ")
                             .arg(tr("waiting for API budget until %1")
                                      .arg(p.waitingUntil.toLocalTime().toString(QStringLiteral("HH:mm"))))
                             .toUtf8());
            return;
        }
        const QString eta = p.etaSeconds >= 0 ? tr("%1 s left").arg(p.etaSeconds) : QString();
        m_err->write(QStringLiteral("\r%1   ")
                         .arg(tr("%1/%2 items  %3/%4  %5/s  %6")
                                  .arg(p.itemsDone + p.itemsSkipped)
                                  .arg(p.itemsTotal)
                                  .arg(humanBytes(p.bytesDone), humanBytes(p.bytesTotal),
                                       humanBytes(p.bytesPerSecond), eta))
                         .toUtf8());
    });
    connect(m_engine.get(), &TransferEngine::finished, this, [this](qint64 id, const Error &error) {
        if (m_progressLine)
            m_err->write("\n");
        const Result<JobRecord> ended = m_journal.job(id);
        const JobRecord record = ended.ok() ? ended.value() : JobRecord();
        if (m_json) {
            print(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("jobId"), id},
                                          {QStringLiteral("state"), jobStateName(record.state)},
                                          {QStringLiteral("itemsDone"), record.itemsDone},
                                          {QStringLiteral("itemsFailed"), record.itemsFailed},
                                          {QStringLiteral("itemsSkipped"), record.itemsSkipped},
                                          {QStringLiteral("bytesDone"), record.bytesDone}})
                    .toJson(QJsonDocument::Compact)));
        } else {
            print(tr("Job %1: %2, %3 done, %4 failed, %5 skipped")
                      .arg(id)
                      .arg(jobStateName(record.state))
                      .arg(record.itemsDone)
                      .arg(record.itemsFailed)
                      .arg(record.itemsSkipped));
        }
        if (!error) {
            done(Ok);
        } else {
            printError(error.toString());
            done(record.itemsFailed > 0 ? ItemsFailed : JobError);
        }
    });
    if (retryFailed)
        m_engine->retryFailed(jobId);
    else
        m_engine->start(jobId);
}

void TransferCommand::listJobs()
{
    Result<QVector<JobRecord>> jobs = m_journal.jobs();
    if (!jobs.ok()) {
        printError(jobs.error().toString());
        done(JobError);
        return;
    }
    QJsonArray array;
    for (const JobRecord &job : jobs.value()) {
        if (m_json) {
            array.append(QJsonObject{{QStringLiteral("id"), job.id},
                                     {QStringLiteral("kind"), jobKindName(job.kind)},
                                     {QStringLiteral("state"), jobStateName(job.state)},
                                     {QStringLiteral("source"), job.sourceConnection},
                                     {QStringLiteral("destination"), job.destinationConnection},
                                     {QStringLiteral("itemsTotal"), job.itemsTotal},
                                     {QStringLiteral("itemsDone"), job.itemsDone},
                                     {QStringLiteral("itemsFailed"), job.itemsFailed}});
        } else {
            print(QStringLiteral("%1  %2  %3  %4/%5  %6 -> %7")
                      .arg(job.id)
                      .arg(jobKindName(job.kind), jobStateName(job.state))
                      .arg(job.itemsDone)
                      .arg(job.itemsTotal)
                      .arg(job.sourceConnection, job.destinationConnection));
        }
    }
    if (m_json)
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    done(Ok);
}

void TransferCommand::report(qint64 jobId, bool html)
{
    ReportExporter exporter(m_database);
    const Status written = m_json ? exporter.writeJson(jobId, m_out)
        : html                    ? exporter.writeHtml(jobId, m_out)
                                  : exporter.writeCsv(jobId, m_out);
    if (!written.ok()) {
        printError(written.error().toString());
        done(JobError);
        return;
    }
    done(Ok);
}

} // namespace trestle
