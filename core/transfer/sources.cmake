# Sources of core/transfer (target_sources into trestle_core).
