// keydesk-bare-window: the yardstick of startup_ratio_vs_bare_qt (issue 4): a Qt Widgets window
// with one label, as small as a Qt program that shows something gets. It prints the time from
// its launch to the end of the label's first paint (FirstPaint.h) and exits.
#include "FirstPaint.h"

#include <QApplication>
#include <QLabel>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    const double atMain = firstpaint::msSinceLaunch();
    QApplication app(argc, argv);
    QLabel label(u"KeyDesk"_s);
    const firstpaint::Probe probe(&label, [] { return true; });
    label.show();
    const int code = QApplication::exec();
    std::fprintf(stderr, "    main() at %.1f ms\n", atMain);
    return code;
}
