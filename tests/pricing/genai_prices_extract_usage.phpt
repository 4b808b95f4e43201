--TEST--
Differential extraction: every golden fixture of a provider and flavor @pydantic/genai-prices has an extractor for is read by its extractUsage and priced by its calcPrice; the tokens and the total cost (1e-9 USD) agree with the record the extension made of the same body (tests/tools/genai-prices-extract.mjs)
--SKIPIF--
<?php
if (!shell_exec('command -v node')) { die('skip node is not installed'); }
if (!is_dir(__DIR__ . '/../tools/node_modules/@pydantic/genai-prices')) { die("skip run 'npm ci' in tests/tools first"); }
?>
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
// [genai-prices provider id, its api_flavor, our provider name, requested model, fixture, track() options, documented
// disagreement]; the requested model is the one the fixture's model answered for (so that both sides price the same
// id). The package has no service tiers, so a fixture answered at the flex tier is compared at the standard one; and
// deepseek-chat's price depends on the time of day, so its fixture is priced as the flat-priced deepseek-v3.1-terminus.
$cases = [
    ['openai', 'chat', 'openai', 'gpt-4o-mini', 'openai/chat_completion.json'],
    ['openai', 'chat', 'openai', 'gpt-audio', 'openai/chat_completion_audio.json'],
    ['openai', 'chat', 'openai', 'gpt-4.1-mini', 'openai/chat_completion_multiple_choices.json'],
    ['openai', 'chat', 'openai', 'o4-mini', 'openai/chat_completion_reasoning.json'],
    ['openai', 'chat', 'openai', 'gpt-4o', 'openai/chat_completion_tool_calls.json'],
    ['openai', 'embeddings', 'openai', 'text-embedding-3-small', 'openai/embeddings.json'],
    ['openai', 'responses', 'openai', 'o4-mini', 'openai/responses.json'],
    ['openai', 'responses', 'openai', 'gpt-5-mini', 'openai/responses_incomplete.json', ['pricing_tier' => 'standard']],
    ['anthropic', 'default', 'anthropic', 'claude-sonnet-4-5', 'anthropic/message.json'],
    ['anthropic', 'default', 'anthropic', 'claude-sonnet-4-5', 'anthropic/message_cache.json'],
    ['anthropic', 'default', 'anthropic', 'claude-sonnet-4-5', 'anthropic/message_tool_use.json'],
    ['google', 'default', 'google', 'gemini-2.0-flash', 'gemini/generate_content.json'],
    ['google', 'default', 'google', 'gemini-2.5-flash', 'gemini/generate_content_audio_input.json'],
    ['google', 'default', 'google', 'gemini-2.5-pro', 'gemini/generate_content_function_call.json'],
    ['google', 'default', 'google', 'gemini-2.5-flash-image', 'gemini/generate_content_image.json'],
    ['google', 'default', 'google', 'gemini-2.5-flash', 'gemini/generate_content_thinking.json'],
    ['google', 'default', 'google', 'gemini-2.5-flash-preview-tts', 'gemini/generate_content_tts.json'],
    ['deepseek', 'chat', 'deepseek', 'deepseek-v3.1-terminus', 'deepseek/chat_cache_hit.json', [],
        'DeepSeek documents its cache hits as usage.prompt_cache_hit_tokens (read by the extension); the package reads only '
        . 'prompt_tokens_details.cached_tokens, 0 in this response, and so prices the 640 hits as uncached input'],
    ['x-ai', 'chat', 'xai', 'grok-3-mini', 'xai/chat_reasoning.json'],
    ['mistral', 'ocr', 'mistral', 'mistral-ocr-2512', 'mistral/ocr.json'],
    ['mistral', 'ocr_annotated', 'mistral', 'mistral-ocr-2512', 'mistral/ocr_annotated.json'],
    ['perplexity', 'default', 'perplexity', 'sonar-deep-research', 'perplexity/chat_deep_research.json'],
    ['fireworks', 'chat', 'fireworks', 'accounts/fireworks/models/gpt-oss-120b', 'fireworks/chat_completion_cached.json'],
];
$out = [];
foreach ($cases as $case) {
    [$theirs, $flavor, $ours, $model, $fixture] = $case;
    $body = json_decode(file_get_contents(__DIR__ . "/../fixtures/$fixture"), true);
    Spectra::track($ours, $model, fn () => $body, $case[5] ?? []);
    $out[] = ['provider' => $theirs, 'flavor' => $flavor, 'model' => $model, 'fixture' => $fixture, 'body' => $body, 'documented' => $case[6] ?? null,
        'start_ms' => (int) ($record['started_at']->format('U.u') * 1000),
        'record' => ['prompt_tokens' => $record['prompt_tokens'], 'completion_tokens' => $record['completion_tokens'],
            'cached_tokens' => $record['cached_tokens'], 'cache_write_tokens' => $record['cache_write_tokens'],
            'reasoning_tokens' => $record['reasoning_tokens'], 'cents' => $record['total_cost_in_cents'], 'cost_known' => $record['cost_known']]];
}
$file = tempnam(sys_get_temp_dir(), 'spectra-extract');
file_put_contents($file, json_encode($out));
$root = dirname(__DIR__, 2);
passthru('node ' . escapeshellarg("$root/tests/tools/genai-prices-extract.mjs") . ' ' . escapeshellarg("$root/data/genai-prices/SOURCE") . ' ' . escapeshellarg($file) . ' 2>&1', $status);
unlink($file);
echo "exit $status\n";
?>
--EXPECT--
DOCUMENTED deepseek/chat_cache_hit.json: cache_read_tokens 0 vs cached_tokens 640; cost: 0.02795 vs 0.01899 cents: DeepSeek documents its cache hits as usage.prompt_cache_hit_tokens (read by the extension); the package reads only prompt_tokens_details.cached_tokens, 0 in this response, and so prices the 640 hits as uncached input
23 passed, 0 failed (@pydantic/genai-prices 0.1.8 extractUsage)
exit 0
