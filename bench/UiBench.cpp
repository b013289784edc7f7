// keydesk-ui-bench: the key list's filter-as-you-type and sorting over 100,000 keys (issue 4),
// through KeyTableModel and KeyFilterModel with a QTableView attached, offscreen. Figures go
// to stdout as "name: value unit", details to stderr (docs/performance.md, "Key list").
#include "KeyFilterModel.h"
#include "KeyItemDelegate.h"
#include "KeyTableModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using keydesk::ApiKey;
using keydesk::KeyFilterModel;
using keydesk::KeyItemDelegate;
using keydesk::KeyTableModel;

namespace {

// Names in a few families, so a query narrows the way a real one does: "demo-ke" keeps a
// fifth of the rows after "d" kept about half.
QList<ApiKey> syntheticKeys(int count)
{
    static const QStringList families {u"demo-key"_s, u"deploy-bot"_s, u"ci-runner"_s,
                                       u"nightly-export"_s, u"analytics"_s};
    static const QStringList permissions {u"read"_s, u"write"_s, u"all"_s};
    QRandomGenerator random(4);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<ApiKey> keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i) {
        ApiKey key;
        key.id = u"LTAI5t%1"_s.arg(random.generate64(), 16, 16, QChar(u'0'));
        key.name = u"%1-%2"_s.arg(families.at(i % families.size())).arg(i);
        key.maskedValue = u"LTAI****"_s + key.id.right(4);
        key.status = keydesk::KeyStatus(random.bounded(5));
        key.created = now.addSecs(-qint64(random.bounded(2 * 365 * 86400)));
        if (random.bounded(3) == 0)
            key.expires = now.addSecs(qint64(random.bounded(200 * 86400)) - qint64(100) * 86400);
        if (random.bounded(2) == 0)
            key.lastUsed = now.addSecs(-qint64(random.bounded(90 * 86400)));
        if (random.bounded(4) != 0)
            key.owner = u"ram-user-%1"_s.arg(random.bounded(200));
        key.workspaceId = u"ws-%1"_s.arg(random.bounded(10));
        key.permission = permissions.at(random.bounded(3));
        keys.append(key);
    }
    return keys;
}

// The value below which share of the values lie (nearest rank); 1.0: the worst.
double percentile(QList<double> values, double share)
{
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(share * double(values.size())));
    return values.at(qBound(qsizetype(0), rank - 1, values.size() - 1));
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// This thread's CPU time: what a change costs whatever else the machine is running.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// What one keystroke or header click costs: the model and the view's synchronous reaction
// ("model"), then with the events that follow, the view's relayout and paint ("total"), and the
// CPU time of the whole ("cpu").
struct Times
{
    QList<double> model;
    QList<double> total;
    QList<double> cpu;
};

void report(const char *what, const Times &times)
{
    std::fprintf(stderr,
                 "%s over %lld: model median %.2f, p95 %.2f, max %.2f ms; "
                 "with the view's paint median %.2f, p95 %.2f, max %.2f ms; "
                 "CPU time with paint median %.2f, p95 %.2f, max %.2f ms\n",
                 what, qlonglong(times.total.size()), percentile(times.model, 0.5),
                 percentile(times.model, 0.95), percentile(times.model, 1.0),
                 percentile(times.total, 0.5), percentile(times.total, 0.95),
                 percentile(times.total, 1.0), percentile(times.cpu, 0.5),
                 percentile(times.cpu, 0.95), percentile(times.cpu, 1.0));
}

// Times one change and the event processing after it; view may be null.
template<typename Change>
void timeChange(Times &times, Change change)
{
    const double cpuBefore = threadCpuMs();
    QElapsedTimer timer;
    timer.start();
    change();
    times.model << elapsedMs(timer);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(); // the view's delayed layout
    times.total << elapsedMs(timer);
    times.cpu << threadCpuMs() - cpuBefore;
}

// A fresh proxy sorted by Created, newest first, shown in view with its first row selected, as
// the key list opens.
void attach(KeyFilterModel &filter, KeyTableModel &keys, QTableView *view)
{
    filter.setSourceModel(&keys);
    filter.sort(KeyTableModel::CreatedColumn, Qt::DescendingOrder);
    if (!view)
        return;
    view->setModel(&filter);
    view->sortByColumn(KeyTableModel::CreatedColumn, Qt::DescendingOrder); // and the header
    view->selectRow(0);
    // Until the list is painted, as a person sees it before typing: the view's delayed layout
    // comes after the first round of events.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Types each query one character at a time, then deletes it the same way back to empty, on a
// fresh proxy each round (no results kept from an earlier round).
Times typeAndDelete(KeyTableModel &keys, QTableView *view, const QStringList &queries, int rounds)
{
    QStringList steps;
    for (const QString &query : queries) {
        for (qsizetype n = 1; n <= query.size(); ++n)
            steps << query.left(n);
        for (qsizetype n = query.size() - 1; n >= 0; --n)
            steps << query.left(n);
    }
    Times times;
    for (int round = 0; round < rounds; ++round) {
        KeyFilterModel filter;
        attach(filter, keys, view);
        for (const QString &text : std::as_const(steps)) {
            timeChange(times, [&] { filter.setFilterText(text); });
            std::fprintf(stderr,
                         "  filter \"%s\": %d rows, %.2f ms, %.2f ms with paint (CPU %.2f ms)\n",
                         qPrintable(text), filter.rowCount(), times.model.last(),
                         times.total.last(), times.cpu.last());
        }
        if (view)
            view->setModel(nullptr);
    }
    return times;
}

// Every column in both orders, on a fresh proxy each round: the first sort by a column includes
// sorting its keys.
Times sortColumns(KeyTableModel &keys, QTableView *view, int rounds)
{
    Times times;
    for (int round = 0; round < rounds; ++round) {
        KeyFilterModel filter;
        attach(filter, keys, view);
        for (int column = 0; column < KeyTableModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                timeChange(times, [&] {
                    if (view)
                        view->sortByColumn(column, order);
                    else
                        filter.sort(column, order);
                });
                std::fprintf(stderr,
                             "  sort column %d %s: %.2f ms, %.2f ms with paint (CPU %.2f ms)\n",
                             column, order == Qt::AscendingOrder ? "asc" : "desc",
                             times.model.last(), times.total.last(), times.cpu.last());
            }
        }
        if (view)
            view->setModel(nullptr);
    }
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the key list's filter and sort (issue 4)."_s);
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Keys in the list (100000)."_s, u"n"_s,
                                        u"100000"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds of each measure (5)."_s, u"n"_s,
                                          u"5"_s);
    const QCommandLineOption queryOption(
        u"query"_s, u"Typed, then deleted; repeatable (demo-ke, ram-user-7)."_s, u"text"_s);
    const QCommandLineOption noViewOption(u"no-view"_s, u"Time the models alone, no QTableView."_s);
    parser.addOptions({rowsOption, roundsOption, queryOption, noViewOption});
    parser.process(app);
    const int rowCount = parser.value(rowsOption).toInt();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    QElapsedTimer timer;
    timer.start();
    KeyTableModel keys;
    keys.setKeys(syntheticKeys(rowCount));
    std::fprintf(stderr, "%d keys made and set in %.0f ms\n", rowCount, elapsedMs(timer));

    // Set up as KeyListPage sets up its table (makeKeysPage()).
    QTableView view;
    view.setSortingEnabled(true);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    view.setEditTriggers(QAbstractItemView::NoEditTriggers);
    view.verticalHeader()->hide();
    view.setWordWrap(false);
    view.setItemDelegate(new KeyItemDelegate(&view));
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1200, 800);
    view.show();

    QTableView *shown = parser.isSet(noViewOption) ? nullptr : &view;
    QStringList queries = parser.values(queryOption);
    if (queries.isEmpty())
        queries = {u"demo-ke"_s, u"ram-user-7"_s};
    const Times filterTimes = typeAndDelete(keys, shown, queries, rounds);
    const Times sortTimes = sortColumns(keys, shown, rounds);
    report("keystrokes", filterTimes);
    report("sorts", sortTimes);
    // The worst case, paint included: what a person waits for after the slowest keystroke.
    std::printf("filter_ms_100k: %.2f ms\n", percentile(filterTimes.total, 1.0));
    std::printf("sort_ms_100k: %.2f ms\n", percentile(sortTimes.total, 1.0));
    std::fflush(stdout);
    return 0;
}
