--TEST--
Anthropic server tool use: usage.server_tool_use.web_search_requests is billed per search beside the tokens (catalog: claude-3-5-haiku-latest, 0.8/4 $ per 1M tokens, 10 $ per 1 000 searches)
--FILE--
<?php
use Spectra\Spectra;
$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
// the Messages API response with a server tool use, as Anthropic documents it for web search
Spectra::track('anthropic', 'claude-3-5-haiku-latest', fn () => [
    'id' => 'msg_01', 'type' => 'message', 'role' => 'assistant', 'model' => 'claude-3-5-haiku-latest',
    'content' => [
        ['type' => 'server_tool_use', 'id' => 'srvtoolu_01', 'name' => 'web_search', 'input' => ['query' => 'php observability']],
        ['type' => 'web_search_tool_result', 'tool_use_id' => 'srvtoolu_01', 'content' => []],
        ['type' => 'text', 'text' => 'Here is what I found.'],
    ],
    'stop_reason' => 'end_turn',
    'usage' => ['input_tokens' => 1000, 'output_tokens' => 1000, 'server_tool_use' => ['web_search_requests' => 2]],
]);
// 1000 * 0.8 $/1M = 0.08 cents; 1000 * 4 $/1M = 0.4 cents; 2 searches * 10 $/1000 = 2 cents -> 2.48
printf("cents=%s known=%s tool_calls=%s\n", round($record['total_cost_in_cents'], 8), var_export($record['cost_known'], true),
    json_encode($record['tool_call_counts']));
?>
--EXPECT--
cents=2.48 known=true tool_calls={"server_tool_use":1}
