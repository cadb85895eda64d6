#include "fuzzinput.h"

#include <cstdio>
#include <cstdlib>

namespace fuzz {

QList<QByteArray> splitFields(const uint8_t *data, size_t size, int count)
{
    QList<QByteArray> fields =
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\x1f');
    while (fields.size() < count)
        fields.append(QByteArray());
    while (fields.size() > count) // the rest joins the last field
        fields[count - 1] += '\x1f' + fields.takeAt(count);
    return fields;
}

void check(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

} // namespace fuzz
