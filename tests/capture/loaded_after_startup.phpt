--TEST--
auto_capture with the extension loaded after PHP started (dl(), as an FPM pool's php_admin_value[extension] does): no observer is registered late (the engine sized its slots at startup), the process says once that nothing is captured, and requests are answered unchanged; loaded at startup, the same settings capture
--EXTENSIONS--
curl
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
$body = var_export(chat_body('gpt-4o-mini', 'one two three'), true);
$code = <<<PHP
\$records = 0;
Spectra\Spectra::listen(function () use (&\$records) { \$records++; });
for (\$i = 0; \$i < 3; \$i++) {
    \$ch = curl_init('http://127.0.0.1:$port/v1/chat/completions');
    curl_setopt_array(\$ch, [CURLOPT_POSTFIELDS => $body, CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
        CURLOPT_RETURNTRANSFER => true]);
    echo 'prompt tokens the app read: ', json_decode(curl_exec(\$ch), true)['usage']['prompt_tokens'], "\n";
}
echo "records: \$records\n";
PHP;
$ini = ['extension' => ini_get('extension_dir') . '/curl.so', 'spectra.auto_capture' => 1,
    'spectra.providers.openai.hosts' => '127.0.0.1', 'spectra.otel.exporter' => 'none'];
foreach (['loaded by dl()' => true, 'loaded at startup' => false] as $label => $late) {
    $r = spectra_child($code, $ini, [], $late);
    echo "$label:\n", $r['stdout'];
    echo 'lines saying nothing is captured: ', substr_count($r['stderr'], 'spectra.auto_capture=1 has no effect'), "\n";
    echo 'exit: ', $r['exit'], "\n";
}
?>
--EXPECT--
loaded by dl():
prompt tokens the app read: 3
prompt tokens the app read: 3
prompt tokens the app read: 3
records: 0
lines saying nothing is captured: 1
exit: 0
loaded at startup:
prompt tokens the app read: 3
prompt tokens the app read: 3
prompt tokens the app read: 3
records: 3
lines saying nothing is captured: 0
exit: 0
