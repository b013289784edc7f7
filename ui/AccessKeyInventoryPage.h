#pragma once

#include "domain/KeyError.h"
#include "services/AccessKeyInventory.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace keydesk {

class AccessKeyInventoryModel;
class ErrorPanel;
class RamService;

// The credential report of a RAM profile's account on its own page: Run starts an
// AccessKeyInventory made by the profile's RamService (so the page never holds the secret), a
// progress bar follows it, Cancel keeps the rows found so far and says the report is partial,
// and the rows can be sorted and exported to CSV. The stale-days setting re-flags the rows of
// the last report at once, measured from that report's time.
class AccessKeyInventoryPage : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Complete, Partial, Failed };
    Q_ENUM(State)

    // service: not owned; the page does nothing once it is gone.
    explicit AccessKeyInventoryPage(RamService *service, QWidget *parent = nullptr);
    ~AccessKeyInventoryPage() override;

    State state() const { return m_state; }
    AccessKeyInventoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    const KeyError &error() const { return m_error; }
    QString summaryText() const;
    QString noteText() const;
    QString exportStatusText() const;

    // The time ages are measured from; invalid (the default): the clock when a report starts.
    void setReportTime(const QDateTime &now) { m_reportTime = now; }
    // Calls in flight at once (default: the inventory's own).
    void setMaxInFlight(int count) { m_maxInFlight = count; }

public Q_SLOTS:
    void run();
    void cancel();
    // Asks where to save, then exportTo().
    void exportCsv();
    // Writes the shown report; false (and the reason on the page) when it cannot.
    bool exportTo(const QString &path);

Q_SIGNALS:
    void reportFinished(keydesk::AccessKeyInventoryPage::State state);
    void backRequested(); // "Back to keys": the window shows the profile's key list again

private:
    QWidget *makeControls();
    void showProgress(int done, int total);
    void finished(AccessKeyInventory *inventory);
    void reflag();
    void showResult();
    void updateControls();
    QString summary() const;
    static QString errorTitle(const KeyError &error);

    QPointer<RamService> m_service;
    QPointer<AccessKeyInventory> m_job;
    State m_state = State::Idle;
    KeyError m_error;
    QDateTime m_reportTime;
    QDateTime m_reportNow; // the finished report's own time
    int m_maxInFlight = 0;

    AccessKeyInventoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QSpinBox *m_staleDays = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_exportStatus = nullptr;
    QTableView *m_table = nullptr;
    ErrorPanel *m_errorPanel = nullptr;
};

} // namespace keydesk
