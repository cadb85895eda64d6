#include "ui/settings/theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace trestle {

namespace {

// Fusion outlines check boxes and radio buttons with the window colour made darker, which on a
// dark window is darker still: the boxes vanished (an unticked "Preview first" was a black square
// on black). On dark palettes they get a light outline of their own.
class IndicatorOutlineStyle final : public QProxyStyle
{
public:
    explicit IndicatorOutlineStyle(QStyle *fusion) : QProxyStyle(fusion) { }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
        if (!indicator || !Theme::isDarkPalette(option->palette))
            return;
        QColor outline = option->palette.color(QPalette::WindowText);
        outline.setAlphaF(option->state & State_Enabled ? 0.55F : 0.3F);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(outline, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(box);
        else
            painter->drawRoundedRect(box, 1.5, 1.5);
        painter->restore();
    }
};

} // namespace

Theme::Theme(QObject *parent) : QObject(parent), m_platform(QApplication::palette())
{
    // Fusion draws the same on every platform and follows the palette faithfully, so the dark
    // palette looks dark everywhere (the native styles of Windows and macOS ignore parts of it).
    QApplication::setStyle(new IndicatorOutlineStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
}

Theme::~Theme() = default;

bool Theme::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette Theme::lightPalette()
{
    QPalette p;
    const QColor window(0xf4, 0xf5, 0xf7);
    const QColor text(0x1f, 0x23, 0x28);
    const QColor accent(0x1f, 0x6f, 0xc5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf3, 0xf7));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf2));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xc8, 0xce));
    p.setColor(QPalette::Dark, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Shadow, QColor(0x55, 0x5a, 0x60));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3f, 0xb5));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9f, 0xa6));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0xb8, 0xc4, 0xd2));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c);
    const QColor base(0x1c, 0x1e, 0x21);
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor accent(0x3d, 0x8b, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x98));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x32, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x49, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x2c, 0x2f, 0x33));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0e));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x94, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7f, 0x87));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x44, 0x50));
    return p;
}

void Theme::apply(AppSettings::Theme choice)
{
    m_choice = choice;
    switch (choice) {
    case AppSettings::Theme::Light:
        m_dark = false;
        break;
    case AppSettings::Theme::Dark:
        m_dark = true;
        break;
    case AppSettings::Theme::System:
        m_dark = isDarkPalette(m_platform);
        break;
    }
    QApplication::setPalette(m_dark ? darkPalette() : lightPalette());
    Q_EMIT changed(m_dark);
}

} // namespace trestle
