--TEST--
Spectra::stream(): every provider's stream fixture, passed through whole, one byte at a time and cut at random points, gives the record the manifest expects, and the consumer gets the bytes unchanged
--FILE--
<?php
require __DIR__ . '/stream.inc';

mt_srand(20261202);
foreach (stream_manifest() as $entry) {
    $bytes = stream_bytes($entry);
    $expect = $entry['expect'];
    // a model name no catalog has: the answering model always lands in snapshot
    [$whole, $seen] = stream_through([$bytes], 'openai', 'requested-model');
    $ok = $seen === $bytes;
    [$bytewise, $seen] = stream_through(stream_pieces($bytes, 1), 'openai', 'requested-model');
    $ok = $ok && $seen === $bytes && stream_projection($bytewise) === stream_projection($whole);
    for ($run = 0; $run < 20; $run++) {
        [$cut, $seen] = stream_through(stream_pieces($bytes), 'openai', 'requested-model');
        $ok = $ok && $seen === $bytes && stream_projection($cut) === stream_projection($whole);
    }
    $r = $whole;
    $usage = ($expect['usage_seen'] ?? true)
        ? $r['prompt_tokens'] === $expect['input'] && $r['completion_tokens'] === $expect['output']
            && $r['cached_tokens'] === ($expect['cached'] ?? 0) && $r['cache_write_tokens'] === ($expect['cache_write'] ?? 0)
            && $r['reasoning_tokens'] === ($expect['reasoning'] ?? 0) && $r['usage_estimated'] === false
        : $r['completion_tokens'] === $expect['estimated_output'] && $r['usage_estimated'] === true
            && $r['cost_known'] === false;
    $finish = $expect['finish'];
    $tools = $expect['tools'] ?: null;
    $matches = $usage && $r['response_id'] === $expect['id'] && $r['snapshot'] === $expect['model']
        && $r['finish_reasons'] === $finish && $r['tool_call_counts'] == $tools
        && $r['is_failed'] === ($expect['error'] !== null) && $r['error_type'] === $expect['error']
        && $r['is_streaming'] === true;
    printf("%-34s %s %s\n", $entry['file'], $ok ? 'same every way' : 'READINGS DIFFER', $matches ? 'as expected' : 'UNEXPECTED ' . json_encode(stream_projection($r)));
}
?>
--EXPECT--
openai_chat_usage.sse              same every way as expected
openai_chat_no_usage.sse           same every way as expected
openai_chat_tools.sse              same every way as expected
openai_responses.sse               same every way as expected
anthropic_messages.sse             same every way as expected
anthropic_overloaded.sse           same every way as expected
gemini_sse.sse                     same every way as expected
gemini_array.json                  same every way as expected
ollama_chat.ndjson                 same every way as expected
cohere_chat.sse                    same every way as expected
groq_chat.sse                      same every way as expected
deepseek_reasoner.sse              same every way as expected
bedrock_converse.events.json       same every way as expected
bedrock_invoke_claude.events.json  same every way as expected
bedrock_throttled.events.json      same every way as expected
mistral_chat.sse                   same every way as expected
xai_reasoning.sse                  same every way as expected
openrouter_chat.sse                same every way as expected
openai_responses_incomplete.sse    same every way as expected
openai_responses_failed.sse        same every way as expected
