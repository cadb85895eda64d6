#include "ui/browser/elidingcombobox.h"

#include <QEvent>
#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace trestle {

ElidingComboBox::ElidingComboBox(QWidget *parent) : QComboBox(parent)
{
    connect(this, &QComboBox::currentIndexChanged, this, [this] { updateToolTip(); });
    connect(this, &QComboBox::currentTextChanged, this, [this] { updateToolTip(); });
}

ElidingComboBox::~ElidingComboBox() = default;

void ElidingComboBox::setHint(const QString &hint)
{
    m_hint = hint;
    updateToolTip();
}

QString ElidingComboBox::shownText() const
{
    QStyleOptionComboBox option;
    initStyleOption(&option);
    // The room QCommonStyle's CE_ComboBoxLabel draws the text in: the edit field, less the icon
    // and the pixel it keeps on each side.
    QRect room = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    if (!option.currentIcon.isNull())
        room.setWidth(room.width() - option.iconSize.width() - 4);
    return fontMetrics().elidedText(option.currentText, Qt::ElideRight, qMax(0, room.width() - 2));
}

void ElidingComboBox::paintEvent(QPaintEvent *event)
{
    if (isEditable()) {
        QComboBox::paintEvent(event);
        return;
    }
    // As QComboBox::paintEvent, with the label's text cut to fit.
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
    // The current index may have changed with this box's signals blocked (a refill of the list).
    updateToolTip();
}

bool ElidingComboBox::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip)
        updateToolTip();
    return QComboBox::event(event);
}

void ElidingComboBox::updateToolTip()
{
    const QString text = currentText();
    QString tip = m_hint;
    if (!text.isEmpty())
        tip = m_hint.isEmpty() ? text : QStringLiteral("%1\n%2").arg(text, m_hint);
    if (tip != toolTip())
        setToolTip(tip);
}

} // namespace trestle
