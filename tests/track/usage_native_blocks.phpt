--TEST--
recordSuccess($ctx, null, $usage) and setUsage() read a provider's own usage block with that provider's rules (Anthropic input_tokens excludes cache reads and writes, Gemini usageMetadata, Bedrock Converse, Cohere billed_units) and accept the non-token quantities (image_count, duration_seconds, input_characters, video_count); bad quantities are a ValueError naming the argument
--FILE--
<?php
use Spectra\Spectra;

function show(array $r): void
{
    printf("%s %s: in=%d cached=%d written=%d out=%d reasoning=%d images=%s seconds=%s chars=%s cents=%s known=%s\n", $r['provider'], $r['model'],
        $r['prompt_tokens'], $r['cached_tokens'], $r['cache_write_tokens'], $r['completion_tokens'], $r['reasoning_tokens'],
        var_export($r['image_count'] ?? null, true), var_export($r['duration_seconds'] ?? null, true), var_export($r['input_characters'] ?? null, true),
        var_export(round($r['total_cost_in_cents'], 8), true), var_export($r['cost_known'], true));
}
// Anthropic's block as its API returns it: input_tokens 10 are the uncached ones -> 10 + 20 + 5 = 35
show(Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-x'), null,
    ['input_tokens' => 10, 'cache_read_input_tokens' => 20, 'cache_creation_input_tokens' => 5, 'output_tokens' => 7]));
// the same keys for OpenAI are GenAI aliases: input_tokens is all the input
show(Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-x'), null, ['input_tokens' => 10, 'output_tokens' => 7]));
// Gemini usageMetadata through setUsage(): thoughts join the output
$context = Spectra::startRequest('google', 'gemini-x');
$context->setUsage(['promptTokenCount' => 100, 'candidatesTokenCount' => 40, 'thoughtsTokenCount' => 60, 'cachedContentTokenCount' => 30]);
show(Spectra::recordSuccess($context));
// Bedrock Converse usage: cache reads and writes are added to inputTokens
show(Spectra::recordSuccess(Spectra::startRequest('bedrock', 'model-x'), null,
    ['inputTokens' => 30, 'outputTokens' => 8, 'cacheReadInputTokens' => 200, 'cacheWriteInputTokens' => 100]));
// Cohere: billed units
show(Spectra::recordSuccess(Spectra::startRequest('cohere', 'command-x'), null,
    ['billed_units' => ['input_tokens' => 5, 'output_tokens' => 9], 'tokens' => ['input_tokens' => 70, 'output_tokens' => 9]]));
// unit quantities: 2 dall-e-3 images at 4 cents; 90 s of whisper-1 at 0.6 cents a minute = 0.9
show(Spectra::recordSuccess(Spectra::startRequest('openai', 'dall-e-3'), null, ['image_count' => 2]));
show(Spectra::recordSuccess(Spectra::startRequest('openai', 'whisper-1'), null, ['duration_seconds' => 90]));
show(Spectra::recordSuccess(Spectra::startRequest('elevenlabs', 'eleven-x'), null, ['input_characters' => 1200]));
foreach ([['image_count' => -1], ['duration_seconds' => 'long'], ['video_count' => 1.5e300]] as $bad) {
    try {
        Spectra::recordSuccess(Spectra::startRequest('openai', 'dall-e-3'), null, $bad);
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
anthropic claude-x: in=35 cached=20 written=5 out=7 reasoning=0 images=NULL seconds=NULL chars=NULL cents=0.0 known=false
openai gpt-x: in=10 cached=0 written=0 out=7 reasoning=0 images=NULL seconds=NULL chars=NULL cents=0.0 known=false
google gemini-x: in=100 cached=30 written=0 out=100 reasoning=60 images=NULL seconds=NULL chars=NULL cents=0.0 known=false
bedrock model-x: in=330 cached=200 written=100 out=8 reasoning=0 images=NULL seconds=NULL chars=NULL cents=0.0 known=false
cohere command-x: in=5 cached=0 written=0 out=9 reasoning=0 images=NULL seconds=NULL chars=NULL cents=0.0 known=false
openai dall-e-3: in=0 cached=0 written=0 out=0 reasoning=0 images=2 seconds=NULL chars=NULL cents=8.0 known=true
openai whisper-1: in=0 cached=0 written=0 out=0 reasoning=0 images=NULL seconds=90.0 chars=NULL cents=0.9 known=true
elevenlabs eleven-x: in=0 cached=0 written=0 out=0 reasoning=0 images=NULL seconds=NULL chars=1200 cents=0.0 known=false
ValueError: Spectra\Spectra::recordSuccess(): Argument #3 ($usage) key "image_count" must be a non-negative integer count
ValueError: Spectra\Spectra::recordSuccess(): Argument #3 ($usage) key "duration_seconds" must be a number of seconds from 0 to 1e7
ValueError: Spectra\Spectra::recordSuccess(): Argument #3 ($usage) key "video_count" must be a non-negative integer count
