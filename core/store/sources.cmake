# Sources of core/store (target_sources into trestle_core).
