#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace trestle {

class ConnectionSetup;

// Page 5: tests the connection (lists the project's Documents root, or reads the share's folder)
// and shows a green "Connection test succeeded" or one specific, actionable sentence. Done saves.
class TestPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestPage)

public:
    explicit TestPage(ConnectionSetup *setup, QWidget *parent = nullptr);
    ~TestPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    // Shown while the wizard saves (Done was pressed).
    void showSaving(bool saving, const QString &error = {});

private:
    void runTest();

    ConnectionSetup *m_setup;
    QLabel *m_summary;
    QLabel *m_message;
    QPushButton *m_retry;
    bool m_running = false;
    bool m_saving = false;
};

} // namespace trestle
