<?php
/*
 * Generates src/pricing/catalog_data.c, the built-in price catalog, from data/:
 *   data/genai-prices/data.json  providers, models and units of @pydantic/genai-prices
 *                                (vendored by tools/update-prices.sh; SOURCE names the version)
 *   data/pricing-catalog.csv     the earlier catalog; only the rows genai-prices lacks are kept
 *   data/tool-call-pricing.csv   per-call tool surcharges for models without a tool-call price
 *
 * Usage (from the repository root):  php tools/gen_pricing.php > src/pricing/catalog_data.c
 *                                    php tools/gen_pricing.php DATA_DIR > ...
 * tools/check-generated.sh checks that the committed file is what this prints.
 *
 * Merge rule (data/README.md): genai-prices prices every standard-tier call it has a model for.
 * A CSV row is kept when (a) its tier is not "standard" (genai-prices has no batch, flex or
 * priority prices), or (b) it is priced per unit (image, video, second, minute, character,
 * search) and genai-prices prices that model by tokens only (dall-e-3 is billed per image,
 * whatever tokens genai-prices lists; whisper-1 by audio time, which genai-prices has too, so
 * that row goes), or (c) genai-prices has no model for it: no provider for the row's provider,
 * or no model of that provider (or its fallbacks) matching the id, evaluated with genai-prices'
 * own rules. At run time an exact kept row is looked up before the genai-prices catalog.
 *
 * What is done here rather than at run time: model-match rules are flattened into node arrays;
 * each regex is compiled into a small backtracking program (the JavaScript syntax subset the
 * data uses; anything else stops the generator); "equals" ids go into a sorted index so an exact
 * id is a binary search; each price set is sorted most specific unit first (the order the cost
 * computation needs); the unit hierarchy (ancestors, descendants, joins) is precomputed as bit
 * masks. Everything is static const data: loading the module does no work for the catalog.
 * The output is deterministic, so regenerating unchanged data gives no diff.
 */

declare(strict_types=1);

ini_set('serialize_precision', '-1');

const CATALOG_COLUMNS = [
    'provider', 'model', 'display_name', 'type', 'pricing_unit', 'tier',
    'input_cents_per_1m', 'output_cents_per_1m', 'cached_input_cents_per_1m',
    'cache_write_5m_cents_per_1m', 'cache_write_1h_cents_per_1m', 'price_per_unit_cents',
];
const TOOL_CALL_COLUMNS = ['provider', 'tool_call_type', 'cents_per_call'];
const MODEL_TYPES = ['text', 'embedding', 'image', 'audio', 'video'];
/* This project's units for the kept per-unit rows (see src/record/usage_keys.h). */
const EXTRA_UNITS = [
    'output_images' => ['dimensions' => ['direction' => 'output', 'family' => 'images'], 'per' => 1, 'price_key' => 'output_images_each'],
    'output_videos' => ['dimensions' => ['direction' => 'output', 'family' => 'videos'], 'per' => 1, 'price_key' => 'output_videos_each'],
    'video_seconds' => ['dimensions' => ['family' => 'durations', 'modality' => 'video'], 'per' => 1, 'price_key' => 'video_seconds_each'],
    // hardware time a prediction ran (Replicate's metrics.predict_time): priced only by a
    // pricing file, as its rate depends on hardware the response does not name
    'compute_seconds' => ['dimensions' => ['family' => 'compute'], 'per' => 1, 'price_key' => 'compute_seconds_each'],
];

function fail(string $message): never
{
    fwrite(STDERR, "gen_pricing: $message\n");
    exit(1);
}

function c_string(string $value): string
{
    if (preg_match('/[\x00-\x1f\x7f]/', $value)) {
        fail('control character in ' . json_encode($value));
    }
    return '"' . addcslashes($value, "\"\\?") . '"';
}

/** A finite non-negative number as a C double literal that reads back as the same double. */
function c_double(float|int $value): string
{
    if (!is_finite((float) $value) || $value < 0) {
        fail("not a finite non-negative price: $value");
    }
    $text = json_encode((float) $value);
    return (str_contains($text, '.') || str_contains($text, 'e') || str_contains($text, 'E')) ? $text : $text . '.0';
}

/** @return list<array<string,string>> rows keyed by column name, with the 1-based CSV line */
function read_csv(string $path, array $expected_columns): array
{
    $handle = @fopen($path, 'rb');
    if ($handle === false) {
        fail("cannot open $path");
    }
    $header = fgetcsv($handle, null, ',', '"', '');
    if ($header !== $expected_columns) {
        fail("$path: unexpected header, expected: " . implode(',', $expected_columns));
    }
    $rows = [];
    $line = 1;
    while (($cells = fgetcsv($handle, null, ',', '"', '')) !== false) {
        $line++;
        if ($cells === [null]) {
            continue;
        }
        if (count($cells) !== count($expected_columns)) {
            fail("$path:$line: expected " . count($expected_columns) . ' cells, got ' . count($cells));
        }
        $row = array_combine($expected_columns, $cells);
        $row['#line'] = (string) $line;
        $rows[] = $row;
    }
    fclose($handle);
    return $rows;
}

/** A CSV cents cell as a number; '' gives null ("not given"). */
function csv_cents(string $cell, string $where, bool $required): ?float
{
    if ($cell === '') {
        if ($required) {
            fail("$where: price is required");
        }
        return null;
    }
    if (!preg_match('/^(0|[1-9][0-9]*)(\.[0-9]+)?$/', $cell)) {
        fail("$where: not a non-negative decimal: '$cell'");
    }
    return (float) $cell;
}

/* ---------------------------------------------------------------- inputs */

$repo_root = dirname(__DIR__);
$args = array_slice($argv, 1);
if (count($args) > 1) {
    fail('usage: php tools/gen_pricing.php [DATA_DIR]');
}
$data_dir = $args[0] ?? $repo_root . '/data';
$json_path = "$data_dir/genai-prices/data.json";
$source_path = "$data_dir/genai-prices/SOURCE";
$catalog_path = "$data_dir/pricing-catalog.csv";
$tool_call_path = "$data_dir/tool-call-pricing.csv";

$data = json_decode((string) @file_get_contents($json_path), true, 512, JSON_BIGINT_AS_STRING);
if (!is_array($data) || !isset($data['providers'], $data['units'])) {
    fail("$json_path: expected {\"providers\": [...], \"units\": {...}}");
}
$source = [];
foreach (file($source_path, FILE_IGNORE_NEW_LINES) ?: fail("cannot read $source_path") as $line) {
    if (preg_match('/^([a-z]+): (.+)$/', $line, $m)) {
        $source[$m[1]] = $m[2];
    }
}
foreach (['package', 'version', 'published'] as $key) {
    if (!isset($source[$key]) || str_contains($source[$key], '*/')) {
        fail("$source_path: missing \"$key: ...\"");
    }
}
$source_date = substr($source['published'], 0, 10);

/* ---------------------------------------------------------------- units */

$units = $data['units'] + EXTRA_UNITS;
$unit_keys = array_keys($units);
if (count($unit_keys) > 64) {
    fail('more than 64 units: the hierarchy masks are uint64_t');
}
$header = (string) file_get_contents("$repo_root/src/record/usage_keys.h");
preg_match_all('/^\tX\(([a-z0-9_]+)\)/m', $header, $m);
if ($m[1] !== $unit_keys) {
    fail("src/record/usage_keys.h does not list the data's units (then the four additions) in order;\n"
        . 'expected: ' . implode(' ', $unit_keys));
}
$unit_index = array_flip($unit_keys);
$price_key_unit = [];
foreach ($units as $key => $unit) {
    $price_key_unit[$unit['price_key'] ?? $key] = $key;
}
/** b's dimensions include all of a's (a is b or an ancestor of b). */
function covers(array $a, array $b): bool
{
    foreach ($a['dimensions'] as $k => $v) {
        if (($b['dimensions'][$k] ?? null) !== $v) {
            return false;
        }
    }
    return true;
}
/** No dimension of a contradicts b. */
function compatible(array $a, array $b): bool
{
    foreach ($a['dimensions'] as $k => $v) {
        if (isset($b['dimensions'][$k]) && $b['dimensions'][$k] !== $v) {
            return false;
        }
    }
    return true;
}
function dims_key(array $dimensions): string
{
    ksort($dimensions);
    return json_encode($dimensions);
}
$unit_by_dims = [];
foreach ($units as $key => $unit) {
    $unit_by_dims[dims_key($unit['dimensions'])] = $key;
}
$ancestors = [];
foreach ($units as $key => $unit) {
    $mask = 0;
    foreach ($units as $other => $o) {
        if ($other !== $key && covers($o, $unit)) {
            $mask |= 1 << $unit_index[$other];
        }
    }
    $ancestors[$key] = $mask;
}
/* join[a][b]: the registered unit with both a's and b's dimensions, or -1 */
$joins = [];
foreach ($unit_keys as $a) {
    foreach ($unit_keys as $b) {
        $j = -1;
        if (compatible($units[$a], $units[$b])) {
            $dk = dims_key($units[$a]['dimensions'] + $units[$b]['dimensions']);
            $j = isset($unit_by_dims[$dk]) ? $unit_index[$unit_by_dims[$dk]] : -1;
        }
        $joins[$a][$b] = $j;
    }
}

/* ---------------------------------------------------------------- prices */

$tiers_out = [];      // [start, price]
$unit_prices_out = []; // C initializers
$sets_out = [];       // C initializers

/** Validates one genai-prices price mapping like the package does and returns its unit list. */
function price_units(array $prices, string $where): array
{
    global $price_key_unit, $units, $ancestors, $unit_index, $joins;
    $list = [];
    foreach ($prices as $price_key => $value) {
        if ($value === null) {
            continue;
        }
        if (!isset($price_key_unit[$price_key])) {
            fail("$where: unknown price key $price_key");
        }
        $unit = $price_key_unit[$price_key];
        if (is_array($value)) {
            if (!isset($value['base'], $value['tiers']) || !is_array($value['tiers'])) {
                fail("$where: $price_key: tiered price without base and tiers");
            }
            $tiers = $value['tiers'];
            foreach ($tiers as $t) {
                if (!is_int($t['start'] ?? null) || $t['start'] < 0 || !is_numeric($t['price'] ?? null)) {
                    fail("$where: $price_key: bad tier");
                }
            }
            usort($tiers, static fn ($x, $y) => $x['start'] <=> $y['start']);
            $list[$unit] = ['base' => $value['base'], 'tiers' => $tiers];
        } elseif (is_int($value) || is_float($value)) {
            $list[$unit] = ['base' => $value, 'tiers' => []];
        } else {
            fail("$where: $price_key: not a number or tiered price");
        }
    }
    // the package refuses a price set whose units' ancestors or joins are unpriced
    foreach ($list as $unit => $_) {
        foreach ($units as $other => $o) {
            if ($other !== $unit && ($ancestors[$unit] >> $unit_index[$other]) & 1 && !isset($list[$other])) {
                fail("$where: $unit is priced but its ancestor $other is not");
            }
        }
    }
    $keys = array_keys($list);
    foreach ($keys as $i => $a) {
        foreach (array_slice($keys, $i + 1) as $b) {
            if (compatible($units[$a], $units[$b])) {
                $j = $joins[$a][$b];
                if ($j < 0 || !isset($list[array_keys($units)[$j]])) {
                    fail("$where: $a and $b are priced but not their join");
                }
            }
        }
    }
    // most specific first (the order the leaf computation needs), then by key
    uksort($list, static fn ($a, $b) => count($units[$b]['dimensions']) <=> count($units[$a]['dimensions']) ?: strcmp($a, $b));
    return $list;
}

/** Appends a price set; returns its index. $constraint: null, ['start_date' => ...] or times. */
function add_set(array $list, ?array $constraint, string $where): int
{
    global $tiers_out, $unit_prices_out, $sets_out;
    $first = count($unit_prices_out);
    foreach ($list as $unit => $price) {
        $first_tier = count($tiers_out);
        foreach ($price['tiers'] as $t) {
            $tiers_out[] = "\t{" . $t['start'] . ', ' . c_double($t['price']) . '},';
        }
        $tiers = $price['tiers'] ? "&spectra_price_tiers[$first_tier]" : 'NULL';
        $unit_prices_out[] = "\t{SPECTRA_USAGE_$unit, " . count($price['tiers']) . ", $tiers, " . c_double($price['base']) . '},';
    }
    $kind = 'SPECTRA_PRICE_ALWAYS';
    $a = '0';
    $b = '0';
    if ($constraint !== null) {
        $type = $constraint['type'] ?? (isset($constraint['start_date']) ? 'start_date' : 'time_of_date');
        if ($type === 'start_date') {
            $date = $constraint['start_date'] ?? '';
            $t = preg_match('/^\d{4}-\d{2}-\d{2}$/', $date) ? DateTimeImmutable::createFromFormat('!Y-m-d', $date, new DateTimeZone('UTC')) : false;
            if ($t === false || $t->format('Y-m-d') !== $date) {
                fail("$where: bad start_date " . json_encode($date));
            }
            $kind = 'SPECTRA_PRICE_FROM_DATE';
            $a = (string) $t->getTimestamp();
        } elseif ($type === 'time_of_date') {
            $kind = 'SPECTRA_PRICE_TIME_OF_DAY';
            $a = (string) time_of_day($constraint['start_time'] ?? '', $where);
            $b = (string) time_of_day($constraint['end_time'] ?? '', $where);
        } else {
            fail("$where: unknown constraint " . json_encode($constraint));
        }
    }
    $sets_out[] = "\t{{$kind}, $a, $b, &spectra_unit_prices[$first], " . count($list) . '},';
    return count($sets_out) - 1;
}

/** "HH:MM:SS[.fff](Z|±HH:MM)" as milliseconds after midnight UTC (the package's parse). */
function time_of_day(string $text, string $where): int
{
    if (!preg_match('/^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/', $text, $m)) {
        fail("$where: bad time of day " . json_encode($text));
    }
    [$h, $i, $s] = [(int) $m[1], (int) $m[2], (int) $m[3]];
    $fraction = isset($m[4]) && $m[4] !== '' ? (int) round((float) ('0.' . $m[4]) * 1000) : 0;
    $offset = $m[5] === 'Z' ? 0 : ((int) $m[7] * 60 + (int) $m[8]) * 60 * ($m[6] === '+' ? 1 : -1);
    if ($h > 23 || $i > 59 || $s > 59) {
        fail("$where: bad time of day " . json_encode($text));
    }
    return ((($h * 3600 + $i * 60 + $s - $offset) % 86400 + 86400) % 86400) * 1000 + $fraction;
}

/* ---------------------------------------------------------------- match rules and regexes */

$nodes_out = [];     // match nodes
$children_out = [];  // node indexes of and/or children
$programs_out = [];  // regex instructions
$classes_out = [];   // 256-bit class bitmaps
$class_index = [];

/** The bytes a lowercased id matching the rule can start with, as a 32-byte set; null = any. */
function first_bytes(array $rule): ?string
{
    $op = array_key_first($rule);
    $arg = $rule[$op];
    $one = static function (string $text): ?string {
        if ($text === '') {
            return null;
        }
        $bits = str_repeat("\0", 32);
        $c = ord($text[0]);
        $bits[$c >> 3] = chr(1 << ($c & 7));
        return $bits;
    };
    switch ($op) {
        case 'equals':
        case 'starts_with':
            return $one(strtolower($arg));
        case 'regex':
            // ^ then a plain character: the only common case worth a prefilter
            if (preg_match('/^\^([a-z0-9_-])/', $arg, $m)) {
                return $one($m[1]);
            }
            return null;
        case 'or':
            $union = str_repeat("\0", 32);
            foreach ($arg as $r) {
                $bits = first_bytes($r);
                if ($bits === null) {
                    return null;
                }
                $union |= $bits;
            }
            return $union;
        case 'and':
            $meet = null;
            foreach ($arg as $r) {
                $bits = first_bytes($r);
                if ($bits !== null) {
                    $meet = $meet === null ? $bits : ($meet & $bits);
                }
            }
            return $meet;
    }
    return null;
}

/** Appends a match rule's nodes; returns the root node index. */
function add_rule(array $rule, string $where): int
{
    $root = add_rule_nodes($rule, $where);
    global $nodes_out;
    $bits = first_bytes($rule);
    $nodes_out[$root][5] = $bits === null ? -1 : class_id($bits);
    return $root;
}

function add_rule_nodes(array $rule, string $where): int
{
    global $nodes_out, $children_out;
    if (count($rule) !== 1) {
        fail("$where: a match rule has exactly one key: " . json_encode($rule));
    }
    $op = array_key_first($rule);
    $arg = $rule[$op];
    if ($op === 'and' || $op === 'or') {
        $kids = array_map(static fn ($r) => add_rule_nodes($r, $where), $arg);
        $first = count($children_out);
        foreach ($kids as $k) {
            $children_out[] = $k;
        }
        $nodes_out[] = ['SPECTRA_MATCH_' . strtoupper($op), 'NULL', 0, $first, count($kids), -1];
        return count($nodes_out) - 1;
    }
    if (!is_string($arg)) {
        fail("$where: $op needs a string");
    }
    if ($op === 'regex') {
        $start = compile_regex($arg, $where);
        $nodes_out[] = ['SPECTRA_MATCH_REGEX', c_string($arg), strlen($arg), $start, 0, -1];
        return count($nodes_out) - 1;
    }
    $ops = ['equals' => 'EQUALS', 'starts_with' => 'STARTS_WITH', 'ends_with' => 'ENDS_WITH', 'contains' => 'CONTAINS'];
    if (!isset($ops[$op])) {
        fail("$where: unknown match rule $op");
    }
    $text = strtolower($arg);
    $nodes_out[] = ["SPECTRA_MATCH_{$ops[$op]}", c_string($text), strlen($text), 0, 0, -1];
    return count($nodes_out) - 1;
}

/** PHP's evaluation of a rule on a lowercased id (used only to decide which CSV rows to keep). */
function rule_matches(array $rule, string $id): bool
{
    $op = array_key_first($rule);
    $arg = $rule[$op];
    return match ($op) {
        'or' => array_reduce($arg, static fn ($c, $r) => $c || rule_matches($r, $id), false),
        'and' => array_reduce($arg, static fn ($c, $r) => $c && rule_matches($r, $id), true),
        'equals' => $id === strtolower($arg),
        'starts_with' => str_starts_with($id, strtolower($arg)),
        'ends_with' => str_ends_with($id, strtolower($arg)),
        'contains' => str_contains($id, strtolower($arg)),
        'regex' => preg_match('/' . str_replace('/', '\/', $arg) . '/', $id) === 1,
    };
}

/*
 * Regex compiler. Instructions (src/pricing/model_match.c runs them):
 *   CHAR c | ANY (not \n \r) | CLASS k | SPLIT x y (try x first) | JMP x | BOL | EOL
 *   | LOOK_NOT x | LOOK x (run x..MATCH at the current position; continue when it
 *     fails / succeeds) | MATCH
 * Supported JavaScript syntax: literals, escapes \d \D \w \W \s \S and escaped punctuation,
 * [...] classes with ranges and ^, ., groups ( (?: (?= (?!, |, * + ? {n} {n,} {n,m} (a trailing
 * lazy ? is accepted: only whether it matches matters), ^ and $. Anything else fails.
 */
final class RegexParser
{
    private int $pos = 0;
    /** @var list<array{0:string,1:int,2:int}> */
    public array $code = [];

    public function __construct(private string $re, private string $where)
    {
    }

    public function fail(string $why): never
    {
        fail("{$this->where}: regex " . json_encode($this->re) . " at offset {$this->pos}: $why");
    }

    private function peek(): ?string
    {
        return $this->pos < strlen($this->re) ? $this->re[$this->pos] : null;
    }

    private function emit(string $op, int $a = 0, int $b = 0): int
    {
        $this->code[] = [$op, $a, $b];
        return count($this->code) - 1;
    }

    /** Parses the whole pattern into an AST. */
    public function parse(): array
    {
        $ast = $this->alternation();
        if ($this->pos !== strlen($this->re)) {
            $this->fail('unexpected ' . json_encode($this->peek()));
        }
        return $ast;
    }

    private function alternation(): array
    {
        $branches = [$this->sequence()];
        while ($this->peek() === '|') {
            $this->pos++;
            $branches[] = $this->sequence();
        }
        return count($branches) === 1 ? $branches[0] : ['alt', $branches];
    }

    private function sequence(): array
    {
        $items = [];
        while (($c = $this->peek()) !== null && $c !== '|' && $c !== ')') {
            $items[] = $this->repeat();
        }
        return ['seq', $items];
    }

    private function repeat(): array
    {
        $atom = $this->atom();
        $c = $this->peek();
        $min = $max = null;
        if ($c === '*' || $c === '+' || $c === '?') {
            $this->pos++;
            [$min, $max] = ['*' => [0, -1], '+' => [1, -1], '?' => [0, 1]][$c];
        } elseif ($c === '{' && preg_match('/\G\{(\d+)(,(\d*))?\}/', $this->re, $m, 0, $this->pos)) {
            $this->pos += strlen($m[0]);
            $min = (int) $m[1];
            $max = !isset($m[2]) || $m[2] === '' ? $min : ($m[3] === '' ? -1 : (int) $m[3]);
            if ($max !== -1 && $max < $min || $min > 100 || $max > 100) {
                $this->fail('bad repetition');
            }
        }
        if ($min === null) {
            return $atom;
        }
        if (in_array($atom[0], ['bol', 'eol', 'look', 'look_not'], true)) {
            $this->fail('quantified assertion');
        }
        if ($this->peek() === '?') {
            $this->pos++; // lazy: same result for a yes/no match
        }
        return ['rep', $atom, $min, $max];
    }

    private function atom(): array
    {
        $c = $this->peek();
        $this->pos++;
        switch ($c) {
            case '(':
                $kind = 'group';
                if (substr($this->re, $this->pos, 2) === '?:') {
                    $this->pos += 2;
                } elseif (substr($this->re, $this->pos, 2) === '?=') {
                    $this->pos += 2;
                    $kind = 'look';
                } elseif (substr($this->re, $this->pos, 2) === '?!') {
                    $this->pos += 2;
                    $kind = 'look_not';
                } elseif ($this->peek() === '?') {
                    $this->fail('unsupported group');
                }
                $inner = $this->alternation();
                if ($this->peek() !== ')') {
                    $this->fail('missing )');
                }
                $this->pos++;
                return $kind === 'group' ? $inner : [$kind, $inner];
            case '[':
                return ['class', $this->class_set()];
            case '.':
                return ['any'];
            case '^':
                return ['bol'];
            case '$':
                return ['eol'];
            case '\\':
                return $this->escape(false);
            case '*': case '+': case '?': case '{': case '}': case ']': case ')': case '|': case null:
                $this->pos--;
                $this->fail('unexpected ' . json_encode($c));
        }
        return ['char', ord($c)];
    }

    /** @return array{0:string,1:int}|array{0:string,1:string} a char or a class bitmap */
    private function escape(bool $in_class): array
    {
        $c = $this->peek();
        $this->pos++;
        $sets = ['d' => '0-9', 'w' => 'a-zA-Z0-9_', 's' => " \t\n\r\f\v"];
        if ($c !== null && isset($sets[strtolower($c)])) {
            $bits = self::bits_of($sets[strtolower($c)]);
            if (ctype_upper($c)) {
                $bits = ~$bits & str_repeat("\xff", 32);
            }
            return ['class', $bits];
        }
        if ($c !== null && (ctype_punct($c) || $c === ' ')) {
            return ['char', ord($c)];
        }
        $map = ['n' => "\n", 't' => "\t", 'r' => "\r", 'f' => "\f", 'v' => "\v"];
        if ($c !== null && isset($map[$c])) {
            return ['char', ord($map[$c])];
        }
        $this->pos--;
        $this->fail('unsupported escape \\' . $c);
    }

    private static function bits_of(string $spec): string
    {
        $bits = str_repeat("\0", 32);
        for ($i = 0; $i < strlen($spec); $i++) {
            $from = ord($spec[$i]);
            $to = $from;
            if ($i + 2 < strlen($spec) && $spec[$i + 1] === '-') {
                $to = ord($spec[$i + 2]);
                $i += 2;
            }
            for ($b = $from; $b <= $to; $b++) {
                $bits[$b >> 3] = chr(ord($bits[$b >> 3]) | (1 << ($b & 7)));
            }
        }
        return $bits;
    }

    private function class_set(): string
    {
        $negate = false;
        if ($this->peek() === '^') {
            $negate = true;
            $this->pos++;
        }
        $bits = str_repeat("\0", 32);
        $first = true;
        while (($c = $this->peek()) !== ']' || $first) {
            $first = false;
            if ($c === null) {
                $this->fail('missing ]');
            }
            $this->pos++;
            if ($c === '\\') {
                $e = $this->escape(true);
                if ($e[0] === 'class') {
                    $bits |= $e[1];
                    continue;
                }
                $from = $e[1];
            } else {
                $from = ord($c);
            }
            $to = $from;
            if ($this->peek() === '-' && ($this->re[$this->pos + 1] ?? ']') !== ']') {
                $this->pos++;
                $d = $this->peek();
                $this->pos++;
                if ($d === '\\') {
                    $e = $this->escape(true);
                    if ($e[0] === 'class') {
                        $this->fail('class in a range');
                    }
                    $to = $e[1];
                } else {
                    $to = ord($d);
                }
                if ($to < $from) {
                    $this->fail('bad range');
                }
            }
            $bits |= self::bits_of(chr($from) . '-' . chr($to));
        }
        $this->pos++;
        return $negate ? (~$bits & str_repeat("\xff", 32)) : $bits;
    }

    /** Emits code for an AST node (Thompson construction; jumps are absolute in this program). */
    public function gen(array $n): void
    {
        switch ($n[0]) {
            case 'seq':
                foreach ($n[1] as $item) {
                    $this->gen($item);
                }
                return;
            case 'alt':
                $jumps = [];
                $count = count($n[1]);
                foreach ($n[1] as $i => $branch) {
                    if ($i < $count - 1) {
                        $split = $this->emit('SPLIT');
                        $this->code[$split][1] = $split + 1;
                        $this->gen($branch);
                        $jumps[] = $this->emit('JMP');
                        $this->code[$split][2] = count($this->code);
                    } else {
                        $this->gen($branch);
                    }
                }
                foreach ($jumps as $j) {
                    $this->code[$j][1] = count($this->code);
                }
                return;
            case 'rep':
                [, $atom, $min, $max] = $n;
                for ($i = 0; $i < $min; $i++) {
                    $this->gen($atom);
                }
                if ($max === -1) {
                    $split = $this->emit('SPLIT');
                    $this->code[$split][1] = $split + 1;
                    $this->gen($atom);
                    $this->emit('JMP', $split);
                    $this->code[$split][2] = count($this->code);
                } else {
                    $splits = [];
                    for ($i = $min; $i < $max; $i++) {
                        $splits[] = $split = $this->emit('SPLIT');
                        $this->code[$split][1] = $split + 1;
                        $this->gen($atom);
                    }
                    foreach ($splits as $s) {
                        $this->code[$s][2] = count($this->code);
                    }
                }
                return;
            case 'look':
            case 'look_not':
                // LOOK x y: run the sub-program x (ends in MATCH) here, then go on at y
                $look = $this->emit($n[0] === 'look' ? 'LOOK' : 'LOOK_NOT');
                $this->code[$look][1] = $look + 1;
                $this->gen($n[1]);
                $this->emit('MATCH');
                $this->code[$look][2] = count($this->code);
                return;
            case 'class':
                $this->emit('CLASS', class_id($n[1]));
                return;
            case 'char':
                $this->emit('CHAR', $n[1]);
                return;
            case 'any':
                $this->emit('ANY');
                return;
            case 'bol':
                $this->emit('BOL');
                return;
            case 'eol':
                $this->emit('EOL');
                return;
        }
        $this->fail('internal: ' . $n[0]);
    }
}

function class_id(string $bits): int
{
    global $classes_out, $class_index;
    if (!isset($class_index[$bits])) {
        $class_index[$bits] = count($classes_out);
        $classes_out[] = "\t{" . implode(', ', array_map(static fn ($b) => sprintf('0x%02x', ord($b)), str_split($bits))) . '},';
    }
    return $class_index[$bits];
}

/** Compiles a regex; returns the index of its first instruction in the shared program array. */
function compile_regex(string $re, string $where): int
{
    global $programs_out;
    if (@preg_match('/' . str_replace('/', '\/', $re) . '/', '') === false) {
        fail("$where: regex " . json_encode($re) . ' is not valid');
    }
    $parser = new RegexParser($re, $where);
    $parser->gen($parser->parse());
    $parser->code[] = ['MATCH', 0, 0];
    $base = count($programs_out);
    foreach ($parser->code as [$op, $a, $b]) {
        if (in_array($op, ['SPLIT', 'JMP', 'LOOK', 'LOOK_NOT'], true)) {
            $a += $base;
            $b = $op === 'JMP' ? 0 : $b + $base;
        }
        $programs_out[] = "\t{SPECTRA_RX_$op, $a, $b},";
    }
    return $base;
}

/* ---------------------------------------------------------------- genai-prices providers */

$models_out = [];      // spectra_price initializers (catalog models, then kept CSV rows)
$providers_out = [];
$fallbacks_out = [];
$exact_index = [];     // [provider index, lowercased id, model index]
$rule_models_out = []; // model indexes of models with non-equals alternatives, by provider
$provider_ids = array_map(static fn ($p) => $p['id'], $data['providers']);
$provider_index = array_flip($provider_ids);
$csv = read_csv($catalog_path, CATALOG_COLUMNS);
$csv_type = []; // "genai provider|model index" => CSV type, for model_type of shadowed rows

/** Adds the "equals" alternatives of a rule to the exact index; true when the rule has others. */
function index_equals(array $rule, int $provider, int $model): bool
{
    global $exact_index;
    $op = array_key_first($rule);
    if ($op === 'equals') {
        $exact_index[] = [$provider, strtolower($rule['equals']), $model];
        return false;
    }
    if ($op === 'or') {
        $other = false;
        foreach ($rule['or'] as $r) {
            $other = index_equals($r, $provider, $model) || $other;
        }
        return $other;
    }
    return true;
}

/** The model a provider's data prices an id with, as the package looks it up (no date retry). */
function find_model(array $providers, int $p, string $id, bool $with_fallbacks): ?array
{
    foreach ($providers[$p]['models'] as $i => $model) {
        if (rule_matches($model['match'], $id)) {
            return [$p, $i];
        }
    }
    global $provider_index;
    foreach ($with_fallbacks ? ($providers[$p]['fallback_model_providers'] ?? []) : [] as $fallback) {
        if (isset($provider_index[$fallback]) && ($found = find_model($providers, $provider_index[$fallback], $id, false))) {
            return $found;
        }
    }
    return null;
}

function find_provider(array $providers, string $name): ?int
{
    $name = strtolower(trim($name));
    foreach ($providers as $i => $p) {
        if ($p['id'] === $name) {
            return $i;
        }
    }
    foreach ($providers as $i => $p) {
        if (isset($p['provider_match']) && rule_matches($p['provider_match'], $name)) {
            return $i;
        }
    }
    return null;
}

/** A CSV row's model is priced by genai-prices: the model found, else null. */
function genai_prices_row(array $providers, array $row): ?array
{
    $p = find_provider($providers, $row['provider']);
    if ($p === null) {
        return null;
    }
    $id = strtolower(trim($row['model']));
    return find_model($providers, $p, $id, true)
        ?? find_model($providers, $p, preg_replace('/-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/', '-$1-$2-$3', $id), true);
}

$kept = [];
$dropped = 0;
foreach ($csv as $row) {
    $where = basename($catalog_path) . ':' . $row['#line'];
    if (!in_array($row['type'], MODEL_TYPES, true)) {
        fail("$where: unknown type '{$row['type']}'");
    }
    $found = $row['tier'] === 'standard' ? genai_prices_row($data['providers'], $row) : null;
    if ($found !== null && $row['pricing_unit'] !== 'tokens' && !priced_beyond_tokens($data['providers'][$found[0]]['models'][$found[1]])) {
        $found = null; // genai-prices bills it by tokens only: keep the per-unit row
    }
    if ($found === null) {
        $kept[] = $row;
        continue;
    }
    $dropped++;
    $csv_type[$found[0] . '|' . $found[1]] ??= $row['type'];
}

/** The model (its last price set) is priced by something other than tokens and requests. */
function priced_beyond_tokens(array $model): bool
{
    $prices = $model['prices'] !== [] && array_is_list($model['prices']) ? end($model['prices'])['prices'] : $model['prices'];
    foreach (array_keys($prices) as $key) {
        if (!str_ends_with($key, '_mtok') && $key !== 'requests_kcount') {
            return true;
        }
    }
    return false;
}

/** A model type for a catalog model the CSV does not describe, from what it is priced by. */
function guess_type(array $model, array $list): string
{
    $id = strtolower($model['id']);
    if (str_contains($id, 'embed')) {
        return 'embedding';
    }
    $keys = array_keys($list);
    if ($keys && !array_diff($keys, ['audio_seconds', 'input_audio_seconds', 'output_audio_seconds', 'requests'])) {
        return 'audio';
    }
    return 'text';
}

$model_count = 0;
foreach ($data['providers'] as $p => $provider) {
    $first_model = count($models_out);
    $first_rule_model = count($rule_models_out);
    foreach ($provider['models'] as $i => $model) {
        $where = "{$provider['id']}/{$model['id']}";
        $index = count($models_out);
        $rule = add_rule($model['match'], $where);
        if (index_equals($model['match'], $p, $index)) {
            $rule_models_out[] = "\t$index,";
        }
        // a list is conditional prices; a mapping (an empty one is a free model) applies always
        $conditional = $model['prices'] !== [] && array_is_list($model['prices']) ? $model['prices'] : [['prices' => $model['prices']]];
        $first_set = null;
        $last_list = [];
        foreach ($conditional as $c) {
            $last_list = price_units($c['prices'], $where);
            $set = add_set($last_list, $c['constraint'] ?? null, $where);
            $first_set ??= $set;
        }
        $type = $csv_type["$p|$i"] ?? guess_type($model, $last_list);
        $models_out[] = "\t{" . c_string($provider['id']) . ', ' . c_string(strtolower($model['id'])) . ', '
            . c_string($model['name'] ?? $model['id']) . ', ' . c_string($type) . ', "standard", '
            . "&spectra_price_sets[$first_set], " . count($conditional) . ", $rule},";
        $model_count++;
    }
    $match = isset($provider['provider_match']) ? add_rule($provider['provider_match'], $provider['id']) : -1;
    $model_match = isset($provider['model_match']) ? add_rule($provider['model_match'], $provider['id']) : -1;
    $first_fallback = count($fallbacks_out);
    foreach ($provider['fallback_model_providers'] ?? [] as $fallback) {
        if (!isset($provider_index[$fallback])) {
            fail("{$provider['id']}: unknown fallback provider $fallback");
        }
        $fallbacks_out[] = "\t" . $provider_index[$fallback] . ',';
    }
    $providers_out[] = "\t{" . c_string($provider['id']) . ", $match, $model_match, $first_model, " . (count($models_out) - $first_model)
        . ", $first_rule_model, " . (count($rule_models_out) - $first_rule_model) . ", $first_fallback, "
        . (count($fallbacks_out) - $first_fallback) . '},';
}
$catalog_model_count = count($models_out);

/* exact index: sorted by (provider, id); a repeated id keeps its first model (the package's order) */
usort($exact_index, static fn ($a, $b) => $a[0] <=> $b[0] ?: strcmp($a[1], $b[1]) ?: $a[2] <=> $b[2]);
$exact_out = [];
$last = null;
foreach ($exact_index as [$p, $id, $model]) {
    if ($last === "$p|$id") {
        continue;
    }
    $last = "$p|$id";
    $exact_out[] = "\t{{$p}, " . c_string($id) . ", $model},";
}

/* ---------------------------------------------------------------- kept CSV rows */

/** The unit prices of a CSV row, converted from cents to the package's dollars. */
function csv_row_prices(array $row, string $where): array
{
    $unit = $row['pricing_unit'];
    $per_unit = csv_cents($row['price_per_unit_cents'], "$where price_per_unit", $unit !== 'tokens');
    $video = $row['type'] === 'video';
    $flat = static fn (float $dollars) => ['base' => $dollars, 'tiers' => []];
    switch ($unit) {
        case 'tokens':
            $input = csv_cents($row['input_cents_per_1m'], "$where input", true);
            $list = ['input_tokens' => $flat($input / 100), 'output_tokens' => $flat(csv_cents($row['output_cents_per_1m'], "$where output", true) / 100)];
            $cached = csv_cents($row['cached_input_cents_per_1m'], "$where cached_input", false);
            $write = csv_cents($row['cache_write_5m_cents_per_1m'], "$where cache_write_5m", false);
            $write_1h = csv_cents($row['cache_write_1h_cents_per_1m'], "$where cache_write_1h", false);
            if ($cached !== null) {
                $list['cache_read_tokens'] = $flat($cached / 100);
            }
            if ($write !== null || $write_1h !== null) {
                $list['cache_write_tokens'] = $flat(($write ?? $input) / 100);
            }
            if ($write_1h !== null) {
                $list['cache_write_1h_tokens'] = $flat($write_1h / 100);
            }
            return $list;
        case 'minute':
            return $video ? ['video_seconds' => $flat($per_unit / 60 / 100)] : ['audio_seconds' => $flat($per_unit * 60 / 100)];
        case 'second':
            return $video ? ['video_seconds' => $flat($per_unit / 100)] : ['audio_seconds' => $flat($per_unit * 3600 / 100)];
        case 'characters':
            return ['input_characters' => $flat($per_unit / 100)];
        case 'image':
            return ['output_images' => $flat($per_unit / 100)];
        case 'video':
            return ['output_videos' => $flat($per_unit / 100)];
        case 'search':
            // the catalog's one per-search row is Cohere's rerank, billed per search unit
            return ['rerank_searches' => $flat($per_unit * 1000 / 100)];
    }
    fail("$where: unknown pricing_unit '$unit'");
}

usort($kept, static fn (array $a, array $b): int => strcmp($a['provider'], $b['provider'])
    ?: strcmp($a['model'], $b['model']) ?: strcmp($a['tier'], $b['tier']));
$seen = [];
$csv_tiers = ['standard' => true];
foreach ($kept as $row) {
    $where = basename($catalog_path) . ':' . $row['#line'];
    $key = "{$row['provider']}|{$row['model']}|{$row['tier']}";
    if ($row['provider'] === '' || $row['model'] === '' || $row['tier'] === '') {
        fail("$where: empty provider, model or tier");
    }
    if (isset($seen[$key])) {
        fail("$where: duplicate row for $key");
    }
    $seen[$key] = true;
    $csv_tiers[$row['tier']] = true;
    $list = price_units(array_combine(
        array_map(static fn ($u) => $GLOBALS['units'][$u]['price_key'] ?? $u, array_keys($l = csv_row_prices($row, $where))),
        array_map(static fn ($p) => $p['base'], $l)
    ), $where);
    $set = add_set($list, null, $where);
    $models_out[] = "\t{" . c_string($row['provider']) . ', ' . c_string($row['model']) . ', ' . c_string($row['display_name'])
        . ', ' . c_string($row['type']) . ', ' . c_string($row['tier']) . ", &spectra_price_sets[$set], 1, -1},";
}

$tool_calls = read_csv($tool_call_path, TOOL_CALL_COLUMNS);
usort($tool_calls, static fn (array $a, array $b): int =>
    strcmp($a['provider'], $b['provider']) ?: strcmp($a['tool_call_type'], $b['tool_call_type']));

/* ---------------------------------------------------------------- output */

$out = [];
$out[] = '/* GENERATED FILE - DO NOT EDIT. Regenerate from the repository root with:';
$out[] = ' *   php tools/gen_pricing.php > src/pricing/catalog_data.c';
$out[] = " * Sources: data/genai-prices/data.json ({$source['package']} {$source['version']}, published $source_date:";
$out[] = ' *   ' . count($data['providers']) . " providers, $model_count models), data/pricing-catalog.csv (" . count($kept)
    . ' of ' . count($csv) . " rows kept, $dropped priced by genai-prices),";
$out[] = ' *   data/tool-call-pricing.csv (' . count($tool_calls) . ' rows). Prices are US dollars per unit size (per). */';
$out[] = '#include "catalog.h"';
$out[] = '';
$out[] = 'const char spectra_catalog_source[] = ' . c_string("{$source['package']} {$source['version']}") . ';';
$out[] = 'const char spectra_catalog_source_date[] = ' . c_string($source_date) . ';';
$out[] = '';
$out[] = '/* usage_key, price_key, per, direction, ancestors, descendants, joins (bit = spectra_usage_key) */';
$out[] = 'const spectra_unit_info spectra_units[SPECTRA_USAGE_KEY_COUNT] = {';
foreach ($units as $key => $unit) {
    $descendants = 0;
    foreach ($unit_keys as $other) {
        if (($ancestors[$other] >> $unit_index[$key]) & 1) {
            $descendants |= 1 << $unit_index[$other];
        }
    }
    $direction = ['input' => 'SPECTRA_DIRECTION_INPUT', 'output' => 'SPECTRA_DIRECTION_OUTPUT'][$unit['dimensions']['direction'] ?? ''] ?? 'SPECTRA_DIRECTION_NONE';
    $join_of = 0;
    foreach ($unit_keys as $a) {
        foreach ($unit_keys as $b) {
            $related = $a === $b || ($ancestors[$a] >> $unit_index[$b]) & 1 || ($ancestors[$b] >> $unit_index[$a]) & 1;
            if (!$related && $joins[$a][$b] === $unit_index[$key]) {
                $join_of |= 1 << $unit_index[$a];
            }
        }
    }
    $out[] = "\t[SPECTRA_USAGE_$key] = {" . c_string($key) . ', ' . c_string($unit['price_key'] ?? $key) . ', ' . c_double($unit['per'])
        . ", $direction, " . sprintf('0x%016xu, 0x%016xu, 0x%016xu', $ancestors[$key], $descendants, $join_of) . '},';
}
$out[] = '};';
$out[] = '';
$out[] = '/* the unit whose dimensions are the union of two compatible units\', or -1 */';
$out[] = 'const signed char spectra_unit_joins[SPECTRA_USAGE_KEY_COUNT][SPECTRA_USAGE_KEY_COUNT] = {';
foreach ($unit_keys as $a) {
    $out[] = "\t{" . implode(',', array_map(static fn ($b) => (string) $joins[$a][$b], $unit_keys)) . '},';
}
$out[] = '};';
$emit_array = static function (string $decl, array $rows, string $count_name, string $empty) use (&$out): void {
    $out[] = '';
    $out[] = "$decl = {";
    foreach ($rows ?: [$empty] as $row) {
        $out[] = $row;
    }
    $out[] = '};';
    if ($count_name !== '') {
        $out[] = 'const size_t ' . $count_name . ' = ' . count($rows) . ';';
    }
};
$emit_array('const spectra_price_tier spectra_price_tiers[]', $tiers_out, '', "\t{0, 0.0},");
$emit_array('/* usage key, tier count, first tier, price (base when tiered) */' . "\n" . 'const spectra_unit_price spectra_unit_prices[]', $unit_prices_out, '', '');
$emit_array('/* constraint, from (Unix s or ms of the day), until (ms of the day), first unit price, count */' . "\n" . 'const spectra_price_set spectra_price_sets[]', $sets_out, '', '');
$emit_array('/* op, text, text length, first child or first regex instruction, child count, first-byte set (-1 any) */' . "\n"
    . 'const spectra_match_node spectra_match_nodes[]', array_map(static fn ($n) => "\t{" . implode(', ', $n) . '},', $nodes_out), 'spectra_match_node_count', '');
$emit_array('const uint16_t spectra_match_children[]', array_map(static fn ($c) => "\t$c,", $children_out), '', "\t0,");
$emit_array('const spectra_regex_op spectra_regex_program[]', $programs_out, '', "\t{SPECTRA_RX_MATCH, 0, 0},");
$emit_array('const uint8_t spectra_regex_classes[][32]', $classes_out, '', "\t{0},");
$emit_array('/* provider, model (lowercased for catalog models), display name, type, tier, first set, sets, match node (-1: exact row) */' . "\n"
    . "/* [0, $catalog_model_count): the genai-prices models in provider order; then the kept CSV rows sorted by provider, model, tier */\n"
    . 'const spectra_price spectra_catalog_models[]', $models_out, 'spectra_catalog_model_count', '');
$out[] = "const size_t spectra_catalog_genai_model_count = $catalog_model_count;";
$emit_array('/* provider index, lowercased "equals" id, model: sorted by provider then id */' . "\n"
    . 'const spectra_exact_id spectra_catalog_exact_ids[]', $exact_out, 'spectra_catalog_exact_id_count', '');
$emit_array('/* models with other match rules than equals, by provider, in the data\'s order */' . "\n"
    . 'const uint16_t spectra_catalog_rule_models[]', $rule_models_out, '', "\t0,");
$emit_array('const uint16_t spectra_catalog_fallbacks[]', $fallbacks_out, '', "\t0,");
$emit_array('/* id, provider_match and model_match nodes (-1 none), first model, models, first rule model, rule models, first fallback, fallbacks */' . "\n"
    . 'const spectra_catalog_provider spectra_catalog_providers[]', $providers_out, 'spectra_catalog_provider_count', '');
$emit_array('/* the tiers of the kept CSV rows (the catalog models are all "standard") */' . "\n"
    . 'const char *const spectra_catalog_tiers[]', array_map(static fn ($t) => "\t" . c_string($t) . ',', array_keys($csv_tiers)), 'spectra_catalog_tier_count', '');
$tool_rows = [];
foreach ($tool_calls as $row) {
    $where = basename($tool_call_path) . ':' . $row['#line'];
    if ($row['provider'] === '' || $row['tool_call_type'] === '') {
        fail("$where: empty provider or tool_call_type");
    }
    $tool_rows[] = "\t{" . c_string($row['provider']) . ', ' . c_string($row['tool_call_type']) . ', '
        . c_double(csv_cents($row['cents_per_call'], "$where cents_per_call", true)) . '},';
}
$emit_array('/* provider, tool_call_type (output item type), cents per call */' . "\n"
    . 'const spectra_tool_call_price spectra_pricing_tool_call_rows[]', $tool_rows, 'spectra_pricing_tool_call_row_count', '');

echo implode("\n", $out), "\n";
