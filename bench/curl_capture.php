<?php
/*
 * One configuration of bench/curl_capture.sh: curl requests to a loopback host, timed.
 *   php bench/curl_capture.php URL BATCHES CALLS [track] [reuse] [offline]
 * Each request is what a plain client does: curl_init($url), curl_setopt_array() with
 * RETURNTRANSFER, a small JSON POSTFIELDS and headers, curl_exec(), the handle freed.
 *   track    each request runs inside Spectra::track() (the manual way, no capture)
 *   reuse    one handle for every request, curl_reset() after each (as Guzzle keeps its
 *            handles): curl_setopt_array() with the URL, curl_exec(), curl_reset()
 *   offline  libcurl is allowed no protocol but file://, so curl_exec() fails at once
 *            without touching the network: what is left is PHP's, ext/curl's and the
 *            observers' work, timed without a socket's noise
 * Prints one line per batch: nanoseconds per request (wall, monotonic clock).
 */
[$url, $batches, $calls] = [$argv[1], (int) $argv[2], (int) $argv[3]];
$flags = array_slice($argv, 4);
$track = in_array('track', $flags, true);
$reuse = in_array('reuse', $flags, true);
$offline = in_array('offline', $flags, true);
$body = json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'hello']]]);
$options = [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body,
    CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Authorization: Bearer sk-bench']];
if ($offline) {
    $options[CURLOPT_PROTOCOLS] = CURLPROTO_FILE;
}
$check = function ($answer, $ch) use ($offline) {
    if (($answer === false) !== $offline) {
        fwrite(STDERR, $offline ? "request was not refused\n" : 'curl error: ' . curl_error($ch) . "\n");
        exit(1);
    }
    return $answer;
};
if ($reuse) {
    $shared = curl_init();
    $options = [CURLOPT_URL => $url] + $options;
    $request = function () use ($shared, $options, $check) {
        curl_setopt_array($shared, $options);
        $answer = $check(curl_exec($shared), $shared);
        curl_reset($shared);
        return $answer;
    };
} else {
    $request = function () use ($url, $options, $check) {
        $ch = curl_init($url);
        curl_setopt_array($ch, $options);
        return $check(curl_exec($ch), $ch);
    };
}
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
