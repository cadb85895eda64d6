#pragma once

#include "core/db/journaltypes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QRadioButton;

namespace trestle {

// Asked once per drop: copy, sync or migrate (each with a sentence saying what it does), preview
// first or not, and whether to remember the choice for the next drops.
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

private:
    QRadioButton *addChoice(const QString &objectName, const QString &title, const QString &description);

    QLabel *m_question;
    QRadioButton *m_copy = nullptr;
    QRadioButton *m_sync = nullptr;
    QRadioButton *m_migrate = nullptr;
    QCheckBox *m_preview = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace trestle
