/*
 * The same ceiling as md4c_ceiling.c, but with md4c (our md4c_unit.c, with the
 * same rewrites and flags) compiled for speed (-O3) instead of for size: the
 * fastest build of md4c we know, to answer "would md4c built for speed reach
 * the goal?" (bench/ceiling.mjs prints both). Not shipped; built only by
 * `npm run bench`. A file of its own because CMake's compile options belong to a
 * source file, and md4c_unit.c's are the engine's -Oz.
 */
#include "md4c_unit.c"
#include "md4c_ceiling.c"
