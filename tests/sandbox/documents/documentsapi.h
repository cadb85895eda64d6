#pragma once

#include "apicontext.h"
#include "http/httpmessage.h"

#include <optional>

namespace sandbox {

class DocumentsModel;
class StorageService;

// The /rest routes of Procore Documents (procore-api.md §5, §6, §7): folders, files, file
// versions, the flat documents index, uploads, and the /fas download hop on the API host.
// The sandbox core has already checked the token, rate limit and company header.
class DocumentsApi final
{
    Q_DISABLE_COPY_MOVE(DocumentsApi)

public:
    DocumentsApi(DocumentsModel &model, StorageService &storage);
    ~DocumentsApi();

    // nullopt: not a Documents path (the core answers 404).
    std::optional<HttpResponse> handle(const HttpRequest &request, const ApiContext &context);

private:
    DocumentsModel &m_model;
    StorageService &m_storage;
};

} // namespace sandbox
