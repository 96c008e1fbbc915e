// CStemmer: the Snowball stemmers of Debian's libstemmer-dev (no pkg-config file; `make deps` installs it).
#ifndef AMANAT_CSTEMMER_SHIM_H
#define AMANAT_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
