#pragma once

#include <QWidget>

namespace trestle {

// The meter's bar: the share of the hourly budget left, in the colour of its level. Painted by
// hand because QProgressBar's chunk colour comes from the style, which some styles ignore.
class BudgetBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetBar)

public:
    explicit BudgetBar(QWidget *parent = nullptr);
    ~BudgetBar() override;

    void setValue(double fraction, const QColor &color); // fraction < 0: unknown (empty track)
    double fraction() const { return m_fraction; }
    QColor color() const { return m_color; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_fraction = -1;
    QColor m_color;
};

} // namespace trestle
