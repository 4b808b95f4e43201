--TEST--
useTransformer(): a RequestTransformer subclass (excludedFields) or a callable shapes the event array
--FILE--
<?php
use Spectra\Spectra;
use Spectra\Support\RequestTransformer;

class DropCosts extends RequestTransformer {
    protected function excludedFields(): array { return ['prompt_cost', 'completion_cost', 'metadata']; }
}
$last = null;
Spectra::listen(function ($e) use (&$last) { $last = $e->request; });

Spectra::useTransformer(new DropCosts());
Spectra::track('openai', 'gpt-4o', fn () => [], ['metadata' => ['secret' => 1]]);
var_dump(array_key_exists('prompt_cost', $last), array_key_exists('metadata', $last), array_key_exists('total_cost_in_cents', $last));

Spectra::useTransformer(fn (array $r) => ['only' => $r['provider'] . '/' . $r['model']]);
Spectra::track('anthropic', 'claude-opus-4-6', fn () => []);
var_dump($last);

// A callable returning a non-array is ignored with a warning; the record goes out unchanged.
Spectra::useTransformer(fn (array $r) => 'oops');
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump($last['provider']);

// A throwing transformer: one warning, event still delivered untransformed
Spectra::useTransformer(function (array $r) { throw new RuntimeException('transformer down'); });
$v = Spectra::track('openai', 'gpt-4o-mini', fn () => 42);
var_dump($v, $last['model']);

// Built-in transformer again; base class drops nothing that exists
Spectra::useTransformer(null);
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump(count($last));
$base = new RequestTransformer();
var_dump($base->transform(['request' => 1, 'response' => 2, 'keep' => 3]));

try { Spectra::useTransformer(42); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECTF--
bool(false)
bool(false)
bool(true)
array(1) {
  ["only"]=>
  string(25) "anthropic/claude-opus-4-6"
}

Warning: Spectra\Spectra::track(): Spectra: request transformer returned string instead of an array; it was ignored in %s on line %d
string(6) "openai"

Warning: Spectra\Spectra::track(): Spectra: request transformer threw RuntimeException: transformer down in %s on line %d
int(42)
string(11) "gpt-4o-mini"
int(67)
array(1) {
  ["keep"]=>
  int(3)
}
Spectra\Spectra::useTransformer(): Argument #1 ($transformer) must be of type Spectra\Support\RequestTransformer|callable|null, int given
