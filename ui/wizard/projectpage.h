#pragma once

#include "core/api/apitypes.h"
#include "core/common/result.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace trestle {

class ConnectionSetup;

// Page 4: the company and the project whose Documents the connection targets, with a filter box.
class ProjectPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectPage)

public:
    explicit ProjectPage(ConnectionSetup *setup, QWidget *parent = nullptr);
    ~ProjectPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    enum Role { IdRole = Qt::UserRole + 1, NameRole };

private:
    void onCompanies(const Result<QList<Company>> &result);
    void onProjects(const Result<QList<Project>> &result);
    void onCompanyChosen(int index);
    void selectProject(qint64 projectId);

    ConnectionSetup *m_setup;
    QComboBox *m_company;
    QLineEdit *m_filter;
    QListView *m_projects;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_message;
    bool m_loading = false;
};

} // namespace trestle
