#pragma once

namespace trestle::wizard {

// The pages of ConnectionWizard, in the order the user meets them.
enum PageId {
    PlatformPageId,
    CredentialsPageId,
    SharePageId,
    SignInPageId,
    ProjectPageId,
    TestPageId,
};

} // namespace trestle::wizard
