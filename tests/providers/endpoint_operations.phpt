--TEST--
The endpoint (url or endpoint option) names the operation and model type: an image generation, edit, transcription, translation or speech call is not a "chat"; OpenAI Images and audio transcription responses give image counts, durations and token usage, priced from the catalog
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });
function show(array $r): void
{
    printf("%s %s model_type=%s images=%s seconds=%s tokens=%d/%d cents=%s known=%s\n", $r['operation'], $r['model'], $r['model_type'],
        var_export($r['image_count'] ?? null, true), var_export($r['duration_seconds'] ?? null, true),
        $r['prompt_tokens'], $r['completion_tokens'], var_export(round($r['total_cost_in_cents'], 6), true), var_export($r['cost_known'], true));
}

// OpenAI Images API, dall-e-3 (documented response: created + data[] of url/revised_prompt); 4 cents an image
$dalle = ['created' => 1713833628, 'data' => [['url' => 'https://example.invalid/img.png', 'revised_prompt' => 'A cat']]];
Spectra::track('openai', 'dall-e-3', fn () => $dalle, ['url' => 'https://api.openai.com/v1/images/generations']);
show(end($records));
// the same shape without any URL: recognised by its shape
Spectra::track('openai', 'dall-e-3', fn () => ['created' => 1, 'data' => [['b64_json' => 'AAAA'], ['b64_json' => 'BBBB']]]);
show(end($records));
// an edit, gpt-image-1 with token usage (catalog: text input 5 $/1M, image input 10 $/1M, output, which is
// image tokens, 40 $/1M): 50*500/1e6 + 50*1000/1e6 + 4160*4000/1e6 = 0.025 + 0.05 + 16.64 = 16.715 cents
Spectra::track('openai', 'gpt-image-1', fn () => ['created' => 1, 'data' => [['b64_json' => 'AAAA']],
    'usage' => ['total_tokens' => 4260, 'input_tokens' => 100, 'output_tokens' => 4160, 'input_tokens_details' => ['text_tokens' => 50, 'image_tokens' => 50]]],
    ['url' => 'https://api.openai.com/v1/images/edits']);
show(end($records));
// whisper-1 verbose_json: 8.47 s at 0.6 cents a minute = 0.0847 cents
Spectra::track('openai', 'whisper-1', fn () => ['task' => 'transcribe', 'language' => 'english', 'duration' => 8.47, 'text' => 'Hello there.'],
    ['url' => 'https://api.openai.com/v1/audio/transcriptions']);
show(end($records));
// whisper-1 json with usage of type duration (3 s -> 0.03 cents), as a translation
Spectra::track('openai', 'whisper-1', fn () => ['text' => 'Hello.', 'usage' => ['type' => 'duration', 'seconds' => 3]],
    ['url' => 'https://api.openai.com/v1/audio/translations']);
show(end($records));
// speech returns audio bytes: nothing to read, still a "speech" call
Spectra::track('openai', 'tts-1', fn () => "\xff\xf3\x44\xc4 mp3 bytes", ['endpoint' => '/v1/audio/speech']);
echo end($records)['operation'], ' ', end($records)['model_type'], "\n";
// Azure OpenAI deployment path with api-version in the query; the operation option still wins
Spectra::track('azure', 'gpt-4o', fn () => [], ['url' => 'https://acme.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21']);
echo end($records)['operation'], ' ', end($records)['endpoint'], "\n";
Spectra::track('openai', 'gpt-4o', fn () => [], ['url' => 'https://api.openai.com/v1/chat/completions', 'operation' => 'my_op']);
echo end($records)['operation'], "\n";
?>
--EXPECTF--
span image_generation dall-e-3 %s gen_ai.operation.name="image_generation" %s
image_generation dall-e-3 model_type=image images=1 seconds=NULL tokens=0/0 cents=4.0 known=true
span image_generation dall-e-3 %s
image_generation dall-e-3 model_type=image images=2 seconds=NULL tokens=0/0 cents=8.0 known=true
span image_edit gpt-image-1 %s
image_edit gpt-image-1 model_type=image images=1 seconds=NULL tokens=100/4160 cents=16.715 known=true
span transcription whisper-1 %s
transcription whisper-1 model_type=audio images=NULL seconds=8.47 tokens=0/0 cents=0.0847 known=true
span translation whisper-1 %s
translation whisper-1 model_type=audio images=NULL seconds=3.0 tokens=0/0 cents=0.03 known=true
span speech tts-1 %s
speech audio
span chat gpt-4o %s
chat /openai/deployments/gpt4o/chat/completions
span my_op gpt-4o %s
my_op
