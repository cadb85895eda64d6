#pragma once

#include <QComboBox>
#include <QString>

namespace trestle {

// A combo box that cuts a current text too long for it at the end with "…" instead of clipping it,
// and names the whole current text in its tooltip (the pane's connection switcher: a Procore
// company and project name often does not fit a narrow pane). The list keeps the whole names.
class ElidingComboBox final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingComboBox)

public:
    explicit ElidingComboBox(QWidget *parent = nullptr);
    ~ElidingComboBox() override;

    // What the tooltip says below the whole current text (or alone when there is none).
    void setHint(const QString &hint);
    // The current text as it is drawn: whole, or cut with "…" to the width there is.
    QString shownText() const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QString m_hint;
};

} // namespace trestle
