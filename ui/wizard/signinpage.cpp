#include "ui/wizard/signinpage.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/redirectcatchingpage.h"
#include "ui/wizard/wizardpageids.h"
#include "ui/wizard/wizardstyle.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QWizard>

namespace trestle {

namespace {
enum StackIndex { BrowserIndex, ServiceIndex };
}

SignInPage::SignInPage(ConnectionSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_userMode(new QRadioButton(tr("Sign in with a Procore &user"), this))
    , m_serviceMode(new QRadioButton(tr("Use a ser&vice account (for unattended scheduled jobs)"), this))
    , m_stack(new QStackedWidget(this))
    , m_browserHost(new QWidget(m_stack))
    , m_browserLayout(new QVBoxLayout(m_browserHost))
    , m_serviceClientId(new QLineEdit)
    , m_serviceSecret(new QLineEdit)
    , m_serviceCompany(new QLineEdit)
    , m_serviceSignIn(new QPushButton(tr("&Sign in")))
    , m_message(wizard::makeMessageLabel(QStringLiteral("signInMessage"), this))
{
    setObjectName(QStringLiteral("signInPage"));
    setTitle(tr("Sign in with Procore"));
    setSubTitle(tr("Your password goes to Procore's own page only; Trestle never sees or stores it."));
    setCommitPage(false);

    m_userMode->setObjectName(QStringLiteral("userModeRadio"));
    m_userMode->setAccessibleName(tr("Sign in with a Procore user"));
    m_serviceMode->setObjectName(QStringLiteral("serviceModeRadio"));
    m_serviceMode->setAccessibleName(tr("Use a service account"));
    m_userMode->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_userMode);
    group->addButton(m_serviceMode);

    m_browserLayout->setContentsMargins(0, 0, 0, 0);
    m_browserHost->setObjectName(QStringLiteral("browserHost"));
    m_stack->addWidget(m_browserHost);

    auto *service = new QWidget(m_stack);
    service->setObjectName(QStringLiteral("servicePanel"));
    m_serviceClientId->setParent(service);
    m_serviceClientId->setObjectName(QStringLiteral("serviceClientIdEdit"));
    m_serviceClientId->setAccessibleName(tr("Service account client ID"));
    m_serviceSecret->setParent(service);
    m_serviceSecret->setObjectName(QStringLiteral("serviceSecretEdit"));
    m_serviceSecret->setAccessibleName(tr("Service account client secret"));
    m_serviceSecret->setEchoMode(QLineEdit::Password);
    m_serviceCompany->setParent(service);
    m_serviceCompany->setObjectName(QStringLiteral("serviceCompanyEdit"));
    m_serviceCompany->setAccessibleName(tr("Company ID"));
    m_serviceCompany->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_serviceCompany));
    m_serviceSignIn->setParent(service);
    m_serviceSignIn->setObjectName(QStringLiteral("serviceSignInButton"));
    m_serviceSignIn->setAccessibleName(tr("Sign in with the service account"));
    m_serviceSignIn->setEnabled(false);

    auto *form = new QFormLayout(service);
    form->setContentsMargins(24, 8, 0, 0);
    auto *idLabel = new QLabel(tr("Client &ID:"), service);
    idLabel->setBuddy(m_serviceClientId);
    form->addRow(idLabel, m_serviceClientId);
    auto *secretLabel = new QLabel(tr("Client s&ecret:"), service);
    secretLabel->setBuddy(m_serviceSecret);
    form->addRow(secretLabel, m_serviceSecret);
    auto *companyLabel = new QLabel(tr("Co&mpany ID:"), service);
    companyLabel->setBuddy(m_serviceCompany);
    form->addRow(companyLabel, m_serviceCompany);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_serviceSignIn);
    buttonRow->addStretch();
    form->addRow(QString(), buttonRow);
    form->addRow(QString(),
                 wizard::makeHintLabel(tr("Give the service account a name that says it is Trestle "
                                          "(for example \"Trestle – scheduled sync\"), so Procore "
                                          "admins can tell what it does in the logs."),
                                       service));
    m_stack->addWidget(service);

    auto *modes = new QHBoxLayout;
    modes->addWidget(m_userMode);
    modes->addWidget(m_serviceMode);
    modes->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modes);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_serviceMode, &QRadioButton::toggled, this, &SignInPage::updateMode);
    connect(m_serviceSignIn, &QPushButton::clicked, this, &SignInPage::signInServiceAccount);
    for (QLineEdit *edit : {m_serviceClientId, m_serviceSecret, m_serviceCompany}) {
        connect(edit, &QLineEdit::textChanged, this,
                [this] { m_serviceSignIn->setEnabled(!m_busy && serviceFieldsFilled()); });
        // Enter in a field signs in (the wizard's Next stays disabled until then).
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_serviceSignIn->isEnabled())
                signInServiceAccount();
        });
    }
    connect(m_setup, &ConnectionSetup::signInFinished, this, [this](const Status &status) {
        onSignInFinished(status.ok(), status.ok() ? QString() : status.error().message());
    });
    setTabOrder(m_userMode, m_serviceMode);
    setTabOrder(m_serviceMode, m_serviceClientId);
    setTabOrder(m_serviceClientId, m_serviceSecret);
    setTabOrder(m_serviceSecret, m_serviceCompany);
    setTabOrder(m_serviceCompany, m_serviceSignIn);
}

SignInPage::~SignInPage()
{
    destroyBrowser();
}

bool SignInPage::serviceFieldsFilled() const
{
    return !m_serviceClientId->text().trimmed().isEmpty() && !m_serviceSecret->text().isEmpty()
        && !m_serviceCompany->text().isEmpty();
}

void SignInPage::initializePage()
{
    const ConnectionSettings &settings = m_setup->settings();
    const bool service = settings.isServiceAccount();
    m_serviceMode->setChecked(service);
    m_userMode->setChecked(!service);
    if (service) {
        m_serviceClientId->setText(settings.serviceClientId);
        if (settings.serviceCompanyId > 0)
            m_serviceCompany->setText(QString::number(settings.serviceCompanyId));
    }
    wizard::showMessage(m_message, wizard::Tone::Neutral, QString());
    applyMode(true);
}

void SignInPage::cleanupPage()
{
    destroyBrowser();
}

int SignInPage::nextId() const
{
    return wizard::ProjectPageId;
}

bool SignInPage::isComplete() const
{
    return !m_busy && m_setup->isSignedIn();
}

void SignInPage::updateMode()
{
    applyMode(isVisible());
}

void SignInPage::applyMode(bool pageShown)
{
    const bool service = m_serviceMode->isChecked();
    m_stack->setCurrentIndex(service ? ServiceIndex : BrowserIndex);
    if (service) {
        destroyBrowser();
        m_serviceClientId->setFocus();
    } else if (!m_view && pageShown) {
        startBrowser();
    }
}

void SignInPage::startBrowser()
{
    // Off the record: a profile without a storage name keeps cookies in memory only.
    m_profile = new QWebEngineProfile(this);
    m_view = new QWebEngineView(m_browserHost);
    m_view->setObjectName(QStringLiteral("signInBrowser"));
    m_view->setAccessibleName(tr("Procore sign-in page"));
    m_view->setMinimumSize(360, 300);
    m_page = new RedirectCatchingPage(
        m_profile, [this](const QUrl &url) { return m_setup->isRedirect(url); }, m_view);
    m_view->setPage(m_page);
    connect(m_page, &RedirectCatchingPage::redirectCaught, this, &SignInPage::onRedirect);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &SignInPage::onLoadingChanged);
    m_browserLayout->addWidget(m_view);
    loadSignInPage();
}

void SignInPage::loadSignInPage()
{
    const QUrl url = m_setup->beginSignIn();
    if (url.isEmpty()) {
        wizard::showMessage(m_message, wizard::Tone::Error, m_setup->validateCredentials().message());
        return;
    }
    m_page->rearm();
    m_view->load(url);
    m_view->setFocus();
}

void SignInPage::destroyBrowser()
{
    // The page must go before its profile (WebEngine warns and leaks otherwise).
    delete m_view; // owns m_page
    delete m_profile;
    m_profile = nullptr;
}

void SignInPage::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadFailedStatus || m_busy)
        return;
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain && info.errorCode() >= 400
        && info.errorCode() < 500) {
        wizard::showMessage(m_message, wizard::Tone::Error,
                            m_setup->authorizePageError(info.errorCode()).message());
    } else if (info.errorDomain() != QWebEngineLoadingInfo::HttpStatusCodeDomain
               && info.errorDomain() != QWebEngineLoadingInfo::NoErrorDomain
               && !m_setup->isRedirect(info.url())) {
        wizard::showMessage(
            m_message, wizard::Tone::Error,
            tr("The sign-in page could not be loaded (%1). Check the network connection and the "
               "Domain, then go Back and Next to try again.")
                .arg(info.errorString()));
    }
}

void SignInPage::onRedirect(const QUrl &url)
{
    m_busy = true;
    wizard::showMessage(m_message, wizard::Tone::Busy, tr("Signing in…"));
    Q_EMIT completeChanged();
    m_setup->completeSignIn(url);
}

void SignInPage::signInServiceAccount()
{
    ConnectionSettings &settings = m_setup->settings();
    settings.serviceClientId = m_serviceClientId->text().trimmed();
    settings.serviceClientSecret = m_serviceSecret->text();
    settings.serviceCompanyId = m_serviceCompany->text().toLongLong();
    m_busy = true;
    m_serviceSignIn->setEnabled(false);
    wizard::showMessage(m_message, wizard::Tone::Busy, tr("Signing in…"));
    Q_EMIT completeChanged();
    m_setup->signInServiceAccount();
}

void SignInPage::onSignInFinished(bool ok, const QString &message)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_serviceSignIn->setEnabled(serviceFieldsFilled());
    if (!ok) {
        wizard::showMessage(m_message, wizard::Tone::Error, message);
        // A fresh sign-in page (new state) so the user can try again right here.
        if (m_view && !m_serviceMode->isChecked())
            loadSignInPage();
        Q_EMIT completeChanged();
        return;
    }
    wizard::showMessage(m_message, wizard::Tone::Success, tr("Signed in as %1.").arg(m_setup->accountName()));
    Q_EMIT completeChanged();
    Q_EMIT signedIn();
}

} // namespace trestle
