// Differential test of usage extraction: for each golden fixture (tests/fixtures) of a provider
// and API flavor @pydantic/genai-prices has an extractor for, its extractUsage reads the body,
// its calcPrice prices what it read, and both are compared with the record the extension made
// of the same body (tests/pricing/genai_prices_extract_usage.phpt writes the cases).
// Agreement: the same input, output, cache-read, cache-write and reasoning tokens (the ones the
// package reads; the extension's record has them all) and the same total cost within 1e-9 USD.
// A case may carry a documented disagreement (its reason): it passes while it disagrees, and
// fails once both agree, so that the note is removed.
//
// Usage: node genai-prices-extract.mjs SOURCE cases.json
// Ends with "N passed, N failed"; prints each disagreement.
import fs from 'node:fs';
import { calcPrice, extractUsage, findProvider } from '@pydantic/genai-prices';
import { requireVendoredVersion } from './genai-prices-version.mjs';

const [sourcePath, casesPath] = process.argv.slice(2);
const installed = requireVendoredVersion(sourcePath);
const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
// the record's token fields and the genai-prices usage keys they correspond to
const fields = [
  ['prompt_tokens', 'input_tokens'],
  ['completion_tokens', 'output_tokens'],
  ['cached_tokens', 'cache_read_tokens'],
  ['cache_write_tokens', 'cache_write_tokens'],
  ['reasoning_tokens', 'output_reasoning_tokens'],
];
let passed = 0;
let failed = 0;
for (const c of cases) {
  const provider = findProvider({ providerId: c.provider });
  const problems = [];
  let usage;
  try {
    ({ usage } = extractUsage(provider, c.body, c.flavor));
  } catch (error) {
    problems.push(`extractUsage threw: ${error.message}`);
  }
  if (usage) {
    for (const [ours, theirs] of fields) {
      if (usage[theirs] !== undefined && usage[theirs] !== c.record[ours]) {
        problems.push(`${theirs} ${usage[theirs]} vs ${ours} ${c.record[ours]}`);
      }
    }
    const price = calcPrice(usage, c.model, { provider, timestamp: new Date(c.start_ms) });
    const cents = price ? price.total_price * 100 : null;
    if (cents === null || !c.record.cost_known) {
      problems.push(`cost: theirs ${cents}, ours ${c.record.cost_known ? c.record.cents : 'unknown'}`);
    } else if (Math.abs(cents - c.record.cents) > 1e-7) {
      problems.push(`cost: ${+cents.toPrecision(12)} vs ${+c.record.cents.toPrecision(12)} cents`);
    }
  }
  if (c.documented && problems.length > 0) {
    passed++;
    console.log(`DOCUMENTED ${c.fixture}: ${problems.join('; ')}: ${c.documented}`);
  } else if (c.documented) {
    failed++;
    console.log(`AGREES NOW ${c.fixture}: remove its documented disagreement`);
  } else if (problems.length === 0) {
    passed++;
  } else {
    failed++;
    console.log(`DISAGREE ${c.fixture} (${c.provider}/${c.flavor}, ${c.model}): ${problems.join('; ')}; theirs ${JSON.stringify(usage)}`);
  }
}
console.log(`${passed} passed, ${failed} failed (@pydantic/genai-prices ${installed} extractUsage)`);
process.exit(failed ? 1 : 0);
