// The Unicode classes and case folding that CommonMark needs, shared by md4c
// (flanking rules for * and _, link label matching) and by our slugs and word
// counts, so that the engine ships one copy of the tables.
//
// The data are md4c 0.4.8's own tables, re-encoded at build time by
// cmake/md4c_rewrite.cmake (2.2 kB gzip as md4c has them, 1.1 kB as streams),
// and md4c is compiled calling these functions instead of its own; they answer
// exactly as md4c's did, for every code point (tests/cpp/test_md4c_rewrite.cpp).
// C functions, so that md4c can stay a C translation unit.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/// Non-zero for Unicode punctuation as CommonMark 0.31 defines it: ASCII
/// punctuation and symbols, plus the Unicode categories P* (md4c's table) and
/// S* (Sm, Sc, Sk, So: £ € ...; slug.cpp's symbol table), which md4c 0.4.8
/// predates (cmake/md4c_rewrite.cmake, rewrite 7).
int br_unicode_is_punctuation(unsigned code_point);

/// The same without the symbols (md4c 0.4.8's definition), for callers that
/// test symbols apart anyway (slugs, word counts: detail::is_symbol_or_control),
/// so that they search the symbol table once.
int br_unicode_is_p_punctuation(unsigned code_point);

/// Non-zero for Unicode white space: category Zs, plus tab, VT and FF (md4c's
/// definition; LF and CR are line ends, which md4c handles apart).
int br_unicode_is_whitespace(unsigned code_point);

/// Unicode simple + full case folding (CommonMark's label matching). Writes up
/// to 3 code points to folded and returns how many (1 when cp folds to itself).
unsigned br_unicode_case_fold(unsigned code_point, unsigned folded[3]);

#ifdef __cplusplus
}
#endif
