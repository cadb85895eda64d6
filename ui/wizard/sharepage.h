#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace trestle {

class ConnectionSetup;

// The "File share" branch: a folder and a display name.
class SharePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharePage)

public:
    explicit SharePage(ConnectionSetup *setup, QWidget *parent = nullptr);
    ~SharePage() override;

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void browse();

    ConnectionSetup *m_setup;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLineEdit *m_displayName;
};

} // namespace trestle
