--TEST--
auto_capture: an application's CURLOPT_WRITEFUNCTION receives identical bytes and its return values and exceptions act as without the extension (hashes compared with a PHP that does not load it)
--EXTENSIONS--
curl
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = fixed_answer_start();

$client = <<<'PHP'
$url = getenv('FIXED_URL');
function named_writer($h, $data) { $GLOBALS['named'] .= $data; return strlen($data); }
final class Sink { public string $bytes = ''; public function write($h, $data) { $this->bytes .= $data; return strlen($data); } }
$out = [];
// a closure, a function name, an [object, method] pair; JSON and SSE answers
foreach ([false, true] as $stream) {
    $body = json_encode(['model' => 'gpt-4o-mini', 'stream' => $stream, 'messages' => [['role' => 'user', 'content' => 'hi']]]);
    $bytes = ''; $returns = [];
    $ch = curl_init("$url/v1/chat/completions");
    curl_setopt($ch, CURLOPT_POSTFIELDS, $body);
    curl_setopt($ch, CURLOPT_WRITEFUNCTION, function ($h, $data) use (&$bytes, &$returns) {
        // (capturing $ch here would make a cycle PHP 8.2's ext/curl leaks, extension or not)
        $bytes .= $data; $returns[] = $h instanceof CurlHandle; return strlen($data);
    });
    $r = curl_exec($ch);
    $out[] = [$stream, $r, sha1($bytes), strlen($bytes), array_unique($returns), curl_getinfo($ch, CURLINFO_RESPONSE_CODE)];
    $GLOBALS['named'] = '';
    $ch = curl_init("$url/v1/chat/completions");
    curl_setopt_array($ch, [CURLOPT_POSTFIELDS => $body, CURLOPT_WRITEFUNCTION => 'named_writer']);
    $out[] = [curl_exec($ch), sha1($GLOBALS['named'])];
    $sink = new Sink();
    $ch = curl_init("$url/v1/chat/completions");
    curl_setopt_array($ch, [CURLOPT_POSTFIELDS => $body, CURLOPT_WRITEFUNCTION => [$sink, 'write']]);
    $copy = curl_copy_handle($ch); // the copy keeps the application's callback
    $out[] = [curl_exec($ch), sha1($sink->bytes)];
    $sink->bytes = '';
    $out[] = [curl_exec($copy), sha1($sink->bytes)];
}
// a callback that throws: the same exception reaches the caller, curl_exec() returns the same
$ch = curl_init("$url/v1/chat/completions");
curl_setopt($ch, CURLOPT_POSTFIELDS, '{"model":"gpt-4o-mini"}');
curl_setopt($ch, CURLOPT_WRITEFUNCTION, function ($h, $data) { throw new DomainException('from the callback'); });
try {
    $out[] = ['returned', curl_exec($ch), curl_errno($ch)];
} catch (Throwable $e) {
    $out[] = ['threw', get_class($e), $e->getMessage(), curl_errno($ch)];
}
// a callback that returns a float: curl converts it the same way (a string return is leaked
// by PHP 8.2's ext/curl itself, so not used here)
$ch = curl_init("$url/v1/chat/completions");
curl_setopt($ch, CURLOPT_POSTFIELDS, '{"model":"gpt-4o-mini"}');
curl_setopt($ch, CURLOPT_WRITEFUNCTION, fn ($h, $data) => strlen($data) + 0.0);
$out[] = [curl_exec($ch), curl_errno($ch)];
echo sha1(serialize($out)), "\n", json_encode($out), "\n";
if (class_exists('Spectra\Spectra', false)) {
    fwrite(STDERR, "records: " . count($GLOBALS['records']) . "\n");
}
PHP;
$listen = 'if (class_exists("Spectra\\\\Spectra", false)) { $GLOBALS["records"] = []; Spectra\Spectra::listen(function ($e) { $GLOBALS["records"][] = $e->request; }); }' . "\n";
$env = ['FIXED_URL' => "http://127.0.0.1:$port"];
$on = spectra_child($listen . $client, ['extension' => 'curl', 'spectra.auto_capture' => '1',
    'spectra.providers.openai.hosts' => '127.0.0.1', 'spectra.otel.exporter' => 'none'], $env);

// the same client in a PHP that does not load the extension
$file = tempnam(sys_get_temp_dir(), 'off') . '.php';
file_put_contents($file, "<?php\n" . $listen . $client);
$off = proc_open([PHP_BINARY, '-n', '-d', 'extension=curl', $file], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes,
    null, $env + ['PATH' => getenv('PATH')]);
$offOut = stream_get_contents($pipes[1]);
$offErr = stream_get_contents($pipes[2]);
proc_close($off);
unlink($file);

var_dump($on['stdout'] === $offOut);
if ($on['stdout'] !== $offOut) {
    echo "on:  {$on['stdout']}\noff: $offOut\n{$on['stderr']}\n$offErr\n";
}
echo json_decode(explode("\n", $offOut)[1], true)[0][3] > 300000 ? "big answer\n" : "small answer\n";
echo trim($on["stderr"]), "\n";
echo json_encode(array_slice(json_decode(explode("\n", $offOut)[1], true), -2)), "\n";
?>
--EXPECT--
bool(true)
big answer
records: 9
[["threw","DomainException","from the callback",0],[true,0]]
