// The command line's help, as a user gets it: `trestle <verb> --help` for every verb prints that
// verb's usage and options (with their descriptions) and exits 0, and `trestle --help` and the
// verbs' help speak the language saved in the settings (the demo's own settings for --demo),
// which means the catalogue is installed before any parser builds its help.
// The `trestle` binary runs as a real process ($TRESTLE_APP_BIN) with a throw-away
// XDG_CONFIG_HOME; TransferCommand's own --help is also checked in process.
#include "core/common/translations.h"
#include "core/db/database.h"
#include "core/transfer/transfercommand.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;

namespace {

struct VerbHelp
{
    const char *verb;
    QStringList options; // what the verb's help must list
    QStringList absent; // options of other verbs it must not list
};

const QVector<VerbHelp> &verbs()
{
    static const QVector<VerbHelp> list = {
        {"analyze", {QStringLiteral("--include <"), QStringLiteral("--json")}, {QStringLiteral("--dry-run")}},
        {"copy",
         {QStringLiteral("--dry-run"), QStringLiteral("--conflicts <"), QStringLiteral("--bwlimit <")},
         {QStringLiteral("--deletes"), QStringLiteral("--html")}},
        {"sync",
         {QStringLiteral("--deletes <"), QStringLiteral("--direction <")},
         {QStringLiteral("--delete-source")}},
        {"migrate",
         {QStringLiteral("--delete-source"), QStringLiteral("--conflicts <")},
         {QStringLiteral("--deletes")}},
        {"jobs", {QStringLiteral("--json")}, {QStringLiteral("--conflicts")}},
        {"resume", {QStringLiteral("--json")}, {QStringLiteral("--include")}},
        {"retry", {QStringLiteral("--json")}, {QStringLiteral("--include")}},
        {"report", {QStringLiteral("--html"), QStringLiteral("--json")}, {QStringLiteral("--dry-run")}},
        {"connections", {QStringLiteral("--json")}, {QStringLiteral("--html")}},
        {"projects", {QStringLiteral("--json")}, {QStringLiteral("--html")}},
    };
    return list;
}

QString de(const char *context, const char *english)
{
    return QCoreApplication::translate(context, english);
}

} // namespace

class TestCliHelp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void verbHelp_data();
    void verbHelp();
    void verbHelpInProcess_data();
    void verbHelpInProcess();
    void unknownOptionStillFails();
    void verbHelpIsTranslated();
    void windowHelpIsTranslated();
    void windowHelpFollowsSystemLanguage();
    void demoWindowHelpUsesDemoSettings();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // `locale`: the LC_ALL the process gets (C.UTF-8 unless given).
    Run runTrestle(const QStringList &arguments, const QString &locale = QString());
    void setLanguage(const QString &application, const QString &language);

    QString m_binary;
    QTemporaryDir m_home;
};

void TestCliHelp::initTestCase()
{
    m_binary = qEnvironmentVariable("TRESTLE_APP_BIN");
    QVERIFY2(QFile::exists(m_binary), "TRESTLE_APP_BIN names no trestle binary");
    QVERIFY(m_home.isValid());
    // The catalogue as the binary has it (both link trestle_translations): the expected German.
    installTranslations(QStringLiteral("de"));
    QVERIFY(de("trestle::TransferCommand", "Print results as JSON.")
            != QLatin1String("Print results as JSON."));
}

void TestCliHelp::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"));
}

void TestCliHelp::setLanguage(const QString &application, const QString &language)
{
    QSettings settings(m_home.filePath(QStringLiteral("config/Trestle/%1.conf").arg(application)),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

TestCliHelp::Run TestCliHelp::runTrestle(const QStringList &arguments, const QString &locale)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), locale.isEmpty() ? QStringLiteral("C.UTF-8") : locale);
    process.setProcessEnvironment(env);
    process.start(m_binary, arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        qWarning("trestle %s did not end", qPrintable(arguments.join(QLatin1Char(' '))));
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestCliHelp::verbHelp_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("absent");
    for (const VerbHelp &v : verbs()) {
        QTest::addRow("%s --help", v.verb)
            << QString::fromLatin1(v.verb) << QStringLiteral("--help") << v.options << v.absent;
        QTest::addRow("%s -h", v.verb)
            << QString::fromLatin1(v.verb) << QStringLiteral("-h") << v.options << v.absent;
    }
}

void TestCliHelp::verbHelp()
{
    QFETCH(QString, verb);
    QFETCH(QString, flag);
    QFETCH(QStringList, options);
    QFETCH(QStringList, absent);
    setLanguage(QStringLiteral("Trestle"), QStringLiteral("en"));
    const Run run = runTrestle({verb, flag});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("Unknown option")), qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage: trestle %1 ").arg(verb)), qPrintable(run.out));
    for (const QString &option : options)
        QVERIFY2(run.out.contains(QLatin1String("  ") + option),
                 qPrintable(option + QLatin1Char('\n') + run.out));
    for (const QString &option : absent)
        QVERIFY2(!run.out.contains(QLatin1String("  ") + option),
                 qPrintable(option + QLatin1Char('\n') + run.out));
    QVERIFY(run.out.contains(QLatin1String("-h, --help")));
    // Each option with its description on the same line, not a bare list of flags.
    QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("\\n  --?[a-z-]+( <[^>]+>)? {2,}[A-Za-z]"))));
}

void TestCliHelp::verbHelpInProcess_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QStringList>("options");
    for (const VerbHelp &v : verbs()) {
        if (qstrcmp(v.verb, "connections") != 0 && qstrcmp(v.verb, "projects") != 0)
            QTest::newRow(v.verb) << QString::fromLatin1(v.verb) << v.options;
    }
}

// TransferCommand answers --help itself too (for callers other than app/ that forward arguments).
void TestCliHelp::verbHelpInProcess()
{
    QFETCH(QString, verb);
    QFETCH(QStringList, options);
    installTranslations(QStringLiteral("en"));
    Database database(m_home.filePath(QStringLiteral("inprocess.sqlite")));
    QVERIFY(database.open().ok());
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    TransferCommand command(database, &out, &err);
    QSignalSpy finished(&command, &TransferCommand::finished);
    command.start({QStringLiteral("trestle"), verb, QStringLiteral("--help")});
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), int(TransferCommand::Ok));
    const QString text = QString::fromUtf8(out.data());
    QCOMPARE(text, TransferCommand::helpText(verb));
    for (const QString &option : options)
        QVERIFY2(text.contains(option), qPrintable(text));
    QVERIFY(err.data().isEmpty());
    installTranslations(QStringLiteral("de"));
}

void TestCliHelp::unknownOptionStillFails()
{
    setLanguage(QStringLiteral("Trestle"), QStringLiteral("en"));
    const Run run = runTrestle({QStringLiteral("copy"), QStringLiteral("--no-such-option")});
    QCOMPARE(run.exitCode, int(TransferCommand::Usage));
    QVERIFY2(run.err.contains(QLatin1String("no-such-option")), qPrintable(run.err));
}

void TestCliHelp::verbHelpIsTranslated()
{
    setLanguage(QStringLiteral("Trestle"), QStringLiteral("de"));
    const Run run = runTrestle({QStringLiteral("report"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(de("trestle::TransferCommand", "report: HTML instead of CSV.")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(de("trestle::TransferCommand", "Show this help.")), qPrintable(run.out));
    QVERIFY2(run.out.contains(de("trestle::TransferCommand", "Options:")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("Show this help.")), qPrintable(run.out));
}

void TestCliHelp::windowHelpIsTranslated()
{
    setLanguage(QStringLiteral("Trestle"), QStringLiteral("de"));
    const Run run = runTrestle({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    const QString demo = de("main", "Offer the bundled Procore sandbox at <url> as a connection domain.")
                             .section(QLatin1Char(' '), 0, 2);
    QVERIFY(demo != QLatin1String("Offer the bundled"));
    QVERIFY2(run.out.contains(demo), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("Move construction project files")), qPrintable(run.out));
}

// No language saved ("System" in the settings): the system's locale decides, for --help too.
void TestCliHelp::windowHelpFollowsSystemLanguage()
{
    setLanguage(QStringLiteral("Trestle"), QString());
    const Run german = runTrestle({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(german.exitCode, 0);
    const QString expected = de("main", "Offer the bundled Procore sandbox at <url> as a connection domain.")
                                 .section(QLatin1Char(' '), 0, 2);
    QVERIFY2(german.out.contains(expected), qPrintable(german.out));
    const Run english = runTrestle({QStringLiteral("--help")}, QStringLiteral("C.UTF-8"));
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains(QLatin1String("Offer the bundled")), qPrintable(english.out));
}

// The demo reads its own settings ("Trestle Demo"), so its language decides its help.
void TestCliHelp::demoWindowHelpUsesDemoSettings()
{
    setLanguage(QStringLiteral("Trestle"), QStringLiteral("de"));
    setLanguage(QStringLiteral("Trestle Demo"), QStringLiteral("es"));
    const Run run = runTrestle(
        {QStringLiteral("--demo"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    installTranslations(QStringLiteral("es"));
    const QString spanish = QCoreApplication::translate(
                                "main", "Offer the bundled Procore sandbox at <url> as a connection domain.")
                                .section(QLatin1Char(' '), 0, 2);
    installTranslations(QStringLiteral("de"));
    QVERIFY(spanish != QLatin1String("Offer the bundled"));
    QVERIFY2(run.out.contains(spanish), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
