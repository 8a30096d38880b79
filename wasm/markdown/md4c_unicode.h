// md4c's own Unicode tables, reused (see md4c_unit.c) so that the engine ships one
// copy of them. These are C functions so that md4c can stay a C translation unit.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/// Non-zero for Unicode punctuation: ASCII punctuation and symbols, plus the
/// Unicode categories Pc, Pd, Pe, Pf, Pi, Po, Ps (CommonMark's definition).
int br_unicode_is_punctuation(unsigned code_point);

/// Non-zero for Unicode white space (category Zs, plus tab, LF, VT, FF, CR).
int br_unicode_is_whitespace(unsigned code_point);

/// Unicode simple + full case folding (CommonMark's label matching). Writes up
/// to 3 code points to folded and returns how many (1 when cp folds to itself).
unsigned br_unicode_case_fold(unsigned code_point, unsigned folded[3]);

#ifdef __cplusplus
}
#endif
