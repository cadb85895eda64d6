#include "ui/settings/tintedsvgiconengine.h"

#include <QApplication>
#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QPalette>

namespace trestle {

TintedSvgIconEngine::TintedSvgIconEngine(const QByteArray &svg) : m_svg(svg) { }

TintedSvgIconEngine::~TintedSvgIconEngine() = default;

QPixmap TintedSvgIconEngine::render(const QSize &pixelSize, QIcon::Mode mode)
{
    if (pixelSize.isEmpty() || m_svg.isEmpty())
        return {};
    const QPalette palette = QApplication::palette();
    QColor color = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal,
                                 mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
    const QString key = QStringLiteral("%1x%2-%3-%4")
                            .arg(pixelSize.width())
                            .arg(pixelSize.height())
                            .arg(int(mode))
                            .arg(color.rgba(), 0, 16);
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;

    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QBuffer buffer(&svg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(pixelSize);
    QPixmap pixmap = QPixmap::fromImage(reader.read());
    if (m_cache.size() > 64)
        m_cache.clear();
    m_cache.insert(key, pixmap);
    return pixmap;
}

void TintedSvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap pm = render(rect.size() * dpr, mode);
    pm.setDevicePixelRatio(dpr);
    painter->drawPixmap(rect, pm);
}

QPixmap TintedSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    return render(size, mode);
}

QPixmap TintedSvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    // QIcon passes the size in device pixels already (Qt 6: size * devicePixelRatio).
    QPixmap pm = render(size, mode);
    pm.setDevicePixelRatio(scale);
    return pm;
}

QSize TintedSvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size;
}

QIconEngine *TintedSvgIconEngine::clone() const
{
    return new TintedSvgIconEngine(*this);
}

QString TintedSvgIconEngine::key() const
{
    return QStringLiteral("trestle-tinted-svg");
}

} // namespace trestle
