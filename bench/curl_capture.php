<?php
/*
 * One configuration of bench/curl_capture.sh: curl requests to a loopback host, timed.
 *   php bench/curl_capture.php URL BATCHES CALLS [track]
 * Each request is what a plain client does: curl_init($url), curl_setopt_array() with
 * RETURNTRANSFER, a small JSON POSTFIELDS and headers, curl_exec(), the handle freed.
 * With "track" each request runs inside Spectra::track() (the manual way, no capture).
 * Prints one line per batch: nanoseconds per request (wall, monotonic clock).
 */
[$url, $batches, $calls] = [$argv[1], (int) $argv[2], (int) $argv[3]];
$track = ($argv[4] ?? '') === 'track';
$body = json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'hello']]]);
$options = [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body,
    CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Authorization: Bearer sk-bench']];
$request = function () use ($url, $options) {
    $ch = curl_init($url);
    curl_setopt_array($ch, $options);
    $answer = curl_exec($ch);
    if ($answer === false) {
        fwrite(STDERR, 'curl error: ' . curl_error($ch) . "\n");
        exit(1);
    }
    return $answer;
};
for ($i = 0; $i < 50; $i++) { // warm-up: connections, caches
    $request();
}
for ($b = 0; $b < $batches; $b++) {
    $start = hrtime(true);
    for ($i = 0; $i < $calls; $i++) {
        if ($track) {
            Spectra\Spectra::track('openai', 'gpt-4o-mini', $request);
        } else {
            $request();
        }
    }
    echo intdiv(hrtime(true) - $start, $calls), "\n";
}
