#include "ClipboardGuard.h"
#include "DemoSandbox.h"
#include "Icons.h"
#include "KeyFilterModel.h"
#include "KeyListPage.h"
#include "KeyTableModel.h"
#include "ProfileSidebar.h"
#include "services/KeyService.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// A dark palette as a desktop in dark mode hands it over: every role set, the disabled ones
// dimmer.
QPalette darkPalette()
{
    QPalette palette;
    const QList<std::pair<QPalette::ColorRole, QColor>> roles {
        {QPalette::Window, QColor(0x2d, 0x2d, 0x30)},
        {QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Base, QColor(0x1e, 0x1e, 0x1e)},
        {QPalette::AlternateBase, QColor(0x26, 0x26, 0x26)},
        {QPalette::Text, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Button, QColor(0x3a, 0x3a, 0x3d)},
        {QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Highlight, QColor(0x2f, 0x65, 0xad)},
        {QPalette::HighlightedText, QColor(0xff, 0xff, 0xff)},
        {QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a)},
        {QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3d)},
        {QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8)},
        {QPalette::Light, QColor(0x50, 0x50, 0x54)},
        {QPalette::Midlight, QColor(0x44, 0x44, 0x48)},
        {QPalette::Mid, QColor(0x30, 0x30, 0x33)},
        {QPalette::Dark, QColor(0x20, 0x20, 0x22)},
        {QPalette::Shadow, QColor(0x10, 0x10, 0x10)}};
    for (const auto &[role, colour] : roles)
        palette.setColor(role, colour);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x7c, 0x7c, 0x7c));
    return palette;
}

// The style's own, light palette: what the console gets on a desktop in light mode.
QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

QPalette paletteNamed(const QString &name)
{
    return name == u"dark"_s ? darkPalette() : lightPalette();
}

// WCAG's relative luminance, 0 (black) to 1 (white).
double luminance(const QColor &colour)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Ink
{
    double coverage = 0; // in pixels: a half-transparent pixel counts half
    double averageLuminance = 0; // of the pixels at least half opaque
};

// What a pixmap draws: how much ink, and how light it is on average.
Ink inkOf(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    Ink ink;
    double sum = 0;
    int counted = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            ink.coverage += pixel.alphaF();
            if (pixel.alpha() < 128)
                continue;
            ++counted;
            sum += luminance(pixel);
        }
    }
    if (counted > 0)
        ink.averageLuminance = sum / counted;
    return ink;
}

void addPaletteRows()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light") << u"light"_s;
    QTest::newRow("dark") << u"dark"_s;
}

} // namespace

// The console's icons and colours on light and dark palettes, offscreen: every icon drawn at
// 1x and 2x, in the palette's text colour (light on dark, dark on light), on the key list's
// toolbar of a real keydesk-sandbox --demo and again after the palette changes, and the
// status colours readable against the table's background.
class TestIconsAndPalette : public QObject
{
    Q_OBJECT

private:
    DemoSandbox m_demo;
    ClipboardGuard *m_clipboard = nullptr;

    // A RAM key page (every toolbar action shown) whose first list has finished.
    std::unique_ptr<KeyListPage> keyPage()
    {
        auto page = std::make_unique<KeyListPage>(m_demo.service(ServiceKind::Ram),
                                                  KeyPageTools {nullptr, nullptr, m_clipboard});
        page->resize(1000, 500);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        if (!QTest::qWaitFor([&] { return !page->isLoading(); }, 20000))
            return nullptr;
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestIconsAndPalette"_s);
        QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
        m_clipboard = new ClipboardGuard(this);
    }

    void cleanup() { QApplication::setPalette(lightPalette()); }

    void everyIconRendersAt1xAnd2x_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : themedIconNames())
            QTest::newRow(qPrintable(name)) << name;
        QTest::newRow("app") << QString();
    }
    void everyIconRendersAt1xAnd2x()
    {
        QFETCH(QString, name);
        const QIcon icon = name.isEmpty() ? appIcon() : themedIcon(name, QApplication::palette());
        QVERIFY(!icon.isNull());
        for (const int side : {16, 24, 32, 48}) {
            const QPixmap once = icon.pixmap(QSize(side, side), 1.0);
            QCOMPARE(once.size(), QSize(side, side));
            const QPixmap twice = icon.pixmap(QSize(side, side), 2.0);
            QCOMPARE(twice.size(), QSize(2 * side, 2 * side));
            QCOMPARE(twice.devicePixelRatio(), 2.0);
            QCOMPARE(twice.deviceIndependentSize().toSize(), QSize(side, side));
            const double inkOnce = inkOf(once).coverage;
            const double inkTwice = inkOf(twice).coverage;
            QVERIFY2(inkOnce > side / 2.0, qPrintable(u"%1 px at %2"_s.arg(inkOnce).arg(side)));
            // Twice the pixels each way, so four times the ink.
            QVERIFY2(inkTwice > 3 * inkOnce && inkTwice < 5 * inkOnce,
                     qPrintable(u"%1 px at 2x, %2 at 1x"_s.arg(inkTwice).arg(inkOnce)));
        }
    }

    void unknownNameGivesNullIcon()
    {
        QVERIFY(themedIcon(u"no-such-icon"_s, QApplication::palette()).isNull());
        QVERIFY(themedIcon(u"app"_s, QApplication::palette()).isNull()); // appIcon() only
    }

    void iconsFollowThePalette_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::addColumn<QString>("name");
        for (const QString &palette : {u"light"_s, u"dark"_s}) {
            for (const QString &name : themedIconNames())
                QTest::newRow(qPrintable(palette + u'/' + name)) << palette << name;
        }
    }
    void iconsFollowThePalette()
    {
        QFETCH(QString, palette);
        QFETCH(QString, name);
        QApplication::setPalette(paletteNamed(palette));
        const QIcon icon = themedIcon(name, QApplication::palette());
        const Ink normal = inkOf(icon.pixmap(QSize(24, 24), 2.0));
        QVERIFY(normal.coverage > 0);
        if (palette == u"dark"_s)
            QVERIFY2(normal.averageLuminance > 0.6,
                     qPrintable(QString::number(normal.averageLuminance)));
        else
            QVERIFY2(normal.averageLuminance < 0.1,
                     qPrintable(QString::number(normal.averageLuminance)));
        // Readable on the window it sits on.
        const QPalette used = QApplication::palette();
        QVERIFY(contrast(used.color(QPalette::WindowText), used.color(QPalette::Window)) >= 3.0);

        // Disabled: drawn in the palette's disabled text colour, not the normal one.
        const Ink disabled = inkOf(icon.pixmap(QSize(24, 24), 2.0, QIcon::Disabled));
        QVERIFY(disabled.coverage > 0);
        const double expected = luminance(used.color(QPalette::Disabled, QPalette::WindowText));
        QVERIFY2(std::abs(disabled.averageLuminance - expected) < 0.05,
                 qPrintable(u"%1, expected %2"_s.arg(disabled.averageLuminance).arg(expected)));
    }

    void sidebarButtonsFollowAPaletteChange()
    {
        ProfileSidebar sidebar;
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        const QList<QPushButton *> buttons {sidebar.findChild<QPushButton *>(u"addProfile"_s),
                                            sidebar.findChild<QPushButton *>(u"editProfile"_s),
                                            sidebar.findChild<QPushButton *>(u"removeProfile"_s)};
        for (const QPushButton *button : buttons) {
            QVERIFY(button);
            QVERIFY(!button->icon().isNull());
            QVERIFY(!button->text().isEmpty()); // never an icon alone
            QVERIFY(inkOf(button->icon().pixmap(QSize(24, 24), 1.0)).averageLuminance < 0.1);
        }
        QApplication::setPalette(darkPalette());
        for (const QPushButton *button : buttons)
            QTRY_VERIFY(inkOf(button->icon().pixmap(QSize(24, 24), 1.0)).averageLuminance > 0.6);
    }

    void keyListToolbarHasIcons()
    {
        const auto page = keyPage();
        QVERIFY(page);
        QCOMPARE(page->state(), KeyListPage::State::Keys);
        auto *toolBar = page->findChild<QToolBar *>(u"keyActions"_s);
        QVERIFY(toolBar);
        QCOMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        int withIcons = 0;
        for (QAction *action : toolBar->actions()) {
            if (qobject_cast<QToolButton *>(toolBar->widgetForAction(action)) == nullptr)
                continue; // the filter field
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
            ++withIcons;
        }
        QCOMPARE(withIcons, 7); // create, view, copy id, test, disable, delete, refresh
        // The account's report, beside the filter, with its icon and text too.
        auto *report = page->findChild<QToolButton *>(u"inventoryButton"_s);
        QVERIFY(report);
        QCOMPARE(report->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        QVERIFY(!report->icon().isNull());
        QVERIFY(!report->text().isEmpty());

        // Disable shows the disable icon, and Enable (on an inactive key) the enable one.
        QAction *toggle = page->action(u"toggleEnabled"_s);
        QCOMPARE(toggle->icon().name(), u"disable"_s);
        auto *proxy = qobject_cast<KeyFilterModel *>(page->table()->model());
        const auto selectRowWhere = [&](const std::function<bool(const ApiKey &)> &match) {
            for (int row = 0; row < proxy->rowCount(); ++row) {
                if (match(page->keyModel()->keyAt(proxy->sourceRow(row)))) {
                    page->table()->selectRow(row);
                    return;
                }
            }
        };
        // A RAM user's key: the profile's own AccessKey must stay usable.
        selectRowWhere([](const ApiKey &key) { return key.owner == u"alice"_s; });
        QVERIFY(page->currentKey());
        const QString id = page->currentKey()->id;
        QCOMPARE(page->currentKey()->status, KeyStatus::Active);
        QVERIFY(toggle->isEnabled());
        toggle->trigger();
        const auto statusOf = [&] {
            for (const ApiKey &key : page->keyModel()->keys()) {
                if (key.id == id)
                    return key.status;
            }
            return KeyStatus::Invalid;
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), KeyStatus::Inactive, 15000);
        QTRY_VERIFY(!page->isLoading());
        selectRowWhere([&](const ApiKey &key) { return key.id == id; });
        QCOMPARE(page->currentKey()->id, id);
        QCOMPARE(toggle->icon().name(), u"enable"_s);
        toggle->trigger(); // as the demo had it
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), KeyStatus::Active, 15000);
    }

    void keyListIconsFollowAPaletteChange()
    {
        const auto page = keyPage();
        QVERIFY(page);
        const auto inkOfAction = [&](const QString &name) {
            return inkOf(page->action(name)->icon().pixmap(QSize(24, 24), 1.0)).averageLuminance;
        };
        QVERIFY(inkOfAction(u"create"_s) < 0.1);
        QApplication::setPalette(darkPalette());
        for (const QString &name : {u"create"_s, u"refresh"_s, u"toggleEnabled"_s, u"inventory"_s})
            QTRY_VERIFY2(inkOfAction(name) > 0.6, qPrintable(name));
        QApplication::setPalette(lightPalette());
        QTRY_VERIFY(inkOfAction(u"create"_s) < 0.1);
    }

    void statusColoursAreReadable_data() { addPaletteRows(); }
    void statusColoursAreReadable()
    {
        QFETCH(QString, palette);
        QApplication::setPalette(paletteNamed(palette));
        const QColor base = QApplication::palette().color(QPalette::Base);
        QList<ApiKey> keys;
        for (const KeyStatus status : {KeyStatus::Active, KeyStatus::Inactive, KeyStatus::Expired,
                                       KeyStatus::Revoked, KeyStatus::Invalid}) {
            ApiKey key;
            key.id = u"key-%1"_s.arg(keys.size());
            key.name = key.id;
            key.status = status;
            keys.append(key);
        }
        KeyTableModel model;
        model.setKeys(keys);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, KeyTableModel::StatusColumn);
            const QString text = index.data().toString();
            QVERIFY(!text.isEmpty()); // the colour never stands alone
            const QVariant foreground = index.data(Qt::ForegroundRole);
            if (!foreground.isValid())
                continue; // the view's own text colour
            const QColor colour = foreground.value<QBrush>().color();
            QVERIFY2(contrast(colour, base) >= 3.0,
                     qPrintable(u"%1: %2 on %3, %4:1"_s.arg(text, colour.name(), base.name())
                                    .arg(contrast(colour, base), 0, 'f', 2)));
        }
    }
};

QTEST_MAIN(TestIconsAndPalette)
#include "TestIconsAndPalette.moc"
