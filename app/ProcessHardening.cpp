#include "ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_WIN)
#include <windows.h>
// windows.h first: these need its types.
#include <aclapi.h>
#include <sddl.h>
#include <string>
#else
#include <sys/resource.h>
#endif

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

#if defined(Q_OS_MACOS)
#include <sys/types.h>
// sys/types.h first: ptrace.h uses its types.
#include <sys/ptrace.h>
#endif

namespace keydesk {

namespace {

#if defined(Q_OS_WIN)
// The process's DACL, in SDDL: protected (P, nothing inherited), its own user may only wait
// for it, query its name and end it (SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION |
// PROCESS_TERMINATE, 0x00101001), and "owner rights" (OW) only read this DACL, so that the
// owner cannot simply grant itself more. Everything else, PROCESS_VM_READ included, is denied.
bool restrictProcessDacl()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::string buffer(size, '\0');
    const bool haveUser
        = size > 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    CloseHandle(token);
    if (!haveUser)
        return false;
    LPWSTR userSid = nullptr;
    if (!ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER *>(buffer.data())->User.Sid, &userSid))
        return false;
    const std::wstring sddl = L"D:P(A;;0x00101001;;;" + std::wstring(userSid) + L")(A;;RC;;;OW)";
    LocalFree(userSid);
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1,
                                                              &descriptor, nullptr))
        return false;
    BOOL present = FALSE;
    BOOL defaulted = FALSE;
    PACL dacl = nullptr;
    bool done = GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted) && present;
    done = done
        && SetSecurityInfo(GetCurrentProcess(), SE_KERNEL_OBJECT,
                           DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                           nullptr, dacl, nullptr)
            == ERROR_SUCCESS;
    LocalFree(descriptor);
    return done;
}
#endif

} // namespace

bool hardenProcess()
{
    bool done = true;
#if defined(Q_OS_WIN)
    // Windows writes no core file; a crash dump needs PROCESS_VM_READ, which the DACL denies.
    done = restrictProcessDacl();
#else
    struct rlimit none = {0, 0};
    done = setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(Q_OS_LINUX)
    done = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && done;
#endif
#if defined(Q_OS_MACOS)
    done = ptrace(PT_DENY_ATTACH, 0, nullptr, 0) == 0 && done;
#endif
    return done;
}

} // namespace keydesk
