--TEST--
http/json and http/protobuf carry the same span (hex ids, int64 as strings, enums as ints), gzip when configured
--SKIPIF--
<?php require __DIR__ . '/export.inc'; if (!node_decoder_available()) die('skip node decoder not installed'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$code = <<<'PHP'
use Spectra\Spectra;
Spectra::withTraceId('0af7651916cd43dd8448eb211c80319c');
Spectra::track('google', 'gemini-2.5-flash', fn () => ['candidates' => [['content' => ['parts' => [['text' => 'ok']], 'role' => 'model'], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 10, 'candidatesTokenCount' => 5, 'thoughtsTokenCount' => 7, 'totalTokenCount' => 22],
    'modelVersion' => 'gemini-2.5-flash', 'responseId' => 'r-1'], ['conversation_id' => 'conv-9', 'stream' => true, 'time_to_first_token_ms' => 250]);
PHP;
$base = ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url']];
spectra_child($code, $base + ['spectra.otel.protocol' => 'http/protobuf']);
spectra_child($code, $base + ['spectra.otel.protocol' => 'http/json', 'spectra.otel.compression' => 'gzip']);
receiver_wait($receiver, 2);
$bodies = receiver_bodies($receiver['dir']);
$headers = receiver_headers($receiver['dir']);
echo $headers[0]['content-type'], ' ', $headers[1]['content-type'], ' ', $headers[1]['content-encoding'], "\n";
var_dump($headers[1]['raw_bytes'] < $headers[1]['bytes']);
$fromProto = otlp_spans(otlp_decode($bodies[0]))[0];
$json = json_decode($bodies[1], true);
$fromJson = otlp_spans($json)[0];
var_dump(is_string($fromJson['startTimeUnixNano']), is_int($fromJson['kind']), $fromJson['traceId']);
foreach (['traceId', 'name', 'kind'] as $field) {
    var_dump($fromProto[$field] === $fromJson[$field]);
}
$pa = otlp_attributes($fromProto['attributes']);
$ja = otlp_attributes($fromJson['attributes']);
ksort($pa); ksort($ja);
var_dump($pa === $ja);
$shown = array_intersect_key($ja, array_flip(['gen_ai.provider.name', 'gen_ai.operation.name', 'gen_ai.usage.output_tokens',
    'gen_ai.usage.reasoning.output_tokens', 'gen_ai.conversation.id', 'gen_ai.request.stream', 'gen_ai.response.time_to_first_chunk']));
ksort($shown);
echo json_encode($shown), "\n";
// gemini-2.5-flash: in 30, out 250 cents/1M. thoughts billed as output: 10*30/1e6 + 12*250/1e6 = 0.0003 + 0.003
printf("%.4f\n", $ja['spectra.cost.total_cents']);
?>
--EXPECT--
application/x-protobuf application/json gzip
bool(true)
bool(true)
bool(true)
string(32) "0af7651916cd43dd8448eb211c80319c"
bool(true)
bool(true)
bool(true)
bool(true)
{"gen_ai.conversation.id":"conv-9","gen_ai.operation.name":"generate_content","gen_ai.provider.name":"gcp.gemini","gen_ai.request.stream":true,"gen_ai.response.time_to_first_chunk":0.25,"gen_ai.usage.output_tokens":12,"gen_ai.usage.reasoning.output_tokens":7}
0.0033
