#include "ui/settings/icons.h"

#include "ui/settings/tintedsvgiconengine.h"

#include <QFile>
#include <QHash>

namespace trestle::Icons {

QIcon action(const QString &name)
{
    // Icons are asked for once per action; keep the parsed SVG text anyway, a theme switch
    // re-creates them.
    static QHash<QString, QByteArray> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
        it = cache.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    if (it->isEmpty())
        return {};
    return QIcon(new TintedSvgIconEngine(*it));
}

QIcon folder()
{
    static const QIcon icon(QStringLiteral(":/icons/types/folder.svg"));
    return icon;
}

QString fileTypeName(const QString &fileName)
{
    static const QHash<QString, QString> bySuffix = [] {
        QHash<QString, QString> map;
        const auto add = [&map](const char *type, std::initializer_list<const char *> suffixes) {
            for (const char *suffix : suffixes)
                map.insert(QString::fromLatin1(suffix), QString::fromLatin1(type));
        };
        add("pdf", {"pdf"});
        add("image", {"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg"});
        add("drawing", {"dwg", "dxf", "dwf", "dwfx", "dgn"});
        add("document", {"doc", "docx", "odt", "rtf", "pages"});
        add("spreadsheet", {"xls", "xlsx", "xlsm", "ods", "csv", "numbers"});
        add("presentation", {"ppt", "pptx", "odp", "key"});
        add("archive", {"zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz"});
        add("model", {"rvt", "rfa", "ifc", "nwd", "nwc", "skp", "3dm", "obj", "fbx"});
        add("video", {"mp4", "mov", "avi", "mkv", "wmv", "m4v"});
        add("text", {"txt", "md", "log", "xml", "json", "ini"});
        return map;
    }();
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return QStringLiteral("file");
    return bySuffix.value(fileName.mid(dot + 1).toLower(), QStringLiteral("file"));
}

QIcon fileType(const QString &fileName)
{
    static QHash<QString, QIcon> icons;
    const QString type = fileTypeName(fileName);
    auto it = icons.find(type);
    if (it == icons.end())
        it = icons.insert(type, QIcon(QStringLiteral(":/icons/types/%1.svg").arg(type)));
    return *it;
}

} // namespace trestle::Icons
