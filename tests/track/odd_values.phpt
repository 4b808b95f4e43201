--TEST--
Non-UTF-8 strings, huge metadata and odd option values are recorded as given, without crash or loss
--FILE--
<?php
use Spectra\Spectra;
$r = null;
Spectra::listen(function ($e) use (&$r) { $r = $e->request; });
$binary = "\xff\xfe\x00bin\xc3";
$binary_text = "\xff\xfebin\xc3"; // provider, model and tags become C strings: a NUL there is a ValueError (tests/robustness/nul_bytes_rejected.phpt)
$huge = str_repeat('x', 2 * 1024 * 1024);
$meta = ['blob' => $huge, 'bin' => $binary, 'nested' => ['a' => [1, 2, ['deep' => true]]], 7 => 'int-key'];
for ($i = 0; $i < 2000; $i++) { $meta["k$i"] = $i; }
Spectra::track("open\xffai", "model\xc3with-high-byte", fn () => ['id' => $binary, 'usage' => ['prompt_tokens' => 3]], ['metadata' => $meta, 'tags' => [$binary_text]]);
var_dump($r['provider'] === "open\xffai", $r['model'] === "model\xc3with-high-byte", strlen($r['metadata']['blob']), $r['metadata']['bin'] === $binary);
var_dump(count($r['metadata']), $r['tags'][0] === $binary_text, $r['prompt_tokens'], $r['cost_known']);
?>
--EXPECT--
bool(true)
bool(true)
int(2097152)
bool(true)
int(2004)
bool(true)
int(3)
bool(false)
