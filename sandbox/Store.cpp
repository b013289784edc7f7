#include "Store.h"

#include "DataDirectory.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

Store::~Store()
{
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString Store::open(const QString &dataDir)
{
    if (QString error = DataDirectory::secure(dataDir); !error.isEmpty())
        return error;
    m_connectionName = QStringLiteral("sandbox-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite")));
    if (!db.open())
        return db.lastError().text();
    try {
        // One process owns the state: holding SQLite's lock for good (set before WAL is first
        // used) spares every transaction its lock and unlock calls and the WAL its shared-memory
        // index, which is most of the sandbox's system calls per request. A second sandbox on
        // the same directory fails to open it instead of sharing it.
        run(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE"));
        run(QStringLiteral("PRAGMA journal_mode=WAL"));
        run(QStringLiteral("PRAGMA synchronous=NORMAL"));
        run(QStringLiteral("PRAGMA foreign_keys=ON"));
        run(QStringLiteral("PRAGMA busy_timeout=5000"));
        run(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"));
    } catch (const StoreError &error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

void Store::migrate(const QStringList &statements)
{
    transaction([&] {
        for (const QString &statement : statements)
            run(statement);
    });
}

QSqlQuery Store::run(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(sql))
        throw StoreError(QString(u"prepare failed: "_s + query.lastError().text() + u" in "_s + sql)
                             .toStdString());
    for (const QVariant &value : bindings) {
        // A null QString would bind as SQL NULL, which compares unequal to everything; a
        // missing text is the empty text here. An invalid QVariant still binds NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString(u""_s));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        throw StoreError(QString(u"query failed: "_s + query.lastError().text() + u" in "_s + sql)
                             .toStdString());
    return query;
}

void Store::transaction(const std::function<void()> &body)
{
    if (m_depth > 0) { // already inside one: the outer transaction decides
        body();
        return;
    }
    run(QStringLiteral("BEGIN IMMEDIATE"));
    ++m_depth;
    try {
        body();
    } catch (...) {
        --m_depth;
        try {
            run(QStringLiteral("ROLLBACK"));
        } catch (const StoreError &) {
            // the original failure is the one worth reporting
        }
        throw;
    }
    --m_depth;
    run(QStringLiteral("COMMIT"));
}

QString Store::meta(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

void Store::setMeta(const QString &key, const QString &value)
{
    run(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {key, value});
}
