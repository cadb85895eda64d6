#include "core/services/connectionscommand.h"

#include "core/api/procoreclient.h"
#include "core/db/profilerepository.h"
#include "core/services/connectionmessages.h"
#include "core/services/connectionstores.h"

#include <QCommandLineParser>
#include <QDir>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace trestle {

namespace {

QString kindOf(const ConnectionProfile &profile)
{
    if (profile.platform == ConnectionProfile::Platform::Share)
        return QStringLiteral("share");
    return profile.authKind == ConnectionProfile::AuthKind::ServiceAccount ? QStringLiteral("procore-service")
                                                                           : QStringLiteral("procore");
}

QString whereOf(const ConnectionProfile &profile)
{
    if (profile.platform == ConnectionProfile::Platform::Share)
        return QDir::toNativeSeparators(profile.rootPath);
    return profile.companyName.isEmpty()
        ? profile.projectName
        : QStringLiteral("%1 / %2").arg(profile.companyName, profile.projectName);
}

// Left-aligned columns, as wide as their widest cell.
QStringList table(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = qMax(widths.at(i), int(row.at(i).size()));
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        lines.append(line);
    }
    return lines;
}

int exitCodeFor(const Error &error)
{
    switch (error.kind()) {
    case Error::Kind::NotFound:
    case Error::Kind::Config:
    case Error::Kind::Validation:
        return ConnectionsCommand::Usage;
    default:
        return ConnectionsCommand::Failed;
    }
}

} // namespace

ConnectionsCommand::ConnectionsCommand(const ConnectionServices &services, ConnectionStores *stores,
                                       QIODevice *out, QIODevice *err, QObject *parent)
    : QObject(parent), m_services(services), m_stores(stores), m_out(out), m_err(err)
{ }

ConnectionsCommand::~ConnectionsCommand() = default;

bool ConnectionsCommand::handles(const QString &verb)
{
    return verb == QLatin1String("connections") || verb == QLatin1String("projects");
}

void ConnectionsCommand::start(const QStringList &arguments)
{
    QTimer::singleShot(0, this, [this, arguments] { run(arguments); });
}

void ConnectionsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("verb"), tr("connections | projects <connection>"));
    parser.addOption({QStringLiteral("json"), tr("Print results as JSON.")});
    if (!parser.parse(arguments)) {
        fail(Error(Error::Kind::Validation, parser.errorText()));
        return;
    }
    m_json = parser.isSet(QStringLiteral("json"));
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0);
    if (verb == QLatin1String("connections") && args.size() == 1)
        listConnections();
    else if (verb == QLatin1String("projects") && args.size() == 2)
        listProjects(args.at(1));
    else
        fail(Error(Error::Kind::Validation,
                   tr("Usage: trestle connections [--json] | projects <connection name or id> [--json]")));
}

void ConnectionsCommand::listConnections()
{
    const Result<QVector<ConnectionProfile>> profiles = m_services.profiles->profiles();
    if (!profiles.ok()) {
        fail(profiles.error());
        return;
    }
    if (m_json) {
        QJsonArray array;
        for (const ConnectionProfile &p : profiles.value()) {
            QJsonObject json{{QStringLiteral("id"), p.id},
                             {QStringLiteral("name"), p.displayName},
                             {QStringLiteral("kind"), kindOf(p)}};
            if (p.platform == ConnectionProfile::Platform::Share) {
                json.insert(QStringLiteral("rootPath"), p.rootPath);
            } else {
                json.insert(QStringLiteral("apiBase"), p.apiBaseUrl.toString());
                json.insert(QStringLiteral("account"), p.accountLogin);
                json.insert(QStringLiteral("companyId"), QString::number(p.companyId));
                json.insert(QStringLiteral("companyName"), p.companyName);
                json.insert(QStringLiteral("projectId"), QString::number(p.projectId));
                json.insert(QStringLiteral("projectName"), p.projectName);
            }
            if (p.lastTestAt.isValid())
                json.insert(QStringLiteral("lastTestOk"), p.lastTestOk);
            array.append(json);
        }
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else if (profiles.value().isEmpty()) {
        print(tr("No saved connections. Add one in Trestle's window (Connections)."));
    } else {
        QList<QStringList> rows{{tr("NAME"), tr("KIND"), tr("PROJECT / PATH"), tr("ID")}};
        for (const ConnectionProfile &p : profiles.value())
            rows.append({p.displayName, kindOf(p), whereOf(p), p.id});
        for (const QString &line : table(rows))
            print(line);
    }
    done(Ok);
}

void ConnectionsCommand::listProjects(const QString &name)
{
    QString connection;
    QString path;
    const Error parsed = m_stores->parseEndpoint(QStringLiteral("procore:") + name, &connection, &path);
    if (parsed || !path.isEmpty()) {
        fail(parsed ? parsed
                    : Error(Error::Kind::Validation,
                            tr("There is no saved Procore connection called “%1”.").arg(name)));
        return;
    }
    m_stores->prepare(connection, [this, connection](const Error &prepared) {
        if (prepared) {
            fail(prepared);
            return;
        }
        Error error;
        m_client = m_stores->openClient(connection, &error);
        const Result<ConnectionProfile> profile = m_stores->profile(connection);
        if (!m_client || !profile.ok()) {
            fail(m_client ? profile.error() : error);
            return;
        }
        const QUrl apiBase = profile.value().apiBaseUrl;
        m_client->projects(profile.value().companyId, [this, apiBase](Result<QList<Project>> projects) {
            if (!projects.ok()) {
                fail(ConnectionMessages::listing(projects.error(), apiBase));
                return;
            }
            if (m_json) {
                QJsonArray array;
                for (const Project &project : projects.value())
                    array.append(QJsonObject{{QStringLiteral("id"), QString::number(project.id)},
                                             {QStringLiteral("name"), project.name},
                                             {QStringLiteral("number"), project.projectNumber},
                                             {QStringLiteral("active"), project.active}});
                print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
            } else {
                QList<QStringList> rows{{tr("ID"), tr("NUMBER"), tr("NAME")}};
                for (const Project &project : projects.value())
                    rows.append({QString::number(project.id), project.projectNumber, project.name});
                for (const QString &line : table(rows))
                    print(line);
            }
            done(Ok);
        });
    });
}

void ConnectionsCommand::fail(const Error &error)
{
    m_err->write(error.message().toUtf8());
    m_err->write("\n");
    done(exitCodeFor(error));
}

void ConnectionsCommand::print(const QString &text)
{
    m_out->write(text.toUtf8());
    m_out->write("\n");
}

void ConnectionsCommand::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

} // namespace trestle
