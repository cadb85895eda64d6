#include "ui/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRESTLE_VERSION));
    trestle::MainWindow window;
    window.show();
    return app.exec();
}
