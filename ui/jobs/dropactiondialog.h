#pragma once

#include "core/db/journaltypes.h"
#include "core/transfer/jobpolicies.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace trestle {

// Asked once per drop: copy, sync or migrate (each with a sentence saying what it does), preview
// first or not, and whether to remember the choice for the next drops. A migration also asks how
// much of each file's version history to copy, and any job may be given a schedule (every N hours
// or daily at a time) to run again by itself.
class DropActionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropActionDialog)

public:
    // `question` names what is moved where ("Transfer 3 items from … to …?").
    explicit DropActionDialog(const QString &question, QWidget *parent = nullptr);
    ~DropActionDialog() override;

    JobKind kind() const;
    void setKind(JobKind kind);
    bool previewFirst() const;
    void setPreviewFirst(bool preview);
    bool rememberChoice() const;
    // Migrate only (the control is disabled for the other kinds); starts as the settings' default.
    VersionsPolicy versions() const;
    void setVersions(VersionsPolicy versions);
    // None unless the user chose one ("Run again").
    JobSchedule schedule() const;
    void setSchedule(const JobSchedule &schedule);

private:
    QRadioButton *addChoice(const QString &objectName, const QString &title, const QString &description);
    void addScheduleRow();
    void showScheduleFields();
    void fitHeight();

    QLabel *m_question;
    QRadioButton *m_copy = nullptr;
    QRadioButton *m_sync = nullptr;
    QRadioButton *m_migrate = nullptr;
    QComboBox *m_versions = nullptr;
    QComboBox *m_again = nullptr; // once, every N hours, daily at
    QSpinBox *m_everyHours = nullptr;
    QTimeEdit *m_dailyAt = nullptr;
    QCheckBox *m_preview = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace trestle
