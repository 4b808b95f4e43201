--TEST--
Pricing: Anthropic cache writes split by TTL (usage.cache_creation) bill 1-hour writes at the 1-hour rate, the rest at the 5-minute rate
--FILE--
<?php
use Spectra\Spectra;
$message = [
    'id' => 'msg_01Aq9w938a90dw8q', 'type' => 'message', 'role' => 'assistant', 'model' => 'claude-sonnet-4-5-20250929',
    'content' => [['type' => 'text', 'text' => 'Done.']], 'stop_reason' => 'end_turn', 'stop_sequence' => null,
    'usage' => [
        'input_tokens' => 50, 'cache_read_input_tokens' => 1000, 'cache_creation_input_tokens' => 300,
        'cache_creation' => ['ephemeral_5m_input_tokens' => 100, 'ephemeral_1h_input_tokens' => 200],
        'output_tokens' => 100, 'service_tier' => 'standard',
    ],
];
$r = Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-sonnet-4-5-20250929'), $message);
// claude-sonnet-4-5-20250929 standard, cents per 1M: input 300, cache read 30, 5m write 375, 1h write 600, output 1500
// prompt = (50*300 + 1000*30 + 100*375 + 200*600) / 1e6 = (15000 + 30000 + 37500 + 120000) / 1e6 = 0.2025
// completion = 100*1500 / 1e6 = 0.15 ; total 0.3525
var_dump($r['prompt_tokens'], $r['cache_write_tokens'], round($r['prompt_cost'], 10), round($r['completion_cost'], 10), round($r['total_cost_in_cents'], 10));
// Without the split every write is a 5-minute one: (15000 + 30000 + 300*375) / 1e6 = 0.1575 ; total 0.3075
unset($message['usage']['cache_creation']);
$r = Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-sonnet-4-5-20250929'), $message);
var_dump(round($r['total_cost_in_cents'], 10));
?>
--EXPECT--
int(1350)
int(300)
float(0.2025)
float(0.15)
float(0.3525)
float(0.3075)
