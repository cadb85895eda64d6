# Sources of core/transfer: job policies, the planner (walk, compare, write the plan) and the
# engine (a control thread dispatching the journal's items to worker threads).
target_sources(trestle_core_transfer PRIVATE
    transfer/engineprogress.h transfer/engineprogress.cpp
    transfer/itemfilter.h transfer/itemfilter.cpp
    transfer/relativepaths.h
    transfer/bandwidthlimiter.h transfer/bandwidthlimiter.cpp
    transfer/itemtask.h transfer/itemtask.cpp
    transfer/versionhistorycopy.h transfer/versionhistorycopy.cpp
    transfer/metereddevice.h transfer/metereddevice.cpp
    transfer/sourceguard.h transfer/sourceguard.cpp
    transfer/jobplanner.h transfer/jobplanner.cpp
    transfer/jobpolicies.h transfer/jobpolicies.cpp
    transfer/jobschedule.h transfer/jobschedule.cpp
    transfer/scheduletimer.h transfer/scheduletimer.cpp
    transfer/jobrunner.h transfer/jobrunner.cpp transfer/jobrunnerend.cpp
    transfer/planbuilder.h transfer/planbuilder.cpp
    transfer/storeresolver.h transfer/storeresolver.cpp
    transfer/plansummary.h transfer/plansummary.cpp
    transfer/transfercommand.h transfer/transfercommand.cpp
    transfer/transfercommandhelp.h transfer/transfercommandhelp.cpp
    transfer/transferengine.h transfer/transferengine.cpp
    transfer/transferworker.h transfer/transferworker.cpp
    transfer/treewalker.h transfer/treewalker.cpp
    transfer/walkmemo.h transfer/walkmemo.cpp
    transfer/twowaybuilder.h transfer/twowaybuilder.cpp
    transfer/syncbaseline.h transfer/syncbaseline.cpp
)
