--TEST--
auto_capture: odd input never crashes or changes behaviour: option values of every type, string keys, a non-callable write function, non-UTF-8 and NUL bytes in the model, a huge request body, listeners that throw or reset the handle or make a provider request of their own
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
use Spectra\Spectra;
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
capture_records();
$url = "http://127.0.0.1:$port/v1/chat/completions";

// option values of odd types (curl itself may refuse them: its errors are the application's)
$ch = curl_init();
foreach ([123, 1.5, null, true, [], new stdClass(), "\0"] as $value) {
    try {
        @curl_setopt($ch, CURLOPT_URL, $value);
        @curl_setopt($ch, CURLOPT_POSTFIELDS, $value);
    } catch (Throwable $e) {
        echo get_class($e), "\n";
    }
}
try {
    curl_setopt_array($ch, ['x' => 1, CURLOPT_URL => $url, CURLOPT_RETURNTRANSFER => true]);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
curl_setopt_array($ch, [CURLOPT_URL => $url, CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body("gpt\xff\x00x")]);
var_dump(is_string(curl_exec($ch)));
$r = capture_records();
echo count($r), ' ', bin2hex($r[0]['model'] ?? ''), "\n";

// a write function that is not callable: curl's own behaviour
$ch = curl_init($url);
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body());
curl_setopt($ch, CURLOPT_WRITEFUNCTION, 'no_such_function');
try {
    var_dump(@curl_exec($ch));
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
echo 'records: ', count(capture_records()), "\n";

// a 9 MB request body: over the decode cap, so no model from it (and over the mock's post_max_size)
[$answer] = plain_post($url, json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => str_repeat('a', 9_000_000)]]]));
$r = capture_records();
echo count($r), ' model=', var_export($r[0]['model'], true), ' status=', $r[0]['status_code'], "\n";

// listeners that throw, reset the handle, and make a provider request of their own
$shared = curl_init($url);
curl_setopt_array($shared, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body()]);
$depth = 0;
Spectra::listen(function ($event) use (&$depth, $shared, $url) {
    if ($depth++ === 0) {
        curl_reset($shared);
        plain_post($url, chat_body('gpt-4o-mini', 'from the listener'));
        throw new LogicException('listener failed');
    }
});
var_dump(is_string(curl_exec($shared)));
$r = capture_records();
echo count($r), "\n"; // the listener's own request is recorded too, without listeners (README)
// after the reset the handle has no URL: curl's error, no record
var_dump(curl_exec($shared), count(capture_records()));
echo "done\n";
?>
--EXPECTF--
%A
bool(true)
1 %s
%A
records: %d
1 model='' status=200

Warning: curl_exec(): Spectra: RequestTracked listener threw LogicException: listener failed in %s on line %d
bool(true)
1
bool(false)
int(0)
done
