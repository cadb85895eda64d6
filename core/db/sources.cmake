# Sources of core/db (target_sources into trestle_core).
