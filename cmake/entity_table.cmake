# cmake -DINPUT=entity.c -DOUTPUT=table.inc -P entity_table.cmake
#
# Reads md4c's entity table ({ "&AElig;", { 198, 0 } }, ...; sorted by name) and
# writes, for the names the engine decodes itself, a compact C string literal
# that wasm/common/html_entities.cpp expands at first use into records
# "NAME;UTF8\0" (a legacy name's record ends in "\1" instead).
#
# The stream is sorted by code point and stores each entry as
#   <code point minus the previous entry's, as 1-3 bytes >= 0x80> NAME
#   (';' | ':' for a legacy name) ['+' <a second code point, same encoding>]
# Measured: 2.9 kB gzip as sorted "NAME;UTF8" records, about 1.9 kB like this
# (the deltas are small; the UTF-8 of unrelated neighbours compressed badly).
#
# Which names: the full WHATWG list (2125 names with ';') cost 10.9 kB gzip, a
# quarter of the engine's size budget, for names almost nobody types. The engine
# decodes the ones a blog uses and that its own decisions depend on; any other
# valid-looking reference is written as it is, and the browser decodes it
# (wasm/common/html_entities.h explains why that is exact). Kept, 338 names:
#  - every name whose character is ASCII (the URL filter needs them: &colon;
#    &Tab; &NewLine; ...);
#  - the 252 names of HTML 4.01 (Latin-1, Greek, typographic punctuation, the
#    euro, arrows, math, card suits): the set people know and that editors and
#    CMSs write;
#  - every name that starts with a legacy name (&notin; starts with &not): a
#    browser decodes "&notit;" as "¬it;", so such a name must be known to tell a
#    real one from text.
# Measured (2026-12-02): the 539 names kept before (HTML 4 plus all of Latin
# Extended-A, Greek, General Punctuation and Currency Symbols, mostly HTML5-only
# spellings such as &lstrok; or &ZeroWidthSpace;) cost 734 B gzip more.
set(BR_LEGACY_NAMES
  AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave
  Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc
  acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth
  euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde
  oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig
  thorn times uacute ucirc ugrave uml uuml yacute yen yuml)
set(BR_HTML4_NAMES
  OElig oelig Scaron scaron Yuml fnof circ tilde
  Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon
  Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho
  sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv
  ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger bull hellip
  permil prime Prime lsaquo rsaquo oline frasl euro
  weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall
  part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup int there4 sim cong
  asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil lfloor rfloor lang rang loz spades
  clubs hearts diams)
list(LENGTH BR_HTML4_NAMES html4_count)
if(NOT html4_count EQUAL 152)
  message(FATAL_ERROR "HTML 4.01 has 252 names; 100 of them are legacy names (the other 6 legacy names are not HTML 4), so 152 should be listed here, not ${html4_count}")
endif()
list(LENGTH BR_LEGACY_NAMES legacy_count)
if(NOT legacy_count EQUAL 106)
  message(FATAL_ERROR "the WHATWG list has 106 legacy names, this script ${legacy_count}")
endif()

cmake_policy(VERSION 3.13)
file(STRINGS "${INPUT}" lines REGEX "^ *\\{ \"&[A-Za-z0-9]+;\", \\{ [0-9]+, [0-9]+ \\} \\},?")

function(is_kept name cp out)
  set(kept FALSE)
  # ASCII, HTML 4.01, or (below) a name that starts with a legacy name.
  if(cp LESS 128 OR name IN_LIST BR_HTML4_NAMES)
    set(kept TRUE)
  else()
    foreach(legacy IN LISTS BR_LEGACY_NAMES)
      string(FIND "${name}" "${legacy}" at)
      if(at EQUAL 0)
        set(kept TRUE)
        break()
      endif()
    endforeach()
  endif()
  set(${out} ${kept} PARENT_SCOPE)
endfunction()

# One delta or code point as 1-3 bytes, all >= 0x80 so that they never look
# like a name's [A-Za-z0-9] or the ';' ':' '+' separators:
#   0x80-0xBF               values < 64
#   0xC0-0xDF, 0x80-0xBF    values < 2048
#   0xE0-0xEF, two more     values < 65536
function(varint_escape value out)
  if(value LESS 64)
    math(EXPR b0 "0x80 | ${value}" OUTPUT_FORMAT HEXADECIMAL)
    set(bytes ${b0})
  elseif(value LESS 2048)
    math(EXPR b0 "0xC0 | (${value} >> 6)" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR b1 "0x80 | (${value} & 0x3F)" OUTPUT_FORMAT HEXADECIMAL)
    set(bytes ${b0} ${b1})
  elseif(value LESS 65536)
    math(EXPR b0 "0xE0 | (${value} >> 12)" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR b1 "0x80 | ((${value} >> 6) & 0x3F)" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR b2 "0x80 | (${value} & 0x3F)" OUTPUT_FORMAT HEXADECIMAL)
    set(bytes ${b0} ${b1} ${b2})
  else()
    message(FATAL_ERROR "value ${value} (a code point delta or a second code point) needs more than 16 bits, which the stream format does not hold")
  endif()
  set(s "")
  foreach(b IN LISTS bytes)
    string(REPLACE "0x" "\\x" b "${b}")
    string(APPEND s "\" \"${b}\" \"")
  endforeach()
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

function(utf8_length cp out)
  if(cp LESS 128)
    set(${out} 1 PARENT_SCOPE)
  elseif(cp LESS 2048)
    set(${out} 2 PARENT_SCOPE)
  elseif(cp LESS 65536)
    set(${out} 3 PARENT_SCOPE)
  else()
    set(${out} 4 PARENT_SCOPE)
  endif()
endfunction()

set(entries "")
set(seen 0)
set(legacy_found 0)
foreach(line IN LISTS lines)
  string(REGEX MATCH "\"&([A-Za-z0-9]+);\", \\{ ([0-9]+), ([0-9]+) \\}" _ "${line}")
  set(name "${CMAKE_MATCH_1}")
  set(cp1 "${CMAKE_MATCH_2}")
  set(cp2 "${CMAKE_MATCH_3}")
  math(EXPR seen "${seen} + 1")
  is_kept("${name}" ${cp1} kept)
  if(NOT kept)
    continue()
  endif()
  set(legacy 0)
  if(name IN_LIST BR_LEGACY_NAMES)
    set(legacy 1)
    math(EXPR legacy_found "${legacy_found} + 1")
  endif()
  # Zero-padded so that a plain string sort orders by code point, then name.
  string(LENGTH "${cp1}" digits)
  math(EXPR pad "7 - ${digits}")
  string(REPEAT "0" ${pad} zeros)
  list(APPEND entries "${zeros}${cp1}|${name}|${cp2}|${legacy}")
endforeach()
if(seen LESS 2000)
  message(FATAL_ERROR "only ${seen} entities found in ${INPUT}")
endif()
if(NOT legacy_found EQUAL legacy_count)
  message(FATAL_ERROR "${INPUT} lacks some legacy names (${legacy_found} of ${legacy_count} found)")
endif()
list(SORT entries)

set(body "")
set(count 0)
set(record_bytes 0)
set(previous 0)
foreach(entry IN LISTS entries)
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 cp1)
  list(GET fields 1 name)
  list(GET fields 2 cp2)
  list(GET fields 3 legacy)
  math(EXPR cp1 "${cp1}")  # drops the zero padding
  math(EXPR delta "${cp1} - ${previous}")
  set(previous ${cp1})
  varint_escape(${delta} d)
  set(end ";")
  if(legacy)
    set(end ":")
  endif()
  set(extra "")
  if(NOT cp2 EQUAL 0)
    varint_escape(${cp2} v2)
    set(extra "+${v2}")
  endif()
  string(APPEND body "\"${d}${name}${end}${extra}\"\n")
  # The expanded record "NAME;UTF8\0" that the engine rebuilds at first use.
  string(LENGTH "${name}" name_length)
  utf8_length(${cp1} l1)
  set(l2 0)
  if(NOT cp2 EQUAL 0)
    utf8_length(${cp2} l2)
  endif()
  math(EXPR record_bytes "${record_bytes} + ${name_length} + 2 + ${l1} + ${l2}")
  math(EXPR count "${count} + 1")
endforeach()
string(REPLACE "\"\" " "" body "${body}")
file(WRITE "${OUTPUT}" "// Generated by cmake/entity_table.cmake from md4c's entity.c. Do not edit.
#define BR_HTML_ENTITY_COUNT ${count}
#define BR_HTML_ENTITY_RECORD_BYTES ${record_bytes}
static const char kHtmlEntityStream[] =
${body};
")
