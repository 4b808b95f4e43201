// Differential test of the price engine: builds usage vectors for every model of the vendored
// genai-prices data (data/genai-prices/data.json), prices them with the package's own calcPrice
// (tests/tools/node_modules, the same version) and compares with what tests/c/price_vectors
// printed for the same vectors. Agreement: the same model found, and input, output and total
// within 1e-9 USD; or both find no price; or both refuse inconsistent usage.
//
// Usage: node genai-prices-diff.mjs vectors DATA_JSON SOURCE > vectors.tsv
//        node genai-prices-diff.mjs compare DATA_JSON SOURCE vectors.tsv ours.tsv
//        node genai-prices-diff.mjs ids DATA_JSON SOURCE > ids.txt     (ids to run the regexes on)
//        node genai-prices-diff.mjs regex DATA_JSON SOURCE ours.tsv    (our regex programs vs RegExp)
// Ends with "N passed, N failed"; prints each disagreement that is not documented below.
import fs from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import { requireVendoredVersion } from './genai-prices-version.mjs';

const [mode, dataPath, sourcePath, vectorsPath, oursPath] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
const installed = requireVendoredVersion(sourcePath);
const units = data.units;
const unitByPriceKey = Object.fromEntries(Object.entries(units).map(([k, u]) => [u.price_key ?? k, k]));
const isDescendant = (a, b) => // b is strictly more specific than a
  a !== b && Object.entries(units[a].dimensions).every(([d, v]) => units[b].dimensions[d] === v);

// Ids a model's rule accepts: its own id first, then literals of the rule (regexes get a
// sample made from the pattern); calcPrice decides which model each id really finds.
function candidateIds(model) {
  const ids = [model.id];
  const walk = (rule) => {
    if (rule.or) rule.or.forEach(walk);
    else if (rule.and) ids.push(rule.and.map((r) => Object.values(r)[0]).join('-'));
    else if (rule.equals) ids.push(rule.equals);
    else if (rule.starts_with) ids.push(rule.starts_with, `${rule.starts_with}-x`);
    else if (rule.ends_with) ids.push(`x-${rule.ends_with}`);
    else if (rule.contains) ids.push(rule.contains);
    else if (rule.regex) {
      ids.push(rule.regex.replace(/^\^/, '').replace(/\$$/, '').replace(/\(\?![^)]*\)+/g, '')
        .replace(/\\d\{(\d+)\}/g, (_, n) => '20250101'.slice(0, Number(n)).padEnd(Number(n), '1'))
        .replace(/\\d/g, '1').replace(/\\(.)/g, '$1').replace(/\(\?:([^|)]*)[^)]*\)\??/g, '$1'));
    }
  };
  walk(model.match);
  return [...new Set(ids)];
}

// Reported values for a price set: each priced unit gets a leaf, a unit reports its leaf plus
// its priced descendants' leaves, so the usage is consistent. inputTotal forces input_tokens.
function usageFor(prices, seed, inputTotal) {
  const priced = Object.keys(prices).map((k) => unitByPriceKey[k]).filter((k) => k && k !== 'requests');
  const leaf = {};
  priced.forEach((k, i) => { leaf[k] = 100 + ((seed * 7919 + i * 104729) % 5000); });
  if (inputTotal !== undefined && leaf.input_tokens !== undefined) {
    const below = priced.filter((k) => isDescendant('input_tokens', k));
    below.forEach((k) => { leaf[k] = Math.min(leaf[k], Math.floor(inputTotal / (below.length + 1))); });
    leaf.input_tokens = inputTotal - below.reduce((s, k) => s + leaf[k], 0);
  }
  const usage = {};
  for (const k of priced) usage[k] = leaf[k] + priced.filter((d) => isDescendant(k, d)).reduce((s, d) => s + leaf[d], 0);
  return usage;
}

function timestampsFor(model) {
  const base = Date.UTC(2026, 9, 1, 12, 0, 0);
  if (!Array.isArray(model.prices)) return [base];
  const out = new Set([base, Date.UTC(2020, 0, 1)]);
  for (const { constraint } of model.prices) {
    if (!constraint) continue;
    if (constraint.start_date) {
      const t = Date.parse(`${constraint.start_date}T00:00:00Z`);
      out.add(t); out.add(t - 1);
    } else {
      for (const time of [constraint.start_time, constraint.end_time]) {
        const day = Date.UTC(2026, 9, 1);
        const [h, m, s] = time.slice(0, 8).split(':').map(Number);
        const sign = time.endsWith('Z') ? 0 : (time.includes('+') ? 1 : -1);
        const off = sign ? (Number(time.slice(-5, -3)) * 60 + Number(time.slice(-2))) * 60000 * sign : 0;
        const t = day + ((h * 3600 + m * 60 + s) * 1000) - off;
        out.add(t); out.add(t - 1);
      }
    }
  }
  return [...out];
}

function* vectors() {
  for (const provider of data.providers) {
    for (const model of provider.models) {
      const sets = Array.isArray(model.prices) ? model.prices.map((c) => c.prices) : [model.prices];
      const ids = candidateIds(model);
      for (const id of ids) {
        for (const t of timestampsFor(model)) {
          for (const [s, prices] of sets.entries()) {
            yield [provider.id, id, t, usageFor(prices, s + 1), model.id];
            const starts = Object.values(prices).filter((p) => typeof p === 'object').flatMap((p) => p.tiers.map((x) => x.start));
            for (const start of new Set(starts)) {
              for (const total of [start, start + 1]) yield [provider.id, id, t, usageFor(prices, s + 2, total), model.id];
            }
          }
          if (id !== ids[0]) break; // other ids: one timestamp is enough
        }
      }
      // only input and output reported (unreported descendants count 0), inconsistent usage,
      // and no usage at all
      yield [provider.id, ids[0], Date.UTC(2026, 9, 1), { input_tokens: 1234, output_tokens: 56 }, model.id];
      yield [provider.id, ids[0], Date.UTC(2026, 9, 1), { input_tokens: 10, cache_read_tokens: 20, output_tokens: 1 }, model.id];
      yield [provider.id, ids[0], Date.UTC(2026, 9, 1), {}, model.id];
    }
  }
  // provider fallbacks (azure -> openai, ...), dates written -YYYYMMDD, LiteLLM's provider/model
  const byId = Object.fromEntries(data.providers.map((p) => [p.id, p]));
  for (const provider of data.providers) {
    for (const fallback of provider.fallback_model_providers ?? []) {
      for (const model of byId[fallback].models) {
        const prices = Array.isArray(model.prices) ? model.prices.at(-1).prices : model.prices;
        yield [provider.id, model.id, Date.UTC(2026, 9, 1), usageFor(prices, 5), model.id];
      }
    }
    for (const model of provider.models) {
      const undashed = model.id.replace(/-(20\d\d)-(\d\d)-(\d\d)(?=-|:|$)/g, '-$1$2$3');
      if (undashed !== model.id) yield [provider.id, undashed, Date.UTC(2026, 9, 1), { input_tokens: 1000, output_tokens: 10 }, model.id];
    }
  }
  for (const id of ['openai/gpt-4o', 'anthropic/claude-sonnet-4-5', 'nobody/gpt-4o', 'gpt-4o', 'claude-sonnet-4-5', 'mistral-large-latest', 'o3-mini', 'deepseek-chat', 'grok-4', 'kimi-k2', 'acme-1']) {
    yield ['litellm', id, Date.UTC(2026, 9, 1), { input_tokens: 1000, output_tokens: 10 }, ''];
  }
  yield ['openai', 'no-such-model-xyz', Date.UTC(2026, 9, 1), { input_tokens: 1 }, ''];
  yield ['no-such-provider', 'gpt-4o', Date.UTC(2026, 9, 1), { input_tokens: 1 }, ''];
}

const line = ([provider, id, t, usage]) =>
  `${provider}\t${id}\t${t}\t${Object.entries(usage).map(([k, v]) => `${k}=${v}`).join(';')}`;

if (mode === 'ids') {
  // every model id and rule literal, lowercased as calcPrice does, plus edge variants
  const ids = new Set();
  for (const provider of data.providers) {
    for (const model of provider.models) {
      for (const id of candidateIds(model)) {
        const low = id.toLowerCase();
        ids.add(low); ids.add(`${low}-tts`); ids.add(`x/${low}`); ids.add(low.slice(0, -1)); ids.add(`${low}9`);
      }
    }
  }
  ids.add(''); ids.add('o1'); ids.add('o2'); ids.add('gemini-2.5-pro-preview-tts'); ids.add('gemini-2.5-pro-tts-x');
  process.stdout.write([...ids].filter((id) => !id.includes('\n')).join('\n') + '\n');
  process.exit(0);
}
if (mode === 'regex') {
  const lines = fs.readFileSync(vectorsPath, 'utf8').trimEnd().split('\n');
  let agree = 0, differ = 0;
  const compiled = new Map();
  for (const text of lines) {
    const [pattern, id, ours] = text.split('\t');
    if (!compiled.has(pattern)) compiled.set(pattern, new RegExp(pattern));
    const theirs = compiled.get(pattern).test(id ?? '') ? '1' : '0';
    if (theirs === ours) agree++;
    else {
      differ++;
      if (differ <= 20) console.error(`FAIL regex ${pattern} on ${JSON.stringify(id)}: ours ${ours}, RegExp ${theirs}`);
    }
  }
  console.log(`${agree} passed, ${differ} failed (catalog regex programs vs JavaScript RegExp, ${compiled.size} patterns)`);
  process.exit(differ ? 1 : 0);
}
if (mode === 'vectors') {
  const out = [];
  for (const v of vectors()) out.push(line(v));
  process.stdout.write(out.join('\n') + '\n');
  process.exit(0);
}

const vectorLines = fs.readFileSync(vectorsPath, 'utf8').trimEnd().split('\n');
const ours = fs.readFileSync(oursPath, 'utf8').trimEnd().split('\n');
if (vectorLines.length !== ours.length) {
  console.error(`price_vectors printed ${ours.length} lines for ${vectorLines.length} vectors`);
  process.exit(1);
}
const origWarn = console.warn;
console.warn = () => {}; // the package warns about usage keys it does not price
let passed = 0, failed = 0, refused = 0;
const documented = {};
const reached = new Set();
const note = (why) => { documented[why] = (documented[why] ?? 0) + 1; };
vectorLines.forEach((text, i) => {
  const [provider, id, t, q] = text.split('\t');
  const usage = Object.fromEntries((q ?? '').split(';').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  let theirs;
  try {
    const r = calcPrice(usage, id, { providerId: provider, timestamp: new Date(Number(t)) });
    theirs = r ? { object: r.model, model: r.model.id, input: r.input_price, output: r.output_price, total: r.total_price } : 'none';
  } catch (e) {
    theirs = { error: e.message };
  }
  const [kind, a, b, c] = ours[i].split('\t');
  let ok = false;
  if (theirs === 'none') ok = kind === 'none';
  else if (theirs.error) {
    ok = kind === 'unknown' && a.startsWith('inconsistent usage');
    if (ok) refused++;
  }
  else if (kind !== 'none' && kind !== 'unknown') {
    ok = kind === theirs.model.toLowerCase() && Math.abs(Number(a) - theirs.input) <= 1e-9
      && Math.abs(Number(b) - theirs.output) <= 1e-9 && Math.abs(Number(c) - theirs.total) <= 1e-9;
    if (ok) reached.add(theirs.object);
  } else if (kind === 'unknown' && a.startsWith('no usage reported')) {
    // documented, "no silent zero": without any usage the package bills 0 (plus a per-request
    // fee where the model has one); we report cost_known=false
    note('no usage at all: the package gives 0 or only the request fee, we give cost_known=false');
    return;
  } else if (kind === 'unknown' && / none of which was reported$/.test(a)) {
    // documented, "no silent zero": usage that has none of the quantities the model is priced
    // by (tokens for a per-page or per-audio-second model): the package bills 0, we say unknown
    note('none of the priced quantities reported: the package gives 0, we give cost_known=false');
    return;
  }
  if (ok) passed++;
  else {
    failed++;
    if (failed <= 30) console.error(`FAIL ${text}\n     ours:   ${ours[i]}\n     theirs: ${JSON.stringify({ ...theirs, object: undefined })}`);
  }
});
console.warn = origWarn;
const models = data.providers.reduce((n, p) => n + p.models.length, 0);
for (const [why, n] of Object.entries(documented)) console.log(`documented disagreement (${n} vectors): ${why}`);
console.log(`${refused} vectors of inconsistent usage refused by both`);
console.log(`${reached.size} of ${models} models priced and agreed on by at least one vector`);
console.log(`${passed} passed, ${failed} failed (@pydantic/genai-prices ${installed} calcPrice)`);
process.exit(failed ? 1 : 0);
