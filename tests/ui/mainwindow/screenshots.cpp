#include "screenshots.h"

#include "testoutput.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPixmap>
#include <QWidget>

namespace testing {

QString scaleSuffix()
{
    const QByteArray scale = qgetenv("QT_SCALE_FACTOR");
    if (scale.isEmpty())
        return QStringLiteral("-100");
    return QStringLiteral("-%1").arg(qRound(scale.toDouble() * 100));
}

bool saveScreenshot(QWidget *widget, const QString &name)
{
    // A label whose text just changed has asked for a new layout; without it the grab shows the
    // old geometry (the meter's words cut off at the old width).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString path = testOutputDir() + QStringLiteral("/%1%2.png").arg(name, scaleSuffix());
    return widget->grab().save(path);
}

} // namespace testing
