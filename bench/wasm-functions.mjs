// Lists the largest functions of a .wasm and the size of each section, so that a
// size regression can be traced to its source. Names need a build that keeps
// them: `emcmake cmake ... -DBR_WASM_KEEP_NAMES=ON` (adds --profiling-funcs).
//   node bench/wasm-functions.mjs build/wasm-names/blog-reader.wasm [count]
import { readFileSync } from 'node:fs';

const [file = 'dist/blog-reader.wasm', countArg = '40'] = process.argv.slice(2);
const bytes = readFileSync(file);
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let importedFunctions = 0;
const bodies = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  let label = SECTION_NAMES[id] ?? `id ${id}`;
  if (id === 0) {
    const nameLen = leb();
    const name = bytes.subarray(pos, pos + nameLen).toString();
    pos += nameLen;
    label = `custom "${name}"`;
    if (name === 'name') {
      while (pos < start + size) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const index = leb();
            const len = leb();
            names.set(index, bytes.subarray(pos, pos + len).toString());
            pos += len;
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const len = leb(); pos += len; } // module and field names
      const kind = bytes[pos++];
      if (kind === 0) { importedFunctions++; leb(); }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const bodySize = leb();
      bodies.push({ index: importedFunctions + i, size: bodySize });
      pos += bodySize;
    }
  }
  sections.push({ label, size });
  pos = start + size;
}
console.log(`${file}: ${bytes.length} bytes`);
for (const s of sections) console.log(`  section ${s.label.padEnd(28)} ${String(s.size).padStart(8)}`);
bodies.sort((a, b) => b.size - a.size);
console.log(`\nlargest functions (of ${bodies.length}):`);
for (const b of bodies.slice(0, Number(countArg))) {
  console.log(`  ${String(b.size).padStart(7)}  ${names.get(b.index) ?? `func ${b.index}`}`);
}

// Code bytes per origin, from the (mangled) names: which library costs what.
const GROUPS = [
  ['nlohmann/json', /nlohmann/],
  ['md4c', /^md_|^md4c|^_?md_/],
  ['comments (ours)', /blogreader8comments|blogreader::comments/],
  ['markdown (ours)', /blogreader8markdown|blogreader::markdown/],
  ['common (ours)', /blogreader4html|blogreader5utf8|blogreader::(html|utf8)/],
  ['C ABI (ours)', /^br_/],
  ['malloc', /^(em)?malloc|^free$|^realloc|^calloc|^sbrk|emmalloc|^aligned_alloc|^memalign/],
  ['printf/strtod/soft-float', /printf|^fmt_|^pop_arg|^__(add|sub|mul|div)tf3|^__.*tf|^fmodl|^frexp|^scalbn|strto|floatscan|^__shgetc|^__shlim|^decfloat|^hexfloat|^__intscan|^copysignl|^fabsl|^__lshrti3|^__ashlti3|^__multi3/],
  ['libc++ (std::)', /^_ZNSt|^_ZNKSt|std::|^_ZSt|^_ZNS|__2/],
];
const totals = new Map(GROUPS.map(([g]) => [g, 0]));
totals.set('other', 0);
for (const b of bodies) {
  const name = names.get(b.index) ?? '';
  const group = GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';
  totals.set(group, totals.get(group) + b.size);
}
console.log('\ncode bytes by origin (function bodies, before compression):');
for (const [group, size] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${String(size).padStart(8)}  ${group}`);
