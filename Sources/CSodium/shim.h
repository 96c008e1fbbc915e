// CSodium: libsodium as a Swift system module. Only AmanatCrypto imports it.
#ifndef AMANAT_CSODIUM_SHIM_H
#define AMANAT_CSODIUM_SHIM_H
#include <sodium.h>

#if defined(__linux__)
#include <sys/prctl.h>
// prctl is variadic, which Swift cannot call: these fixed-argument wrappers can be.
/// Marks the process dumpable (1) or not (0): no core file, no ptrace by other users, /proc files root-owned.
static inline int amanat_set_dumpable(int dumpable) { return prctl(PR_SET_DUMPABLE, (unsigned long)dumpable, 0, 0, 0); }
/// The process's dumpable flag (0 or 1), or -1.
static inline int amanat_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
#endif
#endif
