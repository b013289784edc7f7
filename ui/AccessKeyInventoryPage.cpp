#include "AccessKeyInventoryPage.h"

#include "AccessKeyInventoryCsv.h"
#include "AccessKeyInventoryModel.h"
#include "ErrorPanel.h"
#include "Icons.h"
#include "services/RamService.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// English needs "1 key" but "3 keys"; %n keeps the count translatable with plural forms.
QString keysText(qsizetype count)
{
    return count == 1 ? AccessKeyInventoryPage::tr("1 key")
                      : AccessKeyInventoryPage::tr("%n keys", "", int(count));
}

QString usersText(qsizetype count)
{
    return count == 1 ? AccessKeyInventoryPage::tr("1 user")
                      : AccessKeyInventoryPage::tr("%n users", "", int(count));
}

QLabel *makeLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AccessKeyInventoryPage::AccessKeyInventoryPage(RamService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new AccessKeyInventoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setAccessibleName(tr("AccessKey report"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AccessKeyInventoryModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeControls());
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setAccessibleName(tr("Report progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_summary = makeLabel(u"summary"_s, tr("Report summary"), this);
    layout->addWidget(m_summary);
    m_note = makeLabel(u"note"_s, tr("Report status"), this);
    m_note->setText(tr("Run the report to list every AccessKey of the account: the root "
                       "account's and each RAM user's."));
    layout->addWidget(m_note);
    m_exportStatus = makeLabel(u"exportStatus"_s, tr("Export status"), this);
    m_exportStatus->hide();
    layout->addWidget(m_exportStatus);

    m_table = new QTableView(this);
    m_table->setObjectName(u"inventory"_s);
    m_table->setAccessibleName(tr("AccessKeys"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Unsorted at first: the report's own order, root account first, then the users.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    // Above the table, so that the rows found before an error stay in view.
    m_errorPanel = new ErrorPanel(this);
    m_errorPanel->setObjectName(u"errorState"_s);
    m_errorPanel->hide();
    connect(m_errorPanel, &ErrorPanel::retryRequested, this, &AccessKeyInventoryPage::run);
    layout->addWidget(m_errorPanel);
    layout->addWidget(m_table, 1);

    updateControls();
}

AccessKeyInventoryPage::~AccessKeyInventoryPage()
{
    // The job is a child: deleting it cancels what is in flight; it must not call back.
    if (m_job)
        m_job->disconnect(this);
}

QWidget *AccessKeyInventoryPage::makeControls()
{
    auto *controls = new QWidget(this);
    auto *back = new QPushButton(tr("&Keys"), controls); // the back icon is the arrow
    back->setObjectName(u"back"_s);
    back->setAccessibleName(tr("Back to keys"));
    setThemedIcon(back, u"back"_s);
    connect(back, &QPushButton::clicked, this, &AccessKeyInventoryPage::backRequested);
    m_run = new QPushButton(tr("&Run report"), controls);
    m_run->setObjectName(u"run"_s);
    m_run->setAccessibleName(tr("Run report"));
    connect(m_run, &QPushButton::clicked, this, &AccessKeyInventoryPage::run);
    m_cancel = new QPushButton(tr("&Cancel"), controls);
    m_cancel->setObjectName(u"cancel"_s);
    m_cancel->setAccessibleName(tr("Cancel report"));
    connect(m_cancel, &QPushButton::clicked, this, &AccessKeyInventoryPage::cancel);

    m_staleDays = new QSpinBox(controls);
    m_staleDays->setObjectName(u"staleDays"_s);
    m_staleDays->setAccessibleName(tr("Days after which a key is old or unused"));
    m_staleDays->setRange(1, 3650);
    m_staleDays->setValue(AccessKeyInventory::kDefaultStaleDays);
    m_staleDays->setSuffix(tr(" days"));
    connect(m_staleDays, &QSpinBox::valueChanged, this, &AccessKeyInventoryPage::reflag);
    auto *staleLabel = new QLabel(tr("Old or unused after:"), controls);
    staleLabel->setBuddy(m_staleDays);

    m_export = new QPushButton(tr("&Export CSV…"), controls);
    m_export->setObjectName(u"export"_s);
    m_export->setAccessibleName(tr("Export CSV"));
    connect(m_export, &QPushButton::clicked, this, &AccessKeyInventoryPage::exportCsv);

    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(back);
    row->addSpacing(12);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    row->addSpacing(12);
    row->addWidget(staleLabel);
    row->addWidget(m_staleDays);
    row->addStretch();
    row->addWidget(m_export);
    return controls;
}

QString AccessKeyInventoryPage::summaryText() const
{
    return m_summary->text();
}

QString AccessKeyInventoryPage::noteText() const
{
    return m_note->text();
}

QString AccessKeyInventoryPage::exportStatusText() const
{
    return m_exportStatus->text();
}

void AccessKeyInventoryPage::run()
{
    if (m_job || !m_service)
        return;
    m_job = m_service->inventory(this);
    if (m_maxInFlight > 0)
        m_job->setMaxInFlight(m_maxInFlight);
    m_job->setStaleDays(m_staleDays->value());
    if (m_reportTime.isValid())
        m_job->setNow(m_reportTime);
    connect(m_job, &AccessKeyInventory::progress, this, &AccessKeyInventoryPage::showProgress);
    connect(m_job, &AccessKeyInventory::finished, this, &AccessKeyInventoryPage::finished);

    // A new report replaces the last one.
    m_state = State::Running;
    m_error = {};
    m_reportNow = {};
    m_model->setRows({});
    m_progress->setRange(0, 0); // indeterminate until the first answer tells a total
    m_summary->clear();
    m_note->setText(tr("Listing the users and their AccessKeys…"));
    m_exportStatus->hide();
    m_errorPanel->hide();
    updateControls();
    m_job->start();
}

void AccessKeyInventoryPage::cancel()
{
    if (m_job)
        m_job->cancel(); // finished() follows, with the rows completed so far
}

void AccessKeyInventoryPage::showProgress(int done, int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void AccessKeyInventoryPage::finished(AccessKeyInventory *inventory)
{
    if (inventory != m_job)
        return;
    m_job = nullptr; // it deletes itself
    m_error = inventory->error();
    m_reportNow = inventory->now();
    m_model->setRows(inventory->rows());
    if (!m_error)
        m_state = State::Complete;
    else if (m_error.kind == KeyError::Kind::Cancelled)
        m_state = State::Partial;
    else
        m_state = State::Failed;
    showResult();
    updateControls();
    Q_EMIT reportFinished(m_state);
}

void AccessKeyInventoryPage::showResult()
{
    if (m_progress->maximum() == 0) // nothing answered: no total is known
        m_progress->setRange(0, 1);
    const qsizetype rows = m_model->rows().size();
    m_summary->setText(summary());
    switch (m_state) {
    case State::Complete:
        m_note->setText(
            tr("Complete: every AccessKey of the account as of %1.")
                .arg(QLocale().toString(m_reportNow.toLocalTime(), QLocale::ShortFormat)));
        break;
    case State::Partial:
        m_note->setText(rows == 0
                            ? tr("Cancelled before any key was reported.")
                            : tr("Cancelled: the report is partial. It shows only the %1 found "
                                 "before the cancel.")
                                  .arg(keysText(rows)));
        break;
    case State::Failed:
        m_errorPanel->setError(errorTitle(m_error), m_error);
        m_errorPanel->show();
        if (rows == 0)
            m_note->clear();
        else
            m_note->setText(tr("The report stopped at an error and is partial: it shows only "
                               "the %1 found before it.")
                                .arg(keysText(rows)));
        break;
    case State::Idle:
    case State::Running:
        break;
    }
    m_table->resizeColumnsToContents();
}

QString AccessKeyInventoryPage::errorTitle(const KeyError &error)
{
    switch (error.kind) {
    case KeyError::Kind::NotPermitted:
        return tr("The report needs the root account's AccessKey: this profile's AccessKey "
                  "may not list the account's RAM users. Run it from a profile that signs "
                  "with the root account's AccessKey.");
    case KeyError::Kind::Credentials:
        return tr("The service refused this profile's AccessKey. Check the profile's "
                  "AccessKey ID and secret.");
    default:
        return tr("The AccessKey report could not be made.");
    }
}

QString AccessKeyInventoryPage::summary() const
{
    const QList<AccessKeyRow> &rows = m_model->rows();
    if (rows.isEmpty())
        return m_state == State::Complete ? tr("No AccessKeys found.") : QString();
    QSet<QString> users;
    bool root = false;
    int old = 0;
    int unused = 0;
    int inactive = 0;
    for (const AccessKeyRow &row : rows) {
        if (row.user.isEmpty())
            root = true;
        else
            users.insert(row.user);
        old += row.flags.testFlag(AccessKeyFlag::Old) ? 1 : 0;
        unused += row.flags.testFlag(AccessKeyFlag::Unused) ? 1 : 0;
        inactive += row.flags.testFlag(AccessKeyFlag::Inactive) ? 1 : 0;
    }
    QString owners;
    if (!root)
        owners = usersText(users.size());
    else if (users.isEmpty())
        owners = tr("the root account");
    else
        owners = tr("the root account and %1").arg(usersText(users.size()));
    return tr("%1 of %2: %3 old, %4 unused, %5 inactive")
        .arg(keysText(rows.size()), owners, QString::number(old), QString::number(unused),
             QString::number(inactive));
}

void AccessKeyInventoryPage::reflag()
{
    if (m_job || !m_reportNow.isValid() || m_model->rows().isEmpty())
        return;
    QList<AccessKeyRow> rows = m_model->rows();
    for (AccessKeyRow &row : rows)
        row.flags = AccessKeyInventory::flagsFor(row, m_reportNow, m_staleDays->value());
    m_model->setRows(std::move(rows));
    m_summary->setText(summary());
}

void AccessKeyInventoryPage::exportCsv()
{
    if (m_model->rows().isEmpty())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        u"accesskeys-%1.csv"_s.arg(m_reportNow.toUTC().toString(u"yyyyMMdd-HHmm"_s)));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the AccessKey report"), suggested, tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool AccessKeyInventoryPage::exportTo(const QString &path)
{
    const AccessKeyInventoryCsv::Error error = AccessKeyInventoryCsv::write(path, m_model->rows());
    const QString shown = QDir::toNativeSeparators(path);
    if (error)
        m_exportStatus->setText(error.message);
    else if (m_state == State::Complete)
        m_exportStatus->setText(tr("Saved %1 to %2.").arg(keysText(m_model->rows().size()), shown));
    else
        m_exportStatus->setText(tr("Saved the partial report (%1) to %2.")
                                    .arg(keysText(m_model->rows().size()), shown));
    m_exportStatus->show();
    return !error;
}

void AccessKeyInventoryPage::updateControls()
{
    const bool running = m_job;
    m_run->setEnabled(!running && m_service);
    m_cancel->setEnabled(running);
    m_staleDays->setEnabled(!running);
    m_export->setEnabled(!running && !m_model->rows().isEmpty());
}

} // namespace keydesk
