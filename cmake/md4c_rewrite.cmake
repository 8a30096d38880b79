# cmake -DINPUT=md4c.c -DOUTPUT_TABLES=unicode_tables.inc -DOUTPUT_MD4C=md4c_br.c -P md4c_rewrite.cmake
#
# Writes the md4c.c the engine compiles (OUTPUT_MD4C, included by
# wasm/markdown/md4c_unit.c) from the verified md4c 0.4.8 source, which is never
# edited in place. Eleven rewrites, each measured, each checked to find the exact
# text of md4c 0.4.8 it replaces (the script fails, and writes nothing, when
# that text is not there, e.g. in another md4c version):
#
# 1. Unicode tables. md4c keeps three (white space, punctuation, case folding)
#    as arrays of 32-bit code points, searched by md_unicode_bsearch__: 2,815 B
#    gzip of the Markdown engine (measured by replacing them, 2026-12-02), more
#    than any part of ours but the front matter. They are written to
#    OUTPUT_TABLES as compact byte streams, which wasm/markdown/unicode_tables.cpp
#    expands at first use and searches; md4c's three functions call it, so md4c
#    and our slugs and word counts share one copy. -1,196 B gzip.
#    tests/cpp/test_md4c_rewrite.cpp compares the result with md4c's original
#    functions for every code point.
# 2. The debug log. MD_LOG tests parser.debug_log, which the engine never sets,
#    before each of its 26 messages: compiled out. -661 B gzip.
# 3. Callback results. md4c stops when a callback returns non-zero; ours
#    (wasm/markdown/render.cpp) always return 0, so the six tests after each
#    call are compiled out. -117 B gzip.
# 4. U+0000 in code blocks. md4c scans every line of a code block for NUL bytes
#    to report them as MD_TEXT_NULLCHAR. render_markdown() hands md4c a copy in
#    which U+0000 is already U+FFFD (CommonMark's rule), so the scan never finds
#    one: code block lines go to the text callback directly. -58 B gzip, and one
#    pass less over code (tests/cpp/test_render.cpp checks a NUL in a code block).
# 5. UTF-8 decoding. md4c's two decoders (at an offset, and of the character
#    before one) check every byte for the shape of a valid sequence. The
#    renderer hands md4c valid UTF-8 only (the same repair as for U+0000), so
#    they read the length from the lead byte instead, and answer as md4c's for
#    valid UTF-8 (inside a character, where md4c never looks, both give a value
#    above U+10FFFF that no table holds); tests/cpp/test_md4c_rewrite.cpp
#    compares them for every code point.
#    -146 B gzip: md4c inlines the decoder at each of its Unicode checks.
# 6. Permissive URL and WWW autolinks in linear time. md4c 0.4.8 looks, for
#    each of them, through every later mark for the next resolved one, and
#    scans each one's path to the next white space, also when it lies in the
#    text of the autolink before it: "[www.a.com" repeated took 0.5 s at 64 KB
#    and 5.5 s at 256 KB (found by review; md4c 0.5 reworked autolinks for the
#    same reason, PR #220). The search now resumes from its last answer within
#    one md_analyze_marks() pass (marks right of the one analyzed cannot have
#    been resolved meanwhile: the pass resolves only up to the current mark and
#    the one after it), and a URL or WWW autolink that starts inside the text of
#    the one before it is not a link (links do not nest). tests/cpp/test_render.cpp
#    renders these inputs at 1 and 10 MB.
# 7. CommonMark 0.31, which md4c 0.4.8 predates: <textarea> starts an HTML
#    block of type 1 (and </textarea> ends it); Unicode symbols (S*: £ €) are
#    punctuation for emphasis, as P* characters are; an HTML comment is <!-->,
#    <!---> or <!-- up to the first -->, with "--" allowed inside. Spec
#    examples 171, 354, 625 and 626, which md4c 0.4.8 and md4c-html miss.
#    Two older md4c slips the spec has always ruled out, found by review: a
#    type 1 tag name must end (a space, a tab, '>' or the line's end follows:
#    "<scripted>" is no <script>), and an inline comment may begin at the end
#    of a line. +63 B gzip.
# 8. Extensions the engine never enables (wiki links, LaTeX math spans,
#    underline, white space collapsing, permissive ATX headings, no indented
#    code): md4c tests its flags at run time, so their code was all there. Each
#    test becomes 0, and the '$' and white space marks and the '$' and wiki
#    link spans, which only those flags reach, go with them. -305 B gzip.
# 9. The mark passes. md_analyze_marks() walks every mark of a block three
#    times (entities; links; emphasis and autolinks), and tested each mark's
#    character against the pass's string with strchr(). A 128-bit set tests it
#    with a shift instead. md_analyze_marks' share of a blog-200k render in a
#    V8 profile went from 7.2 % to 5.1 %; -46 B gzip.
# 10. HTML blocks of type 6. md4c 0.4.8's tag list lacks h2-h6 and search
#    (and has source, which CommonMark 0.31 dropped), and its search stopped at
#    the first name that is a prefix of the tag ("col" of "colgroup", "th" of
#    "thead", "head" of "header", "frame" of "frameset", "base" of
#    "basefont", "menu" of "menuitem"): a line "<h2>Title</h2>", as WordPress
#    exports write them, became "<p><h2>Title</h2></p>" (found by review; no
#    spec example has one).
# 11. Inline links in linear time. md_is_inline_link_spec found the line of
#    its '(' by walking the block's lines from the first, for every link: a
#    paragraph of one link per line took 0.93 s at 1 MB and 3.8 s at 2 MB
#    (found by review). A binary search over the lines (sorted, as md4c keeps
#    them) finds the same line.
#
# Stream format of the tables. A table is a list of entries sorted by code point, ranges
# [lo, hi] that neither overlap nor touch ASCII (the code handles U+0000-U+007F
# itself, as md4c does). Every number is a varint: 7 bits per byte, low bits
# first, the high bit set on every byte but the last. An entry is
#   lo - (previous hi + 1)     (the first entry: lo)
#   hi - lo                    in a white-space or punctuation table
#   (hi - lo) * 4 + n          in the folding table, then n code points: the
#                              first as a zigzag delta from lo (small: "A" folds
#                              to "a"), the others as they are
# A folding range maps like md4c's: when its first target is lo + 1 it
# alternates (upper, lower, upper...), otherwise it shifts by target - lo.
# Measured: md4c's arrays are 4,308 B raw, 2,225 B gzip; the streams 1,629 B
# raw, 1,131 B gzip. Why not the entity table's format (cmake/entity_table.cmake,
# whose bytes are all >= 0x80 so that they can sit between the entity names):
# these streams hold numbers only, and in that format, tried 2026-12-02, the
# Markdown engine came out 208 B gzip larger.
cmake_policy(VERSION 3.13)

file(READ "${INPUT}" source)

# The text of `source` from `first` (included) to the next `last` after it
# (excluded), into out_var; fails unless `first` occurs exactly once, `last`
# follows it, and `pattern` occurs `count` times in between (what the rewrite
# expects to find there).
function(md4c_region first last pattern count what out_var)
  string(FIND "${source}" "${first}" region_start)
  string(FIND "${source}" "${first}" region_start_last REVERSE)
  if(region_start EQUAL -1 OR NOT region_start EQUAL region_start_last)
    message(FATAL_ERROR "${INPUT}: ${what} are not where md4c 0.4.8 has them")
  endif()
  string(SUBSTRING "${source}" ${region_start} -1 rest)
  string(FIND "${rest}" "${last}" region_length)
  if(region_length EQUAL -1)
    message(FATAL_ERROR "${INPUT}: ${what} do not end as in md4c 0.4.8")
  endif()
  string(SUBSTRING "${rest}" 0 ${region_length} region)
  string(REGEX MATCHALL "${pattern}" found "${region}")
  list(LENGTH found found_count)
  if(NOT found_count EQUAL count)
    message(FATAL_ERROR "${INPUT}: ${what} are not those of md4c 0.4.8 (${found_count} of ${pattern}, not ${count})")
  endif()
  set(${out_var} "${region}" PARENT_SCOPE)
endfunction()

# Fails unless the text held by each variable named after `rewrite` occurs in
# `source` exactly once (what that rewrite replaces).
function(md4c_expect_once rewrite)
  foreach(part IN LISTS ARGN)
    string(FIND "${source}" "${${part}}" part_at)
    string(FIND "${source}" "${${part}}" part_at_last REVERSE)
    if(part_at EQUAL -1 OR NOT part_at EQUAL part_at_last)
      message(FATAL_ERROR "${INPUT}: md4c 0.4.8's ${part} is not where ${rewrite} expects it")
    endif()
  endforeach()
endfunction()

# ---- 1. Unicode tables: md4c's region of them (its tables, their binary search
# and the three functions that use them), up to the #endif that closes it
md4c_region("    /* Binary search over sorted \"map\" of codepoints." "#endif\n"
            "static const unsigned [A-Z0-9_]+\\[\\] = {" 8 "md4c's Unicode tables" region)

# The items of one array: "lo hi" pairs (S(cp) is "cp cp"), or plain values (_DATA).
function(read_array name out)
  string(REGEX MATCH "static const unsigned ${name}\\[\\] = {([^}]*)}" _ "${region}")
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "${INPUT}: no array ${name}")
  endif()
  set(body "${CMAKE_MATCH_1}")
  set(items "")
  if(name MATCHES "_DATA$")
    string(REGEX MATCHALL "0x[0-9a-fA-F]+" values "${body}")
    foreach(v IN LISTS values)
      math(EXPR v "${v}")
      list(APPEND items ${v})
    endforeach()
  else()
    string(REGEX MATCHALL "[RS]\\([^)]*\\)" entries "${body}")
    foreach(e IN LISTS entries)
      if(e MATCHES "^R\\((0x[0-9a-fA-F]+), *(0x[0-9a-fA-F]+)\\)$")
        math(EXPR lo "${CMAKE_MATCH_1}")
        math(EXPR hi "${CMAKE_MATCH_2}")
      elseif(e MATCHES "^S\\((0x[0-9a-fA-F]+)\\)$")
        math(EXPR lo "${CMAKE_MATCH_1}")
        set(hi ${lo})
      else()
        message(FATAL_ERROR "${INPUT}: cannot read ${e} in ${name}")
      endif()
      list(APPEND items "${lo}:${hi}")
    endforeach()
  endif()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# Appends the varint bytes of value to the list named by out_var.
function(append_varint out_var value)
  set(bytes "${${out_var}}")
  while(value GREATER 127)
    math(EXPR b "(${value} & 127) | 128")
    list(APPEND bytes ${b})
    math(EXPR value "${value} >> 7")
  endwhile()
  list(APPEND bytes ${value})
  set(${out_var} "${bytes}" PARENT_SCOPE)
endfunction()

# Appends an entry's start (see the format above) to the list named by bytes_var:
# the gap from the end of the previous entry (next_var, updated) and `extent`.
function(append_entry_start bytes_var next_var lo hi extent what)
  if(lo LESS ${next_var} OR lo LESS 128)
    message(FATAL_ERROR "${what}: ${lo}-${hi} is not sorted, overlaps another entry or straddles ASCII")
  endif()
  set(bytes "${${bytes_var}}")
  math(EXPR gap "${lo} - ${${next_var}}")
  append_varint(bytes ${gap})
  append_varint(bytes ${extent})
  math(EXPR next "${hi} + 1")
  set(${bytes_var} "${bytes}" PARENT_SCOPE)
  set(${next_var} ${next} PARENT_SCOPE)
endfunction()

# Zero-padded, so that a plain string sort orders by code point.
function(padded value out)
  string(LENGTH "${value}" digits)
  math(EXPR pad "8 - ${digits}")
  string(REPEAT "0" ${pad} zeros)
  set(${out} "${zeros}${value}" PARENT_SCOPE)
endfunction()

set(tables "")  # the C text written to OUTPUT_TABLES

# ---- 1. Unicode tables: white space and punctuation, as ranges
function(encode_set array c_name)
  read_array(${array} items)
  set(bytes "")
  set(next 0)
  set(count 0)
  foreach(item IN LISTS items)
    string(REPLACE ":" ";" pair "${item}")
    list(GET pair 0 lo)
    list(GET pair 1 hi)
    if(hi LESS 128)
      continue()  # ASCII: the code decides
    endif()
    math(EXPR extent "${hi} - ${lo}")
    append_entry_start(bytes next ${lo} ${hi} ${extent} ${array})
    math(EXPR count "${count} + 1")
  endforeach()
  string(REPLACE ";" "," text "${bytes}")
  set(tables "${tables}static const unsigned char ${c_name}[] = {${text}};\nconstexpr unsigned ${c_name}Count = ${count};\n" PARENT_SCOPE)
endfunction()
encode_set(WHITESPACE_MAP kWhitespace)
encode_set(PUNCT_MAP kPunctuation)

# ---- 1. Unicode tables: case folding, the three maps (1, 2 and 3 code points) merged by code point
set(fold_entries "")
foreach(n 1 2 3)
  read_array(FOLD_MAP_${n} map)
  read_array(FOLD_MAP_${n}_DATA data)
  list(LENGTH data data_length)
  set(slot 0)  # md4c's index: a range takes two slots of the map, and so n*2 of the data
  foreach(item IN LISTS map)
    string(REPLACE ":" ";" pair "${item}")
    list(GET pair 0 lo)
    list(GET pair 1 hi)
    math(EXPR first "${slot} * ${n}")
    math(EXPR last "${first} + ${n} - 1")
    if(last GREATER_EQUAL data_length)
      message(FATAL_ERROR "FOLD_MAP_${n}_DATA is shorter than FOLD_MAP_${n}")
    endif()
    set(targets "")
    foreach(i RANGE ${first} ${last})
      list(GET data ${i} t)
      list(APPEND targets ${t})
    endforeach()
    if(lo EQUAL hi)
      math(EXPR slot "${slot} + 1")
    else()
      math(EXPR slot "${slot} + 2")
    endif()
    if(hi LESS 128)
      continue()  # A-Z: the code decides
    endif()
    padded(${lo} key)
    string(REPLACE ";" "," targets "${targets}")
    list(APPEND fold_entries "${key}:${lo}:${hi}:${n}:${targets}")
  endforeach()
  math(EXPR used "${slot} * ${n}")
  if(NOT used EQUAL data_length)
    message(FATAL_ERROR "FOLD_MAP_${n}_DATA has ${data_length} values, FOLD_MAP_${n} uses ${used}")
  endif()
endforeach()
list(SORT fold_entries)
set(bytes "")
set(next 0)
set(count 0)
foreach(entry IN LISTS fold_entries)
  string(REPLACE ":" ";" fields "${entry}")
  list(GET fields 1 lo)
  list(GET fields 2 hi)
  list(GET fields 3 n)
  list(GET fields 4 targets)
  string(REPLACE "," ";" targets "${targets}")
  math(EXPR extent "(${hi} - ${lo}) * 4 + ${n}")
  append_entry_start(bytes next ${lo} ${hi} ${extent} "case folding")
  list(POP_FRONT targets first)
  math(EXPR delta "${first} - ${lo}")
  if(delta LESS 0)
    math(EXPR zigzag "-2 * ${delta} - 1")
  else()
    math(EXPR zigzag "2 * ${delta}")
  endif()
  append_varint(bytes ${zigzag})
  foreach(t IN LISTS targets)
    append_varint(bytes ${t})
  endforeach()
  math(EXPR count "${count} + 1")
endforeach()
string(REPLACE ";" "," text "${bytes}")
string(APPEND tables "static const unsigned char kFolding[] = {${text}};\nconstexpr unsigned kFoldingCount = ${count};\n")

set(tables_text "// Generated by cmake/md4c_rewrite.cmake from md4c.c (its white space,\n// punctuation and case folding tables); the format is described there.\n${tables}")

# ---- 1. (continued) md4c.c, with the tables' region replaced by calls to unicode_tables.cpp
set(replacement "    /* blog-reader-wasm: md4c's Unicode tables, their binary search and the
     * three functions that use them were here. cmake/md4c_rewrite.cmake
     * moved the tables, re-encoded, to wasm/markdown/unicode_tables.cpp, which
     * answers as these functions did for every code point
     * (tests/cpp/test_md4c_rewrite.cpp). */
    #include \"unicode_tables.h\"
    #define md_is_unicode_whitespace__(codepoint)   br_unicode_is_whitespace(codepoint)
    #define md_is_unicode_punct__(codepoint)        br_unicode_is_punctuation(codepoint)

    static void
    md_get_unicode_fold_info(unsigned codepoint, MD_UNICODE_FOLD_INFO* info)
    {
        info->n_codepoints = br_unicode_case_fold(codepoint, info->codepoints);
    }
")
string(REPLACE "${region}" "${replacement}" source "${source}")

# ---- 2. md4c's debug log, compiled out
set(log_definition "#define MD_LOG(msg)                                                     \\
    do {                                                                \\
        if(ctx->parser.debug_log != NULL)                               \\
            ctx->parser.debug_log((msg), ctx->userdata);                \\
    } while(0)
")
string(FIND "${source}" "${log_definition}" log_at)
if(log_at EQUAL -1)
  message(FATAL_ERROR "${INPUT}: MD_LOG is not defined as in md4c 0.4.8")
endif()
string(REPLACE "${log_definition}" "/* blog-reader-wasm: no debug log (the engine never sets parser.debug_log). */
#define MD_LOG(msg)     do { } while(0)
" source "${source}")

# ---- 3. the callbacks' results: each of md4c's six callback macros tests it
md4c_region("#define MD_ENTER_BLOCK(type, arg)" " ***  Unicode Support  ***" "if\\(ret != 0\\) {" 6
            "md4c's callback macros" macros)
string(REPLACE "if(ret != 0) {" "if(0) {  /* our callbacks never fail */" rewritten "${macros}")
string(REPLACE "${macros}" "${rewritten}" source "${source}")

# ---- 4. no NUL scan of code block lines
set(code_text "MD_TEXT_INSECURE(text_type, STR(line->beg), line->end - line->beg);")
string(REGEX MATCHALL "MD_TEXT_INSECURE\\(" insecure_uses "${source}")
list(LENGTH insecure_uses insecure_count)
string(FIND "${source}" "${code_text}" code_text_at)
if(NOT insecure_count EQUAL 2 OR code_text_at EQUAL -1)  # the macro's definition and its one use
  message(FATAL_ERROR "${INPUT}: MD_TEXT_INSECURE is not used as in md4c 0.4.8")
endif()
string(REPLACE "${code_text}" "MD_TEXT(text_type, STR(line->beg), line->end - line->beg);  /* no U+0000 here: see md4c_rewrite.cmake */" source "${source}")

# ---- 5. UTF-8 decoding for valid input
md4c_region("    static unsigned\n    md_decode_utf8__(const CHAR* str, SZ str_size, SZ* p_size)\n"
            "    #define ISUNICODEWHITESPACE_(codepoint) md_is_unicode_whitespace__(codepoint)\n    #define ISUNICODEWHITESPACE(off)        md_is_unicode_whitespace__(md_decode_utf8__"
            "IS_UTF8_LEAD[234]\\(" 6 "md4c's UTF-8 decoders" decoders)
string(REPLACE "${decoders}" "    /* blog-reader-wasm: decoders for valid UTF-8, which is all md4c is given
     * (see cmake/md4c_rewrite.cmake, rewrite 5). At every offset of valid
     * UTF-8 the first answers as md4c's did; the second does at a character
     * boundary, and inside a character both return a value above U+10FFFF. */
    static unsigned
    md_decode_utf8__(const CHAR* str, SZ str_size, SZ* p_size)
    {
        const unsigned lead = (unsigned char) str[0];
        SZ n = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        unsigned codepoint;
        SZ i;

        if(n > str_size)
            n = 1;
        if(p_size != NULL)
            *p_size = n;
        if(n == 1)
            return (unsigned) str[0];
        codepoint = lead & (0x7fu >> n);
        for(i = 1; i < n; i++)
            codepoint = (codepoint << 6) | ((unsigned char) str[i] & 0x3f);
        return codepoint;
    }

    static unsigned
    md_decode_utf8_before__(MD_CTX* ctx, OFF off)
    {
        OFF start = off - 1;

        while(start > 0  &&  off - start < 4  &&  IS_UTF8_TAIL(CH(start)))
            start--;
        return md_decode_utf8__(STR(start), off - start, NULL);
    }

" source "${source}")

# ---- 6. permissive URL and WWW autolinks in linear time
set(ctx_fields "    /* For resolving links. */
    int unresolved_link_head;
    int unresolved_link_tail;
")
string(FIND "${source}" "${ctx_fields}" ctx_fields_at)
if(ctx_fields_at EQUAL -1)
  message(FATAL_ERROR "${INPUT}: MD_CTX does not hold the link fields of md4c 0.4.8")
endif()
string(REPLACE "${ctx_fields}" "${ctx_fields}
    /* blog-reader-wasm (md4c_rewrite.cmake, rewrite 6): permissive autolinks
     * in one md_analyze_marks() pass. */
    int autolink_search_from;       /* the last search for a resolved mark began here */
    int autolink_next_resolved;     /* and found this one; -1: none this pass */
    OFF autolink_end;               /* where the last URL or WWW autolink ends */
" source "${source}")

set(marks_start "    int i = mark_beg;
    MD_UNUSED(lines);
    MD_UNUSED(n_lines);
")
string(FIND "${source}" "${marks_start}" marks_start_at)
if(marks_start_at EQUAL -1)
  message(FATAL_ERROR "${INPUT}: md_analyze_marks does not begin as in md4c 0.4.8")
endif()
string(REPLACE "${marks_start}" "${marks_start}
    ctx->autolink_next_resolved = -1;  /* rewrite 6: a new pass */
    ctx->autolink_end = 0;
" source "${source}")

md4c_region("static void\nmd_analyze_permissive_url_autolink(MD_CTX* ctx, int mark_index)\n{\n"
            "/* The permissive autolinks do not have to be enclosed in '<' '>' but we"
            "next_resolved_mark\\+\\+" 1 "md4c's permissive URL autolinks" url_autolink)
set(rewritten "${url_autolink}")
set(search "    next_resolved_mark = closer + 1;
    while(next_resolved_mark->ch == 'D' || !(next_resolved_mark->flags & MD_MARK_RESOLVED))
        next_resolved_mark++;
")
set(resolve "    md_resolve_range(ctx, NULL, mark_index, closer_index);
}
")
set(domain "    /* Check for domain. */
")
foreach(part IN ITEMS search resolve domain)
  string(FIND "${url_autolink}" "${${part}}" part_at)
  if(part_at EQUAL -1)
    message(FATAL_ERROR "${INPUT}: md_analyze_permissive_url_autolink is not that of md4c 0.4.8 (${part})")
  endif()
endforeach()
string(REPLACE "${domain}" "    /* blog-reader-wasm (rewrite 6): inside the text of the autolink before
     * it, this one would be a link in a link. */
    if(opener->beg < ctx->autolink_end)
        return;

${domain}" rewritten "${rewritten}")
string(REPLACE "${search}" "    /* blog-reader-wasm (rewrite 6): the last search of this pass began at
     * or before this mark and found a mark at or after it, and no mark in
     * between has been resolved since (the pass resolves marks up to the one
     * after the current one only), so its answer holds. */
    if(ctx->autolink_next_resolved > closer_index  &&  ctx->autolink_search_from <= closer_index + 1) {
        next_resolved_mark = &ctx->marks[ctx->autolink_next_resolved];
    } else {
        next_resolved_mark = closer + 1;
        while(next_resolved_mark->ch == 'D' || !(next_resolved_mark->flags & MD_MARK_RESOLVED))
            next_resolved_mark++;
        ctx->autolink_search_from = closer_index + 1;
        ctx->autolink_next_resolved = (int) (next_resolved_mark - ctx->marks);
    }
" rewritten "${rewritten}")
string(REPLACE "${resolve}" "    md_resolve_range(ctx, NULL, mark_index, closer_index);
    ctx->autolink_end = off;  /* rewrite 6 */
}
" rewritten "${rewritten}")
string(REPLACE "${url_autolink}" "${rewritten}" source "${source}")

# ---- 7. CommonMark 0.31, which md4c 0.4.8 predates (spec examples 171, 354,
# 625 and 626; the conformance test now requires all 652)
# <textarea> starts an HTML block of type 1, which </textarea> ends.
set(type1_tags "    static const TAG t1[] = { X(\"script\"), X(\"pre\"), X(\"style\"), Xend };")
set(type1_end "                    if(md_ascii_case_eq(STR(off), _T(\"</pre>\"), 6)) {
                        *p_end = off + 6;
                        return TRUE;
                    }
")
# A Unicode symbol (S*: £ € ...) is punctuation for emphasis, as a P* character
# is: br_unicode_is_punctuation, which md4c calls since rewrite 1, answers so.
# An HTML comment is <!-->, <!---> or <!-- up to the first -->, which may hold "--".
md4c_region("    /* \">\" and \"->\" must not follow the opening. */" "    return FALSE;\n}"
            "md_scan_for_html_closer\\(ctx, _T\\(\"--\"\\), 2," 1 "md4c's HTML comment rule" comment_rule)
# The name must end there: a space, a tab, '>' or the end of the line follows
# (md4c 0.4.8 compares prefixes only: "<textarea-autosize>" or "<preview-card>"
# made the rest of the document raw HTML; found by review).
set(type1_match "            if(md_ascii_case_eq(STR(off), t1[i].name, t1[i].len))
                return 1;
")
# A comment may start at the end of a line ("a <!--\nb -->").
set(comment_start "    if(off + 4 >= lines[0].end)
        return FALSE;
    if(CH(off+1) != _T('!')  ||  CH(off+2) != _T('-')  ||  CH(off+3) != _T('-'))
")
md4c_expect_once("rewrite 7" type1_tags type1_end type1_match comment_start)
string(REPLACE "${type1_match}" "            if(md_ascii_case_eq(STR(off), t1[i].name, t1[i].len)) {  /* rewrite 7 */
                OFF tmp = off + t1[i].len;
                if(tmp >= ctx->size  ||  ISBLANK(tmp)  ||  ISNEWLINE(tmp)  ||  CH(tmp) == _T('>'))
                    return 1;
            }
" source "${source}")
string(REPLACE "${comment_start}" "    if(off + 4 > lines[0].end)  /* rewrite 7: \"<!--\" may end the line */
        return FALSE;
    if(CH(off+1) != _T('!')  ||  CH(off+2) != _T('-')  ||  CH(off+3) != _T('-'))
" source "${source}")
string(REPLACE "${type1_tags}" "    static const TAG t1[] = { X(\"script\"), X(\"pre\"), X(\"style\"), X(\"textarea\"), Xend };  /* rewrite 7 */" source "${source}")
string(REPLACE "${type1_end}" "${type1_end}
                    if(md_ascii_case_eq(STR(off), _T(\"</textarea>\"), 11)) {  /* rewrite 7 */
                        *p_end = off + 11;
                        return TRUE;
                    }
" source "${source}")
string(REPLACE "${comment_rule}" "    /* blog-reader-wasm (rewrite 7): CommonMark 0.31's comments. */
    if(off < lines[0].end  &&  CH(off) == _T('>')) {
        *p_end = off + 1;
        return TRUE;
    }
    if(off+1 < lines[0].end  &&  CH(off) == _T('-')  &&  CH(off+1) == _T('>')) {
        *p_end = off + 2;
        return TRUE;
    }
    if(md_scan_for_html_closer(ctx, _T(\"-->\"), 3,
                lines, n_lines, off, max_end, p_end, &ctx->html_comment_horizon))
        return TRUE;

" source "${source}")

# ---- 8. extensions the engine never enables, compiled out: each flag test
# becomes 0, and the mark handling that only such a flag can reach goes too
# ('$' marks exist only with LATEXMATHSPANS, white space marks only with
# COLLAPSEWHITESPACE: md_build_mark_char_map)
set(unused_flags WIKILINKS LATEXMATHSPANS UNDERLINE COLLAPSEWHITESPACE PERMISSIVEATXHEADERS NOINDENTEDCODEBLOCKS)
set(unused_flag_tests 9)  # how often md4c 0.4.8 tests them
set(flag_tests 0)
foreach(flag IN LISTS unused_flags)
  foreach(ctx_ref "ctx->" "ctx.")
    string(REGEX MATCHALL "${ctx_ref}parser\\.flags & MD_FLAG_${flag}" found "${source}")
    list(LENGTH found n)
    math(EXPR flag_tests "${flag_tests} + ${n}")
    string(REPLACE "${ctx_ref}parser.flags & MD_FLAG_${flag}" "0 /* rewrite 8: ${flag} */" source "${source}")
  endforeach()
endforeach()
if(NOT flag_tests EQUAL unused_flag_tests)
  message(FATAL_ERROR "${INPUT}: md4c 0.4.8 tests the unused flags ${unused_flag_tests} times, this one ${flag_tests}")
endif()
set(dollar_marks "            if(ch == _T('$')) {")
set(whitespace_marks "            if(ISWHITESPACE_(ch)) {")
set(dollar_analysis "            case '$':   md_analyze_dollar(ctx, i); break;\n")
set(dollar_spans "                case '$':
                    if(mark->flags & MD_MARK_OPENER) {
                        MD_ENTER_SPAN((mark->end - off) % 2 ? MD_SPAN_LATEXMATH : MD_SPAN_LATEXMATH_DISPLAY, NULL);
                        text_type = MD_TEXT_LATEXMATH;
                    } else {
                        MD_LEAVE_SPAN((mark->end - off) % 2 ? MD_SPAN_LATEXMATH : MD_SPAN_LATEXMATH_DISPLAY, NULL);
                        text_type = MD_TEXT_NORMAL;
                    }
                    break;
")
# A '[' opener of two characters is a resolved wiki link's only.
set(wiki_spans "                    if ((opener->ch == '[' && closer->ch == ']') &&
                        opener->end - opener->beg >= 2 &&")
md4c_expect_once("rewrite 8" dollar_marks whitespace_marks dollar_analysis dollar_spans wiki_spans)
string(REPLACE "${dollar_spans}" "                /* rewrite 8: no '$' spans */\n" source "${source}")
string(REPLACE "${wiki_spans}" "                    if (0 /* rewrite 8: no wiki links */ && (opener->ch == '[' && closer->ch == ']') &&
                        opener->end - opener->beg >= 2 &&" source "${source}")
string(REPLACE "${dollar_marks}" "            if(0) {  /* rewrite 8: no '$' marks */" source "${source}")
string(REPLACE "${whitespace_marks}" "            if(0) {  /* rewrite 8: no white space marks */" source "${source}")
string(REPLACE "${dollar_analysis}" "            /* rewrite 8: no '$' marks to analyze */\n" source "${source}")

# ---- 9. the mark passes without strchr(): each pass's characters as a 128-bit
# set, two 64-bit words (every mark character is ASCII)
set(marks_signature "md_analyze_marks(MD_CTX* ctx, const MD_LINE* lines, int n_lines,
                 int mark_beg, int mark_end, const CHAR* mark_chars)")
set(marks_filter "        if(!ISANYOF_(mark->ch, mark_chars)) {")
set(marks_pass_entities "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, _T(\"&\"));")
set(marks_pass_links "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, _T(\"[]!\"));")
set(marks_pass_table "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, _T(\"|\"));")
set(marks_pass_emphasis "md_analyze_marks(ctx, lines, n_lines, mark_beg, mark_end, _T(\"*_~$@:.\"));")
md4c_expect_once("rewrite 9" marks_signature marks_filter marks_pass_entities marks_pass_links marks_pass_table marks_pass_emphasis)
string(REPLACE "${marks_signature}" "/* rewrite 9: the bit of ASCII character c in the low and in the high word of a set */
#define BR_MARK_LO(c)  ((c) < 64 ? 1ull << (c) : 0)
#define BR_MARK_HI(c)  ((c) < 64 ? 0 : 1ull << ((c) - 64))
#define BR_MARKS(c)    BR_MARK_LO(c), BR_MARK_HI(c)
md_analyze_marks(MD_CTX* ctx, const MD_LINE* lines, int n_lines,
                 int mark_beg, int mark_end, unsigned long long chars_lo, unsigned long long chars_hi)  /* rewrite 9 */" source "${source}")
string(REPLACE "${marks_filter}" "        /* rewrite 9: is mark->ch in the pass's set of characters? */
        if((unsigned char) mark->ch >= 128  ||
           !((((unsigned char) mark->ch < 64) ? chars_lo : chars_hi) >> (mark->ch & 63) & 1)) {" source "${source}")
string(REPLACE "${marks_pass_entities}" "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, BR_MARKS('&'));" source "${source}")
string(REPLACE "${marks_pass_links}" "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, BR_MARK_LO('!'), BR_MARK_HI('[') | BR_MARK_HI(']'));" source "${source}")
string(REPLACE "${marks_pass_table}" "md_analyze_marks(ctx, lines, n_lines, 0, ctx->n_marks, BR_MARKS('|'));" source "${source}")
string(REPLACE "${marks_pass_emphasis}" "md_analyze_marks(ctx, lines, n_lines, mark_beg, mark_end,
                     BR_MARK_LO('*') | BR_MARK_LO(':') | BR_MARK_LO('.'), BR_MARK_HI('_') | BR_MARK_HI('~') | BR_MARK_HI('@'));" source "${source}")

# ---- 10. HTML block type 6: CommonMark 0.31's whole list of names, and a name
# that is a prefix of the tag's no longer ends the search
set(type6_h "    static const TAG h6[] = { X(\"h1\"), X(\"head\"), X(\"header\"), X(\"hr\"), X(\"html\"), Xend };")
set(type6_s "    static const TAG s6[] = { X(\"section\"), X(\"source\"), X(\"summary\"), Xend };")
set(type6_prefix "                    if(tmp+1 < ctx->size && CH(tmp) == _T('/') && CH(tmp+1) == _T('>'))
                        return 6;
                    break;
")
md4c_expect_once("rewrite 10" type6_h type6_s type6_prefix)
string(REPLACE "${type6_h}" "    static const TAG h6[] = { X(\"h1\"), X(\"h2\"), X(\"h3\"), X(\"h4\"), X(\"h5\"), X(\"h6\"),
                              X(\"head\"), X(\"header\"), X(\"hr\"), X(\"html\"), Xend };  /* rewrite 10 */" source "${source}")
string(REPLACE "${type6_s}" "    static const TAG s6[] = { X(\"search\"), X(\"section\"), X(\"summary\"), Xend };  /* rewrite 10 */" source "${source}")
string(REPLACE "${type6_prefix}" "                    if(tmp+1 < ctx->size && CH(tmp) == _T('/') && CH(tmp+1) == _T('>'))
                        return 6;
                    /* rewrite 10: a longer name may follow (\"col\", \"colgroup\") */
" source "${source}")

# ---- 11. the line of an inline link's '(' by binary search
set(link_line "    while(off >= lines[line_index].end)
        line_index++;

    MD_ASSERT(CH(off) == _T('('));")
md4c_expect_once("rewrite 11" link_line)
string(REPLACE "${link_line}" "    {   /* rewrite 11: the first line that ends after off, by binary search */
        int high = n_lines - 1;
        while(line_index < high) {
            int mid = (line_index + high) / 2;
            if(off >= lines[mid].end)
                line_index = mid + 1;
            else
                high = mid;
        }
    }

    MD_ASSERT(CH(off) == _T('('));" source "${source}")

# ---- the outputs, written only now that every rewrite has applied, and only
# when they change (so that an unchanged result recompiles nothing)
include("${CMAKE_CURRENT_LIST_DIR}/write_if_changed.cmake")
write_if_changed("${OUTPUT_TABLES}" "${tables_text}")
write_if_changed("${OUTPUT_MD4C}" "/* Generated by cmake/md4c_rewrite.cmake from md4c.c 0.4.8: see there. */\n${source}")
