#include "ui/wizard/testpage.h"

#include "core/services/connectionmessages.h"
#include "core/services/connectionsetup.h"
#include "ui/wizard/wizardstyle.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace trestle {

TestPage::TestPage(ConnectionSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_summary(new QLabel(this))
    , m_message(wizard::makeMessageLabel(QStringLiteral("testMessage"), this))
    , m_retry(new QPushButton(tr("&Test again"), this))
{
    setObjectName(QStringLiteral("testPage"));
    setTitle(tr("Test"));
    setSubTitle(
        tr("Trestle checks that it can reach the files, then saves the connection when you press Done."));
    setFinalPage(true);

    m_summary->setObjectName(QStringLiteral("testSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("Connection summary"));
    m_retry->setObjectName(QStringLiteral("testAgainButton"));
    m_retry->setAccessibleName(tr("Test the connection again"));
    m_retry->setAutoDefault(false);

    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(12);
    layout->addWidget(m_message);
    layout->addLayout(retryRow);
    layout->addStretch();

    connect(m_retry, &QPushButton::clicked, this, &TestPage::runTest);
    connect(m_setup, &ConnectionSetup::testFinished, this, [this](const Status &status) {
        m_running = false;
        m_retry->setEnabled(true);
        if (status.ok())
            wizard::showMessage(m_message, wizard::Tone::Success, ConnectionMessages::testSucceeded());
        else
            wizard::showMessage(m_message, wizard::Tone::Error, status.error().message());
        Q_EMIT completeChanged();
    });
}

TestPage::~TestPage() = default;

int TestPage::nextId() const
{
    return -1;
}

void TestPage::initializePage()
{
    const ConnectionSettings &settings = m_setup->settings();
    QStringList lines;
    lines << tr("Name: %1").arg(settings.effectiveDisplayName());
    if (settings.platform == ConnectionProfile::Platform::Share) {
        lines << tr("Folder: %1").arg(QDir::toNativeSeparators(settings.rootPath));
    } else {
        lines << tr("Account: %1").arg(m_setup->accountName());
        lines << tr("Company: %1").arg(settings.companyName);
        lines << tr("Project: %1").arg(settings.projectName);
        lines << tr("Domain: %1").arg(settings.effectiveApiBase().toString());
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    runTest();
}

void TestPage::runTest()
{
    m_running = true;
    m_retry->setEnabled(false);
    wizard::showMessage(m_message, wizard::Tone::Busy, tr("Testing the connection…"));
    Q_EMIT completeChanged();
    m_setup->testConnection();
}

void TestPage::showSaving(bool saving, const QString &error)
{
    m_saving = saving;
    m_retry->setEnabled(!saving);
    if (saving)
        wizard::showMessage(m_message, wizard::Tone::Busy, tr("Saving the connection…"));
    else if (!error.isEmpty())
        wizard::showMessage(m_message, wizard::Tone::Error, error);
    Q_EMIT completeChanged();
}

bool TestPage::isComplete() const
{
    return !m_running && !m_saving && m_setup->lastTestOk();
}

} // namespace trestle
