// Settings, theme and icons: the value class round-trips through QSettings and survives bad
// values, the dialog edits every field, the dark palette is detected and applied, and the action
// icons are tinted to the palette and sharp at 200 %.
#include "screenshots.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/icons.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QProxyStyle>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace trestle;

class TestSettings final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Theme> m_theme;

    // The darkest and the lightest opaque pixel of an icon: tells its ink colour.
    static QColor inkOf(const QImage &image)
    {
        QColor ink;
        int bestAlpha = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() > bestAlpha) {
                    bestAlpha = c.alpha();
                    ink = c;
                }
            }
        }
        return ink;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        Q_INIT_RESOURCE(resources);
        m_theme = std::make_unique<Theme>();
    }

    void defaultsWhenNothingIsStored()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const AppSettings s = AppSettings::load(settings);
        QCOMPARE(s, AppSettings());
        QCOMPARE(s.workersPerJob, 4);
        QCOMPARE(s.browsingReservePercent, 10);
        QCOMPARE(s.language, QString());
        QCOMPARE(s.theme, AppSettings::Theme::System);
    }

    void roundTrip()
    {
        AppSettings s;
        s.workersPerJob = 7;
        s.jobsAtOnce = 3;
        s.bandwidthCapKiBps = 2048;
        s.browsingReservePercent = 20;
        s.conflicts = ConflictPolicy::KeepBoth;
        s.deletes = DeletePolicy::Delete;
        s.names = NamePolicy::Map;
        s.language = QStringLiteral("de");
        s.theme = AppSettings::Theme::Dark;
        {
            QSettings settings(m_dir.filePath(QStringLiteral("round.ini")), QSettings::IniFormat);
            s.save(settings);
        }
        QSettings settings(m_dir.filePath(QStringLiteral("round.ini")), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(settings), s);
        // The translations loader reads this key by name.
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        const JobPolicies policies = s.defaultPolicies();
        QCOMPARE(policies.conflicts, ConflictPolicy::KeepBoth);
        QCOMPARE(policies.deletes, DeletePolicy::Delete);
        QCOMPARE(policies.names, NamePolicy::Map);
        QCOMPARE(policies.concurrency, 7);
    }

    void badValuesFallBackOrClamp()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
        settings.setValue(QString::fromLatin1(AppSettings::kWorkersPerJob), 500);
        settings.setValue(QString::fromLatin1(AppSettings::kJobsAtOnce), QStringLiteral("many"));
        settings.setValue(QString::fromLatin1(AppSettings::kBrowsingReserve), -5);
        settings.setValue(QString::fromLatin1(AppSettings::kConflicts), QStringLiteral("coin-toss"));
        settings.setValue(QString::fromLatin1(AppSettings::kLanguage), QStringLiteral("tlh"));
        settings.setValue(QString::fromLatin1(AppSettings::kTheme), QStringLiteral("neon"));
        const AppSettings s = AppSettings::load(settings);
        QCOMPARE(s.workersPerJob, 16);
        QCOMPARE(s.jobsAtOnce, 2);
        QCOMPARE(s.browsingReservePercent, 0);
        QCOMPARE(s.conflicts, ConflictPolicy::NewerWins);
        QCOMPARE(s.language, QString());
        QCOMPARE(s.theme, AppSettings::Theme::System);
    }

    void dialogEditsEveryField()
    {
        AppSettings initial;
        initial.language = QStringLiteral("es");
        SettingsDialog dialog(initial);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.settings(), initial);
        QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("Español"));
        testing::saveScreenshot(&dialog, QStringLiteral("settings-transfers"));

        dialog.workersBox()->setValue(6);
        dialog.jobsBox()->setValue(1);
        dialog.bandwidthBox()->setValue(1024);
        dialog.reserveBox()->setValue(25);
        dialog.conflictsBox()->setCurrentIndex(dialog.conflictsBox()->findData(QStringLiteral("skip")));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("dark")));
        const AppSettings edited = dialog.settings();
        QCOMPARE(edited.workersPerJob, 6);
        QCOMPARE(edited.jobsAtOnce, 1);
        QCOMPARE(edited.bandwidthCapKiBps, 1024);
        QCOMPARE(edited.browsingReservePercent, 25);
        QCOMPARE(edited.conflicts, ConflictPolicy::Skip);
        QCOMPARE(edited.language, QStringLiteral("de"));
        QCOMPARE(edited.theme, AppSettings::Theme::Dark);

        auto *tabs = dialog.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        QSignalSpy forget(&dialog, &SettingsDialog::forgetDropChoiceRequested);
        QTest::mouseClick(dialog.forgetDropChoiceButton(), Qt::LeftButton);
        QCOMPARE(forget.count(), 1);
        QVERIFY(!dialog.forgetDropChoiceButton()->isEnabled());
        testing::saveScreenshot(&dialog, QStringLiteral("settings-policies"));
        tabs->setCurrentIndex(2);
        testing::saveScreenshot(&dialog, QStringLiteral("settings-appearance"));
    }

    void darkPaletteIsDetectedAndApplied()
    {
        QVERIFY(Theme::isDarkPalette(Theme::darkPalette()));
        QVERIFY(!Theme::isDarkPalette(Theme::lightPalette()));
        QSignalSpy changed(m_theme.get(), &Theme::changed);
        m_theme->apply(AppSettings::Theme::Dark);
        QVERIFY(m_theme->isDark());
        QVERIFY(Theme::isDarkPalette(QApplication::palette()));
        m_theme->apply(AppSettings::Theme::Light);
        QVERIFY(!m_theme->isDark());
        QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
        QCOMPARE(changed.count(), 2);
        // Xvfb's platform palette is light: "System" follows it.
        m_theme->apply(AppSettings::Theme::System);
        QVERIFY(!m_theme->isDark());
        QStyle *style = QApplication::style();
        if (auto *proxy = qobject_cast<QProxyStyle *>(style))
            style = proxy->baseStyle();
        QCOMPARE(style->name().toLower(), QStringLiteral("fusion"));
    }

    // On the dark palette a check box and a radio button keep a visible outline: Fusion draws it
    // darker than the dark window, so an unticked box was a black square on black.
    void darkIndicatorsKeepTheirOutline_data()
    {
        QTest::addColumn<bool>("radio");
        QTest::newRow("check box") << false;
        QTest::newRow("radio button") << true;
    }

    void darkIndicatorsKeepTheirOutline()
    {
        QFETCH(bool, radio);
        m_theme->apply(AppSettings::Theme::Dark);
        std::unique_ptr<QAbstractButton> button;
        if (radio)
            button = std::make_unique<QRadioButton>(QStringLiteral("Copy"));
        else
            button = std::make_unique<QCheckBox>(QStringLiteral("Preview first"));
        button->setPalette(QApplication::palette());
        button->adjustSize();
        const QImage image = button->grab().toImage();
        m_theme->apply(AppSettings::Theme::Light);
        // The indicator's brightest pixel must stand out from the window (lightness, 0..255).
        QStyleOptionButton option;
        option.initFrom(button.get());
        const QRect box = button->style()->subElementRect(
            radio ? QStyle::SE_RadioButtonIndicator : QStyle::SE_CheckBoxIndicator, &option, button.get());
        QVERIFY(!box.isEmpty());
        const qreal ratio = image.devicePixelRatio();
        const int window = Theme::darkPalette().color(QPalette::Window).lightness();
        int brightest = 0;
        for (int y = int(box.top() * ratio); y <= int(box.bottom() * ratio) && y < image.height(); ++y) {
            for (int x = int(box.left() * ratio); x <= int(box.right() * ratio) && x < image.width(); ++x)
                brightest = qMax(brightest, image.pixelColor(x, y).lightness());
        }
        QVERIFY2(brightest - window >= 40, qPrintable(QStringLiteral("%1 vs %2").arg(brightest).arg(window)));
    }

    void actionIconsFollowThePalette()
    {
        const QStringList names = {QStringLiteral("add-connection"), QStringLiteral("settings"),
                                   QStringLiteral("pause"), QStringLiteral("resume"),
                                   QStringLiteral("delete")};
        for (const QString &name : names) {
            m_theme->apply(AppSettings::Theme::Light);
            const QIcon light = Icons::action(name);
            QVERIFY2(!light.isNull(), qPrintable(name));
            const QImage lightImage = light.pixmap(QSize(32, 32), 1.0).toImage();
            QCOMPARE(lightImage.size(), QSize(32, 32));
            const QColor lightInk = inkOf(lightImage);
            QVERIFY2(lightInk.lightnessF() < 0.4, qPrintable(name));

            m_theme->apply(AppSettings::Theme::Dark);
            const QColor darkInk = inkOf(Icons::action(name).pixmap(QSize(32, 32), 1.0).toImage());
            QVERIFY2(darkInk.lightnessF() > 0.6, qPrintable(name));
            // At 200 % the icon is drawn at twice the pixels, not scaled up.
            const QPixmap sharp = Icons::action(name).pixmap(QSize(32, 32), 2.0);
            QCOMPARE(sharp.size(), QSize(64, 64));
        }
        QVERIFY(Icons::action(QStringLiteral("no-such-icon")).isNull());
        m_theme->apply(AppSettings::Theme::Light);
    }

    void fileTypeIcons_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("type");
        QTest::newRow("pdf") << "A-101 Floor plan.PDF"
                             << "pdf";
        QTest::newRow("dwg") << "S-200.dwg"
                             << "drawing";
        QTest::newRow("xlsx") << "Budget.xlsx"
                              << "spreadsheet";
        QTest::newRow("jpg") << "site photo.jpeg"
                             << "image";
        QTest::newRow("rvt") << "Tower.rvt"
                             << "model";
        QTest::newRow("zip") << "handover.zip"
                             << "archive";
        QTest::newRow("none") << "README"
                              << "file";
        QTest::newRow("unknown") << "data.xyz"
                                 << "file";
    }

    void fileTypeIcons()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, type);
        QCOMPARE(Icons::fileTypeName(fileName), type);
        const QIcon icon = Icons::fileType(fileName);
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.pixmap(QSize(48, 48), 1.0).size(), QSize(48, 48));
        QCOMPARE(icon.pixmap(QSize(48, 48), 2.0).size(), QSize(96, 96));
    }

    // Every icon on a light and a dark strip, for looking at (the test output folder).
    void iconSheet()
    {
        QStringList actions;
        for (const QString &file : QDir(QStringLiteral(":/icons/actions")).entryList())
            actions << file.chopped(4);
        QStringList types;
        for (const QString &file : QDir(QStringLiteral(":/icons/types")).entryList())
            types << file.chopped(4);
        QVERIFY(actions.size() >= 20);
        QVERIFY(types.size() >= 10);
        for (const bool dark : {false, true}) {
            m_theme->apply(dark ? AppSettings::Theme::Dark : AppSettings::Theme::Light);
            QWidget sheet;
            sheet.setAutoFillBackground(true);
            auto *grid = new QGridLayout(&sheet);
            int column = 0;
            int row = 0;
            const auto place = [&](const QIcon &icon, const QString &name) {
                auto *big = new QLabel(&sheet);
                big->setPixmap(icon.pixmap(QSize(32, 32)));
                auto *small = new QLabel(&sheet);
                small->setPixmap(icon.pixmap(QSize(16, 16)));
                auto *label = new QLabel(name, &sheet);
                grid->addWidget(big, row * 2, column, Qt::AlignCenter);
                grid->addWidget(small, row * 2, column + 1, Qt::AlignCenter);
                grid->addWidget(label, row * 2 + 1, column, 1, 2, Qt::AlignCenter);
                column += 2;
                if (column >= 16) {
                    column = 0;
                    ++row;
                }
            };
            for (const QString &name : std::as_const(actions))
                place(Icons::action(name), name);
            column = 0;
            ++row;
            for (const QString &name : std::as_const(types))
                place(QIcon(QStringLiteral(":/icons/types/%1.svg").arg(name)), name);
            sheet.show();
            QVERIFY(QTest::qWaitForWindowExposed(&sheet));
            QVERIFY(testing::saveScreenshot(
                &sheet, dark ? QStringLiteral("icons-dark") : QStringLiteral("icons-light")));
        }
        m_theme->apply(AppSettings::Theme::Light);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
