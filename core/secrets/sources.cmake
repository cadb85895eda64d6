# Sources of core/secrets (target_sources into trestle_core).
