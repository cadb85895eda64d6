#pragma once

#include <QWizardPage>

class QRadioButton;

namespace trestle {

class ConnectionSetup;

// Page 1: Procore or a file share.
class PlatformPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformPage)

public:
    explicit PlatformPage(ConnectionSetup *setup, QWidget *parent = nullptr);
    ~PlatformPage() override;

    int nextId() const override;
    bool validatePage() override;

private:
    ConnectionSetup *m_setup;
    QRadioButton *m_procore;
    QRadioButton *m_share;
};

} // namespace trestle
