target_sources(trestle_ui PRIVATE
    mainwindow.h mainwindow.cpp
)
