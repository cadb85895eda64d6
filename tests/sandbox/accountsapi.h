#pragma once

#include "apicontext.h"

#include <optional>

namespace sandbox {

class Accounts;

// GET /rest/v1.0/me, /companies, /projects?company_id=, /companies/{cid}/projects (§2, §4).
class AccountsApi final
{
    Q_DISABLE_COPY_MOVE(AccountsApi)

public:
    explicit AccountsApi(const Accounts &accounts);

    // nullopt: not one of these paths.
    std::optional<HttpResponse> handle(const HttpRequest &request, const ApiContext &context) const;

    // The calls a user token may make without a Procore-Company-Id header (§3).
    static bool needsNoCompanyHeader(const HttpRequest &request);

private:
    HttpResponse me(const ApiContext &context) const;
    HttpResponse companies(const HttpRequest &request, const ApiContext &context) const;
    HttpResponse projects(const HttpRequest &request, const ApiContext &context, qint64 companyId) const;

    const Accounts &m_accounts;
};

} // namespace sandbox
