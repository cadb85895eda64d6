// The demo's share: installer/make-demo-share.sh writes a realistic project folder of valid files,
// and ensureDemoShare() adds it as a saved connection exactly once.
#include "core/db/connectionprofile.h"
#include "core/db/database.h"
#include "core/db/profilerepository.h"
#include "core/services/demosetup.h"

#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace trestle;

class TestDemoSetup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shareHoldsValidConstructionFiles();
    void shareIsAddedOnce();
    void movedShareIsUpdated();
    void missingFolderIsAnError();

private:
    int demoShares() const;

    QTemporaryDir m_dir;
    QString m_share;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ProfileRepository> m_profiles;
};

void TestDemoSetup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_share = m_dir.filePath(QStringLiteral("Demo share"));
    const QString script = qEnvironmentVariable("TRESTLE_MAKE_DEMO_SHARE");
    QVERIFY2(QFile::exists(script), "TRESTLE_MAKE_DEMO_SHARE must name installer/make-demo-share.sh");
    QProcess make;
    make.start(QStringLiteral("bash"), {script, m_share});
    QVERIFY(make.waitForFinished(60000));
    QVERIFY2(make.exitStatus() == QProcess::NormalExit && make.exitCode() == 0,
             make.readAllStandardError().constData());

    m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("trestle.sqlite")));
    QVERIFY(m_db->open().ok());
    m_profiles = std::make_unique<ProfileRepository>(*m_db);
}

int TestDemoSetup::demoShares() const
{
    int count = 0;
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    for (const ConnectionProfile &profile : profiles)
        count += profile.displayName == demoShareName() ? 1 : 0;
    return count;
}

void TestDemoSetup::shareHoldsValidConstructionFiles()
{
    const QStringList expected = {
        QStringLiteral("Drawings/Architectural/A-101 Floor Plan Level 1.pdf"),
        QStringLiteral("Specifications/Division 03 - Concrete/03 30 00 Cast-in-Place Concrete.pdf"),
        QStringLiteral("RFIs/RFI-014 Slab edge detail.pdf"),
        QStringLiteral("Submittals/08 11 13-003 Door schedule.xlsx"),
        QStringLiteral("Photos/2026-11-02 Site walk/IMG_0412.jpg"),
        QStringLiteral("Photos/Site logistics plan.png"),
        QStringLiteral("Meeting Minutes/OAC Meeting 012 2026-11-05.docx"),
        // Names Procore rejects or stores differently.
        QStringLiteral("RFIs/RFI-017 Beam clash at grid C|4?.pdf"),
        QStringLiteral("Submittals/Door hardware: level 2 .pdf"),
        QStringLiteral("Meeting Minutes/agenda.docx"),
    };
    for (const QString &file : expected)
        QVERIFY2(QFile::exists(m_share + QLatin1Char('/') + file), qPrintable(file));

    int files = 0;
    QDirIterator it(m_share, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        QVERIFY2(data.size() > 100 && data.size() < 100 * 1024, qPrintable(path));
        if (path.endsWith(QLatin1String(".pdf"))) {
            QVERIFY2(data.startsWith("%PDF-1.4") && data.trimmed().endsWith("%%EOF"), qPrintable(path));
        } else if (path.endsWith(QLatin1String(".docx")) || path.endsWith(QLatin1String(".xlsx"))) {
            QVERIFY2(data.startsWith("PK\x03\x04"), qPrintable(path));
        } else {
            // Qt's own decoders must read the pictures, as an image viewer would.
            const QImage image(path);
            QVERIFY2(!image.isNull() && image.width() >= 160, qPrintable(path));
        }
    }
    QVERIFY2(files >= 40, qPrintable(QString::number(files)));
}

void TestDemoSetup::shareIsAddedOnce()
{
    QCOMPARE(demoShares(), 0);
    QVERIFY(ensureDemoShare(*m_profiles, m_share).ok());
    QVERIFY(ensureDemoShare(*m_profiles, m_share).ok());
    QCOMPARE(demoShares(), 1);
    const auto profiles = m_profiles->profiles().value();
    QCOMPARE(profiles.first().platform, ConnectionProfile::Platform::Share);
    QCOMPARE(profiles.first().rootPath, QFileInfo(m_share).canonicalFilePath());
}

void TestDemoSetup::movedShareIsUpdated()
{
    const QString moved = m_dir.filePath(QStringLiteral("Moved share"));
    QVERIFY(QDir().rename(m_share, moved));
    QVERIFY(ensureDemoShare(*m_profiles, moved).ok());
    QCOMPARE(demoShares(), 1);
    const QVector<ConnectionProfile> profiles = m_profiles->profiles().value();
    QCOMPARE(profiles.first().rootPath, QFileInfo(moved).canonicalFilePath());
    QVERIFY(QDir().rename(moved, m_share));
}

void TestDemoSetup::missingFolderIsAnError()
{
    const Status status = ensureDemoShare(*m_profiles, m_dir.filePath(QStringLiteral("nowhere")));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind(), Error::Kind::NotFound);
    QCOMPARE(demoShares(), 1);
}

// QImage's JPEG and PNG plugins need a QGuiApplication (no display: the offscreen platform).
int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestDemoSetup test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demosetup.moc"
