#include "ui/jobs/dropactiondialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace trestle {

DropActionDialog::DropActionDialog(const QString &question, QWidget *parent)
    : QDialog(parent), m_question(new QLabel(question, this))
{
    setObjectName(QStringLiteral("dropActionDialog"));
    setWindowTitle(tr("Transfer"));
    auto *layout = new QVBoxLayout(this);
    QFont headingFont = m_question->font();
    headingFont.setBold(true);
    m_question->setFont(headingFont);
    m_question->setWordWrap(true);
    layout->addWidget(m_question);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing) * 2);

    m_copy = addChoice(QStringLiteral("copyChoice"), tr("&Copy"),
                       tr("Adds the items to the destination and updates files that changed there. "
                          "Nothing is deleted."));
    m_sync = addChoice(QStringLiteral("syncChoice"), tr("&Sync"),
                       tr("Makes the destination mirror the source: adds and updates files, and removes "
                          "what the source no longer has when your delete policy allows it."));
    m_migrate = addChoice(QStringLiteral("migrateChoice"), tr("&Migrate"),
                          tr("Copies with version history where the source keeps one, then checks every "
                             "file at the destination. The source is left as it is."));
    m_copy->setChecked(true);

    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    m_preview =
        new QCheckBox(tr("&Preview first (dry run): show what will happen before anything moves"), this);
    m_preview->setObjectName(QStringLiteral("previewCheck"));
    layout->addWidget(m_preview);
    m_remember = new QCheckBox(tr("&Remember my choice and do not ask again"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setToolTip(tr("You can ask again in Settings."));
    layout->addWidget(m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startButton"));
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QCheckBox::toggled, this, [buttons](bool preview) {
        buttons->button(QDialogButtonBox::Ok)->setText(preview ? tr("&Preview") : tr("&Start"));
    });
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

DropActionDialog::~DropActionDialog() = default;

QRadioButton *DropActionDialog::addChoice(const QString &objectName, const QString &title,
                                          const QString &description)
{
    auto *button = new QRadioButton(title, this);
    button->setObjectName(objectName);
    QFont font = button->font();
    font.setBold(true);
    button->setFont(font);
    auto *label = new QLabel(description, this);
    label->setWordWrap(true);
    label->setBuddy(button);
    // Indented under the button's text, so each sentence reads as part of its choice.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    label->setContentsMargins(indent, 0, 0, style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(button);
    layout->addWidget(label);
    return button;
}

JobKind DropActionDialog::kind() const
{
    if (m_sync->isChecked())
        return JobKind::Sync;
    if (m_migrate->isChecked())
        return JobKind::Migrate;
    return JobKind::Copy;
}

void DropActionDialog::setKind(JobKind kind)
{
    (kind == JobKind::Sync ? m_sync : kind == JobKind::Migrate ? m_migrate : m_copy)->setChecked(true);
}

bool DropActionDialog::previewFirst() const
{
    return m_preview->isChecked();
}

void DropActionDialog::setPreviewFirst(bool preview)
{
    m_preview->setChecked(preview);
}

bool DropActionDialog::rememberChoice() const
{
    return m_remember->isChecked();
}

} // namespace trestle
