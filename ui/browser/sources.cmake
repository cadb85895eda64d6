# The dual-pane browser's pane (issue 7): a lazy model over a Store, its sort/filter proxy, the
# path bar, file operations and drag and drop. Paths relative to ui/.
target_sources(trestle_ui PRIVATE
    browser/transferrequest.h
    browser/itemdrag.h browser/itemdrag.cpp
    browser/droprules.h browser/droprules.cpp
    browser/filetypes.h browser/filetypes.cpp
    browser/storemodel.h browser/storemodel.cpp
    browser/storesortproxy.h browser/storesortproxy.cpp
    browser/breadcrumbbar.h browser/breadcrumbbar.cpp
    browser/columnfitter.h browser/columnfitter.cpp
    browser/celltextdelegate.h browser/celltextdelegate.cpp
    browser/elidingcombobox.h browser/elidingcombobox.cpp
    browser/paneoperations.h browser/paneoperations.cpp
    browser/panewidget.h browser/panewidget.cpp
    browser/panewidgetprivate.h browser/panecommands.cpp
)
