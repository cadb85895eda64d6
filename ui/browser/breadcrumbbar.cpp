#include "ui/browser/breadcrumbbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace trestle {

BreadcrumbBar::BreadcrumbBar(QWidget *parent) : QWidget(parent)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setPath(QString(), QString());
}

BreadcrumbBar::~BreadcrumbBar() = default;

void BreadcrumbBar::setPath(const QString &rootLabel, const QString &path)
{
    m_rootLabel = rootLabel;
    m_path = path;
    rebuild();
}

QSize BreadcrumbBar::minimumSizeHint() const
{
    const QSize button = m_buttons.isEmpty() ? QSize(0, 0) : m_buttons.constLast()->sizeHint();
    return QSize(qMin(button.width(), fontMetrics().averageCharWidth() * 12), button.height());
}

void BreadcrumbBar::rebuild()
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_buttons.clear();
    m_separators.clear();

    m_ellipsis = new QLabel(QStringLiteral("\u2026 \u203A"), this);
    m_ellipsis->setToolTip(m_path.isEmpty() ? m_rootLabel : m_rootLabel + QLatin1Char('/') + m_path);
    m_ellipsis->setContentsMargins(4, 0, 4, 0);
    m_ellipsis->hide();
    m_layout->addWidget(m_ellipsis);

    QStringList segments = m_path.isEmpty() ? QStringList() : m_path.split(QLatin1Char('/'));
    segments.prepend(m_rootLabel.isEmpty() ? tr("Root") : m_rootLabel);
    QString sofar;
    for (int i = 0; i < segments.size(); ++i) {
        if (i > 0) {
            auto *separator = new QLabel(QStringLiteral("\u203A"), this);
            separator->setEnabled(false);
            separator->setContentsMargins(2, 0, 2, 0);
            m_layout->addWidget(separator);
            m_separators.append(separator);
            sofar = sofar.isEmpty() ? segments.at(i) : sofar + QLatin1Char('/') + segments.at(i);
        }
        auto *button = new QToolButton(this);
        button->setAutoRaise(true);
        // A very long folder name must not push everything else out: elide it, the tooltip has it.
        const int maxWidth = fontMetrics().averageCharWidth() * 32;
        QString text = fontMetrics().elidedText(segments.at(i), Qt::ElideMiddle, maxWidth);
        button->setText(text.replace(QLatin1Char('&'), QStringLiteral("&&"))); // no mnemonics
        button->setToolTip(i == 0 ? segments.at(0) : sofar);
        const bool current = i == segments.size() - 1;
        if (current) {
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
        }
        const QString target = sofar;
        connect(button, &QToolButton::clicked, this, [this, target] { Q_EMIT folderClicked(target); });
        m_layout->addWidget(button);
        m_buttons.append(button);
    }
    m_layout->addStretch(1);
    fitToWidth();
}

void BreadcrumbBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToWidth();
}

void BreadcrumbBar::fitToWidth()
{
    // Hide folders from the root down until the rest fits; the current folder always stays.
    int needed = 0;
    for (QToolButton *button : std::as_const(m_buttons))
        needed += button->sizeHint().width();
    for (QLabel *separator : std::as_const(m_separators))
        needed += separator->sizeHint().width();
    const int available = width();
    int hidden = 0;
    const int ellipsisWidth = m_ellipsis->sizeHint().width();
    while (hidden < m_buttons.size() - 1 && needed + (hidden > 0 ? ellipsisWidth : 0) > available) {
        needed -= m_buttons.at(hidden)->sizeHint().width() + m_separators.at(hidden)->sizeHint().width();
        ++hidden;
    }
    for (int i = 0; i < m_buttons.size(); ++i) {
        m_buttons.at(i)->setVisible(i >= hidden);
        if (i > 0)
            m_separators.at(i - 1)->setVisible(i > hidden);
    }
    m_ellipsis->setVisible(hidden > 0);
}

} // namespace trestle
