--TEST--
Message content over OTLP protobuf: a span with a 54 KB gen_ai.input.messages (past the one-pass writer's 16 KiB length room) and gen_ai.output.messages reaches a real receiver, and the OpenTelemetry JS decoder reads the JSON back exactly
--SKIPIF--
<?php require __DIR__ . '/../export/export.inc'; if (!node_decoder_available()) die('skip node decoder not installed (npm ci in tests/tools)'); ?>
--FILE--
<?php
require __DIR__ . '/../export/export.inc';
$receiver = receiver_start();
$result = spectra_child(<<<'PHP'
$text = str_repeat('Ünïcödé text, ', 3000); // ~54 KB: one span well over 16 KiB
Spectra\Spectra::track('openai', 'gpt-4o-mini', fn () => ['id' => 'c1', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'short answer'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 5000, 'completion_tokens' => 2, 'total_tokens' => 5002]],
    ['request' => ['messages' => [['role' => 'user', 'content' => $text]]]]);
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.capture_content' => 1,
      'spectra.capture_content_max_bytes' => 60000]);
echo 'exit ', $result['exit'], "\n", $result['stderr'];
receiver_wait($receiver, 1);
$spans = otlp_spans(otlp_decode(receiver_bodies($receiver['dir'])[0]));
$a = otlp_attributes($spans[0]['attributes']);
$input = json_decode($a['gen_ai.input.messages'], true);
echo 'input: ', strlen($a['gen_ai.input.messages']), ' bytes, the text whole: ', var_export($input[0]['parts'][0]['content'] === str_repeat('Ünïcödé text, ', 3000), true),
    "\n";
echo 'output: ', $a['gen_ai.output.messages'], "\n";
echo 'tokens still there: ', $a['gen_ai.usage.input_tokens'], "\n";
?>
--EXPECTF--
exit 0
input: %d bytes, the text whole: true
output: [{"role":"assistant","parts":[{"type":"text","content":"short answer"}],"finish_reason":"stop"}]
tokens still there: 5000
