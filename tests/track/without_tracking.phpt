--TEST--
withoutTracking() runs its callback with nothing recorded inside, and tracking resumes after (also after a throw)
--FILE--
<?php
use Spectra\Spectra;
$count = 0;
Spectra::listen(function () use (&$count) { $count++; });
$v = Spectra::withoutTracking(fn () => Spectra::track('openai', 'gpt-4o', fn () => 'inner'));
var_dump($v, $count);
try {
    Spectra::withoutTracking(function () { throw new RuntimeException('x'); });
} catch (RuntimeException $e) {}
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump($count);
?>
--EXPECT--
string(5) "inner"
int(0)
int(1)
