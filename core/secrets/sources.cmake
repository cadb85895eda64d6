# Sources of core/secrets.
target_sources(trestle_core_secrets PRIVATE
    secrets/secretkind.h secrets/secretkind.cpp
    secrets/secretjob.h secrets/secretjob.cpp
    secrets/secretreadjob.h secrets/secretreadjob.cpp
    secrets/secretwritejob.h secrets/secretwritejob.cpp
    secrets/secretremovejob.h secrets/secretremovejob.cpp
    secrets/secretstore.h secrets/secretstore.cpp
)
