// The transfer verbs' options and each verb's --help (split from transfercommand.cpp, which runs
// them).
#include "core/transfer/transfercommandhelp.h"
#include "core/transfer/transfercommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

#include <algorithm>

namespace trestle {

namespace {

// Two columns, the second wrapped at 79 characters and indented under itself.
void appendColumns(QString &text, const QVector<QPair<QString, QString>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = std::max(width, int(row.first.size()));
    const int indent = 2 + width + 2;
    const int room = std::max(30, 79 - indent);
    for (const auto &row : rows) {
        QString line = QStringLiteral("  ") + row.first.leftJustified(width + 2);
        int used = 0;
        const QStringList words = row.second.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (used > 0 && used + 1 + word.size() > room) {
                text += line + QLatin1Char('\n');
                line = QString(indent, QLatin1Char(' '));
                used = 0;
            }
            if (used > 0) {
                line += QLatin1Char(' ');
                ++used;
            }
            line += word;
            used += int(word.size());
        }
        text += line + QLatin1Char('\n');
    }
}

} // namespace

const std::vector<TransferVerbOption> &transferVerbOptions()
{
    static const char *const kRunning = " copy sync migrate ";
    static const char *const kPlanning = " analyze copy sync migrate ";
    static const std::vector<TransferVerbOption> options = {
        {"dry-run", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Plan only: show what the job would do."),
         nullptr, kRunning},
        {"json", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Print results as JSON."), nullptr,
         " analyze copy sync migrate jobs resume retry report connections projects "},
        {"html", QT_TRANSLATE_NOOP("trestle::TransferCommand", "report: HTML instead of CSV."), nullptr,
         " report "},
        {"conflicts",
         QT_TRANSLATE_NOOP("trestle::TransferCommand",
                           "newer-wins, source-wins, keep-both, skip, ask, new-version"),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "policy"), kRunning},
        {"deletes", QT_TRANSLATE_NOOP("trestle::TransferCommand", "keep or delete (sync)"),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "policy"), " sync "},
        {"names", QT_TRANSLATE_NOOP("trestle::TransferCommand", "report or map"),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "policy"), kPlanning},
        {"include", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Copy only files matching the glob."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "glob"), kPlanning},
        {"exclude",
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "Leave out files and folders matching the glob."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "glob"), kPlanning},
        {"types", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Copy only these file types."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "extension"), kPlanning},
        {"min-size", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Smallest file size."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "bytes"), kPlanning},
        {"max-size", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Largest file size."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "bytes"), kPlanning},
        {"since", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Only files modified since."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "ISO date"), kPlanning},
        {"concurrency", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Worker threads."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "n"), kRunning},
        {"direction", QT_TRANSLATE_NOOP("trestle::TransferCommand", "sync: one-way or two-way"),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "direction"), " sync "},
        {"bwlimit",
         QT_TRANSLATE_NOOP("trestle::TransferCommand",
                           "Bandwidth cap for the job (bytes/s; k, M, G suffixes; 0 = none)."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "rate"), kRunning},
        {"delete-source",
         QT_TRANSLATE_NOOP("trestle::TransferCommand",
                           "migrate: delete each source file once its copy is verified."),
         nullptr, " migrate "},
        {"versions",
         QT_TRANSLATE_NOOP("trestle::TransferCommand",
                           "migrate: all (each file's history, oldest first) or latest"),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "which"), " migrate "},
        {"every", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Run the job again every N hours."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "hours"), kRunning},
        {"at", QT_TRANSLATE_NOOP("trestle::TransferCommand", "Run the job again daily at this time."),
         QT_TRANSLATE_NOOP("trestle::TransferCommand", "HH:MM"), kRunning},
    };
    return options;
}

bool TransferCommand::wantsHelp(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"));
}

QString TransferCommand::helpText(const QString &verb)
{
    // Each verb: what follows it on the command line, and what it does.
    struct Verb
    {
        const char *name;
        const char *arguments;
        const char *summary;
    };
    static const Verb verbs[] = {
        {"analyze", "<source>",
         QT_TR_NOOP("Scan <source> and measure it against Procore's rules: files, folders, size, names "
                    "Procore would reject and the API calls a copy would take. Nothing is written.")},
        {"copy", "<source> <destination>",
         QT_TR_NOOP("Copy the files and folders of <source> into <destination>. Files that exist on both "
                    "sides are handled by --conflicts.")},
        {"sync", "<source> <destination>",
         QT_TR_NOOP("Make <destination> match <source>: new and changed files are copied; with --deletes "
                    "delete, files gone from <source> are deleted; --direction two-way syncs both ways.")},
        {"migrate", "<source> <destination>",
         QT_TR_NOOP("Copy <source> into <destination>, then verify every copied file; with --delete-source "
                    "each source file is deleted once its copy is verified.")},
        {"jobs", "",
         QT_TR_NOOP("List the jobs in the journal: id, kind, state, items done, source and destination.")},
        {"resume", "<job-id>", QT_TR_NOOP("Run the remaining items of a job (also after a crash).")},
        {"retry", "<job-id>", QT_TR_NOOP("Run the failed items of a job again.")},
        {"report", "<job-id>",
         QT_TR_NOOP("Write the items of a job to the standard output as CSV (or HTML).")},
        {"connections", "", QT_TR_NOOP("List the saved connections: name, kind, project or folder, and id.")},
        {"projects", "<connection>",
         QT_TR_NOOP("List the Procore projects the account of a saved Procore connection can see.")},
    };
    const Verb *found = nullptr;
    for (const Verb &candidate : verbs) {
        if (verb == QLatin1String(candidate.name))
            found = &candidate;
    }
    if (!found) {
        QStringList names;
        for (const Verb &candidate : verbs)
            names.append(QString::fromLatin1(candidate.name));
        return tr("Commands: %1. Write trestle <command> --help for a command's options.")
                   .arg(names.join(QStringLiteral(", ")))
            + QLatin1Char('\n');
    }

    const QString name = QString::fromLatin1(found->name);
    QString usage = QStringLiteral("trestle %1 [%2]").arg(name, tr("options"));
    if (found->arguments[0] != '\0')
        usage += QLatin1Char(' ') + QString::fromLatin1(found->arguments);
    QString text = tr("Usage: %1").arg(usage) + QLatin1Char('\n');
    QString summary;
    appendColumns(summary, {{QString(), tr(found->summary)}});
    // The summary is wrapped like an option's description, then moved to the left margin.
    for (const QString &line : summary.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        text += line.trimmed() + QLatin1Char('\n');

    QVector<QPair<QString, QString>> rows;
    const QString needle = QLatin1Char(' ') + name + QLatin1Char(' ');
    for (const TransferVerbOption &option : transferVerbOptions()) {
        if (!QString::fromLatin1(option.verbs).contains(needle))
            continue;
        QString flag = QStringLiteral("--") + QString::fromLatin1(option.name);
        if (option.valueName)
            flag += QStringLiteral(" <%1>").arg(tr(option.valueName));
        rows.append({flag, tr(option.description)});
    }
    rows.append({QStringLiteral("-h, --help"), tr("Show this help.")});
    text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n');
    appendColumns(text, rows);
    return text;
}

} // namespace trestle
