--TEST--
README's Configuration table has one row per INI setting, in the order of src/php/settings/settings_table.h, with its default, scope and meaning; ini_get_all('spectra') agrees; the spectra.providers.<slug>.hosts settings exist once per provider slug, SYSTEM, empty by default, and the README names the pattern
--FILE--
<?php
require __DIR__ . '/docs.inc';

/* README: | `name` | `default` (note) | SCOPE | meaning | */
$readme = [];
foreach (explode("\n", readme_section('## Configuration (php.ini)')) as $line) {
    if (!str_starts_with($line, '| `spectra.')) {
        continue;
    }
    $cells = array_map('trim', preg_split('/(?<!\\\\)\|/', trim($line, " |")));
    if (count($cells) !== 4 || !preg_match('/^`([^`]+)`$/', $cells[0], $name)) {
        echo "README row with one directive and 4 cells expected: $line\n";
        continue;
    }
    $default = preg_match('/^`([^`]*)`/', $cells[1], $m) ? ($m[1] === '""' ? '' : $m[1]) : "(no `default`: {$cells[1]})";
    $readme[$name[1]] = ['default' => $default, 'scope' => $cells[2], 'meaning' => $cells[3]];
}

/* The table: X("name", "default", SCOPE, KIND, member, "meaning" "continued") */
$header = str_replace("\\\n", ' ', file_get_contents(__DIR__ . '/../../src/php/settings/settings_table.h'));
preg_match_all('/X\("([^"]+)",\s*"([^"]*)",\s*(\w+),\s*(\w+),\s*(\w+),\s*((?:"(?:[^"\\\\]|\\\\.)*"\s*)+)\)/', $header, $rows, PREG_SET_ORDER);
$table = [];
foreach ($rows as [, $name, $default, $scope, $kind, $member, $meaning]) {
    preg_match_all('/"((?:[^"\\\\]|\\\\.)*)"/', $meaning, $parts);
    $table[$name] = ['default' => $default, 'scope' => $scope, 'meaning' => stripcslashes(implode('', $parts[1]))];
}

$ini = ini_get_all('spectra');
// spectra.providers.<slug>.hosts come from the provider table, one per slug (README: a paragraph)
$provider_hosts = array_filter($ini, fn ($name) => str_starts_with($name, 'spectra.providers.'), ARRAY_FILTER_USE_KEY);
$ini = array_diff_key($ini, $provider_hosts);
$bad = array_filter($provider_hosts, fn ($s, $name) => !preg_match('/^spectra\.providers\.[a-z][a-z-]*\.hosts$/', $name)
    || $s['global_value'] !== '' || $s['access'] !== INI_SYSTEM, ARRAY_FILTER_USE_BOTH);
echo 'provider host settings: ', count($provider_hosts) >= 15 && $bad === [] ? 'ok' : 'wrong: ' . json_encode($bad), "\n";
echo 'README names them: ', str_contains(readme_section('## Configuration (php.ini)'), '`spectra.providers.<slug>.hosts`') ? 'yes' : 'no', "\n";
foreach (['openai', 'anthropic', 'azure', 'bedrock', 'google'] as $slug) {
    if (!isset($provider_hosts["spectra.providers.$slug.hosts"])) {
        echo "missing spectra.providers.$slug.hosts\n";
    }
}
echo 'README rows: ', count($readme), "\n";
echo 'settings_table.h rows: ', count($table), "\n";
echo 'ini_get_all: ', count($ini), "\n";

$problems = list_problems('settings_table.h', array_keys($table), 'README', array_keys($readme));
foreach (array_intersect_key($readme, $table) as $name => $row) {
    foreach (['default', 'scope', 'meaning'] as $column) {
        if ($row[$column] !== $table[$name][$column]) {
            $problems[] = "$name $column: README says " . var_export($row[$column], true) . ', settings_table.h ' . var_export($table[$name][$column], true);
        }
    }
}
report('README vs settings_table.h', $problems);

$names = array_keys($table);
sort($names);
$problems = list_problems('settings_table.h', $names, 'ini_get_all', array_keys($ini));
$access = ['SYSTEM' => INI_SYSTEM, 'ALL' => INI_ALL];
foreach (array_intersect_key($readme, $ini) as $name => $row) {
    if ($ini[$name]['global_value'] !== $row['default']) {
        $problems[] = "$name default: README says " . var_export($row['default'], true) . ', PHP has ' . var_export($ini[$name]['global_value'], true);
    }
    if (($access[$row['scope']] ?? null) !== $ini[$name]['access']) {
        $problems[] = "$name scope: README says {$row['scope']}, PHP has access {$ini[$name]['access']}";
    }
}
report('README vs ini_get_all', $problems);
?>
--EXPECT--
provider host settings: ok
README names them: yes
README rows: 28
settings_table.h rows: 28
ini_get_all: 28
README vs settings_table.h: ok
README vs ini_get_all: ok
