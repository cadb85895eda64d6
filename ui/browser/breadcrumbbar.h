#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace trestle {

// The path bar: one flat button per folder from the root ("Tower A › Drawings › Level 2"); a click
// goes to that folder. When the path does not fit, the leading folders collapse into "…" (its
// tooltip is the whole path), so the current folder stays visible.
class BreadcrumbBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreadcrumbBar)

public:
    explicit BreadcrumbBar(QWidget *parent = nullptr);
    ~BreadcrumbBar() override;

    // `rootLabel` names the root (the connection); `path` is store-relative ("" = root).
    void setPath(const QString &rootLabel, const QString &path);
    QString path() const { return m_path; }
    // The buttons from the root to the current folder (for tests and keyboard focus).
    QList<QToolButton *> buttons() const { return m_buttons; }

    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void folderClicked(const QString &path);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void fitToWidth();

    QHBoxLayout *m_layout = nullptr;
    QString m_rootLabel;
    QString m_path;
    QList<QToolButton *> m_buttons;
    QList<QLabel *> m_separators; // m_separators[i] sits before m_buttons[i + 1]
    QLabel *m_ellipsis = nullptr;
};

} // namespace trestle
