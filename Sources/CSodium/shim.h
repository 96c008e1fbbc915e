// CSodium: libsodium as a Swift system module. Only AmanatCrypto imports it.
#ifndef AMANAT_CSODIUM_SHIM_H
#define AMANAT_CSODIUM_SHIM_H
#include <sodium.h>
#endif
