#pragma once

#include "core/services/connectionsettings.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QWidget;

namespace trestle {

class ConnectionSetup;

// Page 2 ("Connection"): the display name and which OAuth application signs in: Trestle's
// built-in one, or the user's own (Domain, Client ID, Client Secret).
class CredentialsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsPage)

public:
    CredentialsPage(ConnectionSetup *setup, const QUrl &demoUrl, QWidget *parent = nullptr);
    ~CredentialsPage() override;

    int nextId() const override;
    bool validatePage() override;
    void initializePage() override;

private:
    void updateVisibility();
    QUrl chosenDomain() const;

    ConnectionSetup *m_setup;
    QList<DomainPreset> m_presets;
    QLineEdit *m_displayName;
    QRadioButton *m_default;
    QRadioButton *m_custom;
    QWidget *m_customBox;
    QComboBox *m_domain;
    QLineEdit *m_customUrl;
    QLabel *m_customUrlLabel;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLabel *m_message;
};

} // namespace trestle
