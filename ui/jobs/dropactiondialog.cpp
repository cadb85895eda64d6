#include "ui/jobs/dropactiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
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
    // Under the migration's sentence, indented as it is: the history belongs to that choice.
    m_versions = new QComboBox(this);
    m_versions->setObjectName(QStringLiteral("versionsBox"));
    m_versions->addItem(tr("All versions, oldest first"), JobPolicies::versionsName(VersionsPolicy::All));
    m_versions->addItem(tr("The latest version only"), JobPolicies::versionsName(VersionsPolicy::Latest));
    // A little more than the style asks: its hint cut the longest choice by a few pixels.
    m_versions->setMinimumWidth(m_versions->sizeHint().width() + fontMetrics().averageCharWidth() * 2);
    auto *versionsLabel = new QLabel(tr("Version &history:"), this);
    versionsLabel->setBuddy(m_versions);
    auto *versionsRow = new QHBoxLayout;
    versionsRow->setContentsMargins(style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                                        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing),
                                    0, 0, 0);
    versionsRow->addWidget(versionsLabel);
    versionsRow->addWidget(m_versions);
    versionsRow->addStretch(1);
    layout->addLayout(versionsRow);
    connect(m_migrate, &QRadioButton::toggled, m_versions, &QWidget::setEnabled);
    connect(m_migrate, &QRadioButton::toggled, versionsLabel, &QWidget::setEnabled);
    m_copy->setChecked(true);
    m_versions->setEnabled(false);
    versionsLabel->setEnabled(false);

    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing));
    addScheduleRow();
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
    resize(qMax(minimumWidth(), layout->sizeHint().width()), height());
    fitHeight();
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

void DropActionDialog::addScheduleRow()
{
    m_again = new QComboBox(this);
    m_again->setObjectName(QStringLiteral("againBox"));
    m_again->addItem(tr("Only now"), int(JobSchedule::Kind::None));
    m_again->addItem(tr("Every"), int(JobSchedule::Kind::EveryHours));
    m_again->addItem(tr("Daily at"), int(JobSchedule::Kind::DailyAt));
    m_again->setToolTip(tr("While Trestle runs, the job runs again by itself; each run moves what "
                           "changed or is still missing since the last one."));
    m_everyHours = new QSpinBox(this);
    m_everyHours->setObjectName(QStringLiteral("everyHoursBox"));
    m_everyHours->setRange(1, 8760);
    m_everyHours->setValue(6);
    m_everyHours->setSuffix(tr(" hours"));
    m_dailyAt = new QTimeEdit(QTime(7, 0), this);
    m_dailyAt->setObjectName(QStringLiteral("dailyAtEdit"));
    // Minutes are what a schedule keeps: the locale's short time without seconds ("HH:mm:ss" in C).
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    m_dailyAt->setDisplayFormat(format);
    auto *label = new QLabel(tr("Run &again:"), this);
    label->setBuddy(m_again);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_again);
    row->addWidget(m_everyHours);
    row->addWidget(m_dailyAt);
    row->addStretch(1);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    connect(m_again, &QComboBox::currentIndexChanged, this, &DropActionDialog::showScheduleFields);
    showScheduleFields();
}

void DropActionDialog::showScheduleFields()
{
    const auto kind = JobSchedule::Kind(m_again->currentData().toInt());
    m_everyHours->setVisible(kind == JobSchedule::Kind::EveryHours);
    m_dailyAt->setVisible(kind == JobSchedule::Kind::DailyAt);
    fitHeight(); // a time field is a pixel taller than the combo box beside it
}

void DropActionDialog::fitHeight()
{
    // The wrapped sentences need the height their width gives them; a window's layout does not ask
    // for it by itself, and they were cut by a pixel or two (a long question, 200 %).
    if (!m_remember)
        return; // still being built: the constructor fits it once complete
    const int height = layout()->totalHeightForWidth(width());
    setMinimumHeight(height);
    if (!isVisible() || this->height() < height) // shown, it only grows: the user may have made it taller
        resize(width(), height);
}

JobSchedule DropActionDialog::schedule() const
{
    switch (JobSchedule::Kind(m_again->currentData().toInt())) {
    case JobSchedule::Kind::EveryHours:
        return JobSchedule::every(m_everyHours->value());
    case JobSchedule::Kind::DailyAt:
        return JobSchedule::dailyAt(m_dailyAt->time());
    case JobSchedule::Kind::None:
        break;
    }
    return JobSchedule();
}

void DropActionDialog::setSchedule(const JobSchedule &schedule)
{
    if (schedule.kind == JobSchedule::Kind::EveryHours)
        m_everyHours->setValue(schedule.everyHours);
    else if (schedule.kind == JobSchedule::Kind::DailyAt)
        m_dailyAt->setTime(schedule.at);
    m_again->setCurrentIndex(qMax(0, m_again->findData(int(schedule.kind))));
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

VersionsPolicy DropActionDialog::versions() const
{
    return JobPolicies::versionsFromName(m_versions->currentData().toString()).value_or(VersionsPolicy::All);
}

void DropActionDialog::setVersions(VersionsPolicy versions)
{
    m_versions->setCurrentIndex(qMax(0, m_versions->findData(JobPolicies::versionsName(versions))));
}

} // namespace trestle
