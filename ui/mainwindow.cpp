#include "ui/mainwindow.h"

#include <QLabel>

namespace trestle {

MainWindow::MainWindow(const QUrl &demoUrl, QWidget *parent) : QMainWindow(parent), m_demoUrl(demoUrl)
{
    setWindowTitle(tr("Trestle"));
    setCentralWidget(new QLabel(tr("Trestle"), this));
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

} // namespace trestle
