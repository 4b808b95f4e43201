--TEST--
Request globals merge with per-call options (never replaced by them) and clearGlobals() resets them
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
Spectra::addGlobalTags(['tenant:acme', 'env:prod']);
Spectra::withMetadata(['request_id' => 'r-1', 'region' => 'eu']);
Spectra::withPricingTier('batch');
Spectra::forTrackable('App\Models\User', 'u-9');

Spectra::track('openai', 'gpt-4o', fn () => [], ['tags' => ['feature:summary', 'env:prod'], 'metadata' => ['region' => 'us', 'doc' => 5]]);
$r = $records[0];
var_dump($r['tags'], $r['metadata'], $r['pricing_tier'], $r['trackable_type'], $r['trackable_id']);

// per-call values override the global ones for that call only
Spectra::track('openai', 'gpt-4o', fn () => [], ['pricing_tier' => 'priority', 'trackable_type' => 'Team', 'trackable_id' => 3]);
var_dump($records[1]['pricing_tier'], $records[1]['trackable_type'], $records[1]['trackable_id'], $records[1]['tags']);

Spectra::clearGlobals();
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump($records[2]['tags'], $records[2]['metadata'], $records[2]['pricing_tier'], $records[2]['trackable_type']);
?>
--EXPECT--
array(3) {
  [0]=>
  string(11) "tenant:acme"
  [1]=>
  string(8) "env:prod"
  [2]=>
  string(15) "feature:summary"
}
array(3) {
  ["request_id"]=>
  string(3) "r-1"
  ["region"]=>
  string(2) "us"
  ["doc"]=>
  int(5)
}
string(5) "batch"
string(15) "App\Models\User"
string(3) "u-9"
string(8) "priority"
string(4) "Team"
int(3)
array(2) {
  [0]=>
  string(11) "tenant:acme"
  [1]=>
  string(8) "env:prod"
}
array(0) {
}
array(0) {
}
string(8) "standard"
NULL
