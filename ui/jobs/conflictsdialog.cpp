#include "ui/jobs/conflictsdialog.h"

#include "core/jobs/jobqueue.h"
#include "core/store/statjob.h"
#include "core/store/store.h"
#include "core/transfer/storeresolver.h"
#include "ui/jobs/jobqueuemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trestle {

namespace {

enum Column { FileColumn, SourceColumn, DestinationColumn, DecisionColumn, ColumnCount };

QString sideText(qint64 size, const QDateTime &modified)
{
    const QString bytes = size >= 0 ? JobQueueModel::bytesText(size) : ConflictsDialog::tr("size unknown");
    if (!modified.isValid())
        return bytes;
    return ConflictsDialog::tr("%1, %2").arg(
        bytes, QLocale().toString(modified.toLocalTime(), QLocale::ShortFormat));
}

} // namespace

ConflictsDialog::ConflictsDialog(JobQueue *queue, StoreResolver *resolver, qint64 jobId, QWidget *parent)
    : QDialog(parent), m_queue(queue), m_resolver(resolver), m_jobId(jobId)
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Resolve conflicts"));
    const JobRecord job = queue->job(jobId);
    m_sourceRoot = job.sourcePath;
    const Result<JobPolicies> policies = JobPolicies::fromJsonText(job.policiesJson);
    m_twoWay =
        job.kind == JobKind::Sync && policies.ok() && policies.value().direction == SyncDirection::TwoWay;
    if (m_resolver) {
        Error error;
        m_destination = m_resolver->openStore(job.destinationConnection, &error);
        // A store that keeps versions (Procore) takes the source's file as a new version.
        m_procoreDestination = m_destination ? m_destination->limits().keepsVersions
                                             : m_resolver->meter(job.destinationConnection) != nullptr;
    }

    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    // Nothing to select or focus in the rows themselves: the choices are the combo boxes.
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("File"), tr("Source"), tr("Destination"), tr("Decision")});
    layout->addWidget(m_list, 1);

    auto *allRow = new QHBoxLayout;
    auto *allLabel = new QLabel(tr("For &all files:"), this);
    m_all = makeChoiceBox();
    m_all->setObjectName(QStringLiteral("allChoice"));
    allLabel->setBuddy(m_all);
    allRow->addWidget(allLabel);
    allRow->addWidget(m_all);
    allRow->addStretch(1);
    layout->addLayout(allRow);
    connect(m_all, &QComboBox::currentIndexChanged, this, [this](int index) {
        for (int row = 0; row < rowCount(); ++row)
            choiceBox(row)->setCurrentIndex(choiceBox(row)->findData(m_all->itemData(index)));
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Ok);
    m_apply->setText(tr("&Apply and go on"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConflictsDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    Result<QVector<JobItem>> waiting = queue->awaitingDecisions(jobId);
    QVector<JobItem> items = waiting.ok() ? waiting.takeValue() : QVector<JobItem>();
    const qsizetype total = items.size();
    if (items.size() > kMaxRows)
        items.resize(kMaxRows);
    // English has no catalogue: the singular is its own string.
    QString summary = total == 1
        ? tr("1 file exists on both sides and differs. Choose what becomes of it; the job then copies "
             "what you chose. Left at “Decide later”, it keeps waiting.")
        : tr("%n files exist on both sides and differ. Choose what becomes of each; the job then copies "
             "what you chose. Files left at “Decide later” keep waiting.",
             nullptr, int(total));
    if (total > kMaxRows)
        summary += QLatin1Char(' ')
            + tr("The first %1 are listed; the others follow once these are decided.")
                  .arg(QLocale().toString(kMaxRows));
    if (!waiting.ok())
        summary = tr("The waiting files could not be read: %1").arg(waiting.error().message());
    m_summary->setText(summary);
    fill(items);
    for (const JobItem &item : std::as_const(items))
        m_toLookUp.append(item.destinationPath);
    lookUpNext();
    m_apply->setEnabled(!items.isEmpty());

    const QFontMetrics metrics = fontMetrics();
    resize(qMin(metrics.averageCharWidth() * 170, 1600),
           metrics.height() * (14 + qMin(int(items.size()), 12)));
}

ConflictsDialog::~ConflictsDialog()
{
    // The look-ups go before their store does.
    if (m_lookUp) {
        disconnect(m_lookUp, nullptr, this, nullptr);
        m_lookUp->kill();
    }
}

QComboBox *ConflictsDialog::makeChoiceBox()
{
    auto *box = new QComboBox(this);
    box->addItem(tr("Decide later"), int(Choice::Later));
    box->addItem(m_procoreDestination ? tr("Add the source’s file as a new version")
                                      : tr("Overwrite with the source’s file"),
                 int(Choice::Overwrite));
    box->addItem(tr("Keep both (the source’s file under a new name)"), int(Choice::KeepBoth));
    box->addItem(tr("Skip (leave both as they are)"), int(Choice::Skip));
    if (m_twoWay)
        box->addItem(tr("Copy the destination’s file back"), int(Choice::CopyBack));
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // A little more than the style asks: its hint cut the longest choice by a few pixels.
    box->setMinimumWidth(box->sizeHint().width() + fontMetrics().averageCharWidth() * 2);
    return box;
}

void ConflictsDialog::fill(const QVector<JobItem> &items)
{
    for (const JobItem &item : items) {
        auto *row = new QTreeWidgetItem(m_list);
        // Below the job's folder, which the user dropped: the folder's name again says nothing.
        QString shown = item.sourcePath;
        if (!m_sourceRoot.isEmpty() && shown.startsWith(m_sourceRoot + QLatin1Char('/')))
            shown = shown.mid(m_sourceRoot.size() + 1);
        row->setText(FileColumn, shown);
        row->setToolTip(FileColumn,
                        item.destinationPath == item.sourcePath
                            ? item.sourcePath
                            : tr("%1\nat the destination: %2").arg(item.sourcePath, item.destinationPath));
        row->setText(
            SourceColumn,
            sideText(item.size,
                     item.mtimeMs > 0 ? QDateTime::fromMSecsSinceEpoch(item.mtimeMs, Qt::UTC) : QDateTime()));
        row->setText(DestinationColumn, m_destination ? tr("looking…") : tr("unknown"));
        QComboBox *box = makeChoiceBox();
        box->setObjectName(QStringLiteral("choice%1").arg(m_itemIds.size()));
        m_list->setItemWidget(row, DecisionColumn, box);
        // Rows as tall as a combo box and a little air, so the boxes do not touch each other.
        row->setSizeHint(DecisionColumn, QSize(0, box->sizeHint().height() + 4));
        m_itemIds.append(item.id);
    }
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    // Room for a size and a date ("999.9 MiB, 12/31/26 10:55 PM") and the longest choice.
    const QString widest =
        sideText(999'900'000, QDateTime(QDate(2026, 12, 31), QTime(22, 55), Qt::LocalTime).toUTC());
    const int side = fontMetrics().horizontalAdvance(widest) + fontMetrics().averageCharWidth() * 3;
    header->resizeSection(SourceColumn, side);
    header->resizeSection(DestinationColumn, side);
    header->resizeSection(DecisionColumn, m_all->minimumWidth() + fontMetrics().averageCharWidth() * 2);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 12);
}

void ConflictsDialog::lookUpNext()
{
    while (m_destination && m_nextLookUp < m_toLookUp.size()) {
        const int row = m_nextLookUp++;
        const Result<StorePath> path = StorePath::fromString(m_toLookUp.at(row));
        if (!path.ok()) {
            m_list->topLevelItem(row)->setText(DestinationColumn, tr("unknown"));
            ++m_known;
            continue;
        }
        m_lookUp = m_destination->stat(path.value());
        connect(m_lookUp, &StoreJob::finished, this, [this, row](StoreJob *done) {
            destinationFound(row, done);
            lookUpNext();
        });
        m_lookUp->start();
        return;
    }
}

void ConflictsDialog::destinationFound(int row, StoreJob *job)
{
    ++m_known;
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item)
        return;
    const auto *stat = static_cast<StatJob *>(job);
    if (job->error()) {
        item->setText(DestinationColumn, tr("unknown"));
        item->setToolTip(DestinationColumn, job->error().message());
        return;
    }
    item->setText(DestinationColumn, sideText(stat->entry().size, stat->entry().modified));
}

int ConflictsDialog::rowCount() const
{
    return m_list->topLevelItemCount();
}

QComboBox *ConflictsDialog::choiceBox(int row) const
{
    return qobject_cast<QComboBox *>(m_list->itemWidget(m_list->topLevelItem(row), DecisionColumn));
}

std::optional<ConflictDecisions::Decision> ConflictsDialog::decisionAt(int row) const
{
    const QComboBox *box = choiceBox(row);
    if (!box)
        return std::nullopt;
    switch (Choice(box->currentData().toInt())) {
    case Choice::Overwrite:
        return ConflictDecisions::Decision::CopyToDestination;
    case Choice::Skip:
        return ConflictDecisions::Decision::LeaveBoth;
    case Choice::CopyBack:
        return ConflictDecisions::Decision::CopyToSource;
    case Choice::KeepBoth:
        return ConflictDecisions::Decision::KeepBoth;
    case Choice::Later:
        break;
    }
    return std::nullopt;
}

void ConflictsDialog::apply()
{
    QHash<qint64, ConflictDecisions::Decision> decisions;
    for (int row = 0; row < rowCount(); ++row) {
        if (const std::optional<ConflictDecisions::Decision> decision = decisionAt(row))
            decisions.insert(m_itemIds.at(row), *decision);
    }
    const Status resolved = m_queue->resolveConflicts(m_jobId, decisions);
    Q_EMIT applied(m_jobId, resolved.ok() ? Error() : resolved.error());
    accept();
}

} // namespace trestle
