#include "KeyItemDelegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyle>
#include <QtMath>

namespace keydesk {

const KeyItemDelegate::Text &KeyItemDelegate::laidOut(const QString &text, const QFont &font) const
{
    if (font != m_font) {
        m_texts.clear();
        m_font = font;
    }
    auto found = m_texts.constFind(text);
    if (found != m_texts.cend())
        return *found;
    if (m_texts.size() >= maximumCachedTexts)
        m_texts.clear();
    Text laid;
    laid.layout.setText(text);
    laid.layout.setTextFormat(Qt::PlainText);
    laid.layout.setPerformanceHint(QStaticText::AggressiveCaching);
    laid.layout.prepare(QTransform(), font);
    laid.width = laid.layout.size().width();
    return *m_texts.insert(text, laid);
}

void KeyItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QWidget *widget = cell.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = cell.text;
    // Where the style would put the text, then everything but the text as it draws it.
    QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &cell, widget);
    cell.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    if (text.isEmpty())
        return;

    // As QCommonStyle's item text: inside the focus frame's margin, in the colour for the
    // cell's state (the model's foreground is the palette's Text here), elided as asked.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    textRect.adjust(margin, 0, -margin, 0);
    QPalette::ColorGroup group = QPalette::Normal;
    if (!(cell.state & QStyle::State_Enabled))
        group = QPalette::Disabled;
    else if (!(cell.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QPalette::ColorRole role
        = cell.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;

    const QFontMetricsF metrics(cell.font);
    const Text *laid = &laidOut(text, cell.font);
    if (laid->width > textRect.width() && cell.textElideMode != Qt::ElideNone)
        laid = &laidOut(metrics.elidedText(text, cell.textElideMode, textRect.width()), cell.font);
    const QSize size(qCeil(laid->width), qCeil(metrics.height()));
    const QRect placed = QStyle::alignedRect(cell.direction, cell.displayAlignment, size, textRect);

    painter->save();
    painter->setClipRect(textRect);
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(group, role));
    painter->drawStaticText(placed.topLeft(), laid->layout);
    painter->restore();
}

} // namespace keydesk
