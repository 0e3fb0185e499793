// Asserts on the JSON written by irqdsl-lsp.lua: the diagnostics carry the check id
// unmaskable-without-parent-mask, the completion after `supported ` offers MSI_FLAG_PCI_MSIX and no
// DOMAIN_BUS_*, the hover on MSI_FLAG_PCI_MSIX says what it means. Exit 1 on a failure.
'use strict';
const fs = require('fs');
const r = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const failures = [];
const ok = (cond, what) => { console.log(`${cond ? '✓' : '✖'} ${what}`); if (!cond) failures.push(what); };

ok(r.errors.length === 0, `the Neovim script ran without error ${r.errors.length ? JSON.stringify(r.errors) : ''}`);
const diags = Array.isArray(r.diagnostics) ? r.diagnostics : [];
const codes = diags.map((d) => d.code);
console.log(`  diagnostics: ${diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} severity ${d.severity} [${d.code}]`).join(', ')}`);
const target = diags.find((d) => d.code === 'unmaskable-without-parent-mask');
ok(!!target, 'a diagnostic with code unmaskable-without-parent-mask');
ok(!!target && target.severity === 2, 'unmaskable-without-parent-mask is a warning (severity 2)');

const c = r.completion;
const items = c == null ? [] : Array.isArray(c) ? c : c.items || [];
const labels = items.map((i) => i.label);
console.log(`  completion at ${JSON.stringify(r.completion_position)}: ${labels.length} items: ${labels.slice(0, 8).join(', ')}${labels.length > 8 ? ', ...' : ''}`);
ok(labels.includes('MSI_FLAG_PCI_MSIX'), 'the completion after `supported ` includes MSI_FLAG_PCI_MSIX');
ok(!labels.some((l) => l.startsWith('DOMAIN_BUS_')), 'the completion after `supported ` has no DOMAIN_BUS_*');

const hover = r.hover && r.hover.contents ? JSON.stringify(r.hover.contents) : '';
console.log(`  hover: ${hover}`);
ok(/MSI-X/.test(hover), 'the hover on MSI_FLAG_PCI_MSIX gives its meaning');

if (failures.length) {
  console.log(`${failures.length} assertion(s) failed`);
  process.exit(1);
}
