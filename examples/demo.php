<?php
// ext-spectra demo: track one chat completion against the local mock provider and show
// the record your listeners receive. The span goes to stderr through the console exporter.
use Spectra\Spectra;
use Spectra\Events\RequestTracked;

$baseUrl = getenv('MOCK_PROVIDER_URL') ?: 'http://127.0.0.1:8089';

function post_json(string $url, array $payload): string
{
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nAuthorization: Bearer sk-demo\r\n",
        'content' => json_encode($payload),
        'ignore_errors' => true,
        'timeout' => 5,
    ]]);
    return (string) file_get_contents($url, false, $context);
}

Spectra::listen(function (RequestTracked $event) {
    $r = $event->request;
    printf("tracked %s %s -> %s\n", $r['provider'], $r['model'], $r['snapshot'] ?? $r['model']);
    printf("  tokens   %d in / %d out (total %d)\n", $r['prompt_tokens'], $r['completion_tokens'], $r['total_tokens']);
    printf("  cost     %.6f cents (%s tier, known: %s)\n", $r['total_cost_in_cents'], $r['pricing_tier'], $r['cost_known'] ? 'yes' : 'no');
    printf("  latency  %d ms, status %d, finish %s\n", $r['latency_ms'], $r['status_code'], $r['finish_reason']);
    printf("  trace    %s span %s\n", $r['trace_id'], $r['span_id']);
});

Spectra::addGlobalTags(['demo']);
$answer = Spectra::track('openai', 'gpt-4o-mini', fn () => post_json("$baseUrl/v1/chat/completions", [
    'model' => 'gpt-4o-mini',
    'messages' => [['role' => 'user', 'content' => 'Say hello to the ext-spectra demo in one short sentence']],
]), ['url' => "$baseUrl/v1/chat/completions", 'metadata' => ['feature' => 'quickstart']]);

echo 'answer: ', json_decode($answer, true)['choices'][0]['message']['content'] ?? '(none)', "\n";
echo "(the span printed on stderr is what an OTLP collector would receive)\n";
