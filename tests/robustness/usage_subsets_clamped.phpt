--TEST--
Token subsets larger than their totals are clamped before pricing (cached <= prompt, cache writes <= prompt - cached, reasoning <= completion), so the record, its cost and the span agree
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });
function show(array $r): void
{
    foreach (['prompt_tokens', 'cached_tokens', 'cache_write_tokens', 'completion_tokens', 'reasoning_tokens', 'total_tokens', 'total_cost_in_cents'] as $key) {
        echo "$key=", var_export($r[$key], true), ' ';
    }
    echo "\n";
}

// from the response: 150 cached of 100 prompt tokens, 40 reasoning of 10 output tokens
Spectra::track('openai', 'gpt-4o-mini', fn () => ['object' => 'chat.completion', 'choices' => [['message' => ['content' => 'x'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 10, 'prompt_tokens_details' => ['cached_tokens' => 150],
        'completion_tokens_details' => ['reasoning_tokens' => 40]]]);
show(array_pop($records)); // 100 x 7.5 / 1e6 + 10 x 60 / 1e6

// from the caller: cache writes beyond what is left after the cache reads
$ctx = Spectra::startRequest('anthropic', 'claude-haiku-4-5-20251001');
show(Spectra::recordSuccess($ctx, null, ['prompt_tokens' => 100, 'cached_tokens' => 60, 'cache_write_tokens' => 90, 'completion_tokens' => 5]));
array_pop($records);

// consistent counts are left alone
$ctx = Spectra::startRequest('openai', 'gpt-4o-mini');
$ctx->setUsage(['prompt_tokens' => 100, 'cached_tokens' => 20, 'completion_tokens' => 50, 'reasoning_tokens' => 50]);
show(Spectra::recordSuccess($ctx));
?>
--EXPECTF--
span chat gpt-4o-mini %s gen_ai.usage.input_tokens=100 gen_ai.usage.output_tokens=10 gen_ai.usage.cache_read.input_tokens=100 gen_ai.usage.reasoning.output_tokens=10 %s
prompt_tokens=100 cached_tokens=100 cache_write_tokens=0 completion_tokens=10 reasoning_tokens=10 total_tokens=110 total_cost_in_cents=0.00135 
span %s gen_ai.usage.input_tokens=100 gen_ai.usage.output_tokens=5 gen_ai.usage.cache_read.input_tokens=60 gen_ai.usage.cache_creation.input_tokens=40 %s
prompt_tokens=100 cached_tokens=60 cache_write_tokens=40 completion_tokens=5 reasoning_tokens=0 total_tokens=105 total_cost_in_cents=%f 
span chat gpt-4o-mini %s
prompt_tokens=100 cached_tokens=20 cache_write_tokens=0 completion_tokens=50 reasoning_tokens=50 total_tokens=150 total_cost_in_cents=0.00435 
