--TEST--
track() records a failure when the callback throws and rethrows the very same exception object
--FILE--
<?php
use Spectra\Spectra;

class ProviderDown extends RuntimeException {}
$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });

$thrown = new ProviderDown('upstream timed out', 504);
try {
    Spectra::track('anthropic', 'claude-sonnet-4-5-20250929', function () use ($thrown) { throw $thrown; });
} catch (ProviderDown $caught) {
    var_dump($caught === $thrown);
    echo $caught->getMessage(), ' line ', $caught->getLine() === $thrown->getLine() ? 'kept' : 'changed', "\n";
}
$r = $records[0];
var_dump($r['is_failed'], $r['error_type'], $r['error_message'], $r['status_code'], $r['prompt_tokens'], $r['total_cost_in_cents']);

// An Error (not Exception) is recorded the same way.
try {
    Spectra::track('openai', 'gpt-4o', function () { return intdiv(1, 0); });
} catch (DivisionByZeroError $e) {
    echo get_class($e), "\n";
}
var_dump($records[1]['error_type'], $records[1]['error_message']);
?>
--EXPECT--
bool(true)
upstream timed out line kept
bool(true)
string(12) "ProviderDown"
string(18) "upstream timed out"
NULL
int(0)
float(0)
DivisionByZeroError
string(19) "DivisionByZeroError"
string(16) "Division by zero"
