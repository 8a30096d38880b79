// The WebAssembly module has no main(); everything it offers is in api.h. This
// file only gives the executable target a source of its own.
#include "api.h"
