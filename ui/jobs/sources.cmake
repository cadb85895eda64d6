# Sources of ui/jobs: the job queue panel, its model and the drop and preview dialogs.
target_sources(trestle_ui PRIVATE
    jobs/jobqueuemodel.h jobs/jobqueuemodel.cpp jobs/jobqueuetexts.cpp
    jobs/progressbardelegate.h jobs/progressbardelegate.cpp
    jobs/jobqueuepanel.h jobs/jobqueuepanel.cpp
    jobs/dropactiondialog.h jobs/dropactiondialog.cpp
    jobs/planpreviewdialog.h jobs/planpreviewdialog.cpp
    jobs/transferflow.h jobs/transferflow.cpp
    jobs/conflictsdialog.h jobs/conflictsdialog.cpp
)
