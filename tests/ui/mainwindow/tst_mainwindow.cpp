#include "core/db/connectionprofile.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/secrets/secretstore.h"
#include "core/services/connectionmanager.h"
#include "core/services/ratelimitmeters.h"
#include "testoutput.h"
#include "ui/mainwindow.h"
#include "ui/wizard/connectionwizard.h"

#include <QApplication>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProfileRepository> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RateLimitMeters> m_meters;
    std::unique_ptr<ConnectionManager> m_manager;

    void save(QWidget *widget, const QString &name)
    {
        const QString path = testing::testOutputDir() + QStringLiteral("/%1.png").arg(name);
        QVERIFY2(widget->grab().save(path), qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle.sqlite")));
        const Status opened = m_database->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        m_profiles = std::make_unique<ProfileRepository>(*m_database);
        m_secrets = std::make_unique<SecretStore>();
        m_meters = std::make_unique<RateLimitMeters>();
        m_manager = std::make_unique<ConnectionManager>(
            ConnectionServices{m_profiles.get(), m_secrets.get(), m_meters.get()});
    }

    void emptyWindowInvitesToAddAConnection()
    {
        MainWindow window(m_manager.get(), QUrl(QStringLiteral("http://127.0.0.1:47810")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.connectionsView()->isVisible());
        QVERIFY(window.addConnectionButton()->isDefault());
        save(&window, QStringLiteral("mainwindow-empty"));

        QTest::mouseClick(window.addConnectionButton(), Qt::LeftButton);
        ConnectionWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<ConnectionWizard *>()) != nullptr && wizard->isVisible());
        wizard->reject();
    }

    void savedConnectionsAreListed()
    {
        ConnectionProfile share;
        share.displayName = QStringLiteral("Site office share");
        share.platform = ConnectionProfile::Platform::Share;
        share.rootPath = m_dir.path();
        const auto added = m_profiles->add(share);
        QVERIFY2(added.ok(), qPrintable(added.error().toString()));

        MainWindow window(m_manager.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.connectionsView()->isVisible());
        QCOMPARE(window.connectionsView()->model()->rowCount(), 1);
        QCOMPARE(window.connectionsView()->model()->index(0, 0).data().toString(),
                 QStringLiteral("Site office share"));
        save(&window, QStringLiteral("mainwindow-connections"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
