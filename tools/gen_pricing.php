<?php
/*
 * Generates src/pricing/catalog_data.c, the built-in price table of the pricing stage, from
 * the two CSVs in data/ (pricing-catalog.csv and tool-call-pricing.csv; see data/README.md).
 *
 * Usage (from the repository root):
 *   php tools/gen_pricing.php > src/pricing/catalog_data.c                    (reads data/)
 *   php tools/gen_pricing.php DATA_DIR > src/pricing/catalog_data.c
 *   php tools/gen_pricing.php CATALOG.csv TOOL_CALLS.csv > src/pricing/catalog_data.c
 * DATA_DIR holds pricing-catalog.csv, tool-call-pricing.csv and optionally VERSION, a one-line
 * description of where the data comes from and its date, copied into the header comment.
 * tools/check-generated.sh checks that the committed file is what this prints.
 *
 * The rows are sorted by (provider, model, tier) in byte order because pricing.c looks them up
 * with a binary search. Prices are copied as the decimal text of the CSV so the C compiler does
 * the (exact) rounding; an empty price cell becomes -1, which means "not given".
 * The output is deterministic (no timestamps; files inside the repository are named relative to
 * its root), so regenerating unchanged data gives no diff.
 */

declare(strict_types=1);

const CATALOG_COLUMNS = [
    'provider', 'model', 'display_name', 'type', 'pricing_unit', 'tier',
    'input_cents_per_1m', 'output_cents_per_1m', 'cached_input_cents_per_1m',
    'cache_write_5m_cents_per_1m', 'cache_write_1h_cents_per_1m', 'price_per_unit_cents',
];
const TOOL_CALL_COLUMNS = ['provider', 'tool_call_type', 'cents_per_call'];

const UNIT_ENUMS = [
    'tokens' => 'SPECTRA_UNIT_TOKENS',
    'minute' => 'SPECTRA_UNIT_MINUTE',
    'second' => 'SPECTRA_UNIT_SECOND',
    'characters' => 'SPECTRA_UNIT_CHARACTERS',
    'image' => 'SPECTRA_UNIT_IMAGE',
    'video' => 'SPECTRA_UNIT_VIDEO',
    'search' => 'SPECTRA_UNIT_SEARCH',
];
const MODEL_TYPES = ['text', 'embedding', 'image', 'audio', 'video'];

function fail(string $message): never
{
    fwrite(STDERR, "gen_pricing: $message\n");
    exit(1);
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
            continue; // blank line
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

/** A price cell as a C double literal; empty means "not given" (-1). */
function price_literal(string $cell, string $where, bool $required): string
{
    if ($cell === '') {
        if ($required) {
            fail("$where: price is required");
        }
        return '-1.0';
    }
    // Plain non-negative decimals only: the text is emitted verbatim as a C literal.
    if (!preg_match('/^(0|[1-9][0-9]*)(\.[0-9]+)?$/', $cell)) {
        fail("$where: not a non-negative decimal: '$cell'");
    }
    return str_contains($cell, '.') ? $cell : $cell . '.0';
}

function c_string(string $value): string
{
    if (preg_match('/[\x00-\x1f\x7f]/', $value)) {
        fail('control character in ' . json_encode($value));
    }
    return '"' . addcslashes($value, "\"\\?") . '"';
}

$repo_root = dirname(__DIR__);
$default_data_dir = $repo_root . '/data';
$args = array_slice($argv, 1);
$version_path = null;
if (count($args) === 0 || count($args) === 1) {
    $data_dir = $args[0] ?? $default_data_dir;
    $catalog_path = $data_dir . '/pricing-catalog.csv';
    $tool_call_path = $data_dir . '/tool-call-pricing.csv';
    $version_path = $data_dir . '/VERSION';
} elseif (count($args) === 2) {
    [$catalog_path, $tool_call_path] = $args;
} else {
    fail('usage: php tools/gen_pricing.php [DATA_DIR | CATALOG.csv TOOL_CALLS.csv]');
}

/** A path for the header comment: relative to the repository root when inside it, else as given. */
function display_path(string $path, string $repo_root): string
{
    $real = realpath($path);
    $root = realpath($repo_root);
    if ($real !== false && $root !== false && str_starts_with($real, $root . '/')) {
        return substr($real, strlen($root) + 1);
    }
    return $path;
}

$catalog_name = display_path($catalog_path, $repo_root);
$tool_call_name = display_path($tool_call_path, $repo_root);
// The header names the command that reproduces the file: the no-argument form when the input
// is the repository's own data/ (however it was spelled), else the arguments as given.
if ($catalog_name === 'data/pricing-catalog.csv' && $tool_call_name === 'data/tool-call-pricing.csv') {
    $command = 'php tools/gen_pricing.php > src/pricing/catalog_data.c';
} else {
    $command = 'php tools/gen_pricing.php ' . implode(' ', array_map('escapeshellarg', $args))
        . ' > src/pricing/catalog_data.c';
}
$version = null;
if ($version_path !== null && is_file($version_path)) {
    $version = trim((string) file_get_contents($version_path));
    if ($version === '' || str_contains($version, "\n") || str_contains($version, '*/')) {
        fail("$version_path: expected one non-empty line without '*/'");
    }
}

$catalog = read_csv($catalog_path, CATALOG_COLUMNS);
$tool_calls = read_csv($tool_call_path, TOOL_CALL_COLUMNS);

$seen = [];
$models = [];
foreach ($catalog as $row) {
    $where = basename($catalog_path) . ':' . $row['#line'];
    foreach (['provider', 'model', 'tier'] as $key) {
        if ($row[$key] === '') {
            fail("$where: empty $key");
        }
    }
    if (!isset(UNIT_ENUMS[$row['pricing_unit']])) {
        fail("$where: unknown pricing_unit '{$row['pricing_unit']}'");
    }
    if (!in_array($row['type'], MODEL_TYPES, true)) {
        fail("$where: unknown type '{$row['type']}'");
    }
    $key = $row['provider'] . '|' . $row['model'] . '|' . $row['tier'];
    if (isset($seen[$key])) {
        fail("$where: duplicate row for $key (first on line {$seen[$key]})");
    }
    $seen[$key] = $row['#line'];
    $models[$row['provider'] . '|' . $row['model']] = true;
}

usort($catalog, static fn (array $a, array $b): int =>
    strcmp($a['provider'], $b['provider'])
    ?: strcmp($a['model'], $b['model'])
    ?: strcmp($a['tier'], $b['tier']));
usort($tool_calls, static fn (array $a, array $b): int =>
    strcmp($a['provider'], $b['provider']) ?: strcmp($a['tool_call_type'], $b['tool_call_type']));

$out = [];
$out[] = '/* GENERATED FILE - DO NOT EDIT. Regenerate from the repository root with:';
$out[] = ' *   ' . $command;
$out[] = ' * Sources: ' . $catalog_name . ' (' . count($catalog) . ' rows, '
    . count($models) . ' models) and ' . $tool_call_name . ' (' . count($tool_calls) . ' rows).';
if ($version !== null) {
    $out[] = ' * Data version: ' . $version . '.';
}
$out[] = ' * Rows are sorted by (provider, model, tier) in byte order: pricing.c binary-searches them.';
$out[] = ' * Prices are US cents (per 1M tokens, or per unit); -1 means "not given". */';
$out[] = '#include "pricing.h"';
$out[] = '';
$out[] = '/* provider, model, display_name, type, unit, tier,';
$out[] = ' * input, output, cached_input, cache_write_5m, cache_write_1h (per 1M tokens), price_per_unit */';
$out[] = 'const spectra_price spectra_pricing_builtin_rows[] = {';
foreach ($catalog as $row) {
    $where = basename($catalog_path) . ':' . $row['#line'];
    $out[] = "\t{" . implode(', ', [
        c_string($row['provider']),
        c_string($row['model']),
        c_string($row['display_name']),
        c_string($row['type']),
        UNIT_ENUMS[$row['pricing_unit']],
        c_string($row['tier']),
        price_literal($row['input_cents_per_1m'], "$where input", true),
        price_literal($row['output_cents_per_1m'], "$where output", true),
        price_literal($row['cached_input_cents_per_1m'], "$where cached_input", false),
        price_literal($row['cache_write_5m_cents_per_1m'], "$where cache_write_5m", false),
        price_literal($row['cache_write_1h_cents_per_1m'], "$where cache_write_1h", false),
        price_literal($row['price_per_unit_cents'], "$where price_per_unit", $row['pricing_unit'] !== 'tokens'),
    ]) . '},';
}
$out[] = '};';
$out[] = 'const size_t spectra_pricing_builtin_row_count = sizeof spectra_pricing_builtin_rows / sizeof spectra_pricing_builtin_rows[0];';
$out[] = '';
$out[] = '/* provider, tool_call_type (output item type), cents per call */';
$out[] = 'const spectra_tool_call_price spectra_pricing_tool_call_rows[] = {';
foreach ($tool_calls as $row) {
    $where = basename($tool_call_path) . ':' . $row['#line'];
    if ($row['provider'] === '' || $row['tool_call_type'] === '') {
        fail("$where: empty provider or tool_call_type");
    }
    $out[] = "\t{" . implode(', ', [
        c_string($row['provider']),
        c_string($row['tool_call_type']),
        price_literal($row['cents_per_call'], "$where cents_per_call", true),
    ]) . '},';
}
$out[] = '};';
$out[] = 'const size_t spectra_pricing_tool_call_row_count = sizeof spectra_pricing_tool_call_rows / sizeof spectra_pricing_tool_call_rows[0];';

// Written only once everything validated, so a failing run prints nothing to stdout.
echo implode("\n", $out), "\n";
