#include "ui/wizard/credentialspage.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/wizardpageids.h"
#include "ui/wizard/wizardstyle.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace trestle {

CredentialsPage::CredentialsPage(ConnectionSetup *setup, const QUrl &demoUrl, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_presets(DomainPresets::presets(demoUrl))
    , m_displayName(new QLineEdit(this))
    , m_default(new QRadioButton(tr("Use the &system default client credentials"), this))
    , m_custom(new QRadioButton(tr("Use &custom client credentials"), this))
    , m_customBox(new QWidget(this))
    , m_domain(new QComboBox(m_customBox))
    , m_customUrl(new QLineEdit(m_customBox))
    , m_customUrlLabel(new QLabel(tr("Domain &URL:"), m_customBox))
    , m_clientId(new QLineEdit(m_customBox))
    , m_clientSecret(new QLineEdit(m_customBox))
    , m_message(wizard::makeMessageLabel(QStringLiteral("credentialsMessage"), this))
{
    setObjectName(QStringLiteral("credentialsPage"));
    setTitle(tr("Connection"));
    setSubTitle(tr("How this connection is shown, and which Procore app signs in."));

    if (demoUrl.isValid() && !demoUrl.isEmpty())
        m_setup->settings().defaultApiBase = demoUrl;

    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setPlaceholderText(QStringLiteral("Procore"));
    m_displayName->setAccessibleName(tr("Display as"));
    m_displayName->setClearButtonEnabled(true);

    m_default->setObjectName(QStringLiteral("defaultCredentialsRadio"));
    m_default->setAccessibleName(tr("Use the system default client credentials"));
    m_custom->setObjectName(QStringLiteral("customCredentialsRadio"));
    m_custom->setAccessibleName(tr("Use custom client credentials"));
    m_default->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_default);
    group->addButton(m_custom);

    m_domain->setObjectName(QStringLiteral("domainCombo"));
    m_domain->setAccessibleName(tr("Domain"));
    for (const DomainPreset &preset : std::as_const(m_presets))
        m_domain->addItem(preset.label, preset.apiBase);
    m_domain->addItem(tr("Custom URL…"));
    m_domain->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_domain->setMinimumContentsLength(30);
    m_customUrl->setObjectName(QStringLiteral("customUrlEdit"));
    m_customUrl->setAccessibleName(tr("Domain URL"));
    m_customUrl->setPlaceholderText(QStringLiteral("https://api.procore.com/"));
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientSecret->setObjectName(QStringLiteral("clientSecretEdit"));
    m_clientSecret->setAccessibleName(tr("Client Secret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);

    auto *customForm = new QFormLayout(m_customBox);
    customForm->setContentsMargins(24, 0, 0, 0);
    auto *domainLabel = new QLabel(tr("&Domain:"), m_customBox);
    domainLabel->setBuddy(m_domain);
    customForm->addRow(domainLabel, m_domain);
    m_customUrlLabel->setBuddy(m_customUrl);
    customForm->addRow(m_customUrlLabel, m_customUrl);
    auto *idLabel = new QLabel(tr("Client &ID:"), m_customBox);
    idLabel->setBuddy(m_clientId);
    customForm->addRow(idLabel, m_clientId);
    auto *secretLabel = new QLabel(tr("Client S&ecret:"), m_customBox);
    secretLabel->setBuddy(m_clientSecret);
    customForm->addRow(secretLabel, m_clientSecret);

    auto *credentials = new QGroupBox(tr("Platform API credentials"), this);
    auto *credentialsLayout = new QVBoxLayout(credentials);
    credentialsLayout->addWidget(m_default);
    credentialsLayout->addWidget(m_custom);
    credentialsLayout->addWidget(m_customBox);

    auto *nameLabel = new QLabel(tr("Display &as:"), this);
    nameLabel->setBuddy(m_displayName);
    auto *nameForm = new QFormLayout;
    nameForm->addRow(nameLabel, m_displayName);
    nameForm->addRow(QString(),
                     wizard::makeHintLabel(tr("Leave empty for \"Procore\". Pick a name that tells your "
                                              "connections apart, such as the company or project."),
                                           this));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(nameForm);
    layout->addSpacing(8);
    layout->addWidget(credentials);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_custom, &QRadioButton::toggled, this, &CredentialsPage::updateVisibility);
    connect(m_domain, &QComboBox::currentIndexChanged, this, &CredentialsPage::updateVisibility);
    setTabOrder(m_displayName, m_default);
    setTabOrder(m_default, m_custom);
    setTabOrder(m_custom, m_domain);
    setTabOrder(m_domain, m_customUrl);
    setTabOrder(m_customUrl, m_clientId);
    setTabOrder(m_clientId, m_clientSecret);
    updateVisibility();
}

CredentialsPage::~CredentialsPage() = default;

void CredentialsPage::initializePage()
{
    const ConnectionSettings &settings = m_setup->settings();
    m_displayName->setText(settings.displayName);
    m_custom->setChecked(settings.customCredentials);
    m_default->setChecked(!settings.customCredentials);
    m_clientId->setText(settings.clientId);
    wizard::showMessage(m_message, wizard::Tone::Neutral, QString());
    m_displayName->setFocus();
}

void CredentialsPage::updateVisibility()
{
    m_customBox->setVisible(m_custom->isChecked());
    const bool customUrl = m_domain->currentIndex() == m_domain->count() - 1;
    m_customUrl->setVisible(customUrl);
    m_customUrlLabel->setVisible(customUrl);
}

QUrl CredentialsPage::chosenDomain() const
{
    if (m_domain->currentIndex() == m_domain->count() - 1)
        return QUrl::fromUserInput(m_customUrl->text().trimmed());
    return m_domain->currentData().toUrl();
}

int CredentialsPage::nextId() const
{
    return wizard::SignInPageId;
}

bool CredentialsPage::validatePage()
{
    ConnectionSettings &settings = m_setup->settings();
    settings.displayName = m_displayName->text().trimmed();
    settings.customCredentials = m_custom->isChecked();
    settings.apiBase = chosenDomain();
    settings.clientId = m_clientId->text().trimmed();
    settings.clientSecret = m_clientSecret->text();
    const Error error = m_setup->validateCredentials();
    wizard::showMessage(m_message, wizard::Tone::Error, error.message());
    return !error;
}

} // namespace trestle
