// keydesk-icon-render: draws an SVG into square PNG files, one per size, for the hicolor icon
// theme (cmake/Packaging.cmake runs it at build time, so no generated PNG is committed).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "keydesk-icon-render: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // A build step without a display: shapes only (no text), so no QGuiApplication is needed.
    const QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes OUTPUT/NxN/apps/NAME.png for each size N from one SVG file."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"svg"_s, u"The SVG file."_s);
    parser.addPositionalArgument(u"output"_s, u"The directory that receives NxN/apps/."_s);
    parser.addPositionalArgument(u"sizes"_s, u"Sizes in pixels, for example 16 32 48."_s,
                                 u"size..."_s);
    parser.process(app);
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() < 3)
        return fail(u"needs an SVG file, an output directory and at least one size"_s);

    QSvgRenderer renderer(arguments.at(0));
    if (!renderer.isValid())
        return fail(u"cannot read %1 as SVG"_s.arg(arguments.at(0)));
    const QString name = QFileInfo(arguments.at(0)).completeBaseName() + u".png"_s;
    const QDir output(arguments.at(1));

    for (const QString &sizeText : arguments.mid(2)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(u"%1 is not a size from 1 to 4096"_s.arg(sizeText));
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();

        const QString folder = u"%1x%1/apps"_s.arg(size);
        if (!output.mkpath(folder))
            return fail(u"cannot create %1"_s.arg(output.filePath(folder)));
        const QString path = output.filePath(folder + u'/' + name);
        if (!image.convertToFormat(QImage::Format_ARGB32).save(path, "PNG"))
            return fail(u"cannot write %1"_s.arg(path));
    }
    return 0;
}
