#pragma once

namespace trestle {

class ProfileRepository;
class RateLimitMeters;
class SecretStore;

// What the connection services need from the application; all live in the GUI thread and outlive
// every ConnectionSetup and ConnectionManager.
struct ConnectionServices
{
    ProfileRepository *profiles = nullptr;
    SecretStore *secrets = nullptr;
    RateLimitMeters *meters = nullptr;
};

} // namespace trestle
