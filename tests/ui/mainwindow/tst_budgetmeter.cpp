// The API budget meter: what it says and which colour it shows for a snapshot, the reset
// countdown and "waiting until" with a hand-driven clock, a real RateLimitMeter feeding it
// through its queued signal, and the last-hour chart.
#include "core/api/ratelimitmeter.h"
#include "screenshots.h"
#include "ui/settings/theme.h"
#include "ui/status/budgetchart.h"
#include "ui/status/budgethistory.h"
#include "ui/status/budgetmeterwidget.h"

#include <QApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace trestle;

class TestBudgetMeter final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Theme> m_theme;
    QDateTime m_now = QDateTime(QDate(2026, 11, 26), QTime(14, 0), Qt::UTC);

    RateLimitSnapshot snapshot(int remaining, int limit = 3600, int minutesToReset = 12,
                               int perMinute = 14) const
    {
        RateLimitSnapshot s;
        s.hourlyLimit = limit;
        s.hourlyRemaining = remaining;
        s.hourlyResetAt = m_now.addSecs(minutesToReset * 60);
        s.callsLastMinute = perMinute;
        s.headersSeen = true;
        return s;
    }

    std::unique_ptr<BudgetMeterWidget> meterWidget()
    {
        auto widget = std::make_unique<BudgetMeterWidget>();
        widget->setClock([this] { return m_now; });
        return widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_theme = std::make_unique<Theme>();
        m_theme->apply(AppSettings::Theme::Light);
    }

    // Regression: the legend's second entry ("budget left (share of the hour)") was cut off in the
    // popup's 332 px: the chart asks for the width its one-line legend needs.
    void chartIsWideEnoughForItsLegend()
    {
        BudgetChart chart;
        const QFontMetrics fm = chart.fontMetrics();
        const int texts = fm.horizontalAdvance(BudgetChart::tr("calls per minute"))
            + fm.horizontalAdvance(BudgetChart::tr("budget left (share of the hour)"));
        const int margins = fm.horizontalAdvance(QLocale().toString(9999)) + 3 * fm.height();
        QVERIFY2(chart.sizeHint().width() >= texts + margins,
                 qPrintable(QStringLiteral("%1 < %2").arg(chart.sizeHint().width()).arg(texts + margins)));
    }

    void unknownBeforeTheFirstCall()
    {
        auto widget = meterWidget();
        QCOMPARE(widget->level(), BudgetMeterWidget::Level::Unknown);
        QCOMPARE(widget->text(), QStringLiteral("no calls yet"));
    }

    void levelsAndColours_data()
    {
        QTest::addColumn<int>("remaining");
        QTest::addColumn<int>("level");
        QTest::newRow("full") << 3600 << int(BudgetMeterWidget::Level::Plenty);
        QTest::newRow("25 % is still plenty") << 900 << int(BudgetMeterWidget::Level::Plenty);
        QTest::newRow("just under 25 %") << 899 << int(BudgetMeterWidget::Level::Low);
        QTest::newRow("10 % is low") << 360 << int(BudgetMeterWidget::Level::Low);
        QTest::newRow("just under 10 %") << 359 << int(BudgetMeterWidget::Level::Critical);
        QTest::newRow("spent") << 0 << int(BudgetMeterWidget::Level::Critical);
    }

    void levelsAndColours()
    {
        QFETCH(int, remaining);
        QFETCH(int, level);
        auto widget = meterWidget();
        widget->setSnapshot(snapshot(remaining));
        QCOMPARE(int(widget->level()), level);
        QCOMPARE(widget->barColor(),
                 BudgetMeterWidget::levelColor(BudgetMeterWidget::Level(level), widget->palette()));
        QVERIFY(widget->text().startsWith(QStringLiteral("%1 / 3,600").arg(QLocale().toString(remaining))));
    }

    void coloursDifferAndFollowThePalette()
    {
        const QPalette light = Theme::lightPalette();
        const QPalette dark = Theme::darkPalette();
        using L = BudgetMeterWidget::Level;
        for (const QPalette &p : {light, dark}) {
            QVERIFY(BudgetMeterWidget::levelColor(L::Plenty, p) != BudgetMeterWidget::levelColor(L::Low, p));
            QVERIFY(BudgetMeterWidget::levelColor(L::Low, p)
                    != BudgetMeterWidget::levelColor(L::Critical, p));
            // Green, amber, red by hue.
            QVERIFY(qAbs(BudgetMeterWidget::levelColor(L::Plenty, p).hue() - 130) < 30);
            QVERIFY(qAbs(BudgetMeterWidget::levelColor(L::Low, p).hue() - 38) < 15);
            QVERIFY(BudgetMeterWidget::levelColor(L::Critical, p).hue() < 10);
        }
        // Brighter on the dark window than on the light one.
        QVERIFY(BudgetMeterWidget::levelColor(L::Critical, dark).lightnessF()
                > BudgetMeterWidget::levelColor(L::Critical, light).lightnessF());
    }

    void countdownAndRate()
    {
        auto widget = meterWidget();
        widget->setSnapshot(snapshot(2940, 3600, 12, 14));
        QCOMPARE(widget->text(), QStringLiteral("2,940 / 3,600 · resets in 12 min · 14/min"));
        m_now = m_now.addSecs(11 * 60 + 40);
        widget->setJobWaitingUntil({}); // any refresh; the product ticks every second
        QCOMPARE(widget->text(), QStringLiteral("2,940 / 3,600 · resets in < 1 min · 14/min"));
        m_now = m_now.addSecs(60);
        widget->setJobWaitingUntil({});
        QVERIFY(widget->text().contains(QStringLiteral("resetting")));
        m_now = m_now.addSecs(-(12 * 60 + 40));
    }

    void waitingUntil()
    {
        auto widget = meterWidget();
        widget->setSnapshot(snapshot(0, 3600, 20, 0));
        const QDateTime until = m_now.addSecs(20 * 60);
        widget->setJobWaitingUntil(until);
        const QString clock = QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat);
        QVERIFY2(widget->text().endsWith(QStringLiteral("waiting until %1").arg(clock)),
                 qPrintable(widget->text()));
        // From the meter's own hold (a 429) as well.
        widget->setJobWaitingUntil({});
        QVERIFY(!widget->text().contains(QStringLiteral("waiting")));
        RateLimitSnapshot held = snapshot(0, 3600, 20, 0);
        held.waitingUntil = until;
        widget->setSnapshot(held);
        QVERIFY(widget->text().contains(QStringLiteral("waiting until %1").arg(clock)));
        // Past the time, the words go.
        m_now = until.addSecs(1);
        widget->setJobWaitingUntil({});
        QVERIFY(!widget->text().contains(QStringLiteral("waiting")));
        m_now = until.addSecs(-20 * 60 - 1);
    }

    // The words beside the bar: plain while plenty is left; amber while a job waits; red, like the
    // bar, when the budget is nearly spent, waiting or not (they were amber beside a red bar).
    void wordsTakeTheBarsColour_data()
    {
        QTest::addColumn<int>("remaining");
        QTest::addColumn<bool>("waiting");
        QTest::addColumn<int>("level"); // of the words' colour; Unknown: the palette's own
        using L = BudgetMeterWidget::Level;
        QTest::newRow("plenty") << 3000 << false << int(L::Unknown);
        QTest::newRow("low") << 800 << false << int(L::Unknown);
        QTest::newRow("plenty, a job waits") << 3000 << true << int(L::Low);
        QTest::newRow("critical") << 7 << false << int(L::Critical);
        QTest::newRow("critical, a job waits") << 7 << true << int(L::Critical);
    }

    void wordsTakeTheBarsColour()
    {
        QFETCH(int, remaining);
        QFETCH(bool, waiting);
        QFETCH(int, level);
        auto widget = meterWidget();
        widget->setSnapshot(snapshot(remaining, 3600, 20, 0));
        widget->setJobWaitingUntil(waiting ? m_now.addSecs(20 * 60) : QDateTime());
        const auto expected = BudgetMeterWidget::Level(level);
        const QColor colour = expected == BudgetMeterWidget::Level::Unknown
            ? widget->palette().color(QPalette::WindowText)
            : BudgetMeterWidget::levelColor(expected, widget->palette());
        QCOMPARE(widget->textColor(), colour);
        if (expected == BudgetMeterWidget::Level::Critical)
            QCOMPARE(widget->textColor(), widget->barColor());
    }

    // A real meter fed with headers, as ProcoreClient feeds it; the widget hears it through the
    // queued snapshotChanged signal.
    void followsARealMeter()
    {
        RateLimitMeter meter;
        auto widget = meterWidget();
        widget->setMeter(&meter);
        QCOMPARE(widget->meter(), &meter);
        const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 600);
        meter.recordResponse(200, "3600", "3599", reset, {});
        QTRY_COMPARE(widget->snapshot().hourlyRemaining, 3599);
        QCOMPARE(widget->level(), BudgetMeterWidget::Level::Plenty);
        meter.recordResponse(200, "3600", "340", reset, {});
        QTRY_COMPARE(widget->snapshot().hourlyRemaining, 340);
        QCOMPARE(widget->level(), BudgetMeterWidget::Level::Critical);
        QVERIFY(widget->text().startsWith(QStringLiteral("340 / 3,600")));
        widget->setMeter(nullptr);
        QCOMPARE(widget->level(), BudgetMeterWidget::Level::Unknown);
    }

    void historyKeepsAnHourByMinute()
    {
        BudgetHistory history;
        const QDateTime start = m_now;
        for (int minute = 0; minute < 90; ++minute) {
            const QDateTime t = start.addSecs(minute * 60 + 5);
            history.record(snapshot(3600 - minute * 10, 3600, 60, minute % 7), t);
            history.record(snapshot(3600 - minute * 10 - 5, 3600, 60, minute % 5), t.addSecs(20));
        }
        const QDateTime end = start.addSecs(89 * 60 + 30);
        const auto hour = history.lastHour(end);
        QCOMPARE(hour.size(), 60);
        QCOMPARE(hour.last().remaining, 3600 - 89 * 10 - 5);
        QCOMPARE(hour.last().calls, std::max(89 % 7, 89 % 5));
        QCOMPARE(hour.first().remaining, 3600 - 30 * 10 - 5);
        // A quiet stretch shows as empty minutes.
        const auto later = history.lastHour(end.addSecs(30 * 60));
        QCOMPARE(later.size(), 60);
        QCOMPARE(later.last().remaining, -1);
        QCOMPARE(later.at(29).remaining, 3600 - 89 * 10 - 5);
    }

    void screenshots()
    {
        for (const bool dark : {false, true}) {
            m_theme->apply(dark ? AppSettings::Theme::Dark : AppSettings::Theme::Light);
            const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
            const std::pair<int, const char *> cases[] = {{2940, "plenty"}, {700, "low"}, {120, "critical"}};
            for (const auto &[remaining, name] : cases) {
                auto widget = meterWidget();
                widget->setAutoFillBackground(true);
                widget->setSnapshot(snapshot(remaining));
                widget->show();
                QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
                QVERIFY(testing::saveScreenshot(
                    widget.get(), QStringLiteral("meter-%1-%2").arg(QLatin1String(name), theme)));
            }
            auto widget = meterWidget();
            widget->setAutoFillBackground(true);
            widget->setSnapshot(snapshot(0, 3600, 20, 0));
            widget->setJobWaitingUntil(m_now.addSecs(20 * 60));
            widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
            QVERIFY(testing::saveScreenshot(widget.get(), QStringLiteral("meter-waiting-%1").arg(theme)));

            // The chart: a job that ran for 40 minutes at a growing pace.
            const QDateTime base = m_now;
            for (int minute = 0; minute < 60; ++minute) {
                m_now = base.addSecs(minute * 60);
                const int perMinute = minute < 15 ? 0 : std::min(60, (minute - 15) * 3);
                widget->setSnapshot(
                    snapshot(3600 - std::max(0, minute - 15) * 60, 3600, 60 - minute, perMinute));
            }
            QWidget *popup = widget->showChart();
            QVERIFY(popup);
            QVERIFY(QTest::qWaitForWindowExposed(popup));
            QVERIFY(testing::saveScreenshot(popup, QStringLiteral("meter-chart-%1").arg(theme)));
            popup->close();
            m_now = base;
        }
        m_theme->apply(AppSettings::Theme::Light);
    }
};

QTEST_MAIN(TestBudgetMeter)
#include "tst_budgetmeter.moc"
