target_sources(trestle_ui PRIVATE
    settings/appsettings.h settings/appsettings.cpp
    settings/settingsdialog.h settings/settingsdialog.cpp
    settings/theme.h settings/theme.cpp
)
target_sources(trestle_ui PRIVATE
    settings/icons.h settings/icons.cpp
    settings/tintedsvgiconengine.h settings/tintedsvgiconengine.cpp
)
