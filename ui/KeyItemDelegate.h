#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace keydesk {

// The key table's cells, drawn as QStyledItemDelegate draws them (the style's background,
// selection and focus, the text in the palette's colour for the cell's state and role, elided
// as the view asks), but with each text laid out once: QStyledItemDelegate shapes every cell's
// text again on every paint, which was most of a keystroke's repaint at 100,000 keys
// (docs/performance.md). The layouts are kept per text in a bounded cache, emptied when the
// font changes; the table shows masked values only, never a secret.
class KeyItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // How many laid-out texts the cache holds at most before it starts again: a few screens of
    // cells.
    static constexpr qsizetype maximumCachedTexts = 4096;
    qsizetype cachedTexts() const { return m_texts.size(); }

private:
    struct Text
    {
        QStaticText layout;
        qreal width = 0;
    };
    const Text &laidOut(const QString &text, const QFont &font) const;

    mutable QHash<QString, Text> m_texts;
    mutable QFont m_font;
};

} // namespace keydesk
