# Sources of core/services.
target_sources(trestle_core_services PRIVATE
    services/demosetup.h services/demosetup.cpp
    services/connectionservices.h
    services/connectionsettings.h services/connectionsettings.cpp
    services/connectionmessages.h services/connectionmessages.cpp
    services/ratelimitmeters.h services/ratelimitmeters.cpp
    services/secretbatch.h services/secretbatch.cpp
    services/revoketokensjob.h services/revoketokensjob.cpp
    services/shareprobe.h services/shareprobe.cpp
    services/connectionsession.h services/connectionsession.cpp
    services/connectionsetup.h services/connectionsetup.cpp
    services/connectionmanager.h services/connectionmanager.cpp
    services/connectionstores.h services/connectionstores.cpp
    services/connectionscommand.h services/connectionscommand.cpp
)
