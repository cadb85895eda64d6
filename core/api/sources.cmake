# Sources of core/api (target_sources into trestle_core).
