#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace trestle {

namespace {

void selectData(QComboBox *box, const QVariant &value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_initial(settings)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(transfersPage(), tr("Transfers"));
    tabs->addTab(policiesPage(), tr("Default policies"));
    tabs->addTab(appearancePage(), tr("Appearance"));
    layout->addWidget(tabs);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_workers->setValue(settings.workersPerJob);
    m_jobs->setValue(settings.jobsAtOnce);
    m_bandwidth->setValue(settings.bandwidthCapKiBps);
    m_reserve->setValue(settings.browsingReservePercent);
    selectData(m_conflicts, JobPolicies::conflictName(settings.conflicts));
    selectData(m_deletes, JobPolicies::deleteName(settings.deletes));
    selectData(m_names, JobPolicies::nameName(settings.names));
    selectData(m_versions, JobPolicies::versionsName(settings.versions));
    selectData(m_language, settings.language);
    selectData(m_theme, AppSettings::themeName(settings.theme));
    setMinimumWidth(sizeHint().width());
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::transfersPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    m_workers = new QSpinBox(page);
    m_workers->setRange(1, 16);
    m_workers->setToolTip(tr("How many files of one job move at the same time."));
    form->addRow(tr("&Workers per job:"), m_workers);

    m_jobs = new QSpinBox(page);
    m_jobs->setRange(1, 8);
    m_jobs->setToolTip(tr("Jobs beyond this number wait in the queue."));
    form->addRow(tr("&Jobs at once:"), m_jobs);

    m_bandwidth = new QSpinBox(page);
    m_bandwidth->setRange(0, 10 * 1024 * 1024);
    m_bandwidth->setSingleStep(256);
    m_bandwidth->setSuffix(tr(" KB/s"));
    m_bandwidth->setSpecialValueText(tr("No limit"));
    form->addRow(tr("&Bandwidth cap:"), m_bandwidth);

    m_reserve = new QSpinBox(page);
    m_reserve->setRange(0, 50);
    m_reserve->setSuffix(tr(" %"));
    form->addRow(tr("&Reserve for browsing:"), m_reserve);
    // One width for the column of numbers, so it reads as a column.
    for (QSpinBox *box : {m_workers, m_jobs, m_reserve})
        box->setMinimumWidth(m_bandwidth->sizeHint().width());
    form->addRow(note(tr("Procore allows each application a fixed number of API calls an hour. "
                         "Jobs leave this share of it for browsing the panes."),
                      page));
    return page;
}

QWidget *SettingsDialog::policiesPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_conflicts = new QComboBox(page);
    m_conflicts->addItem(tr("The newer file wins"), JobPolicies::conflictName(ConflictPolicy::NewerWins));
    m_conflicts->addItem(tr("The source always wins"), JobPolicies::conflictName(ConflictPolicy::SourceWins));
    m_conflicts->addItem(tr("Keep both (rename the copy)"),
                         JobPolicies::conflictName(ConflictPolicy::KeepBoth));
    m_conflicts->addItem(tr("Skip the file"), JobPolicies::conflictName(ConflictPolicy::Skip));
    m_conflicts->addItem(tr("Add a new version (Procore)"),
                         JobPolicies::conflictName(ConflictPolicy::NewVersion));
    m_conflicts->addItem(tr("Ask me (the file waits for my decision)"),
                         JobPolicies::conflictName(ConflictPolicy::Ask));
    form->addRow(tr("When a file exists on both &sides:"), m_conflicts);

    m_deletes = new QComboBox(page);
    m_deletes->addItem(tr("Keep them"), JobPolicies::deleteName(DeletePolicy::Keep));
    m_deletes->addItem(tr("Delete them (Procore: to the recycle bin)"),
                       JobPolicies::deleteName(DeletePolicy::Delete));
    form->addRow(tr("Sync: files gone from the &source:"), m_deletes);

    m_names = new QComboBox(page);
    m_names->addItem(tr("Skip and report them"), JobPolicies::nameName(NamePolicy::Report));
    m_names->addItem(tr("Replace invalid characters"), JobPolicies::nameName(NamePolicy::Map));
    form->addRow(tr("Names the destination &rejects:"), m_names);

    m_versions = new QComboBox(page);
    m_versions->setObjectName(QStringLiteral("versionsBox"));
    m_versions->addItem(tr("All versions, oldest first"), JobPolicies::versionsName(VersionsPolicy::All));
    m_versions->addItem(tr("The latest version only"), JobPolicies::versionsName(VersionsPolicy::Latest));
    m_versions->setToolTip(tr("Where the source keeps a file's history (Procore) and the destination "
                              "can hold it."));
    form->addRow(tr("Migrate: version &history:"), m_versions);

    m_forget = new QPushButton(tr("&Forget remembered drop choice"), page);
    m_forgotten = note(tr("The next drop asks again."), page);
    m_forgotten->hide();
    connect(m_forget, &QPushButton::clicked, this, [this] {
        Q_EMIT forgetDropChoiceRequested();
        m_forget->setEnabled(false);
        m_forgotten->show();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_forget);
    row->addWidget(m_forgotten, 1);
    form->addRow(tr("Drops:"), row);
    return page;
}

QWidget *SettingsDialog::appearancePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    m_language = new QComboBox(page);
    m_language->addItem(tr("System language"), QString());
    // Language names in their own language, so a user who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(note(tr("A new language applies the next time Trestle starts."), page));

    m_theme = new QComboBox(page);
    m_theme->addItem(tr("Follow the system"), AppSettings::themeName(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), AppSettings::themeName(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), AppSettings::themeName(AppSettings::Theme::Dark));
    form->addRow(tr("&Theme:"), m_theme);
    return page;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.workersPerJob = m_workers->value();
    s.jobsAtOnce = m_jobs->value();
    s.bandwidthCapKiBps = m_bandwidth->value();
    s.browsingReservePercent = m_reserve->value();
    s.conflicts = JobPolicies::conflictFromName(m_conflicts->currentData().toString()).value_or(s.conflicts);
    s.deletes = JobPolicies::deleteFromName(m_deletes->currentData().toString()).value_or(s.deletes);
    s.names = JobPolicies::nameFromName(m_names->currentData().toString()).value_or(s.names);
    s.versions = JobPolicies::versionsFromName(m_versions->currentData().toString()).value_or(s.versions);
    s.language = m_language->currentData().toString();
    s.theme = AppSettings::themeFromName(m_theme->currentData().toString());
    return s;
}

} // namespace trestle
