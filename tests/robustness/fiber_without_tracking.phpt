--TEST--
withoutTracking() follows the fiber that called it: a Fiber suspended inside it does not turn tracking off for the main code, and its own calls stay untracked when resumed
--EXTENSIONS--
spectra
--FILE--
<?php
use Spectra\Spectra;

$recorded = [];
Spectra::listen(function ($event) use (&$recorded) {
    $recorded[] = $event->request['model'];
});
$usage = fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]];

$fiber = new Fiber(function () use ($usage) {
    Spectra::withoutTracking(function () use ($usage) {
        Spectra::track('openai', 'fiber-before-suspend', $usage);
        Fiber::suspend();
        Spectra::track('openai', 'fiber-after-resume', $usage);
    });
    Spectra::track('openai', 'fiber-after-without', $usage);
});
$fiber->start();
for ($i = 1; $i <= 5; $i++) {
    Spectra::track('openai', "main-$i", $usage); // the fiber waits inside withoutTracking()
}
Spectra::withoutTracking(fn () => Spectra::track('openai', 'main-suppressed', $usage));
$fiber->resume();
Spectra::track('openai', 'main-last', $usage);

// a fiber that never resumes (destroyed while suspended inside withoutTracking)
$abandoned = new Fiber(function () use ($usage) {
    Spectra::withoutTracking(function () {
        Fiber::suspend();
    });
});
$abandoned->start();
unset($abandoned);
Spectra::track('openai', 'after-abandoned', $usage);

echo implode("\n", $recorded), "\n";
?>
--EXPECT--
main-1
main-2
main-3
main-4
main-5
fiber-after-without
main-last
after-abandoned
