#include "ui/mainwindow.h"

#include <QLabel>

namespace trestle {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Trestle"));
    setCentralWidget(new QLabel(tr("Trestle"), this));
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

} // namespace trestle
