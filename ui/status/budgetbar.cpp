#include "ui/status/budgetbar.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace trestle {

BudgetBar::BudgetBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

BudgetBar::~BudgetBar() = default;

void BudgetBar::setValue(double fraction, const QColor &color)
{
    if (qFuzzyCompare(fraction + 2, m_fraction + 2) && color == m_color)
        return;
    m_fraction = fraction;
    m_color = color;
    update();
}

QSize BudgetBar::sizeHint() const
{
    const int h = std::max(8, fontMetrics().height() / 2);
    return {fontMetrics().averageCharWidth() * 14, h};
}

void BudgetBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = track.height() / 2;
    QColor trackColor = palette().color(QPalette::WindowText);
    trackColor.setAlphaF(0.14);
    painter.setPen(Qt::NoPen);
    painter.setBrush(trackColor);
    painter.drawRoundedRect(track, radius, radius);
    if (m_fraction <= 0)
        return;
    QRectF fill = track;
    fill.setWidth(std::max(track.height(), track.width() * std::min(1.0, m_fraction)));
    QPainterPath clip;
    clip.addRoundedRect(track, radius, radius);
    painter.setClipPath(clip);
    painter.setBrush(m_color);
    painter.drawRoundedRect(fill, radius, radius);
}

} // namespace trestle
