--TEST--
spectra.otel.exporter=none unquoted (PHP's INI parser makes it "") turns export off, as do "none", off and an empty value; the default "auto" still exports
--FILE--
<?php
require __DIR__ . '/export.inc';
$code = <<<'PHP'
use Spectra\Spectra;
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::flush(5000);
$s = Spectra::stats();
echo var_export(ini_get('spectra.otel.exporter'), true), " exporter={$s['exporter']} queued={$s['queued']}";
PHP;
// each case exports to a receiver of its own, with export enabled and the endpoint set
foreach (['default (auto)' => null, 'bare none' => 'none', 'quoted none' => '"none"', 'bare off' => 'off', 'empty' => '']
    as $name => $value) {
    $receiver = receiver_start();
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . spectra_so_path(), '-d', 'spectra.otel.enabled=1',
        '-d', 'spectra.otel.endpoint=' . $receiver['url'], '-r', $code];
    if ($value !== null) {
        array_splice($cmd, 4, 0, ['-d', "spectra.otel.exporter=$value"]);   // passed as is, unquoted
    }
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($p);
    echo str_pad($name, 15), ': ', trim($out), ' received=', receiver_count($receiver), "\n";
}
?>
--EXPECT--
default (auto) : 'auto' exporter=otlp queued=1 received=1
bare none      : '' exporter=none queued=0 received=0
quoted none    : 'none' exporter=none queued=0 received=0
bare off       : '' exporter=none queued=0 received=0
empty          : '' exporter=none queued=0 received=0
