#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <stdexcept>

// A failure of the sandbox's own database: answered as HTTP 500, never a crash.
class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The sandbox's state in one SQLite file (WAL). Every write a request makes runs inside
// transaction(), so a crash leaves either all of it or none of it.
class Store
{
public:
    Store() = default;
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (creating if needed) DIR/sandbox.sqlite, the directory and its files made private
    // first (DataDirectory::secure); returns an error text or empty.
    QString open(const QString &dataDir);
    void migrate(const QStringList &statements);

    // Runs one statement with positional bindings (a null QString binds as ''); throws
    // StoreError on failure.
    QSqlQuery run(const QString &sql, const QVariantList &bindings = {});
    // Runs body in a transaction; commits when it returns normally, rolls back when it throws.
    void transaction(const std::function<void()> &body);

    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value);

private:
    QString m_connectionName;
    int m_depth = 0;
};
