#pragma once

#include "core/common/error.h"
#include "core/transfer/transferworker.h"

#include <QString>

#include <functional>
#include <memory>

namespace trestle {

class RateLimitMeter;
class Store;

// Turns the connection string a job names (JobSpec::sourceConnection, the journal's
// source_connection) into stores: one for the calling thread (planning, browsing) and a factory
// the engine calls once in each worker thread. The command line and the job queue speak only to
// this interface, so they run the same on local folders, file shares and Procore projects.
//
// Connection strings: "local:/absolute/folder" for a folder given on the command line; anything
// else is a saved connection's profile id, which only a resolver that knows the profiles (the
// services layer's ConnectionStores) can open.
//
// A connection must be prepared before its stores are opened: preparing may be asynchronous
// (reading tokens from the keychain). Stores and factories must not outlive the resolver.
class StoreResolver
{
public:
    virtual ~StoreResolver();

    // A command-line endpoint ("/srv/share/Drawings", or a form the resolver knows such as
    // "procore:<connection>/<folder>") split into a connection string and a store-relative folder.
    virtual Error parseEndpoint(const QString &argument, QString *connection, QString *path) = 0;

    // Makes `connection` usable; `done` is called on the caller's thread, exactly once, with no
    // error or with the reason the connection cannot be used (unknown, signed out, missing folder).
    virtual void prepare(const QString &connection, std::function<void(const Error &)> done) = 0;
    // A store for the calling thread; null with `error` set when the connection is not prepared
    // or cannot be opened.
    virtual std::unique_ptr<Store> openStore(const QString &connection, Error *error) = 0;
    // A factory the engine calls in each worker thread (each call makes a new store for that
    // thread). Empty when the connection is not prepared.
    virtual StoreFactory factory(const QString &connection) = 0;
    // The application's API budget the connection spends from (null for folders and shares).
    virtual RateLimitMeter *meter(const QString &connection) = 0;
    // What the user calls the connection ("Procore – Tower A", "/srv/share").
    virtual QString displayName(const QString &connection) = 0;
};

// "local:/folder" connections only: the default of the command line without saved connections.
class LocalStoreResolver final : public StoreResolver
{
public:
    static QString connectionFor(const QString &folder);
    static bool isLocal(const QString &connection);

    // Any argument is a local folder: the connection is that folder, the path its root.
    Error parseEndpoint(const QString &argument, QString *connection, QString *path) override;

    void prepare(const QString &connection, std::function<void(const Error &)> done) override;
    std::unique_ptr<Store> openStore(const QString &connection, Error *error) override;
    StoreFactory factory(const QString &connection) override;
    RateLimitMeter *meter(const QString &connection) override;
    QString displayName(const QString &connection) override;
};

} // namespace trestle
