--TEST--
A listener that registers listeners while being dispatched (lazy registration) is safe; new listeners get the next event
--EXTENSIONS--
spectra
--FILE--
<?php
use Spectra\Spectra;

$seen = [];
Spectra::listen(function ($event) use (&$seen) {
    static $registered = false;
    $seen[] = 'first:' . $event->request['model'];
    if (!$registered) {
        $registered = true;
        // enough listeners to force the table to grow (and move) several times
        for ($i = 0; $i < 64; $i++) {
            Spectra::listen(function ($event) use (&$seen, $i) {
                $seen[] = "late$i:" . $event->request['model'];
            });
        }
    }
});

// a second listener after the registering one: the loop goes on after the table grew
Spectra::listen(function ($event) use (&$seen) {
    $seen[] = 'second:' . $event->request['model'];
});

Spectra::track('openai', 'm1', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]]);
echo implode(',', $seen), "\n";
$seen = [];
Spectra::track('openai', 'm2', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]]);
echo count($seen), ' ', $seen[0], ' ', $seen[1], ' ', $seen[2], ' ', $seen[65], "\n";
?>
--EXPECT--
first:m1,second:m1
66 first:m2 second:m2 late0:m2 late63:m2
