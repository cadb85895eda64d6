#include "ui/wizard/wizardstyle.h"

#include <QLabel>
#include <QPalette>

namespace trestle::wizard {

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(QLabel::tr("Status"));
    label->hide();
    return label;
}

void showMessage(QLabel *label, Tone tone, const QString &text)
{
    label->setText(text);
    label->setAccessibleDescription(text);
    QString style;
    switch (tone) {
    case Tone::Success:
        style = QStringLiteral("QLabel { color: #1b7a2e; font-weight: bold; }");
        break;
    case Tone::Error:
        style = QStringLiteral("QLabel { color: #b00020; }");
        break;
    case Tone::Busy:
    case Tone::Neutral:
        break;
    }
    label->setStyleSheet(style);
    label->setVisible(!text.isEmpty());
}

QLabel *makeHintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace trestle::wizard
