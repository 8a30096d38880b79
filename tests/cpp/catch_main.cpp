// The one Catch2 main for all native tests (kept apart: it is slow to compile).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
