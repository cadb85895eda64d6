#pragma once

#include <QMainWindow>
#include <QUrl>

namespace trestle {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // demoUrl: the bundled sandbox's base URL when started by the demo, else empty.
    explicit MainWindow(const QUrl &demoUrl = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    QUrl m_demoUrl;
};

} // namespace trestle
