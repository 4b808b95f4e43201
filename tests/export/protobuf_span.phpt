--TEST--
after_response: the request's spans reach a real OTLP/HTTP receiver as protobuf that the OpenTelemetry JS decoder reads back field by field
--SKIPIF--
<?php require __DIR__ . '/export.inc'; if (!node_decoder_available()) die('skip node decoder not installed (npm ci in tests/tools)'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$result = spectra_child(<<<'PHP'
use Spectra\Spectra;
Spectra::addGlobalTags(['billing']);
Spectra::track('anthropic', 'claude-sonnet-4-5-20250929', fn () => [
    'id' => 'msg_01XFDUDYJgAACzvnptvVoYEL', 'type' => 'message', 'role' => 'assistant', 'model' => 'claude-sonnet-4-5-20250929',
    'content' => [['type' => 'text', 'text' => 'Hi']], 'stop_reason' => 'end_turn',
    'usage' => ['input_tokens' => 20, 'cache_read_input_tokens' => 1000, 'cache_creation_input_tokens' => 100, 'output_tokens' => 300],
], ['metadata' => ['user_id' => 77, 'plan' => "pro\xff"]]);
try {
    Spectra::track('openai', 'gpt-4o', function () { throw new RuntimeException('upstream 503'); });
} catch (RuntimeException $e) {}
echo Spectra::currentTraceId(), "\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.service_name' => 'checkout',
      'spectra.otel.resource_attributes' => 'deployment.environment.name=staging,service.name=ignored-by-precedence']);
echo "exit ", $result['exit'], "\n", $result['stderr'];
$traceId = trim($result['stdout']);
receiver_wait($receiver, 1);
$bodies = receiver_bodies($receiver['dir']);
echo count($bodies), " request(s)\n";
$headers = receiver_headers($receiver['dir'])[0];
echo $headers['content-type'], "\n", preg_match('#^ext-spectra/\d+\.\d+\.\d+#', $headers['user-agent']) ? "user-agent ok\n" : "user-agent {$headers['user-agent']}\n";
$request = otlp_decode($bodies[0]);
$resource = otlp_attributes($request['resourceSpans'][0]['resource']['attributes']);
echo $resource['service.name'], ' ', $resource['telemetry.sdk.name'], ' ', $resource['telemetry.sdk.language'], ' ', $resource['deployment.environment.name'], "\n";
echo $request['resourceSpans'][0]['scopeSpans'][0]['scope']['name'], "\n";
$spans = otlp_spans($request);
echo count($spans), " spans\n";
[$ok, $failed] = $spans;
echo $ok['name'], ' kind=', $ok['kind'], ' status=', json_encode($ok['status'] ?? null), "\n";
var_dump($ok['traceId'] === $traceId, $failed['traceId'] === $traceId, strlen($ok['spanId']), isset($ok['parentSpanId']));
var_dump((int) $ok['endTimeUnixNano'] >= (int) $ok['startTimeUnixNano'], abs((int) substr($ok['startTimeUnixNano'], 0, 10) - time()) < 60);
$a = otlp_attributes($ok['attributes']);
foreach (['gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.response.id', 'gen_ai.response.finish_reasons',
          'gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'gen_ai.usage.cache_read.input_tokens',
          'gen_ai.usage.cache_creation.input_tokens', 'server.address', 'server.port', 'spectra.tags', 'spectra.metadata.user_id',
          'spectra.metadata.plan', 'spectra.cost.currency', 'spectra.cost.known', 'spectra.pricing_tier'] as $key) {
    echo $key, ' = ', json_encode($a[$key] ?? 'MISSING', JSON_UNESCAPED_UNICODE), "\n";
}
// claude-sonnet-4-5: in 300, cache read 30, 5m write 375, out 1500 (cents/1M)
// input = 20*300/1e6 + 1000*30/1e6 + 100*375/1e6 = 0.006 + 0.03 + 0.0375 = 0.0735 ; output = 300*1500/1e6 = 0.45
printf("cost %.4f = %.4f + %.4f\n", $a['spectra.cost.total_cents'], $a['spectra.cost.input_cents'], $a['spectra.cost.output_cents']);
$f = otlp_attributes($failed['attributes']);
echo $failed['name'], ' status=', json_encode($failed['status']), ' error.type=', $f['error.type'], "\n";
?>
--EXPECT--
exit 0
1 request(s)
application/x-protobuf
user-agent ok
checkout spectra php staging
spectra
2 spans
chat claude-sonnet-4-5-20250929 kind=3 status=[]
bool(true)
bool(true)
int(16)
bool(false)
bool(true)
bool(true)
gen_ai.operation.name = "chat"
gen_ai.provider.name = "anthropic"
gen_ai.request.model = "claude-sonnet-4-5-20250929"
gen_ai.response.id = "msg_01XFDUDYJgAACzvnptvVoYEL"
gen_ai.response.finish_reasons = ["end_turn"]
gen_ai.usage.input_tokens = 1120
gen_ai.usage.output_tokens = 300
gen_ai.usage.cache_read.input_tokens = 1000
gen_ai.usage.cache_creation.input_tokens = 100
server.address = "api.anthropic.com"
server.port = 443
spectra.tags = ["billing"]
spectra.metadata.user_id = 77
spectra.metadata.plan = "pro�"
spectra.cost.currency = "USD"
spectra.cost.known = true
spectra.pricing_tier = "standard"
cost 0.5235 = 0.0735 + 0.4500
chat gpt-4o status={"message":"upstream 503","code":2} error.type=RuntimeException
