target_sources(trestle_ui PRIVATE
    status/budgethistory.h status/budgethistory.cpp
    status/budgetbar.h status/budgetbar.cpp
    status/budgetchart.h status/budgetchart.cpp
    status/budgetmeterwidget.h status/budgetmeterwidget.cpp
)
target_sources(trestle_ui PRIVATE status/jobnotifier.h status/jobnotifier.cpp)
