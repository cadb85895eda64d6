#pragma once

#include <QIcon>
#include <QString>

namespace trestle {

// Trestle's own SVG icons (resources/icons): toolbar and menu actions, drawn in one line style
// and tinted to the palette's text colour, and file types, in fixed colours.
namespace Icons {

// resources/icons/actions/<name>.svg: "add-connection", "connections", "settings", "quit",
// "about", "refresh", "back", "forward", "up", "new-folder", "rename", "delete", "copy-path",
// "download", "upload", "open-external", "pause", "resume", "cancel", "retry", "report", "clear",
// "theme", "transfer", "budget", "queue", "procore", "share". A null icon for an unknown name.
QIcon action(const QString &name);

QIcon folder();
// By the file name's extension: pdf, image, drawing (dwg, dxf, dwf), document, spreadsheet,
// presentation, archive, model (rvt, ifc, nwd, skp), video, text; "file" for the rest.
QIcon fileType(const QString &fileName);
QString fileTypeName(const QString &fileName); // the resource's base name, for tests

} // namespace Icons

} // namespace trestle
