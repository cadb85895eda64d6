#pragma once

#include "ui/settings/appsettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace trestle {

// Edits an AppSettings value. It does not save or apply anything itself: the window reads
// settings() after accept() and applies them, so the dialog stays testable without a queue.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    AppSettings settings() const;

    QSpinBox *workersBox() const { return m_workers; }
    QSpinBox *jobsBox() const { return m_jobs; }
    QSpinBox *bandwidthBox() const { return m_bandwidth; }
    QSpinBox *reserveBox() const { return m_reserve; }
    QComboBox *conflictsBox() const { return m_conflicts; }
    QComboBox *versionsBox() const { return m_versions; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QPushButton *forgetDropChoiceButton() const { return m_forget; }

Q_SIGNALS:
    // "Forget remembered drop choice": the next drop asks again (TransferFlow owns that memory).
    void forgetDropChoiceRequested();

private:
    QWidget *transfersPage();
    QWidget *policiesPage();
    QWidget *appearancePage();

    const AppSettings m_initial;
    QSpinBox *m_workers = nullptr;
    QSpinBox *m_jobs = nullptr;
    QSpinBox *m_bandwidth = nullptr;
    QSpinBox *m_reserve = nullptr;
    QComboBox *m_conflicts = nullptr;
    QComboBox *m_deletes = nullptr;
    QComboBox *m_names = nullptr;
    QComboBox *m_versions = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QPushButton *m_forget = nullptr;
    QLabel *m_forgotten = nullptr;
};

} // namespace trestle
