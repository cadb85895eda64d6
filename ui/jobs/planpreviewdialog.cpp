#include "ui/jobs/planpreviewdialog.h"

#include "ui/jobs/jobqueuemodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trestle {

PlanPreviewDialog::PlanPreviewDialog(const QString &title, const PlanSummary &summary,
                                     const QVector<JobItem> &renames, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("planPreviewDialog"));
    setWindowTitle(tr("Preview"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto *intro = new QLabel(tr("Nothing has moved yet. This is what the job will do:"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QLocale locale;
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    addCount(form, QStringLiteral("folders"), tr("Folders to create"),
             locale.toString(summary.foldersToCreate));
    addCount(form, QStringLiteral("new"), tr("New files"), locale.toString(summary.filesNew));
    addCount(form, QStringLiteral("replaced"), tr("Files replaced"), locale.toString(summary.filesReplaced));
    addCount(form, QStringLiteral("deletes"), tr("Deleted"), locale.toString(summary.deletes));
    addCount(form, QStringLiteral("unchanged"), tr("Unchanged (left alone)"),
             locale.toString(summary.unchanged));
    addCount(form, QStringLiteral("skipped"), tr("Skipped"), locale.toString(summary.skipped));
    addCount(form, QStringLiteral("bytes"), tr("To copy"), JobQueueModel::bytesText(summary.bytesToCopy));
    addCount(form, QStringLiteral("calls"), tr("API calls"),
             summary.estimatedApiCalls >= 0 ? tr("about %1").arg(locale.toString(summary.estimatedApiCalls))
                                            : tr("none (no Procore side is written)"));
    addCount(form, QStringLiteral("time"), tr("Estimated time"),
             summary.estimatedSeconds >= 0
                 ? tr("about %1 at the API budget").arg(JobQueueModel::durationText(summary.estimatedSeconds))
                 : tr("as fast as the disks and the network allow"));
    layout->addLayout(form);

    auto *listLabel = new QLabel(tr("Skipped and renamed items:"), this);
    layout->addWidget(listLabel);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("skipList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Item"), tr("What"), tr("Why")});
    for (const PlanSkip &skip : summary.skips) {
        auto *row = new QTreeWidgetItem(m_list, {skip.path, tr("Skipped"), skip.reason});
        row->setToolTip(0, skip.path);
        row->setToolTip(2, skip.reason);
    }
    for (const JobItem &item : renames) {
        const QString path = item.sourcePath.isEmpty() ? item.destinationPath : item.sourcePath;
        const QString why = item.mappingRecord.isEmpty() ? tr("The destination does not accept the name.")
                                                         : item.mappingRecord;
        auto *row = new QTreeWidgetItem(m_list, {path, tr("Renamed to “%1”").arg(item.mappedName), why});
        row->setToolTip(0, path);
        row->setToolTip(2, why);
    }
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    // The path is what the user looks for: its column takes whatever the other two leave, and a
    // path too long for it loses its middle, not the file name (the tooltip has all of it). What
    // and Why get their content's width up to a cap, so "Übersprungen" is never cut.
    m_list->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->setSectionResizeMode(2, QHeaderView::Interactive);
    // QTreeView makes sizeHintForColumn protected; QAbstractItemView's is public (and virtual).
    const QAbstractItemView *view = m_list;
    // Half an em to spare: a text that fits to the pixel looks cut, and bold or hinted fonts differ.
    const auto contentWidth = [view, header, em](int column, int cap) {
        return qMax(header->sectionSizeHint(column), qMin(view->sizeHintForColumn(column) + em / 2, cap));
    };
    header->resizeSection(1, contentWidth(1, em * 14));
    header->resizeSection(2, contentWidth(2, em * 30));
    if (m_list->topLevelItemCount() == 0) {
        listLabel->setText(tr("Nothing is skipped or renamed."));
        m_list->hide();
    }
    layout->addWidget(m_list, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("startButton"));
    start->setDefault(true);
    QPushButton *discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::RejectRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(em * 44);
    // Wide enough for a typical project path next to its What and Why (longer ones are elided
    // in the middle and shown whole in the tooltip).
    resize(em * 80, m_list->isHidden() ? sizeHint().height() : em * 46);
}

PlanPreviewDialog::~PlanPreviewDialog() = default;

void PlanPreviewDialog::addCount(QFormLayout *form, const QString &key, const QString &label,
                                 const QString &value)
{
    auto *field = new QLabel(value, this);
    field->setObjectName(QStringLiteral("count-") + key);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, field);
}

QString PlanPreviewDialog::shownValue(const QString &key) const
{
    const auto *field = findChild<QLabel *>(QStringLiteral("count-") + key);
    return field ? field->text() : QString();
}

int PlanPreviewDialog::listedCount() const
{
    return m_list->topLevelItemCount();
}

} // namespace trestle
