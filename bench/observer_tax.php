<?php
/*
 * What the engine charges every PHP function call once any observer is registered
 * (bench/curl_capture.sh runs it under callgrind, with and without auto_capture=1): each
 * loop step calls a closure and an internal function that no observer watches.
 *   php bench/observer_tax.php STEPS
 */
$identity = function ($x) {
    return $x;
};
$steps = (int) $argv[1];
for ($i = 0; $i < $steps; $i++) {
    $identity($i);
    str_repeat('a', 1);
}
