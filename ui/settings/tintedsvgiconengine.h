#pragma once

#include <QByteArray>
#include <QHash>
#include <QIconEngine>

namespace trestle {

// An icon drawn from a monochrome SVG whose strokes say "currentColor", painted in the current
// palette's text colour at exactly the size asked for. So one drawing serves the light and the
// dark theme, and stays sharp at any scale (QIcon's own SVG engine cannot recolour).
// Rendered through the "svg" image format plugin, so trestle_ui needs no QtSvg link.
class TintedSvgIconEngine final : public QIconEngine
{
public:
    explicit TintedSvgIconEngine(const QByteArray &svg);
    ~TintedSvgIconEngine() override;

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override { return m_svg.isEmpty(); }

private:
    TintedSvgIconEngine(const TintedSvgIconEngine &other) = default;
    QPixmap render(const QSize &pixelSize, QIcon::Mode mode);

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache; // by size, mode and colour
};

} // namespace trestle
