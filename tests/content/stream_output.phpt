--TEST--
spectra.capture_content=1 with Spectra::stream(): a streamed answer's text becomes gen_ai.output.messages (one assistant message with the first finish reason), for every provider's stream fixture, checked against a reader of the fixtures written here in PHP from the providers' documented event shapes; cut at a character within the byte bound; reasoning and tool arguments left out
--INI--
spectra.capture_content=1
spectra.capture_content_max_bytes=16384
spectra.otel.exporter=none
--FILE--
<?php
require __DIR__ . '/../stream/stream.inc';

/** The events of a fixture as [event name, decoded JSON], read with PHP's own JSON decoder. */
function fixture_events(array $entry): array
{
    $text = file_get_contents(STREAM_FIXTURES . '/' . $entry['file']);
    $events = [];
    if ($entry['framing'] === 'event-stream') {
        foreach (json_decode($text, true) as $message) {
            if (isset($message['bytes-of'])) {
                $events[] = [$message['bytes-of']['type'] ?? null, $message['bytes-of']];
            } elseif (isset($message['payload'], $message['event-type'])) {
                $events[] = [$message['event-type'], $message['payload']];
            }
        }
    } elseif ($entry['framing'] === 'json') {
        $whole = json_decode($text, true);
        foreach (is_array($whole) ? $whole : array_filter(array_map(fn ($l) => json_decode($l, true), explode("\n", $text))) as $e) {
            $events[] = [null, $e];
        }
    } else {
        foreach (preg_split('/\r?\n\r?\n/', $text) as $block) {
            $name = null;
            $data = [];
            foreach (preg_split('/\r?\n/', $block) as $line) {
                if (str_starts_with($line, 'event:')) {
                    $name = trim(substr($line, 6));
                } elseif (str_starts_with($line, 'data:')) {
                    $data[] = ltrim(substr($line, 5), ' ');
                }
            }
            $json = json_decode(implode("\n", $data), true);
            if (is_array($json)) {
                $events[] = [$name, $json];
            }
        }
    }
    return $events;
}

/** The visible answer of the first choice or candidate, from each provider's delta shape. */
function fixture_answer(array $entry): string
{
    $answer = '';
    foreach (fixture_events($entry) as [$name, $e]) {
        $type = $e['type'] ?? $name;
        if (($e['object'] ?? null) === 'chat.completion.chunk') {
            foreach ($e['choices'] ?? [] as $i => $choice) {
                if (($choice['index'] ?? $i) === 0) {
                    $answer .= $choice['delta']['content'] ?? '';
                }
            }
        } elseif ($type === 'response.output_text.delta') {
            $answer .= $e['delta'];
        } elseif ($type === 'content_block_delta' && ($e['delta']['type'] ?? null) === 'text_delta') {
            $answer .= $e['delta']['text'];
        } elseif (isset($e['candidates'])) {
            foreach ($e['candidates'][0]['content']['parts'] ?? [] as $part) {
                $answer .= empty($part['thought']) ? ($part['text'] ?? '') : '';
            }
        } elseif ($type === 'content-delta') {
            $answer .= $e['delta']['message']['content']['text'] ?? '';
        } elseif ($type === 'contentBlockDelta') {
            $answer .= $e['delta']['text'] ?? '';
        } elseif (array_key_exists('done', $e)) {
            $answer .= $e['message']['content'] ?? $e['response'] ?? '';
        }
    }
    return $answer;
}

foreach (stream_manifest() as $entry) {
    $bytes = stream_bytes($entry);
    [$record] = stream_through(stream_pieces($bytes, 7), 'openai', 'requested-model');
    $answer = fixture_answer($entry);
    $expected = $answer === '' ? null : [['role' => 'assistant', 'parts' => [['type' => 'text', 'content' => $answer]]]
        + ($entry['expect']['finish'] ? ['finish_reason' => $entry['expect']['finish'][0]] : [])];
    $got = $record['output_messages'] === null ? null : json_decode($record['output_messages'], true);
    printf("%-34s %s%s\n", $entry['file'], $got === $expected ? 'as read here' : 'DIFFERS ' . $record['output_messages'],
        $answer === '' ? ' (no text)' : '');
}

// an answer longer than the bound: cut at a character, marked, valid JSON within the bound
ini_set('spectra.capture_content_max_bytes', '256');
$sse = '';
for ($i = 0; $i < 200; $i++) {
    $sse .= 'data: ' . json_encode(['id' => 'c1', 'object' => 'chat.completion.chunk', 'model' => 'm',
        'choices' => [['index' => 0, 'delta' => ['content' => 'é€😀x'], 'finish_reason' => null]]]) . "\n\n";
}
$sse .= "data: [DONE]\n\n";
[$record] = stream_through([$sse], 'openai', 'gpt-4o-mini');
$json = $record['output_messages'];
$decoded = json_decode($json, true);
$text = $decoded[0]['parts'][0]['content'] ?? '';
var_dump(strlen($json) <= 256, preg_match('//u', $text) === 1, str_ends_with($text, '…'), str_starts_with($text, 'é€😀xé€😀x'));

// content capture off: no output messages from a stream
ini_set('spectra.capture_content', '0');
[$record] = stream_through([$sse], 'openai', 'gpt-4o-mini');
var_dump($record['output_messages']);
?>
--EXPECT--
openai_chat_usage.sse              as read here
openai_chat_no_usage.sse           as read here
openai_chat_tools.sse              as read here (no text)
openai_responses.sse               as read here
anthropic_messages.sse             as read here
anthropic_overloaded.sse           as read here
gemini_sse.sse                     as read here
gemini_array.json                  as read here
ollama_chat.ndjson                 as read here
cohere_chat.sse                    as read here
groq_chat.sse                      as read here
deepseek_reasoner.sse              as read here
bedrock_converse.events.json       as read here
bedrock_invoke_claude.events.json  as read here
bedrock_throttled.events.json      as read here
mistral_chat.sse                   as read here
xai_reasoning.sse                  as read here
openrouter_chat.sse                as read here
openai_responses_incomplete.sse    as read here
openai_responses_failed.sse        as read here (no text)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
