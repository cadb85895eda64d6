#pragma once

#include <QUrl>
#include <QWizard>

namespace trestle {

class ConnectionSetup;
class SignInPage;
class TestPage;

// The add-connection wizard (issue 6): Platform → Connection → Sign in → Company and project →
// Test → Done, or Platform → File share → Test → Done. In reconnect mode it starts at Sign in.
// The pages fill ConnectionSetup's settings; the setup does every network and storage step, and
// saves only when Done is pressed. Cancel (or closing the window) leaves nothing behind.
class ConnectionWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionWizard)

public:
    // `setup` becomes a child of the wizard. `demoUrl`: the demo sandbox's base URL (from
    // `trestle --demo <url>`), offered as the first Domain preset and used by the default
    // credentials; empty for a normal build.
    ConnectionWizard(ConnectionSetup *setup, const QUrl &demoUrl = {}, QWidget *parent = nullptr);
    ~ConnectionWizard() override;

    ConnectionSetup *setup() const { return m_setup; }
    SignInPage *signInPage() const { return m_signIn; }
    // The id of the saved profile after the wizard was accepted.
    QString savedProfileId() const { return m_savedId; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void connectionSaved(const QString &profileId);

private:
    ConnectionSetup *m_setup;
    SignInPage *m_signIn;
    TestPage *m_test;
    QString m_savedId;
    bool m_saving = false;
};

} // namespace trestle
