#pragma once

#include "ui/status/budgethistory.h"

#include <QWidget>

namespace trestle {

// The last hour of the budget as a small chart: calls per minute as bars, the remaining budget
// as a line over them. Painted with QPainter (QtCharts is not a dependency).
class BudgetChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetChart)

public:
    explicit BudgetChart(QWidget *parent = nullptr);
    ~BudgetChart() override;

    void setMinutes(const QVector<BudgetHistory::Minute> &minutes, const QColor &lineColor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<BudgetHistory::Minute> m_minutes;
    QColor m_lineColor;
};

} // namespace trestle
