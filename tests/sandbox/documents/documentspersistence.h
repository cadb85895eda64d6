#pragma once

#include <QString>

namespace sandbox {

class DocumentsModel;

// Reads and writes the Documents model's metadata as one JSON file (documents.json under
// --data-dir). Blobs stay as files next to it; only their ids are written here.
class DocumentsPersistence final
{
    Q_DISABLE_COPY_MOVE(DocumentsPersistence)

public:
    explicit DocumentsPersistence(DocumentsModel &model);

    bool load(const QString &path);
    bool save(const QString &path) const;

private:
    DocumentsModel &m_model;
};

} // namespace sandbox
