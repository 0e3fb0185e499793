// Checks what vscode-tmgrammar-test cannot: the manifest wires everything it names (the language
// activates the client: onLanguage:irqdsl, a configuration file; the files exist), the JSON files
// parse, and the repository's .irqdsl examples tokenise without an `invalid` scope.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const root = path.join(__dirname, '..');
const readJson = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
let failures = 0;
function check(what, fn) {
	try {
		fn();
		console.log(`✓ ${what}`);
	} catch (e) {
		failures++;
		console.log(`✖ ${what}\n  ${e.message}`);
	}
}

const pkg = readJson('package.json');
const lang = pkg.contributes.languages.find((l) => l.id === 'irqdsl');
check('language irqdsl for .irqdsl files', () => {
	assert.ok(lang, 'no language irqdsl');
	assert.deepStrictEqual(lang.extensions, ['.irqdsl']);
});
check('activationEvents onLanguage:irqdsl (without it the client never starts)', () =>
	assert.ok((pkg.activationEvents || []).includes('onLanguage:irqdsl')));
check('files named by the manifest exist and parse', () => {
	assert.strictEqual(pkg.main, './out/extension.js', 'main is not the compiled src/extension.ts');
	for (const p of [pkg.icon, 'src/extension.ts']) assert.ok(fs.existsSync(path.join(root, p)), `missing ${p}`);
	assert.ok(lang.configuration, 'the language has no configuration file');
	readJson(lang.configuration);
	for (const g of pkg.contributes.grammars) assert.strictEqual(readJson(g.path).scopeName, g.scopeName);
	for (const s of pkg.contributes.snippets) readJson(s.path);
});
check('settings irqdsl.java.home, irqdsl.server.args, irqdsl.trace.server', () => {
	const props = Object.keys(pkg.contributes.configuration.properties);
	for (const k of ['irqdsl.java.home', 'irqdsl.server.args', 'irqdsl.trace.server']) assert.ok(props.includes(k), k);
});
check('snippets platform, domain, bus, device, scenario', () => {
	const prefixes = Object.values(readJson('snippets/irqdsl.json')).map((s) => s.prefix);
	for (const p of ['platform', 'domain', 'bus', 'device', 'scenario']) assert.ok(prefixes.includes(p), p);
});

async function tokeniseExamples() {
	const oniguruma = require('vscode-oniguruma');
	const textmate = require('vscode-textmate');
	const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
	await oniguruma.loadWASM(wasm);
	const registry = new textmate.Registry({
		onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
		loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes/irqdsl.tmLanguage.json'), 'utf8'), 'irqdsl.tmLanguage.json'),
	});
	const grammar = await registry.loadGrammar('source.irqdsl');
	const examples = path.join(root, '..', 'examples');
	const files = [];
	(function walk(dir) {
		for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name.endsWith('.irqdsl')) files.push(p);
		}
	})(examples);
	check(`the ${files.length} example files tokenise without invalid scopes`, () => {
		assert.ok(files.length > 0, `no .irqdsl files under ${examples}`);
		const bad = [];
		for (const f of files) {
			let state = textmate.INITIAL;
			fs.readFileSync(f, 'utf8').split(/\r?\n/).forEach((line, i) => {
				const r = grammar.tokenizeLine(line, state);
				for (const t of r.tokens) {
					if (t.scopes.some((s) => s.startsWith('invalid'))) {
						bad.push(`${path.relative(root, f)}:${i + 1}:${t.startIndex + 1}: ${line.slice(t.startIndex, t.endIndex)} ${t.scopes.join(' ')}`);
					}
				}
				state = r.ruleStack;
			});
		}
		assert.deepStrictEqual(bad, []);
	});
}

tokeniseExamples().catch((e) => { failures++; console.log(`✖ ${e.stack}`); }).then(() => {
	if (failures) {
		console.log(`${failures} check(s) failed`);
		process.exit(1);
	}
});
