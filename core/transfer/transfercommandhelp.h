#pragma once

#include <vector>

namespace trestle {

// One option of the transfer verbs, with the verbs it applies to (for each verb's --help). The
// texts are marked for lupdate (context trestle::TransferCommand) and translated where shown.
struct TransferVerbOption
{
    const char *name;
    const char *description;
    const char *valueName; // nullptr: a switch without a value
    const char *verbs; // space-separated, with a space at each end
};

// Every option of analyze/copy/sync/migrate/…; TransferCommand accepts them all and its
// helpText() lists a verb's own (transfercommandhelp.cpp).
const std::vector<TransferVerbOption> &transferVerbOptions();

} // namespace trestle
