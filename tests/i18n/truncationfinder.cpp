#include "truncationfinder.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTreeView>

namespace testing {

namespace {

QString describe(const QWidget *widget, const QString &text, int need, int have)
{
    return QStringLiteral("%1 \"%2\": \"%3\" needs %4 px, has %5")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             QString(text).replace(QLatin1Char('\n'), QLatin1String("\\n")))
        .arg(need)
        .arg(have);
}

void checkLabel(const QLabel *label, QStringList &found)
{
    if (label->text().isEmpty() || label->pixmap().cacheKey() != 0)
        return;
    if (label->wordWrap()) {
        const int need = label->heightForWidth(label->width());
        if (need > label->height() + 1)
            found.append(describe(label, label->text(), need, label->height()) + QStringLiteral(" (height)"));
        return;
    }
    // A label in a layout that lets it shrink below its hint elides nothing: Qt clips it.
    const int need = label->sizeHint().width();
    if (need > label->width() + 1)
        found.append(describe(label, label->text(), need, label->width()));
}

void checkHeader(const QHeaderView *header, QStringList &found)
{
    const QAbstractItemModel *model = header->model();
    if (!model || header->orientation() != Qt::Horizontal)
        return;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString title = model->headerData(section, Qt::Horizontal).toString();
        const int need = header->fontMetrics().horizontalAdvance(title) + 2 * margin;
        if (need > header->sectionSize(section))
            found.append(describe(header, title, need, header->sectionSize(section)));
    }
}

// Cells of a tree (the preview's list of skipped items): Qt elides them with "…".
void checkTreeCells(const QTreeView *tree, QStringList &found)
{
    const QAbstractItemModel *model = tree->model();
    if (!model)
        return;
    const int rows = qMin(model->rowCount(tree->rootIndex()), 20);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model->columnCount(tree->rootIndex()); ++column) {
            if (tree->isColumnHidden(column))
                continue;
            const QModelIndex index = model->index(row, column, tree->rootIndex());
            const QString text = index.data().toString();
            const QRect rect = tree->visualRect(index);
            if (text.isEmpty() || rect.isEmpty())
                continue;
            const int need = tree->fontMetrics().horizontalAdvance(text) + 8;
            if (need > rect.width())
                found.append(describe(tree, text, need, rect.width()) + QStringLiteral(" (cell)"));
        }
    }
}

} // namespace

QStringList findTruncatedTexts(QWidget *root)
{
    QStringList found;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible() || widget->width() <= 0)
            continue;
        if (const auto *label = qobject_cast<QLabel *>(widget)) {
            checkLabel(label, found);
        } else if (const auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (!button->text().isEmpty() && button->sizeHint().width() > button->width() + 1)
                found.append(describe(button, button->text(), button->sizeHint().width(), button->width()));
        } else if (const auto *combo = qobject_cast<QComboBox *>(widget)) {
            // Only the shown entry matters; the popup list is as wide as its longest entry.
            const int need = combo->fontMetrics().horizontalAdvance(combo->currentText()) + 40;
            if (!combo->isEditable() && need > combo->width() + 1)
                found.append(describe(combo, combo->currentText(), need, combo->width()));
        } else if (const auto *group = qobject_cast<QGroupBox *>(widget)) {
            const int need = group->fontMetrics().horizontalAdvance(group->title()) + 16;
            if (!group->title().isEmpty() && need > group->width())
                found.append(describe(group, group->title(), need, group->width()));
        } else if (const auto *header = qobject_cast<QHeaderView *>(widget)) {
            checkHeader(header, found);
        } else if (const auto *tree = qobject_cast<QTreeView *>(widget)) {
            checkTreeCells(tree, found);
        }
    }
    return found;
}

} // namespace testing
