#include "ui/wizard/projectpage.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/wizardpageids.h"
#include "ui/wizard/wizardstyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QWizard>

namespace trestle {

ProjectPage::ProjectPage(ConnectionSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_company(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_projects(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_message(wizard::makeMessageLabel(QStringLiteral("projectMessage"), this))
{
    setObjectName(QStringLiteral("projectPage"));
    setTitle(tr("Company and project"));
    setSubTitle(tr("A connection reaches the Documents tool of one project."));

    m_company->setObjectName(QStringLiteral("companyCombo"));
    m_company->setAccessibleName(tr("Company"));
    m_company->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_company->setMinimumContentsLength(24);
    m_filter->setObjectName(QStringLiteral("projectFilterEdit"));
    m_filter->setAccessibleName(tr("Filter projects"));
    m_filter->setPlaceholderText(tr("Type to filter projects"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->sort(0);
    m_projects->setObjectName(QStringLiteral("projectList"));
    m_projects->setAccessibleName(tr("Projects"));
    m_projects->setModel(m_proxy);
    m_projects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_projects->setSelectionMode(QAbstractItemView::SingleSelection);
    m_projects->setUniformItemSizes(true);

    auto *form = new QFormLayout;
    auto *companyLabel = new QLabel(tr("&Company:"), this);
    companyLabel->setBuddy(m_company);
    form->addRow(companyLabel, m_company);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    form->addRow(filterLabel, m_filter);
    auto *projectsLabel = new QLabel(tr("&Project:"), this);
    projectsLabel->setBuddy(m_projects);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(projectsLabel);
    layout->addWidget(m_projects, 1);
    layout->addWidget(m_message);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_company, &QComboBox::activated, this, &ProjectPage::onCompanyChosen);
    connect(m_projects->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProjectPage::completeChanged);
    connect(m_projects, &QListView::activated, this, [this] {
        if (isComplete() && wizard())
            wizard()->next();
    });
    // Down in the filter box moves into the list, so keyboard users need no Tab to pick a project.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0 && !m_projects->currentIndex().isValid())
            m_projects->setCurrentIndex(m_proxy->index(0, 0));
        m_projects->setFocus();
    });
    connect(m_setup, &ConnectionSetup::companiesFinished, this, &ProjectPage::onCompanies);
    connect(m_setup, &ConnectionSetup::projectsFinished, this, &ProjectPage::onProjects);
    setTabOrder(m_company, m_filter);
    setTabOrder(m_filter, m_projects);
}

ProjectPage::~ProjectPage() = default;

int ProjectPage::nextId() const
{
    return wizard::TestPageId;
}

void ProjectPage::initializePage()
{
    m_company->clear();
    m_model->clear();
    m_filter->clear();
    m_loading = true;
    wizard::showMessage(m_message, wizard::Tone::Busy, tr("Loading companies…"));
    m_setup->loadCompanies();
    Q_EMIT completeChanged();
}

void ProjectPage::onCompanies(const Result<QList<Company>> &result)
{
    if (!result.ok()) {
        m_loading = false;
        wizard::showMessage(m_message, wizard::Tone::Error, result.error().message());
        return;
    }
    m_company->clear();
    int preferred = 0;
    for (const Company &company : result.value()) {
        if (company.id == m_setup->settings().companyId)
            preferred = m_company->count();
        m_company->addItem(company.name, QVariant::fromValue(company.id));
    }
    if (m_company->count() == 0) {
        m_loading = false;
        wizard::showMessage(
            m_message, wizard::Tone::Error,
            tr("This account sees no company. Ask a Procore administrator to add it to one."));
        return;
    }
    m_company->setCurrentIndex(preferred);
    onCompanyChosen(preferred);
    m_filter->setFocus();
}

void ProjectPage::onCompanyChosen(int index)
{
    const qint64 companyId = m_company->itemData(index).toLongLong();
    m_model->clear();
    m_loading = true;
    wizard::showMessage(m_message, wizard::Tone::Busy, tr("Loading projects…"));
    m_setup->loadProjects(companyId);
    Q_EMIT completeChanged();
}

void ProjectPage::onProjects(const Result<QList<Project>> &result)
{
    m_loading = false;
    if (!result.ok()) {
        wizard::showMessage(m_message, wizard::Tone::Error, result.error().message());
        Q_EMIT completeChanged();
        return;
    }
    m_model->clear();
    for (const Project &project : result.value()) {
        const QString shown = project.displayName.isEmpty() ? project.name : project.displayName;
        auto *item = new QStandardItem(shown);
        item->setData(project.id, IdRole);
        item->setData(project.name.isEmpty() ? shown : project.name, NameRole);
        item->setToolTip(shown);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() == 0)
        wizard::showMessage(
            m_message, wizard::Tone::Error,
            tr("This account sees no project in this company. Ask a Procore administrator to add "
               "it to the project's directory."));
    else
        wizard::showMessage(m_message, wizard::Tone::Neutral, QString());
    selectProject(m_setup->settings().projectId);
    Q_EMIT completeChanged();
}

void ProjectPage::selectProject(qint64 projectId)
{
    if (projectId <= 0)
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(IdRole).toLongLong() == projectId) {
            m_projects->setCurrentIndex(index);
            return;
        }
    }
}

bool ProjectPage::isComplete() const
{
    return !m_loading && m_projects->selectionModel()->hasSelection();
}

bool ProjectPage::validatePage()
{
    const QModelIndex index = m_projects->currentIndex();
    if (!index.isValid())
        return false;
    ConnectionSettings &settings = m_setup->settings();
    settings.companyId = m_company->currentData().toLongLong();
    settings.companyName = m_company->currentText();
    settings.projectId = index.data(IdRole).toLongLong();
    settings.projectName = index.data(NameRole).toString();
    return true;
}

} // namespace trestle
