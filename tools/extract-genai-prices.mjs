// Prints the bundled price data of an unpacked @pydantic/genai-prices package as JSON:
// {"providers": [...], "units": {...}}. Used by tools/update-prices.sh.
//
// The package bundles its data as the first top-level declaration of dist/index.js, a plain
// data literal `const A = [ ...providers ], B = { ...units };`. The declaration is evaluated
// on its own in an empty VM context (no module code runs), and the result is checked against
// the package's public API: findProvider() must return each provider unchanged.
//
// Usage: node tools/extract-genai-prices.mjs PACKAGE_DIR > data/genai-prices/data.json
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node tools/extract-genai-prices.mjs PACKAGE_DIR');
  process.exit(2);
}
const indexPath = path.join(packageDir, 'dist', 'index.js');
const source = fs.readFileSync(indexPath, 'utf8');

const head = /^const ([A-Za-z_$][\w$]*) = \[/.exec(source);
if (!head) throw new Error(`${indexPath}: does not start with the providers literal`);
// The declaration ends at the first line that starts a new top-level statement.
const end = source.search(/\n(?:class|function|const|let|var|export) /);
if (end < 0) throw new Error(`${indexPath}: end of the data declaration not found`);
const declaration = source.slice(0, end);
const names = [...declaration.matchAll(/^(?:const |\], )([A-Za-z_$][\w$]*) = /gm)].map((m) => m[1]);
if (names.length !== 2) throw new Error(`expected two bindings (providers, units), found: ${names.join(', ')}`);

const context = vm.createContext(Object.create(null));
const [providers, units] = vm.runInContext(`${declaration}\n;[${names[0]}, ${names[1]}]`, context, {
  timeout: 10000,
});
const plain = JSON.parse(JSON.stringify({ providers, units }));
if (!Array.isArray(plain.providers) || plain.providers.length === 0) throw new Error('no providers');
if (typeof plain.units !== 'object' || !plain.units.input_tokens || !plain.units.output_tokens) {
  throw new Error('the second binding is not the units dictionary');
}

const api = await import(pathToFileURL(indexPath).href);
for (const provider of plain.providers) {
  const found = api.findProvider({ providerId: provider.id });
  if (!found || JSON.stringify(found) !== JSON.stringify(provider)) {
    throw new Error(`findProvider(${provider.id}) does not return the extracted provider`);
  }
}
process.stdout.write(JSON.stringify(plain, null, 1) + '\n');
