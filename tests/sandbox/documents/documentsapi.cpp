#include "documents/documentsapi.h"

#include "documents/documentscall.h"
#include "documents/documentsmodel.h"
#include "documents/storageservice.h"

namespace sandbox {

DocumentsApi::DocumentsApi(DocumentsModel &model, StorageService &storage)
    : m_model(model), m_storage(storage)
{ }

DocumentsApi::~DocumentsApi() = default;

std::optional<HttpResponse> DocumentsApi::handle(const HttpRequest &request, const ApiContext &context)
{
    DocumentsCall call(m_model, m_storage, request, context);
    if (request.path.startsWith(QLatin1String("/fas/")))
        return handleDownloadHop(call);
    if (auto response = handleFolderRoutes(call))
        return response;
    if (auto response = handleFileRoutes(call))
        return response;
    if (auto response = handleIndexRoute(call))
        return response;
    return handleUploadRoutes(call);
}

} // namespace sandbox
