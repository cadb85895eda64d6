#include "ui/wizard/connectionwizard.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/credentialspage.h"
#include "ui/wizard/platformpage.h"
#include "ui/wizard/projectpage.h"
#include "ui/wizard/sharepage.h"
#include "ui/wizard/signinpage.h"
#include "ui/wizard/testpage.h"
#include "ui/wizard/wizardpageids.h"

#include <QAbstractButton>

namespace trestle {

ConnectionWizard::ConnectionWizard(ConnectionSetup *setup, const QUrl &demoUrl, QWidget *parent)
    : QWizard(parent)
    , m_setup(setup)
    , m_signIn(new SignInPage(setup, this))
    , m_test(new TestPage(setup, this))
{
    setObjectName(QStringLiteral("connectionWizard"));
    m_setup->setParent(this);
    const bool reconnect = m_setup->existingProfile().has_value();
    setWindowTitle(reconnect ? tr("Reconnect %1").arg(m_setup->existingProfile()->displayName)
                             : tr("Add connection"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Done"));
    setMinimumSize(640, 560);
    resize(760, 680);

    setPage(wizard::PlatformPageId, new PlatformPage(setup, this));
    setPage(wizard::CredentialsPageId, new CredentialsPage(setup, demoUrl, this));
    setPage(wizard::SharePageId, new SharePage(setup, this));
    setPage(wizard::SignInPageId, m_signIn);
    setPage(wizard::ProjectPageId, new ProjectPage(setup, this));
    setPage(wizard::TestPageId, m_test);
    setStartId(reconnect ? wizard::SignInPageId : wizard::PlatformPageId);

    // A successful sign-in moves on by itself: there is nothing left to do on that page.
    connect(m_signIn, &SignInPage::signedIn, this, [this] {
        if (currentId() == wizard::SignInPageId)
            next();
    });
    const QList<QWizard::WizardButton> buttons{QWizard::BackButton, QWizard::NextButton,
                                               QWizard::FinishButton, QWizard::CancelButton};
    for (QWizard::WizardButton which : buttons) {
        if (QAbstractButton *b = button(which))
            b->setAccessibleName(
                b->text().remove(QLatin1Char('&')).remove(QStringLiteral(" >")).remove(QStringLiteral("< ")));
    }
    connect(m_setup, &ConnectionSetup::saveFinished, this, [this](const Result<ConnectionProfile> &result) {
        if (!m_saving)
            return;
        m_saving = false;
        button(QWizard::CancelButton)->setEnabled(true);
        button(QWizard::BackButton)->setEnabled(true);
        if (!result.ok()) {
            m_test->showSaving(false, result.error().message());
            return;
        }
        m_test->showSaving(false);
        m_savedId = result.value().id;
        Q_EMIT connectionSaved(m_savedId);
        QWizard::accept();
    });
}

ConnectionWizard::~ConnectionWizard() = default;

void ConnectionWizard::accept()
{
    // Done: save first, close when it is stored (asynchronously: the keychain may take a moment).
    if (m_saving || !m_setup->lastTestOk())
        return;
    m_saving = true;
    button(QWizard::CancelButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    m_test->showSaving(true);
    m_setup->save();
}

void ConnectionWizard::reject()
{
    if (m_saving)
        return; // Cancel is disabled while saving; Escape must not race the save either.
    m_setup->cancel();
    QWizard::reject();
}

} // namespace trestle
