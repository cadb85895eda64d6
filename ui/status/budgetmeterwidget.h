#pragma once

#include "core/api/ratelimitmeter.h"
#include "ui/status/budgethistory.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QTimer;

namespace trestle {

class BudgetBar;
class BudgetChart;

// The API budget in the status bar: "2,940 / 3,600" with a bar that turns amber below 25 % and
// red below 10 %, the reset countdown, calls per minute, and "waiting until 14:05" while a job is
// held. A click opens the last hour as a chart. Fed by RateLimitMeter::snapshotChanged (the
// server's X-Rate-Limit-* headers); it never asks the server anything itself.
class BudgetMeterWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetMeterWidget)

public:
    enum class Level { Unknown, Plenty, Low, Critical };

    explicit BudgetMeterWidget(QWidget *parent = nullptr);
    ~BudgetMeterWidget() override;

    // The meter of the connection in use (null: no Procore connection, the widget hides).
    void setMeter(RateLimitMeter *meter);
    RateLimitMeter *meter() const { return m_meter; }
    void setSnapshot(const RateLimitSnapshot &snapshot);
    // A job is held by the budget until `until` (from the job queue's progress); invalid: none.
    void setJobWaitingUntil(const QDateTime &until);
    // Tests drive time by hand; the product keeps the wall clock.
    void setClock(std::function<QDateTime()> clock);

    RateLimitSnapshot snapshot() const { return m_snapshot; }
    Level level() const;
    QString text() const; // what the label shows now
    QColor barColor() const;
    QColor textColor() const; // of the words beside the bar
    static QColor levelColor(Level level, const QPalette &palette);

    // The last-hour chart as a popup under the meter (also on click).
    QWidget *showChart();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    QDateTime waitingUntil() const;

    QPointer<RateLimitMeter> m_meter;
    QMetaObject::Connection m_connection;
    RateLimitSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    QDateTime m_jobWaitingUntil;
    BudgetHistory m_history;
    std::function<QDateTime()> m_clock;
    QLabel *m_caption;
    BudgetBar *m_bar;
    QLabel *m_label;
    QTimer *m_tick;
    QPointer<QWidget> m_popup;
    BudgetChart *m_chart = nullptr;
};

} // namespace trestle
