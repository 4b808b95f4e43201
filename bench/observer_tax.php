<?php
/*
 * What the engine charges every PHP function call once any observer is registered
 * (bench/curl_capture.sh runs it with and without auto_capture=1): each loop step calls a
 * closure and an internal function that no observer watches.
 *   php bench/observer_tax.php STEPS          (under callgrind: instructions per step)
 *   php bench/observer_tax.php STEPS time     prints the fastest of 5 batches of STEPS
 *                                             steps, in nanoseconds per step (wall)
 */
$identity = function ($x) {
    return $x;
};
$steps = (int) $argv[1];
$timed = ($argv[2] ?? '') === 'time';
$fastest = PHP_INT_MAX;
for ($batch = 0; $batch < ($timed ? 5 : 1); $batch++) {
    $start = hrtime(true);
    for ($i = 0; $i < $steps; $i++) {
        $identity($i);
        str_repeat('a', 1);
    }
    $fastest = min($fastest, hrtime(true) - $start);
}
if ($timed) {
    printf("%.2f\n", $fastest / $steps);
}
