--TEST--
started_at/completed_at are CarbonImmutable when Carbon is loaded, with microseconds, in the default timezone
--INI--
date.timezone=Europe/Paris
--FILE--
<?php
namespace Carbon { class CarbonImmutable extends \DateTimeImmutable {} }
namespace {
use Spectra\Spectra;
$r = null;
Spectra::listen(function ($e) use (&$r) { $r = $e->request; });
$before = microtime(true);
Spectra::track('openai', 'gpt-4o', function () { usleep(2000); return []; });
$after = microtime(true);
var_dump(get_class($r['started_at']), $r['started_at']->getTimezone()->getName());
$start = (float) $r['started_at']->format('U.u');
$end = (float) $r['completed_at']->format('U.u');
var_dump($start >= $before - 0.001 && $end <= $after + 0.001, $end - $start >= 0.002);
var_dump($r['latency_ms'] >= 2);
}
?>
--EXPECT--
string(22) "Carbon\CarbonImmutable"
string(12) "Europe/Paris"
bool(true)
bool(true)
bool(true)
