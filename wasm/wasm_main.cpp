// The WebAssembly modules have no main(); everything they offer is in api.h.
// This file only gives each executable target a source of its own.
#include "api.h"
