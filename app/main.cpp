#include "core/common/logfile.h"
#include "core/common/memorytuning.h"
#include "core/common/privatefiles.h"
#include "core/common/processhardening.h"
#include "core/common/translations.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/jobs/jobqueue.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionscommand.h"
#include "core/services/connectionstores.h"
#include "core/services/demosetup.h"
#include "core/services/ratelimitmeters.h"
#include "core/transfer/transfercommand.h"
#include "ui/mainwindow.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QMessageBox>
#include <QUrl>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace {

// --help and --version must work without a display (CI, ssh, the .deb smoke test), so they get a
// QCoreApplication; everything else opens the window.
bool wantsNoGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// The value of --demo <url> or --demo=<url>, read before the real parser exists (see main()).
QString demoUrlArgument(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--demo") || arg == QLatin1String("-demo"))
            return arguments.value(i + 1);
        if (arg.startsWith(QLatin1String("--demo=")))
            return arg.mid(7);
    }
    return QString();
}

bool isTransferVerb(const char *arg)
{
    static const char *const verbs[] = {"analyze", "copy",  "sync",   "migrate",     "jobs",
                                        "resume",  "retry", "report", "connections", "projects"};
    for (const char *verb : verbs) {
        if (qstrcmp(arg, verb) == 0)
            return true;
    }
    return false;
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRESTLE_VERSION));
}

// `trestle <verb> …`: the same engine without widgets, for scheduled and unattended runs.
int runTransferCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    trestle::PrivateFiles::protectSettings();
    trestle::LogFile::install();
    // The command line speaks the language the window was set to (or the system's).
    trestle::installTranslations(trestle::AppSettings::load().language);
    // Help needs neither the database nor the keychain, and every verb (the connection verbs too)
    // answers it the same way.
    if (trestle::TransferCommand::wantsHelp(app.arguments())) {
        const QByteArray help = trestle::TransferCommand::helpText(app.arguments().value(1)).toUtf8();
        fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return trestle::TransferCommand::Ok;
    }
    trestle::Database database;
    if (const trestle::Status opened = database.open(); !opened.ok()) {
        fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return trestle::TransferCommand::JobError;
    }
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    // Saved connections (Procore projects, file shares) as the window keeps them; tokens from the
    // keychain, the API budget shared per client application.
    trestle::ProfileRepository profiles(database);
    trestle::SecretStore secrets;
    trestle::RateLimitMeters meters;
    const trestle::ConnectionServices services{&profiles, &secrets, &meters};
    trestle::ConnectionStores stores(services);
    if (trestle::ConnectionsCommand::handles(app.arguments().value(1))) {
        trestle::ConnectionsCommand command(services, &stores, &out, &err);
        QObject::connect(&command, &trestle::ConnectionsCommand::finished, &app, &QCoreApplication::exit);
        command.start(app.arguments());
        return app.exec();
    }
    trestle::TransferCommand command(database, &out, &err);
    command.setResolver(&stores);
    command.setProgressLine(isatty(STDERR_FILENO));
    QObject::connect(&command, &trestle::TransferCommand::finished, &app, &QCoreApplication::exit);
    command.start(app.arguments());
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any token is in memory: a core file must not carry one.
    trestle::ProcessHardening::keepSecretsOutOfCoreDumps();
    // Before any thread or allocation of note: the allocator's settings hold for the whole process.
    trestle::MemoryTuning::apply();
    if (argc > 1 && isTransferVerb(argv[1]))
        return runTransferCommand(argc, argv);

    // WebEngine (the Sign in with Procore page) asks for a shared GL context before the app exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    std::unique_ptr<QCoreApplication> application;
    if (wantsNoGui(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    setApplicationNames();

    // The demo keeps its connections, journal, logs and settings apart from the real ones, so
    // --demo must be known before the settings (and with them the language) are read; and the
    // language must be installed before the parser below builds its (translated) help.
    if (!demoUrlArgument(app.arguments()).isEmpty())
        QCoreApplication::setApplicationName(QStringLiteral("Trestle Demo"));
    trestle::PrivateFiles::protectSettings();
    const trestle::AppSettings settings = trestle::AppSettings::load();
    trestle::installTranslations(settings.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Move construction project files between Procore and file shares.\n\n"
        "Without a command, opens the window. Commands (trestle <command> --help for each):\n"
        "  analyze, copy, sync, migrate, jobs, resume, retry, report, connections, projects"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Offer the bundled Procore sandbox at <url> as a connection domain."),
        QStringLiteral("url"));
    parser.addOption(demoOption);
    const QCommandLineOption demoShareOption(
        QStringLiteral("demo-share"),
        QCoreApplication::translate("main", "Add the folder <dir> as the \"Demo share\" connection (once)."),
        QStringLiteral("dir"));
    parser.addOption(demoShareOption);
    parser.process(app);

    QUrl demoUrl;
    if (parser.isSet(demoOption)) {
        demoUrl = QUrl(parser.value(demoOption));
        if (!demoUrl.isValid() || demoUrl.scheme().isEmpty()) {
            fprintf(stderr, "%s\n",
                    qPrintable(
                        QCoreApplication::translate("main", "Not a URL: %1").arg(parser.value(demoOption))));
            return 2;
        }
    }

    trestle::LogFile::install();

    // The theme before the first widget (from the demo's or the real settings, like the language).
    trestle::Theme theme;
    theme.apply(settings.theme);

    // The resources live in the static trestle_ui library; the linker drops them unless asked.
    Q_INIT_RESOURCE(resources);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trestle.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trestle.Trestle"));
    // The engine's parts, wired once here (DESIGN.md: app/ is wiring only).
    trestle::Database database;
    if (const trestle::Status opened = database.open(); !opened.ok()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Trestle"),
                              QCoreApplication::translate("main", "Trestle cannot open its database: %1")
                                  .arg(opened.error().toString()));
        return 1;
    }
    trestle::ProfileRepository profiles(database);
    if (parser.isSet(demoShareOption)) {
        if (const trestle::Status added = trestle::ensureDemoShare(profiles, parser.value(demoShareOption));
            !added.ok())
            fprintf(stderr, "%s\n", qPrintable(added.error().toString()));
    }
    trestle::SecretStore secrets;
    trestle::RateLimitMeters meters;
    trestle::ConnectionManager connections({&profiles, &secrets, &meters});
    trestle::ConnectionStores stores({&profiles, &secrets, &meters});
    trestle::JobQueue queue(database, stores);

    trestle::MainWindow window({&connections, &stores, &queue, &theme}, demoUrl);
    // After the window exists, so the queue panel shows the restored jobs as they are added.
    queue.restore();
    window.show();
    return app.exec();
}
