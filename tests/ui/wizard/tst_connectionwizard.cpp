#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/connectionsetup.h"
#include "core/services/ratelimitmeters.h"
#include "ui/connections/connectionmanagerdialog.h"
#include "ui/wizard/connectionwizard.h"
#include "ui/wizard/signinpage.h"
#include "ui/wizard/wizardpageids.h"

#include "sandboxprocess.h"
#include "testoutput.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <memory>
#include <optional>

using namespace trestle;

namespace {

constexpr int kWaitMs = 30000;
const QString kDemoLogin = QStringLiteral("demo@trestle.test");
const QString kDemoPassword = QStringLiteral("trestle-demo");

// The longest gap between ticks of a 2 ms timer: how long the GUI thread was busy at a stretch.
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this,
                         [this] { m_longest = qMax(m_longest, m_clock.restart()); });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_longest;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

// WebEngine wants shared OpenGL contexts before the QApplication exists (QTEST_MAIN creates it).
[[maybe_unused]] const bool kShareContexts = [] {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return true;
}();

QString scaleSuffix()
{
    const QByteArray scale = qgetenv("QT_SCALE_FACTOR");
    return scale.isEmpty() || scale == "1" ? QStringLiteral("100")
                                           : QString::number(int(scale.toDouble() * 100));
}

} // namespace

class TestConnectionWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void userSignInEndToEnd();
    void accessibleNamesAndTabOrder();
    void customCredentialsWrongSecret();
    void serviceAccountPath();
    void fileShare();
    void cancelAtEveryPageLeavesNothing();
    void managerTestReconnectDelete();

private:
    ConnectionServices services() const { return {m_profiles.get(), m_secrets.get(), m_meters.get()}; }
    ConnectionWizard *openWizard(ConnectionSetup *setup = nullptr);
    void grab(QWidget *widget, const QString &name);
    QVariant runJs(QWebEngineView *view, const QString &script);
    bool waitForJs(QWebEngineView *view, const QString &script, int timeoutMs = kWaitMs);
    void clickNext(ConnectionWizard *wizard);
    // Clicks on the radio button's label (a click in the empty part of a wide button is no click).
    void clickRadio(ConnectionWizard *wizard, const char *name);
    // From the Platform page to the Sign in page with the default (demo) credentials.
    void goToSignIn(ConnectionWizard *wizard);
    // Types into the real login page: the login with key events, the password through the DOM.
    void signInInBrowser(ConnectionWizard *wizard, const QString &login, const QString &password);
    void pickProject(ConnectionWizard *wizard);
    void waitForTestSuccess(ConnectionWizard *wizard);
    int profileCount() const { return int(m_profiles->profiles().value().size()); }
    Result<QString> readSecret(const QString &id, SecretKind kind);
    static QString statusText(ConnectionWizard *wizard, const char *labelName);

    testing::SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ProfileRepository> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RateLimitMeters> m_meters;
    std::unique_ptr<ConnectionManager> m_manager;
    qint64 m_companyId = 0;
    QElapsedTimer m_clock;
};

void TestConnectionWizard::initTestCase()
{
    QVERIFY2(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo")}),
             qPrintable(m_sandbox.errorString()));
    QVERIFY(m_dir.isValid());
    m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle.sqlite")));
    QVERIFY(m_db->open().ok());
    m_profiles = std::make_unique<ProfileRepository>(*m_db);
    m_secrets = std::make_unique<SecretStore>();
    m_meters = std::make_unique<RateLimitMeters>();
    m_manager = std::make_unique<ConnectionManager>(services());
}

void TestConnectionWizard::cleanupTestCase()
{
    m_manager.reset();
    m_meters.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_db.reset();
}

void TestConnectionWizard::init()
{
    m_clock.start();
}

void TestConnectionWizard::cleanup()
{
    // A failed test must not leave its wizard behind for the next one.
    // (Collected first: deleting one window deletes the popups it owns, which are top-levels too.)
    QList<QPointer<ConnectionWizard>> wizards;
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (auto *wizard = qobject_cast<ConnectionWizard *>(window))
            wizards.append(wizard);
    }
    for (const QPointer<ConnectionWizard> &wizard : std::as_const(wizards))
        delete wizard.data();
    qInfo("took %lld ms", m_clock.elapsed());
}

void TestConnectionWizard::clickRadio(ConnectionWizard *wizard, const char *name)
{
    auto *radio = wizard->findChild<QRadioButton *>(QLatin1String(name));
    QVERIFY2(radio && radio->isVisible(), name);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    QVERIFY2(radio->isChecked(), name);
}

ConnectionWizard *TestConnectionWizard::openWizard(ConnectionSetup *setup)
{
    auto *wizard = new ConnectionWizard(setup ? setup : m_manager->newSetup(nullptr), m_sandbox.baseUrl());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard))
        qWarning("wizard not exposed");
    // No window manager under Xvfb: make the wizard the active window by hand, so keys reach it.
    wizard->activateWindow();
    QApplication::setActiveWindow(wizard);
    if (!QTest::qWaitForWindowActive(wizard))
        qWarning("wizard not active");
    return wizard;
}

void TestConnectionWizard::grab(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QString path = QStringLiteral("%1/%2@%3.png").arg(testing::testOutputDir(), name, scaleSuffix());
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

QVariant TestConnectionWizard::runJs(QWebEngineView *view, const QString &script)
{
    auto result = std::make_shared<std::optional<QVariant>>();
    view->page()->runJavaScript(script, [result](const QVariant &value) { *result = value; });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, 10000))
        qWarning("no answer in time");
    return result->value_or(QVariant());
}

bool TestConnectionWizard::waitForJs(QWebEngineView *view, const QString &script, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (!view)
            return false;
        if (runJs(view, script).toBool())
            return true;
        QTest::qWait(100);
    }
    return false;
}

QString TestConnectionWizard::statusText(ConnectionWizard *wizard, const char *labelName)
{
    auto *label = wizard->findChild<QLabel *>(QLatin1String(labelName));
    return label && label->isVisible() ? label->text() : QString();
}

Result<QString> TestConnectionWizard::readSecret(const QString &id, SecretKind kind)
{
    auto result = std::make_shared<std::optional<Result<QString>>>();
    SecretReadJob *job = m_secrets->read(id, kind);
    connect(job, &SecretReadJob::finished, this,
            [result](const Result<QString> &value) { result->emplace(value); });
    job->start();
    if (!QTest::qWaitFor([result] { return result->has_value(); }, kWaitMs))
        qWarning("no answer in time");
    if (!result->has_value())
        return Error(Error::Kind::Timeout, QStringLiteral("keychain did not answer"));
    return **result;
}

void TestConnectionWizard::clickNext(ConnectionWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled() && next->isVisible(), kWaitMs);
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestConnectionWizard::goToSignIn(ConnectionWizard *wizard)
{
    QCOMPARE(wizard->currentId(), int(wizard::PlatformPageId));
    // Keyboard only: Return presses the default button (Next) on each page.
    QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));
}

void TestConnectionWizard::signInInBrowser(ConnectionWizard *wizard, const QString &login,
                                           const QString &password)
{
    QWebEngineView *view = wizard->signInPage()->browser();
    QVERIFY(view);
    QVERIFY2(waitForJs(view, QStringLiteral("document.getElementById('login') !== null")), "no login form");
    // Key events into the view, like a user typing.
    runJs(view,
          QStringLiteral(
              "document.getElementById('login').value = ''; document.getElementById('login').focus();"));
    view->setFocus();
    QWidget *target = view->focusProxy() ? view->focusProxy() : view;
    QTest::keyClicks(target, login);
    QVERIFY2(
        waitForJs(view, QStringLiteral("document.getElementById('login').value === '%1'").arg(login), 10000),
        "typing into the login field did not arrive");
    runJs(view,
          QStringLiteral("document.getElementById('password').value = '%1';"
                         "document.getElementById('submit').click();")
              .arg(password));
}

void TestConnectionWizard::pickProject(ConnectionWizard *wizard)
{
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(wizard::ProjectPageId), kWaitMs);
    auto *list = wizard->findChild<QListView *>(QStringLiteral("projectList"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, kWaitMs);
    if (!list->selectionModel()->hasSelection())
        list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(list->selectionModel()->hasSelection());
}

void TestConnectionWizard::waitForTestSuccess(ConnectionWizard *wizard)
{
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(wizard::TestPageId), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(statusText(wizard, "testMessage"), QStringLiteral("Connection test succeeded"),
                              kWaitMs);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
}

void TestConnectionWizard::userSignInEndToEnd()
{
    const int before = profileCount();
    QPointer<ConnectionWizard> wizard = openWizard();
    grab(wizard, QStringLiteral("01-platform"));
    QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard.data(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"));
    QTest::keyClicks(name, QStringLiteral("Demo Construction"));
    grab(wizard, QStringLiteral("02-connection"));
    clickRadio(wizard, "customCredentialsRadio");
    grab(wizard, QStringLiteral("02-connection-custom"));
    clickRadio(wizard, "defaultCredentialsRadio");
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));

    // A wrong password: the page itself says so, and the wizard stays where it is.
    QWebEngineView *view = wizard->signInPage()->browser();
    QVERIFY(view);
    signInInBrowser(wizard, kDemoLogin, QStringLiteral("not-my-password"));
    QVERIFY2(waitForJs(view,
                       QStringLiteral(
                           "!!document.getElementById('error') && "
                           "document.getElementById('error').textContent.indexOf('Invalid login') >= 0")),
             "the login page did not show the wrong-password message");
    QCOMPARE(wizard->currentId(), int(wizard::SignInPageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    grab(wizard, QStringLiteral("03-signin-wrong-password"));

    StallMeter stall;
    stall.start();
    signInInBrowser(wizard, kDemoLogin, kDemoPassword);
    pickProject(wizard);
    const qint64 signInStall = stall.stop();

    // The filter box narrows the list.
    auto *list = wizard->findChild<QListView *>(QStringLiteral("projectList"));
    auto *filter = wizard->findChild<QLineEdit *>(QStringLiteral("projectFilterEdit"));
    const int all = list->model()->rowCount();
    const QString first = list->model()->index(0, 0).data().toString();
    grab(wizard, QStringLiteral("04-project"));
    QTest::keyClicks(filter, first);
    QVERIFY(list->model()->rowCount() >= 1);
    for (int row = 0; row < list->model()->rowCount(); ++row)
        QVERIFY(list->model()->index(row, 0).data().toString().contains(first, Qt::CaseInsensitive));
    if (all > 1)
        QVERIFY(list->model()->rowCount() < all);
    grab(wizard, QStringLiteral("04-project-filtered"));
    list->setCurrentIndex(list->model()->index(0, 0));
    m_companyId = wizard->findChild<QComboBox *>(QStringLiteral("companyCombo"))->currentData().toLongLong();
    QVERIFY(m_companyId > 0);

    stall.start();
    clickNext(wizard);
    waitForTestSuccess(wizard);
    const qint64 testStall = stall.stop();
    qInfo("longest event-loop stall: sign-in to project list %lld ms, connection test %lld ms", signInStall,
          testStall);
    grab(wizard, QStringLiteral("05-test-succeeded"));

    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWaitMs);
    QCOMPARE(profileCount(), before + 1);
    const auto profiles = m_profiles->profiles().value();
    const auto saved = std::find_if(profiles.begin(), profiles.end(), [](const ConnectionProfile &p) {
        return p.displayName == QLatin1String("Demo Construction");
    });
    QVERIFY(saved != profiles.end());
    QCOMPARE(saved->projectName.isEmpty(), false);
    QVERIFY(readSecret(saved->id, SecretKind::RefreshToken).ok());
}

void TestConnectionWizard::accessibleNamesAndTabOrder()
{
    QPointer<ConnectionWizard> wizard = openWizard();
    const auto checkPage = [&](const QString &pageName) {
        QWidget *page = wizard->currentPage();
        const QList<QWidget *> widgets = page->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled())
                continue;
            bool inBrowser = false;
            for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
                inBrowser = inBrowser || qobject_cast<QWebEngineView *>(p);
            if (inBrowser)
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface && !iface->text(QAccessible::Name).isEmpty(),
                     qPrintable(pageName + QLatin1Char(' ') + QLatin1String(w->metaObject()->className())
                                + QLatin1Char(' ') + w->objectName()));
        }
        for (auto which :
             {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton}) {
            QAbstractButton *b = wizard->button(which);
            if (b->isVisible())
                QVERIFY(!QAccessible::queryAccessibleInterface(b)->text(QAccessible::Name).isEmpty());
        }
    };
    checkPage(QStringLiteral("platform"));
    QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard.data(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    clickRadio(wizard, "customCredentialsRadio");
    auto *domain = wizard->findChild<QComboBox *>(QStringLiteral("domainCombo"));
    domain->setCurrentIndex(domain->count() - 1); // "Custom URL…" shows the URL field
    checkPage(QStringLiteral("credentials"));

    // Tab walks through every field of the page and reaches the wizard's buttons.
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"));
    name->setFocus();
    QSet<QString> reached;
    for (int i = 0; i < 14; ++i) {
        if (QWidget *focus = QApplication::focusWidget())
            reached.insert(focus->objectName().isEmpty()
                               ? QString::fromLatin1(focus->metaObject()->className())
                               : focus->objectName());
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus, "keyboard focus lost");
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (const char *expected : {"displayNameEdit", "customCredentialsRadio", "domainCombo", "customUrlEdit",
                                 "clientIdEdit", "clientSecretEdit"})
        QVERIFY2(reached.contains(QLatin1String(expected)), expected);
    // Missing fields are named, and Next stays on the page.
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    QVERIFY(!statusText(wizard, "credentialsMessage").isEmpty());
    grab(wizard, QStringLiteral("02-connection-missing-fields"));

    clickRadio(wizard, "defaultCredentialsRadio");
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));
    checkPage(QStringLiteral("signin-user"));
    clickRadio(wizard, "serviceModeRadio");
    checkPage(QStringLiteral("signin-service"));
    grab(wizard, QStringLiteral("03-signin-service-account"));
    wizard->reject();
    QTRY_VERIFY(!wizard);
}

void TestConnectionWizard::customCredentialsWrongSecret()
{
    const int before = profileCount();
    QPointer<ConnectionWizard> wizard = openWizard();
    QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard.data(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
    clickRadio(wizard, "customCredentialsRadio");
    auto *domain = wizard->findChild<QComboBox *>(QStringLiteral("domainCombo"));
    QVERIFY(domain->currentText().contains(m_sandbox.baseUrl().toString())); // the demo preset is the default
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("clientIdEdit")),
                     QStringLiteral("custom-app"));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("clientSecretEdit")),
                     QStringLiteral("wrong-secret"));
    clickNext(wizard);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));
    signInInBrowser(wizard, kDemoLogin, kDemoPassword);
    QTRY_VERIFY_WITH_TIMEOUT(
        statusText(wizard, "signInMessage").contains(QLatin1String("Client Secret is wrong")), kWaitMs);
    QCOMPARE(wizard->currentId(), int(wizard::SignInPageId));
    grab(wizard, QStringLiteral("03-signin-wrong-client-secret"));
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QTRY_VERIFY(!wizard);
    QCOMPARE(profileCount(), before);
}

void TestConnectionWizard::serviceAccountPath()
{
    QVERIFY2(m_companyId > 0, "needs the company id learned by userSignInEndToEnd");
    const int before = profileCount();
    QPointer<ConnectionWizard> wizard = openWizard();
    goToSignIn(wizard);
    clickRadio(wizard, "serviceModeRadio");
    QVERIFY(!wizard->signInPage()->browser()); // no browser for a service account
    auto *signIn = wizard->findChild<QPushButton *>(QStringLiteral("serviceSignInButton"));
    QVERIFY(!signIn->isEnabled());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("serviceClientIdEdit")),
                     QStringLiteral("trestle-service-account"));
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("serviceSecretEdit")),
                     QStringLiteral("trestle-service-secret"));
    auto *company = wizard->findChild<QLineEdit *>(QStringLiteral("serviceCompanyEdit"));
    QTest::keyClicks(company, QString::number(m_companyId));
    QVERIFY(signIn->isEnabled());
    grab(wizard, QStringLiteral("03-signin-service-account-filled"));
    StallMeter stall;
    stall.start();
    QTest::keyClick(company, Qt::Key_Return); // Enter signs in
    pickProject(wizard);
    qInfo("longest event-loop stall: service-account sign-in %lld ms", stall.stop());
    clickNext(wizard);
    waitForTestSuccess(wizard);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWaitMs);
    QCOMPARE(profileCount(), before + 1);
    bool found = false;
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    for (const ConnectionProfile &p : profiles) {
        if (p.authKind == ConnectionProfile::AuthKind::ServiceAccount) {
            found = true;
            QCOMPARE(p.companyId, m_companyId);
            QCOMPARE(readSecret(p.id, SecretKind::ClientSecret).value(),
                     QStringLiteral("trestle-service-secret"));
        }
    }
    QVERIFY(found);
}

void TestConnectionWizard::fileShare()
{
    QTemporaryDir share;
    QVERIFY(share.isValid());
    const int before = profileCount();
    QPointer<ConnectionWizard> wizard = openWizard();
    clickRadio(wizard, "shareRadio");
    clickNext(wizard);
    QTRY_COMPARE(wizard->currentId(), int(wizard::SharePageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("folderEdit")), share.path());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("shareNameEdit")),
                     QStringLiteral("Site share"));
    grab(wizard, QStringLiteral("06-share"));
    clickNext(wizard);
    waitForTestSuccess(wizard);
    grab(wizard, QStringLiteral("06-share-test"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isVisible(), kWaitMs);
    QCOMPARE(profileCount(), before + 1);
}

void TestConnectionWizard::cancelAtEveryPageLeavesNothing()
{
    const int before = profileCount();
    for (int stop = wizard::PlatformPageId; stop <= wizard::TestPageId; ++stop) {
        if (stop == wizard::SharePageId)
            continue;
        QPointer<ConnectionWizard> wizard = openWizard();
        QPointer<ConnectionSetup> setup = wizard->setup();
        if (stop >= wizard::CredentialsPageId) {
            QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard.data(), Qt::Key_Return);
            QTRY_COMPARE(wizard->currentId(), int(wizard::CredentialsPageId));
        }
        if (stop >= wizard::SignInPageId) {
            QTest::keyClick(wizard->focusWidget() ? wizard->focusWidget() : wizard.data(), Qt::Key_Return);
            QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));
            QVERIFY(waitForJs(wizard->signInPage()->browser(),
                              QStringLiteral("document.getElementById('login') !== null")));
        }
        if (stop >= wizard::ProjectPageId) {
            signInInBrowser(wizard, kDemoLogin, kDemoPassword);
            pickProject(wizard);
        }
        if (stop >= wizard::TestPageId) {
            clickNext(wizard);
            waitForTestSuccess(wizard);
        }
        QCOMPARE(wizard->currentId(), stop);
        // Escape is Cancel, like the button.
        QTest::keyClick(wizard, Qt::Key_Escape);
        QTRY_VERIFY(!wizard);
        QVERIFY(!setup); // the setup went with the wizard
        QCOMPARE(profileCount(), before);
    }
}

void TestConnectionWizard::managerTestReconnectDelete()
{
    ConnectionManagerDialog dialog(m_manager.get(), m_sandbox.baseUrl());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableView *table = dialog.table();
    QCOMPARE(table->model()->rowCount(), profileCount());
    QVERIFY(profileCount() >= 1);
    int userRow = -1;
    QString userId;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString id = table->model()->index(row, 0).data(Qt::UserRole + 1).toString();
        const auto profile = m_profiles->profile(id).value();
        if (profile.platform == ConnectionProfile::Platform::Procore
            && profile.authKind == ConnectionProfile::AuthKind::User) {
            userRow = row;
            userId = id;
        }
    }
    QVERIFY(userRow >= 0);
    const auto selectId = [table](const QString &id) {
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data(Qt::UserRole + 1).toString() == id)
                table->selectRow(r);
        }
    };
    selectId(userId);
    grab(&dialog, QStringLiteral("07-manager"));

    // Test.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_profiles->profile(userId).value().lastTestAt.isValid() && !m_manager->isBusy(userId), kWaitMs);
    QVERIFY(m_profiles->profile(userId).value().lastTestOk);

    // Reconnect: the user's sign-in is dead (a password change); the wizard starts at Sign in.
    QVERIFY(m_sandbox.post(QStringLiteral("revoke-refresh-tokens")));
    QVERIFY(m_sandbox.post(QStringLiteral("expire-tokens")));
    selectId(userId);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isBusy(userId) && !m_profiles->profile(userId).value().lastTestOk,
                             kWaitMs);
    QVERIFY(m_profiles->profile(userId).value().lastTestStatus.contains(QLatin1String("Reconnect")));
    grab(&dialog, QStringLiteral("07-manager-sign-in-expired"));
    const int count = profileCount();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("reconnectButton")), Qt::LeftButton);
    QTRY_VERIFY(dialog.activeWizard());
    QPointer<ConnectionWizard> wizard = dialog.activeWizard();
    QTRY_COMPARE(wizard->currentId(), int(wizard::SignInPageId));
    signInInBrowser(wizard, kDemoLogin, kDemoPassword);
    pickProject(wizard); // the connection's project is preselected
    clickNext(wizard);
    waitForTestSuccess(wizard);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard, kWaitMs);
    QCOMPARE(profileCount(), count);
    QVERIFY(m_profiles->profile(userId).value().lastTestOk);

    // Delete, after the confirmation.
    selectId(userId);
    const QString accessToken = readSecret(userId, SecretKind::AccessToken).value();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = dialog.findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))));
    grab(confirm, QStringLiteral("07-manager-delete-confirmation"));
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(profileCount(), count - 1, kWaitMs);
    QCOMPARE(table->model()->rowCount(), count - 1);
    QCOMPARE(readSecret(userId, SecretKind::RefreshToken).error().kind(), Error::Kind::NotFound);
    QUrl info = m_sandbox.baseUrl();
    info.setPath(QStringLiteral("/oauth/token/info"));
    QCOMPARE(m_sandbox.request("GET", info, {}, {{"Authorization", "Bearer " + accessToken.toUtf8()}}).status,
             401);
    grab(&dialog, QStringLiteral("07-manager-after-delete"));
}

QTEST_MAIN(TestConnectionWizard)
#include "tst_connectionwizard.moc"
