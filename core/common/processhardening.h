#pragma once

namespace trestle {

// Keeps the process's memory out of core dumps (issue 9: no secret in crash output). Trestle holds
// access and refresh tokens in memory while it works; a core file — written beside the working
// folder or collected by systemd-coredump — would carry them to wherever crash files go. Like
// ssh-agent and gpg-agent, the process marks itself non-dumpable at start (Linux: PR_SET_DUMPABLE
// 0, which also keeps other processes of the same user from attaching a debugger; elsewhere: a
// core size limit of 0). Developers who need a core file set TRESTLE_ALLOW_CORE_DUMPS=1.
namespace ProcessHardening {

// Call first thing in main(). Returns false when the platform refused (nothing else to do then).
bool keepSecretsOutOfCoreDumps();

} // namespace ProcessHardening

} // namespace trestle
