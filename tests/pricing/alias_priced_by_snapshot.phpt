--TEST--
Pricing: a model alias missing from the catalog is priced by the dated model that answered (response "model"); the requested id stays the record's model
--FILE--
<?php
use Spectra\Spectra;
$r = Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-sonnet-4-5'), [
    'id' => 'msg_013Zva2CMHLNnXjNJJKqJ2EF', 'type' => 'message', 'role' => 'assistant', 'model' => 'claude-sonnet-4-5-20250929',
    'content' => [['type' => 'text', 'text' => 'Hi']], 'stop_reason' => 'end_turn', 'stop_sequence' => null,
    'usage' => ['input_tokens' => 21, 'output_tokens' => 305],
]);
// claude-sonnet-4-5-20250929 standard: 21*300/1e6 + 305*1500/1e6 = 0.0063 + 0.4575 = 0.4638
var_dump($r['model'], $r['snapshot'], $r['cost_known'], round($r['total_cost_in_cents'], 10));
// an unknown alias answered by an unknown model stays unknown
$r = Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-next'), ['type' => 'message', 'model' => 'claude-next-20990101', 'usage' => ['input_tokens' => 1, 'output_tokens' => 1]]);
var_dump($r['cost_known'], $r['total_cost_in_cents']);
?>
--EXPECT--
string(17) "claude-sonnet-4-5"
string(26) "claude-sonnet-4-5-20250929"
bool(true)
float(0.4638)
bool(false)
float(0)
