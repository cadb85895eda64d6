#pragma once

#include "ui/settings/appsettings.h"

#include <QObject>
#include <QPalette>

namespace trestle {

// Light and dark palettes on the Fusion style. Qt 6.4 has no QStyleHints::colorScheme (6.5), so
// "System" reads the platform palette the application started with and calls it dark when its
// window colour is dark. Owned by main() (or a test); the window asks it to switch.
class Theme final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Theme)

public:
    // Remembers the platform palette of the running QApplication; call before anything else
    // changes it.
    explicit Theme(QObject *parent = nullptr);
    ~Theme() override;

    void apply(AppSettings::Theme choice);
    AppSettings::Theme choice() const { return m_choice; }
    bool isDark() const { return m_dark; }

    static bool isDarkPalette(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed(bool dark);

private:
    const QPalette m_platform;
    AppSettings::Theme m_choice = AppSettings::Theme::System;
    bool m_dark = false;
};

} // namespace trestle
