# Sources of core/jobs: the job queue the window (and a scheduler) drive.
target_sources(trestle_core_jobs PRIVATE
    jobs/jobqueue.h jobs/jobqueue.cpp jobs/jobqueueentry.h jobs/jobqueueholds.cpp
    jobs/jobqueuedecisions.cpp jobs/itempagereader.h jobs/itempagereader.cpp
    jobs/plansummaryreader.h jobs/plansummaryreader.cpp
)
