#include "core/common/logfile.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QUrl>

#include <cstdio>
#include <memory>

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

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (wantsNoGui(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRESTLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Move construction project files between Procore and file shares."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Offer the bundled Procore sandbox at <url> as a connection domain."),
        QStringLiteral("url"));
    parser.addOption(demoOption);
    parser.process(app);

    trestle::LogFile::install();

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

    // The resources live in the static trestle_ui library; the linker drops them unless asked.
    Q_INIT_RESOURCE(resources);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trestle.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trestle.Trestle"));
    trestle::MainWindow window(demoUrl);
    window.show();
    return app.exec();
}
