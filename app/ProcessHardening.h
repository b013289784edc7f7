#pragma once

namespace keydesk {

// Closes the ways another process reads this one's memory, before any secret is read: no core
// dump (RLIMIT_CORE 0), and on Linux not dumpable, so that other processes of the same user
// can neither attach to it (ptrace) nor read /proc/PID/mem, and its /proc entries belong to
// root. On macOS the process denies debuggers (PT_DENY_ATTACH); on Windows its DACL leaves
// other processes of the user only what a protected process allows (no PROCESS_VM_READ, no
// PROCESS_QUERY_INFORMATION, so no ReadProcessMemory and no MiniDumpWriteDump).
// An administrator (root, SeDebugPrivilege) is not kept out. False when a step failed.
bool hardenProcess();

} // namespace keydesk
