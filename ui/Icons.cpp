#include "Icons.h"

#include <QAbstractButton>
#include <QEvent>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

const QStringList iconNames {u"create"_s, u"view"_s,   u"copy-id"_s, u"test"_s,   u"disable"_s,
                             u"enable"_s, u"delete"_s, u"refresh"_s, u"report"_s, u"add-profile"_s,
                             u"edit"_s,   u"remove"_s, u"back"_s};

// The sizes a style asks for most (small, toolbar, large toolbar, dialog); any other is drawn
// on demand just as well.
const QList<QSize> commonSizes {{16, 16}, {24, 24}, {32, 32}, {48, 48}};

// The drawings are read from the resources once; an icon only keeps its name and colours.
QByteArray svgSource(const QString &name)
{
    static QHash<QString, QByteArray> sources;
    const auto known = sources.constFind(name);
    if (known != sources.cend())
        return *known;
    QFile file(u":/icons/%1.svg"_s.arg(name));
    QByteArray source = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    sources.insert(name, source);
    return source;
}

// Draws one SVG at exactly the pixel size asked for (so a 2x screen gets twice the pixels,
// not a blown-up 1x bitmap), with currentColor in the colour of the icon's mode.
class SvgIconEngine : public QIconEngine
{
public:
    SvgIconEngine(const QString &name, const QPalette &palette)
        : m_name(name)
        , m_normal(palette.color(QPalette::Active, QPalette::WindowText))
        , m_disabled(palette.color(QPalette::Disabled, QPalette::WindowText))
        , m_selected(palette.color(QPalette::Active, QPalette::HighlightedText))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap drawn = pixmap((QSizeF(rect.size()) * ratio).toSize(), mode, state);
        drawn.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, drawn);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State /*state*/) override
    {
        if (size.isEmpty())
            return {};
        const QColor colour = colourFor(mode);
        const QString cacheKey = u"keydesk-icon:%1:%2:%3x%4"_s.arg(
            m_name, colour.name(QColor::HexArgb), QString::number(size.width()),
            QString::number(size.height()));
        QPixmap cached;
        if (QPixmapCache::find(cacheKey, &cached))
            return cached;
        QPixmap drawn = render(size, colour);
        QPixmapCache::insert(cacheKey, drawn);
        return drawn;
    }

    QList<QSize> availableSizes(QIcon::Mode /*mode*/, QIcon::State /*state*/) override
    {
        return commonSizes;
    }

    QString iconName() override { return m_name; }
    QString key() const override { return u"keydesk-svg"_s; }
    bool isNull() override { return svgSource(m_name).isEmpty(); }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }

private:
    QColor colourFor(QIcon::Mode mode) const
    {
        switch (mode) {
        case QIcon::Disabled:
            return m_disabled;
        case QIcon::Selected:
            return m_selected;
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return m_normal;
    }

    QPixmap render(const QSize &size, const QColor &colour) const
    {
        QByteArray source = svgSource(m_name);
        // QtSvg 6.4 does not resolve currentColor itself.
        source.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(source);
        if (!renderer.isValid())
            return {};
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        // Square drawings, centred in a size that is not square.
        const int side = qMin(size.width(), size.height());
        renderer.render(
            &painter,
            QRectF((size.width() - side) / 2.0, (size.height() - side) / 2.0, side, side));
        painter.end();
        return QPixmap::fromImage(image);
    }

    QString m_name;
    QColor m_normal;
    QColor m_disabled;
    QColor m_selected;
};

// Lives on a button and gives it its icon again in the new colours when its palette changes.
class IconFollower : public QObject
{
public:
    IconFollower(QAbstractButton *button, const QString &name)
        : QObject(button)
        , m_button(button)
        , m_name(name)
    {
        setObjectName(u"themedIcon"_s);
        button->installEventFilter(this);
    }

    void setName(const QString &name)
    {
        m_name = name;
        apply();
    }

    void apply() { m_button->setIcon(themedIcon(m_name, m_button->palette())); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_button && event->type() == QEvent::PaletteChange)
            apply();
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractButton *m_button;
    QString m_name;
};

} // namespace

QStringList themedIconNames()
{
    return iconNames;
}

QIcon themedIcon(const QString &name, const QPalette &palette)
{
    if (!iconNames.contains(name))
        return {};
    return QIcon(new SvgIconEngine(name, palette));
}

QIcon appIcon()
{
    return QIcon(new SvgIconEngine(u"io.keydesk.KeyDesk"_s, QPalette()));
}

void setThemedIcon(QAbstractButton *button, const QString &name)
{
    IconFollower *follower = nullptr;
    for (QObject *child : button->children()) {
        if (auto *known = dynamic_cast<IconFollower *>(child))
            follower = known;
    }
    if (!follower)
        follower = new IconFollower(button, name);
    follower->setName(name);
}

} // namespace keydesk
