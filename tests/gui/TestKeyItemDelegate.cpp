#include "KeyItemDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// Where a cell's ink is: the pixels that differ from the cell's background.
struct Ink
{
    QRect bounds;
    int pixels = 0;
};

Ink inkOf(const QImage &image, const QRect &cell)
{
    const QRgb background = image.pixel(cell.left() + 1, cell.top() + 1);
    Ink ink;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x) {
            if (image.pixel(x, y) == background)
                continue;
            ink.bounds |= QRect(x, y, 1, 1);
            ++ink.pixels;
        }
    }
    return ink;
}

bool hasColour(const QImage &image, const QRect &cell, const QColor &colour)
{
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x) {
            if (QColor(image.pixel(x, y)) == colour)
                return true;
        }
    }
    return false;
}

// A table as KeyListPage sets its table up, on model, drawn by delegate.
std::unique_ptr<QTableView> table(QAbstractItemModel *model, QAbstractItemDelegate *delegate)
{
    auto view = std::make_unique<QTableView>();
    view->setModel(model);
    view->setItemDelegate(delegate);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->resize(420, 160);
    delegate->setParent(view.get());
    return view;
}

QImage grabbed(QTableView *view)
{
    view->show();
    if (!QTest::qWaitForWindowExposed(view))
        return {};
    return view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QRect cellRect(QTableView *view, int row, int column)
{
    return view->visualRect(view->model()->index(row, column)).adjusted(0, 0, -1, -1);
}

} // namespace

class TestKeyItemDelegate : public QObject
{
    Q_OBJECT

private:
    QStandardItemModel m_model {3, 2};

private Q_SLOTS:
    void init()
    {
        m_model.setItem(0, 0, new QStandardItem(u"LTAI5tQ3kN8x"_s));
        m_model.setItem(0, 1, new QStandardItem(u"Active"_s));
        m_model.setItem(1, 0, new QStandardItem(u"report-service"_s));
        m_model.setItem(1, 1, new QStandardItem(u"Inactive"_s));
        m_model.setItem(2, 0, new QStandardItem(u"密钥 demo-key-7"_s));
        m_model.setItem(2, 1, new QStandardItem(QString()));
        m_model.item(1, 1)->setForeground(QColor(0xb0, 0x20, 0x20));
    }

    // Each cell's text lands where QStyledItemDelegate puts it, with the same amount of ink.
    void drawsWhereTheStyledDelegateDraws()
    {
        auto ours = table(&m_model, new KeyItemDelegate);
        auto qts = table(&m_model, new QStyledItemDelegate);
        // Without the focus frame, which only the window that has the focus draws.
        ours->setFocusPolicy(Qt::NoFocus);
        qts->setFocusPolicy(Qt::NoFocus);
        const QImage a = grabbed(ours.get());
        const QImage b = grabbed(qts.get());
        QVERIFY(!a.isNull() && !b.isNull());
        for (int row = 0; row < m_model.rowCount(); ++row) {
            for (int column = 0; column < m_model.columnCount(); ++column) {
                const Ink inkA = inkOf(a, cellRect(ours.get(), row, column));
                const Ink inkB = inkOf(b, cellRect(qts.get(), row, column));
                const QString where = u"row %1, column %2"_s.arg(row).arg(column);
                if (m_model.item(row, column)->text().isEmpty()) {
                    QVERIFY2(inkA.pixels == 0, qPrintable(where));
                    continue;
                }
                QVERIFY2(inkA.pixels > 0, qPrintable(where));
                QVERIFY2(qAbs(inkA.bounds.left() - inkB.bounds.left()) <= 1, qPrintable(where));
                QVERIFY2(qAbs(inkA.bounds.right() - inkB.bounds.right()) <= 1, qPrintable(where));
                QVERIFY2(qAbs(inkA.bounds.center().y() - inkB.bounds.center().y()) <= 1,
                         qPrintable(where));
                QVERIFY2(qAbs(inkA.pixels - inkB.pixels) <= inkB.pixels / 10, qPrintable(where));
            }
        }
    }

    // The model's foreground (a status colour) and the selection's text colour are used.
    void usesTheCellsColours()
    {
        auto view = table(&m_model, new KeyItemDelegate);
        view->selectRow(0);
        view->setFocus();
        const QImage image = grabbed(view.get());
        QVERIFY(hasColour(image, cellRect(view.get(), 1, 1), QColor(0xb0, 0x20, 0x20)));
        const QPalette palette = view->palette();
        const QColor selected = palette.color(QPalette::Active, QPalette::HighlightedText);
        const QColor normal = palette.color(QPalette::Active, QPalette::Text);
        QVERIFY(hasColour(image, cellRect(view.get(), 0, 0), selected));
        QVERIFY(!hasColour(image, cellRect(view.get(), 0, 0), normal));
        QVERIFY(hasColour(image, cellRect(view.get(), 1, 0), normal));
    }

    // A text wider than its column ends in "…" inside the cell, as QStyledItemDelegate's does.
    void elidesWhatDoesNotFit()
    {
        m_model.item(1, 0)->setText(u"a-very-long-key-name-that-cannot-fit-in-the-column"_s);
        auto ours = table(&m_model, new KeyItemDelegate);
        auto qts = table(&m_model, new QStyledItemDelegate);
        ours->setColumnWidth(0, 90);
        qts->setColumnWidth(0, 90);
        ours->setFocusPolicy(Qt::NoFocus);
        qts->setFocusPolicy(Qt::NoFocus);
        const QImage a = grabbed(ours.get());
        const QImage b = grabbed(qts.get());
        const QRect cellA = cellRect(ours.get(), 1, 0);
        const Ink inkA = inkOf(a, cellA);
        const Ink inkB = inkOf(b, cellRect(qts.get(), 1, 0));
        QVERIFY(inkA.pixels > 0);
        QVERIFY(cellA.contains(inkA.bounds));
        QVERIFY(qAbs(inkA.bounds.right() - inkB.bounds.right()) <= 2);
        QVERIFY(qAbs(inkA.pixels - inkB.pixels) <= inkB.pixels / 10);
    }

    // The layouts kept are bounded, and a new font starts them again.
    void keepsABoundedCache()
    {
        QStandardItemModel many(KeyItemDelegate::maximumCachedTexts + 50, 1);
        for (int row = 0; row < many.rowCount(); ++row)
            many.setItem(row, 0, new QStandardItem(u"key-%1"_s.arg(row)));
        auto *delegate = new KeyItemDelegate;
        auto view = table(&many, delegate);
        view->resize(420, 2000);
        QVERIFY(!grabbed(view.get()).isNull());
        const qsizetype first = delegate->cachedTexts();
        QVERIFY(first > 0);
        for (int row = 0; row < many.rowCount(); row += 40) {
            view->scrollTo(many.index(row, 0), QAbstractItemView::PositionAtTop);
            view->viewport()->grab();
            QVERIFY(delegate->cachedTexts() <= KeyItemDelegate::maximumCachedTexts);
        }
        QFont font = view->font();
        font.setPointSizeF(font.pointSizeF() + 3);
        view->setFont(font);
        view->scrollToTop();
        view->viewport()->grab();
        QVERIFY(delegate->cachedTexts() > 0);
        QVERIFY(delegate->cachedTexts() <= first + 1);
    }
};

QTEST_MAIN(TestKeyItemDelegate)
#include "TestKeyItemDelegate.moc"
