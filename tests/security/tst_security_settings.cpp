// The settings file Trestle writes through QSettings (issue 9: "the journal and settings files are
// created with owner-only permissions"). QSettings alone creates it with the umask's mode (0644 on
// a usual desktop) in a 0755 folder; PrivateFiles::protectSettings(), called once at start-up,
// makes both owner-only, and they stay so however often QSettings rewrites the file.
#include "core/common/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace trestle;

namespace {

int mode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return QString::number(mode, 8);
}

} // namespace

class TestSecuritySettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void freshSettingsAreOwnerOnly();
    void existingOpenSettingsAreTightened();

private:
    std::unique_ptr<QTemporaryDir> m_config;
    mode_t m_umask = 0;
};

void TestSecuritySettings::initTestCase()
{
    // QSettings works out its folders once per process: one XDG_CONFIG_HOME for the whole suite.
    m_config = std::make_unique<QTemporaryDir>();
    QVERIFY(m_config->isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config->path()));
    QVERIFY(QFile::setPermissions(m_config->path(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                      | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                      | QFileDevice::ReadOther | QFileDevice::ExeOther));
    QCoreApplication::setOrganizationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationName(QStringLiteral("Trestle"));
}

void TestSecuritySettings::init()
{
    QVERIFY(QDir(m_config->filePath(QStringLiteral("Trestle"))).removeRecursively());
    m_umask = ::umask(022); // a usual desktop's
}

void TestSecuritySettings::cleanup()
{
    ::umask(m_umask);
}

void TestSecuritySettings::freshSettingsAreOwnerOnly()
{
    const QString path = QSettings().fileName();
    QCOMPARE(path, m_config->filePath(QStringLiteral("Trestle/Trestle.conf")));
    QVERIFY(!QFileInfo::exists(path));

    QString error;
    QVERIFY2(PrivateFiles::protectSettings(&error), qPrintable(error));
    QCOMPARE(octal(mode(path)), octal(0600));
    QCOMPARE(octal(mode(QFileInfo(path).absolutePath())), octal(0700));

    // Written the way the window writes it, twice (each sync replaces the file).
    for (int round = 0; round < 2; ++round) {
        QSettings settings;
        settings.setValue(QStringLiteral("panes/left"), QStringLiteral("share-%1").arg(round));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        QCOMPARE(octal(mode(path)), octal(0600));
    }
    QCOMPARE(QSettings().value(QStringLiteral("panes/left")).toString(), QStringLiteral("share-1"));
    QCOMPARE(octal(mode(QFileInfo(path).absolutePath())), octal(0700));
    // Only Trestle's own folder is closed, never the shared one above it (~/.config).
    QCOMPARE(octal(mode(m_config->path())), octal(0755));
}

void TestSecuritySettings::existingOpenSettingsAreTightened()
{
    // What an older Trestle left behind: written without protection.
    {
        QSettings settings;
        settings.setValue(QStringLiteral("transfer/mode"), 2);
        settings.sync();
    }
    const QString path = QSettings().fileName();
    const int before = mode(path);
    QVERIFY2(before & 044, qPrintable(QStringLiteral("QSettings alone wrote %1").arg(octal(before))));
    QVERIFY(mode(QFileInfo(path).absolutePath()) & 055);

    QString error;
    QVERIFY2(PrivateFiles::protectSettings(&error), qPrintable(error));
    QCOMPARE(octal(mode(path)), octal(0600));
    QCOMPARE(octal(mode(QFileInfo(path).absolutePath())), octal(0700));
    QCOMPARE(QSettings().value(QStringLiteral("transfer/mode")).toInt(), 2); // nothing lost
    QSettings().setValue(QStringLiteral("transfer/mode"), 3);
    QSettings().sync();
    QCOMPARE(octal(mode(path)), octal(0600));
}

QTEST_GUILESS_MAIN(TestSecuritySettings)
#include "tst_security_settings.moc"
