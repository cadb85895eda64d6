#include "ui/status/budgetmeterwidget.h"

#include "ui/status/budgetbar.h"
#include "ui/status/budgetchart.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

namespace trestle {

BudgetMeterWidget::BudgetMeterWidget(QWidget *parent)
    : QWidget(parent)
    , m_clock(&QDateTime::currentDateTimeUtc)
    , m_caption(new QLabel(tr("API budget"), this))
    , m_bar(new BudgetBar(this))
    , m_label(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setAccessibleName(tr("API budget"));
    setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(8);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_caption);
    layout->addWidget(m_bar, 0, Qt::AlignVCenter);
    layout->addWidget(m_label);
    m_label->setTextFormat(Qt::PlainText);
    // The countdown moves by minutes; a 1 s tick keeps "waiting until" and the reset honest
    // without costing anything (it only re-formats a label).
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &BudgetMeterWidget::refresh);
    refresh();
}

BudgetMeterWidget::~BudgetMeterWidget() = default;

void BudgetMeterWidget::setMeter(RateLimitMeter *meter)
{
    if (meter == m_meter)
        return;
    disconnect(m_connection);
    m_meter = meter;
    m_hasSnapshot = false;
    m_snapshot = {};
    m_history = {};
    if (meter) {
        // snapshotChanged may come from a worker thread: queued into ours.
        m_connection = connect(meter, &RateLimitMeter::snapshotChanged, this, &BudgetMeterWidget::setSnapshot,
                               Qt::QueuedConnection);
        setSnapshot(meter->snapshot());
    }
    refresh();
}

void BudgetMeterWidget::setSnapshot(const RateLimitSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_hasSnapshot = true;
    m_history.record(snapshot, m_clock());
    refresh();
}

void BudgetMeterWidget::setJobWaitingUntil(const QDateTime &until)
{
    m_jobWaitingUntil = until;
    refresh();
}

void BudgetMeterWidget::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

BudgetMeterWidget::Level BudgetMeterWidget::level() const
{
    if (!m_hasSnapshot || m_snapshot.hourlyLimit <= 0)
        return Level::Unknown;
    const double left = double(m_snapshot.hourlyRemaining) / m_snapshot.hourlyLimit;
    if (left < 0.10)
        return Level::Critical;
    if (left < 0.25)
        return Level::Low;
    return Level::Plenty;
}

QColor BudgetMeterWidget::levelColor(Level level, const QPalette &palette)
{
    // Two sets so each keeps its contrast: deeper tones on light windows, brighter on dark ones.
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    switch (level) {
    case Level::Plenty:
        return dark ? QColor(0x4c, 0xb8, 0x6a) : QColor(0x2e, 0x8b, 0x47);
    case Level::Low:
        return dark ? QColor(0xe8, 0xa8, 0x35) : QColor(0xc9, 0x84, 0x0b);
    case Level::Critical:
        return dark ? QColor(0xf0, 0x5d, 0x55) : QColor(0xc9, 0x36, 0x2f);
    case Level::Unknown:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

QColor BudgetMeterWidget::barColor() const
{
    return m_bar->color();
}

QColor BudgetMeterWidget::textColor() const
{
    return m_label->palette().color(QPalette::WindowText);
}

QDateTime BudgetMeterWidget::waitingUntil() const
{
    const QDateTime now = m_clock();
    QDateTime until;
    if (m_jobWaitingUntil.isValid() && m_jobWaitingUntil > now)
        until = m_jobWaitingUntil;
    if (m_snapshot.waitingUntil.isValid() && m_snapshot.waitingUntil > now && m_snapshot.waitingUntil > until)
        until = m_snapshot.waitingUntil;
    return until;
}

QString BudgetMeterWidget::text() const
{
    return m_label->text();
}

void BudgetMeterWidget::refresh()
{
    const QLocale locale;
    const QDateTime now = m_clock();
    const Level lvl = level();
    m_bar->setValue(lvl == Level::Unknown ? -1 : double(m_snapshot.hourlyRemaining) / m_snapshot.hourlyLimit,
                    levelColor(lvl, palette()));

    QStringList parts;
    if (lvl == Level::Unknown) {
        parts << tr("no calls yet");
    } else {
        // "≈" when the server sends no headers and the meter counts our own calls.
        parts << (m_snapshot.headersSeen ? QString() : QStringLiteral("≈"))
                + tr("%1 / %2").arg(locale.toString(m_snapshot.hourlyRemaining),
                                    locale.toString(m_snapshot.hourlyLimit));
        if (m_snapshot.hourlyResetAt.isValid()) {
            const qint64 secs = now.secsTo(m_snapshot.hourlyResetAt);
            if (secs <= 0)
                parts << tr("resetting");
            else if (secs < 60)
                parts << tr("resets in < 1 min");
            else
                parts << tr("resets in %n min", nullptr, int((secs + 59) / 60));
        }
        parts << tr("%1/min").arg(locale.toString(m_snapshot.callsLastMinute));
    }
    const QDateTime until = waitingUntil();
    if (until.isValid())
        parts
            << tr("waiting until %1").arg(locale.toString(until.toLocalTime().time(), QLocale::ShortFormat));
    m_label->setText(parts.join(QStringLiteral(" · ")));

    // The words take the bar's colour when it matters: red when the budget is nearly spent, and at
    // least amber while a job waits (a red bar beside amber words read as two different states).
    QPalette labelPalette = palette();
    if (until.isValid() || lvl == Level::Critical)
        labelPalette.setColor(QPalette::WindowText,
                              levelColor(lvl == Level::Critical ? Level::Critical : Level::Low, palette()));
    m_label->setPalette(labelPalette);

    QString tip = tr("Procore API calls left this hour for this application.");
    if (m_hasSnapshot && m_snapshot.spikeLimit > 0)
        tip += QLatin1Char('\n')
            + tr("Short-term limit: %1 of %2 left")
                  .arg(locale.toString(m_snapshot.spikeRemaining), locale.toString(m_snapshot.spikeLimit));
    if (m_snapshot.predictedExhaustion.isValid())
        tip += QLatin1Char('\n')
            + tr("At this pace the budget runs out at %1")
                  .arg(locale.toString(m_snapshot.predictedExhaustion.toLocalTime().time(),
                                       QLocale::ShortFormat));
    tip += QLatin1Char('\n') + tr("Click for the last hour.");
    setToolTip(tip);

    const bool ticking = m_snapshot.hourlyResetAt.isValid() || until.isValid();
    if (ticking && !m_tick->isActive())
        m_tick->start();
    else if (!ticking)
        m_tick->stop();
    if (m_chart)
        m_chart->setMinutes(m_history.lastHour(now), levelColor(lvl, palette()));
}

QWidget *BudgetMeterWidget::showChart()
{
    if (!m_popup) {
        auto *popup = new QFrame(this, Qt::Popup);
        popup->setAttribute(Qt::WA_DeleteOnClose);
        popup->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(popup);
        auto *title = new QLabel(tr("API calls in the last hour"), popup);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        layout->addWidget(title);
        m_chart = new BudgetChart(popup);
        layout->addWidget(m_chart);
        auto *summary = new QLabel(m_label->text(), popup);
        summary->setObjectName(QStringLiteral("summary"));
        layout->addWidget(summary);
        connect(popup, &QObject::destroyed, this, [this] { m_chart = nullptr; });
        m_popup = popup;
    }
    m_chart->setMinutes(m_history.lastHour(m_clock()), levelColor(level(), palette()));
    if (auto *summary = m_popup->findChild<QLabel *>(QStringLiteral("summary")))
        summary->setText(m_label->text());
    m_popup->adjustSize();
    // Above the status bar, kept on the screen.
    QPoint pos = mapToGlobal(QPoint(0, -m_popup->height()));
    if (const QScreen *s = screen()) {
        const QRect area = s->availableGeometry();
        pos.setX(std::clamp(pos.x(), area.left(), std::max(area.left(), area.right() - m_popup->width())));
        pos.setY(std::max(pos.y(), area.top()));
    }
    m_popup->move(pos);
    m_popup->show();
    return m_popup;
}

void BudgetMeterWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        showChart();
    QWidget::mousePressEvent(event);
}

void BudgetMeterWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace trestle
