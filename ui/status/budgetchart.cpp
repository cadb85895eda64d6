#include "ui/status/budgetchart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace trestle {

BudgetChart::BudgetChart(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("API calls in the last hour"));
}

BudgetChart::~BudgetChart() = default;

void BudgetChart::setMinutes(const QVector<BudgetHistory::Minute> &minutes, const QColor &lineColor)
{
    m_minutes = minutes;
    m_lineColor = lineColor;
    update();
}

QSize BudgetChart::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int em = fm.height();
    // Wide enough for the legend's one line in every language (paintEvent's layout: the scale's
    // margin, then two swatches with their texts), and never narrower than a readable plot.
    const qreal swatch = em * 0.8;
    const qreal legend = fm.horizontalAdvance(QLocale().toString(9999)) + em * 0.5 + 2 * (swatch + em * 0.3)
        + fm.horizontalAdvance(tr("calls per minute")) + em
        + fm.horizontalAdvance(tr("budget left (share of the hour)")) + em;
    return {std::max(em * 22, int(std::ceil(legend))), em * 10};
}

void BudgetChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int em = fm.height();

    // Plot area, with room for the axis labels below and the scale at the left.
    const QString maxLabelProbe = QLocale().toString(9999);
    const QRectF plot(fm.horizontalAdvance(maxLabelProbe) + em * 0.5, em * 0.5,
                      width() - fm.horizontalAdvance(maxLabelProbe) - em, height() - em * 3.5);
    if (plot.width() <= 10 || plot.height() <= 10)
        return;

    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlphaF(0.15);
    painter.setPen(QPen(grid, 1));
    for (int i = 0; i <= 4; ++i) {
        const qreal y = plot.top() + plot.height() * i / 4.0;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }

    int maxCalls = 1;
    int limit = 0;
    for (const auto &m : m_minutes) {
        maxCalls = std::max(maxCalls, m.calls);
        limit = std::max(limit, m.limit);
    }
    // Round the scale up to a readable number.
    int scale = 5;
    while (scale < maxCalls)
        scale = scale < 10 ? 10 : (scale < 20 ? 20 : (scale < 50 ? 50 : scale * 2));

    const int n = std::max<qsizetype>(1, m_minutes.size());
    const qreal slot = plot.width() / n;
    QColor bar = pal.color(QPalette::Highlight);
    bar.setAlphaF(0.55);
    painter.setPen(Qt::NoPen);
    painter.setBrush(bar);
    for (int i = 0; i < m_minutes.size(); ++i) {
        const int calls = m_minutes.at(i).calls;
        if (calls <= 0)
            continue;
        const qreal h = plot.height() * calls / scale;
        painter.drawRect(QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h));
    }

    // The remaining budget as a share of the limit, over the same plot.
    if (limit > 0) {
        QPainterPath line;
        bool open = false;
        for (int i = 0; i < m_minutes.size(); ++i) {
            const auto &m = m_minutes.at(i);
            if (m.remaining < 0) {
                open = false;
                continue;
            }
            const QPointF p(plot.left() + (i + 0.5) * slot,
                            plot.bottom()
                                - plot.height() * std::clamp(double(m.remaining) / limit, 0.0, 1.0));
            if (open)
                line.lineTo(p);
            else
                line.moveTo(p);
            open = true;
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(
            QPen(m_lineColor, std::max(1.5, em / 8.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(line);
    }

    painter.setPen(pal.color(QPalette::PlaceholderText));
    const QRectF left(0, plot.top() - em / 2.0, plot.left() - em * 0.3, em);
    painter.drawText(left, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(scale));
    painter.drawText(QRectF(0, plot.bottom() - em / 2.0, plot.left() - em * 0.3, em),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QRectF below(plot.left(), plot.bottom() + em * 0.25, plot.width(), em);
    painter.drawText(below, Qt::AlignLeft | Qt::AlignVCenter, tr("60 min ago"));
    painter.drawText(below, Qt::AlignRight | Qt::AlignVCenter, tr("now"));

    // The legend on its own line, with a swatch for each series.
    const QString callsText = tr("calls per minute");
    const QString budgetText = tr("budget left (share of the hour)");
    const qreal legendY = below.bottom() + em * 0.4;
    const qreal swatch = em * 0.8;
    qreal x = plot.left();
    painter.setPen(Qt::NoPen);
    painter.setBrush(bar);
    painter.drawRect(QRectF(x, legendY + (em - swatch) / 2, swatch, swatch));
    x += swatch + em * 0.3;
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRectF(x, legendY, fm.horizontalAdvance(callsText) + 2, em), Qt::AlignVCenter,
                     callsText);
    x += fm.horizontalAdvance(callsText) + em;
    painter.setPen(QPen(m_lineColor, std::max(1.5, em / 8.0), Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(x, legendY + em / 2.0), QPointF(x + swatch, legendY + em / 2.0));
    x += swatch + em * 0.3;
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRectF(x, legendY, fm.horizontalAdvance(budgetText) + 2, em), Qt::AlignVCenter,
                     budgetText);
}

} // namespace trestle
