#include "ui/browser/celltextdelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

namespace trestle {

bool CellTextDelegate::Key::operator==(const Key &other) const
{
    return width == other.width && elide == other.elide && text == other.text;
}

size_t qHash(const CellTextDelegate::Key &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.text, key.width, key.elide);
}

CellTextDelegate::CellTextDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

CellTextDelegate::~CellTextDelegate() = default;

void CellTextDelegate::setElideMode(int column, Qt::TextElideMode mode)
{
    m_elide.insert(column, mode);
}

void CellTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem given = option;
    if (const auto elide = m_elide.constFind(index.column()); elide != m_elide.constEnd())
        given.textElideMode = *elide;
    QStyleOptionViewItem opt = given;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    if (text.isEmpty() || (opt.features & QStyleOptionViewItem::WrapText)
        || (opt.state & QStyle::State_Editing) || text.contains(QChar::LineFeed))
        return QStyledItemDelegate::paint(painter, given, index);

    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Everything but the text, by the style.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // The text's room as the style gives it when the whole row shows as selected (what a view
    // that selects rows does), less the margins the style keeps around a text.
    QStyleOptionViewItem room = opt;
    room.showDecorationSelected = true;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &room, widget).adjusted(margin, 0, -margin, 0);
    if (textRect.width() <= 0)
        return;

    // The pen as the style chooses it (QCommonStyle, CE_ItemViewItem).
    QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QPalette::ColorRole role =
        (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;

    const QStaticText &laid = laidOut(text, opt.font, textRect.width(), opt.textElideMode);
    const QSizeF size = laid.size();
    const Qt::Alignment alignment = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = textRect.left();
    if (alignment & Qt::AlignRight)
        x = textRect.left() + textRect.width() - size.width();
    else if (alignment & Qt::AlignHCenter)
        x = textRect.left() + (textRect.width() - size.width()) / 2;
    qreal y = textRect.top();
    if (alignment & Qt::AlignBottom)
        y = textRect.top() + textRect.height() - size.height();
    else if (!(alignment & Qt::AlignTop))
        y = textRect.top() + (textRect.height() - size.height()) / 2;

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, role));
    painter->setClipRect(textRect, Qt::IntersectClip);
    painter->drawStaticText(QPointF(x, y), laid);
    painter->restore();
}

QSize CellTextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(Qt::SizeHintRole).isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    useFont(opt.font);
    const QSize decoration =
        (opt.features & QStyleOptionViewItem::HasDecoration) ? opt.decorationSize : QSize(-1, -1);
    const Key key{opt.text, decoration.width() * 65536 + decoration.height(), int(opt.features)};
    if (const QSize *known = m_sizes.object(key))
        return *known;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    auto *size = new QSize(style->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget));
    m_sizes.insert(key, size);
    return *m_sizes.object(key);
}

void CellTextDelegate::useFont(const QFont &font) const
{
    const QString fontKey = font.key();
    if (fontKey == m_fontKey)
        return;
    m_texts.clear();
    m_sizes.clear();
    m_fontKey = fontKey;
}

const QStaticText &CellTextDelegate::laidOut(const QString &text, const QFont &font, int width,
                                             Qt::TextElideMode mode) const
{
    useFont(font);
    const Key key{text, width, int(mode)};
    if (const QStaticText *known = m_texts.object(key))
        return *known;
    auto *laid = new QStaticText;
    laid->setTextFormat(Qt::PlainText);
    laid->setTextWidth(-1); // one line
    laid->setText(text);
    laid->prepare(QTransform(), font);
    if (mode != Qt::ElideNone && laid->size().width() > width) {
        laid->setText(QFontMetrics(font).elidedText(text, mode, width));
        laid->prepare(QTransform(), font);
    }
    m_texts.insert(key, laid);
    return *m_texts.object(key);
}

} // namespace trestle
