#include "ui/wizard/sharepage.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/wizardpageids.h"
#include "ui/wizard/wizardstyle.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace trestle {

SharePage::SharePage(ConnectionSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_displayName(new QLineEdit(this))
{
    setObjectName(QStringLiteral("sharePage"));
    setTitle(tr("File share"));
    setSubTitle(tr("A folder on this computer or a mounted network share."));

    m_folder->setObjectName(QStringLiteral("folderEdit"));
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->setPlaceholderText(tr("/mnt/projects or \\\\server\\share\\projects"));
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Browse for the folder"));
    m_browse->setAutoDefault(false);
    m_displayName->setObjectName(QStringLiteral("shareNameEdit"));
    m_displayName->setAccessibleName(tr("Display as"));
    m_displayName->setPlaceholderText(tr("The folder's name"));

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto *form = new QFormLayout(this);
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    auto *nameLabel = new QLabel(tr("Display &as:"), this);
    nameLabel->setBuddy(m_displayName);
    form->addRow(nameLabel, m_displayName);
    form->addRow(QString(),
                 wizard::makeHintLabel(tr("Pick a name that tells your connections apart."), this));

    connect(m_folder, &QLineEdit::textChanged, this, &SharePage::completeChanged);
    connect(m_browse, &QPushButton::clicked, this, &SharePage::browse);
    setTabOrder(m_folder, m_browse);
    setTabOrder(m_browse, m_displayName);
}

SharePage::~SharePage() = default;

void SharePage::browse()
{
    // open(), not exec(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Choose the folder"), m_folder->text());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { m_folder->setText(QDir::toNativeSeparators(path)); });
    dialog->open();
}

bool SharePage::isComplete() const
{
    return !m_folder->text().trimmed().isEmpty();
}

bool SharePage::validatePage()
{
    ConnectionSettings &settings = m_setup->settings();
    settings.rootPath = QDir::fromNativeSeparators(m_folder->text().trimmed());
    settings.displayName = m_displayName->text().trimmed();
    return true;
}

int SharePage::nextId() const
{
    return wizard::TestPageId;
}

} // namespace trestle
