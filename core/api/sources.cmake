# Sources of core/api.
target_sources(trestle_core_api PRIVATE
    api/apitypes.h
    api/apierrors.h api/apierrors.cpp
    api/jsonparse.h api/jsonparse.cpp
    api/urlpolicy.h api/urlpolicy.cpp
    api/oauthclient.h
    api/tokenpersistence.h
    api/tokenrequest.h api/tokenrequest.cpp
    api/tokenmanager.h api/tokenmanager.cpp
    api/secretstoretokenpersistence.h api/secretstoretokenpersistence.cpp
    api/authorizationcodeflow.h api/authorizationcodeflow.cpp
    api/clientcredentialsflow.h api/clientcredentialsflow.cpp
    api/tokenrevocation.h api/tokenrevocation.cpp
    api/connectioncontext.h api/connectioncontext.cpp
    api/apicall.h api/apicall.cpp
    api/linkheader.h api/linkheader.cpp
    api/procoreclient.h api/procoreclient.cpp
    api/rangedevice.h api/rangedevice.cpp
    api/sendoncebody.h api/sendoncebody.cpp
    api/storagetransfer.h api/storagetransfer.cpp
    api/ratelimitmeter.h api/ratelimitmeter.cpp
)
