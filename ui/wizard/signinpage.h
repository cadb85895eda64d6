#pragma once

#include "ui/wizard/redirectcatchingpage.h"

#include <QPointer>
#include <QWebEngineView>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QVBoxLayout;
class QWebEngineLoadingInfo;
class QWebEngineProfile;

namespace trestle {

class ConnectionSetup;

// Page 3: sign in with a Procore user in an embedded browser, or as a service account.
//
// The browser is created only when the page is shown and destroyed when it is left, with an
// off-the-record profile (no storage name), so no cookie or cache outlives the wizard. The user
// types the password into Procore's own page; the page catches the redirect and hands it to
// ConnectionSetup, which checks the state and exchanges the code. Trestle never sees the password.
class SignInPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInPage)

public:
    explicit SignInPage(ConnectionSetup *setup, QWidget *parent = nullptr);
    ~SignInPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override;

    // The embedded browser while it exists (tests drive the real login page through it).
    QWebEngineView *browser() const { return m_view; }

Q_SIGNALS:
    void signedIn();

private:
    void updateMode();
    void applyMode(bool pageShown);
    void startBrowser();
    void destroyBrowser();
    void loadSignInPage();
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void onRedirect(const QUrl &url);
    void signInServiceAccount();
    void onSignInFinished(bool ok, const QString &message);
    bool serviceFieldsFilled() const;

    ConnectionSetup *m_setup;
    QRadioButton *m_userMode;
    QRadioButton *m_serviceMode;
    QStackedWidget *m_stack;
    QWidget *m_browserHost;
    QVBoxLayout *m_browserLayout;
    QLineEdit *m_serviceClientId;
    QLineEdit *m_serviceSecret;
    QLineEdit *m_serviceCompany;
    QPushButton *m_serviceSignIn;
    QLabel *m_message;
    QWebEngineProfile *m_profile = nullptr;
    QPointer<RedirectCatchingPage> m_page;
    QPointer<QWebEngineView> m_view;
    bool m_busy = false;
};

} // namespace trestle
