--TEST--
spectra.span_compat=1 adds Spectra's legacy keys; spectra.otel.span_builder names a class autoloaded on first use; a bad class name warns and falls back
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$usage = "fn () => ['id' => 'chatcmpl-7', 'object' => 'chat.completion', 'model' => 'gpt-4o', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'x'], 'finish_reason' => 'length']], 'usage' => ['prompt_tokens' => 10, 'completion_tokens' => 20, 'completion_tokens_details' => ['reasoning_tokens' => 5]]]";
$ini = ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json'];
spectra_child("Spectra\\Spectra::track('openai', 'gpt-4o', $usage);", $ini + ['spectra.span_compat' => 1]);
$r = spectra_child(<<<PHP
spl_autoload_register(function (\$class) {
    echo "autoload \$class\\n";
    if (\$class === 'Acme\\\\Tracing\\\\Builder') {
        eval('namespace Acme\\\\Tracing; class Builder extends \\\\Spectra\\\\Integrations\\\\OpenTelemetry\\\\DefaultSpanBuilder {
            protected function attributes(array \$d): array { return array_merge(parent::attributes(\$d), [["key" => "acme.team", "value" => ["stringValue" => "search"]]]); } }');
    }
});
Spectra\\Spectra::track('openai', 'gpt-4o', $usage);
Spectra\\Spectra::track('openai', 'gpt-4o', $usage);
PHP, $ini + ['spectra.otel.span_builder' => 'Acme\\Tracing\\Builder']);
echo $r['stdout'], $r['stderr'];
$r = spectra_child("Spectra\\Spectra::track('openai', 'gpt-4o', $usage);", $ini + ['spectra.otel.span_builder' => 'No\\Such\\Builder']);
echo preg_replace('/ in \S+ on line \d+/', '', $r['stderr']);
receiver_wait($receiver, 3);
$spans = [];
foreach (receiver_bodies($receiver['dir']) as $body) {
    $spans = array_merge($spans, otlp_spans(json_decode($body, true)));
}
$compat = otlp_attributes($spans[0]['attributes']);
foreach (['gen_ai.system', 'gen_ai.usage.prompt_tokens', 'gen_ai.usage.completion_tokens', 'gen_ai.usage.total_tokens', 'gen_ai.response.finish_reason',
          'gen_ai.usage.reasoning_tokens', 'http.response.status_code', 'gen_ai.usage.input_tokens', 'gen_ai.usage.reasoning.output_tokens'] as $key) {
    echo $key, '=', json_encode($compat[$key] ?? 'MISSING'), "\n";
}
echo 'spectra.cost_cents present: ', isset($compat['spectra.cost_cents']) ? 'yes' : 'no', "\n";
$custom = otlp_attributes($spans[1]['attributes']);
echo count($spans), ' spans; custom builder: acme.team=', $custom['acme.team'] ?? 'MISSING', ' native kept=', isset($custom['gen_ai.usage.input_tokens']) ? 'yes' : 'no',
    ' legacy absent=', isset($custom['gen_ai.system']) ? 'no' : 'yes', "\n";
echo 'second span also custom: ', isset(otlp_attributes($spans[2]['attributes'])['acme.team']) ? 'yes' : 'no', "\n";
echo 'fallback span native: ', otlp_attributes($spans[3]['attributes'])['gen_ai.provider.name'] ?? 'MISSING', "\n";
?>
--EXPECT--
autoload Acme\Tracing\Builder
Warning: Spectra\Spectra::track(): Spectra: spectra.otel.span_builder "No\Such\Builder" is not a class implementing Spectra\Contracts\SpanBuilder; the native span builder is used
gen_ai.system="openai"
gen_ai.usage.prompt_tokens=10
gen_ai.usage.completion_tokens=20
gen_ai.usage.total_tokens=30
gen_ai.response.finish_reason="length"
gen_ai.usage.reasoning_tokens=5
http.response.status_code=200
gen_ai.usage.input_tokens=10
gen_ai.usage.reasoning.output_tokens=5
spectra.cost_cents present: yes
4 spans; custom builder: acme.team=search native kept=yes legacy absent=yes
second span also custom: yes
fallback span native: openai
