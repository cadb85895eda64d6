#pragma once

#include "core/common/error.h"

#include <optional>
#include <utility>

namespace trestle {

// A value or an Error, never both, never neither. Used by every asynchronous job's finished()
// and by synchronous helpers alike, so the whole application has one way to report failure.
template<typename T>
class Result final
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error)) { Q_ASSERT(m_error.isError()); }

    bool ok() const { return m_value.has_value(); }
    const Error &error() const { return m_error; }
    const T &value() const
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &value()
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T takeValue()
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }

private:
    std::optional<T> m_value;
    Error m_error;
};

// For operations that produce no value.
struct Done final
{ };
using Status = Result<Done>;

} // namespace trestle
