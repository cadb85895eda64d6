#include "ui/wizard/platformpage.h"

#include "core/services/connectionsetup.h"
#include "ui/wizard/wizardpageids.h"
#include "ui/wizard/wizardstyle.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace trestle {

PlatformPage::PlatformPage(ConnectionSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_procore(new QRadioButton(tr("&Procore"), this))
    , m_share(new QRadioButton(tr("&File share"), this))
{
    setObjectName(QStringLiteral("platformPage"));
    setTitle(tr("Platform"));
    setSubTitle(tr("Where are the files this connection reaches?"));

    m_procore->setObjectName(QStringLiteral("procoreRadio"));
    m_procore->setAccessibleName(tr("Procore"));
    m_share->setObjectName(QStringLiteral("shareRadio"));
    m_share->setAccessibleName(tr("File share"));
    m_procore->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_procore);
    group->addButton(m_share);

    // The hints line up with the radio buttons' text, not with their circles.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, m_procore)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, m_procore);
    QLabel *procoreHint = wizard::makeHintLabel(tr("The Documents tool of one Procore project."), this);
    QLabel *shareHint = wizard::makeHintLabel(
        tr("A folder on this computer or a mounted network share (SMB, NFS or a UNC path)."), this);
    procoreHint->setContentsMargins(indent, 0, 0, 0);
    shareHint->setContentsMargins(indent, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_procore);
    layout->addWidget(procoreHint);
    layout->addSpacing(12);
    layout->addWidget(m_share);
    layout->addWidget(shareHint);
    layout->addStretch();
}

PlatformPage::~PlatformPage() = default;

int PlatformPage::nextId() const
{
    return m_share->isChecked() ? wizard::SharePageId : wizard::CredentialsPageId;
}

bool PlatformPage::validatePage()
{
    m_setup->settings().platform =
        m_share->isChecked() ? ConnectionProfile::Platform::Share : ConnectionProfile::Platform::Procore;
    return true;
}

} // namespace trestle
