--TEST--
Decoded events read from the array itself (the array skim) give exactly the record of the full reading: every SSE fixture as arrays and as stdClass objects (which always take the full reading), and odd events whose character counts are compared exactly
--FILE--
<?php
require __DIR__ . '/stream.inc';

/** The JSON events of an SSE fixture, in order ([DONE] left out: it is not JSON). */
function sse_events(string $bytes): array
{
    preg_match_all('/^data: (.*)$/m', str_replace("\r\n", "\n", $bytes), $m);
    return array_values(array_filter($m[1], fn ($data) => $data !== '[DONE]'));
}

$same = 0;
foreach (stream_manifest() as $entry) {
    if (!str_ends_with($entry['file'], '.sse')) {
        continue;
    }
    $events = sse_events(stream_bytes($entry));
    [$arrays] = stream_through(array_map(fn ($e) => json_decode($e, true), $events), 'openai', 'requested-model');
    [$objects] = stream_through(array_map(fn ($e) => json_decode($e), $events), 'openai', 'requested-model');
    if (stream_projection($arrays) === stream_projection($objects)) {
        $same++;
    } else {
        echo $entry['file'], ": arrays ", json_encode(stream_projection($arrays)), "\n  objects ", json_encode(stream_projection($objects)), "\n";
    }
}
echo "$same SSE fixtures: the same record from arrays and from objects\n";

/* Odd events, each after a first chunk that gives the stream its id and model (so the skim
 * may take what follows). Their characters are compared exactly: each case runs with 0 to 3
 * characters of padding after it, and the estimate ceil(characters / 4) of the four runs
 * pins the count down. The reference is the same event as SSE text (read by the C skim or in
 * full, proven equal to the full reading by tests/c/test_delta_skim and the fuzz harness). */
$first = ['id' => 'chatcmpl-1', 'object' => 'chat.completion.chunk', 'model' => 'gpt-4o-2024-08-06', 'choices' => []];
$chunk = fn (array $choices, array $extra = []) => ['id' => 'chatcmpl-1', 'object' => 'chat.completion.chunk', 'created' => 1,
    'model' => 'gpt-4o-2024-08-06', 'choices' => $choices] + $extra;
$content = 'caf' . "\u{e9}" . " \u{1F600}";
$shared = ['content' => $content];
$cases = [
    'plain' => $chunk([['index' => 0, 'delta' => ['content' => $content], 'finish_reason' => null]]),
    'finish reason' => $chunk([['index' => 0, 'delta' => ['content' => 'ab'], 'finish_reason' => 'stop']]),
    'usage' => $chunk([], ['usage' => ['prompt_tokens' => 3, 'completion_tokens' => 4, 'total_tokens' => 7]]),
    'tool call' => $chunk([['index' => 0, 'delta' => ['tool_calls' => [['index' => 0, 'id' => 'call_1', 'type' => 'function', 'function' => ['name' => 'f', 'arguments' => '{"a":1}']]]]]]),
    'reasoning' => $chunk([['index' => 0, 'delta' => ['reasoning_content' => 'think hard']]]),
    'content not a string' => $chunk([['index' => 0, 'delta' => ['content' => 42]]]),
    'list delta' => $chunk([['index' => 0, 'delta' => ['abc', 'def']]]),
    'empty delta' => $chunk([['index' => 0, 'delta' => []]]),
    'root list' => [['content' => 'abc']],
    'integer keys' => [0 => 'chat.completion.chunk', 'object' => 'chat.completion.chunk', 'choices' => [['delta' => ['content' => 'abcd']]]],
    'x_groq' => $chunk([['index' => 0, 'delta' => ['content' => 'ab']]], ['x_groq' => ['id' => 'req_1']]),
    'two choices' => $chunk([['index' => 0, 'delta' => ['content' => 'ab']], ['index' => 1, 'delta' => ['content' => 'cde']]]),
    '2000 choices' => $chunk(array_fill(0, 2000, ['index' => 0, 'delta' => ['content' => 'x']])),
    'references' => (function () use ($chunk, &$shared) { $c = $chunk([['index' => 0, 'delta' => &$shared]]); return $c; })(),
    'other object' => $chunk([], ['object' => 'chat.completion']),
    'anthropic text' => ['type' => 'content_block_delta', 'index' => 0, 'delta' => ['type' => 'text_delta', 'text' => $content]],
    'anthropic json' => ['type' => 'content_block_delta', 'index' => 1, 'delta' => ['type' => 'input_json_delta', 'partial_json' => '{"city":']],
    'anthropic extra' => ['type' => 'content_block_delta', 'index' => 0, 'delta' => ['type' => 'text_delta', 'text' => 'ab', 'citation' => 'x']],
    'anthropic stop' => ['type' => 'message_delta', 'delta' => ['stop_reason' => 'end_turn'], 'usage' => ['output_tokens' => 9]],
];
$pad = fn (int $n) => 'data: ' . json_encode($chunk([['index' => 0, 'delta' => ['content' => str_repeat('p', $n)]]])) . "\n\n";
$agree = 0;
foreach ($cases as $name => $event) {
    $estimates = ['array' => [], 'text' => []];
    $records = ['array' => null, 'text' => null];
    for ($p = 0; $p < 4; $p++) {
        [$records['array']] = stream_through([$first, $event, $pad($p)], 'openai', 'gpt-4o');
        [$records['text']] = stream_through(['data: ' . json_encode($first) . "\n\n", 'data: ' . json_encode($event) . "\n\n", $pad($p)], 'openai', 'gpt-4o');
        foreach ($records as $kind => $r) {
            $estimates[$kind][] = [$r['completion_tokens'], $r['usage_estimated']];
        }
    }
    if ($estimates['array'] === $estimates['text'] && stream_projection($records['array']) === stream_projection($records['text'])) {
        $agree++;
    } else {
        echo "$name differs: ", json_encode($estimates), "\n";
    }
}
echo "$agree of ", count($cases), " odd events: the same characters and record as the same event read as text\n";
?>
--EXPECT--
15 SSE fixtures: the same record from arrays and from objects
19 of 19 odd events: the same characters and record as the same event read as text
