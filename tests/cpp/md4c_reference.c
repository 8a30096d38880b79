/* md4c's own functions that cmake/md4c_rewrite.cmake replaces, compiled from the
 * untouched md4c.c, for test_md4c_rewrite.cpp to compare the replacements with.
 * md_parse, md4c.c's only external symbol, is renamed so that it does not clash
 * with the engine's. */
#include <string.h>

#define md_parse br_reference_md_parse
#include "md4c.c"

int br_reference_is_whitespace(unsigned code_point) { return md_is_unicode_whitespace__(code_point); }

int br_reference_is_punctuation(unsigned code_point) { return md_is_unicode_punct__(code_point); }

unsigned br_reference_case_fold(unsigned code_point, unsigned folded[3]) {
    MD_UNICODE_FOLD_INFO info;
    unsigned i;
    md_get_unicode_fold_info(code_point, &info);
    for (i = 0; i < info.n_codepoints; i++) folded[i] = info.codepoints[i];
    return info.n_codepoints;
}

#define BR_PROBE(name) br_reference_##name
#include "md4c_probes.inc"
