--TEST--
Audio, image and video tokens from documented responses priced at the catalog's modality rates: OpenAI chat prompt/completion_tokens_details.audio_tokens (gpt-audio), GPT image output_tokens_details.image_tokens (gpt-image-1.5), Gemini promptTokensDetails/cacheTokensDetails/candidatesTokensDetails modality lists (audio input with a cached part, image output, TTS audio output), Perplexity citation, reasoning and search counts; bad modality entries are skipped
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    printf("%s: %s in=%d out=%d reasoning=%d cents=%s/%s/%s known=%s%s\n", $label, $record['operation'], $record['prompt_tokens'],
        $record['completion_tokens'], $record['reasoning_tokens'], var_export(round($record['prompt_cost'], 8), true),
        var_export(round($record['completion_cost'], 8), true), var_export(round($record['total_cost_in_cents'], 8), true),
        var_export($record['cost_known'], true), $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

// gpt-audio ($ per 1M: text 2.5 in / 10 out, audio 32 in / 64 out): 20 text + 100 audio in, 100 text + 500 audio out:
// in 20*2.5 + 100*32 = 3250 -> 0.325 cents; out 100*10 + 500*64 = 33000 -> 3.3 cents; 3.625
Spectra::track('openai', 'gpt-audio', fn () => fixture('openai/chat_completion_audio.json'));
show('gpt-audio');
// gpt-image-1.5 (text in 5, text out 10, image out 32): 50*5 + 100*10 + 1000*32 = 33250 -> 3.325 cents
Spectra::track('openai', 'gpt-image-1.5', fn () => fixture('openai/images_output_details.json'), ['url' => 'https://api.openai.com/v1/images/generations']);
show('gpt-image-1.5');
// gemini-2.5-flash (text in 0.3, cache read 0.03, audio in 1, cached audio 0.1, out 2.5): 3050 in of which 3000 audio,
// 1000 cached (all audio): cached audio 1000*0.1 = 100, uncached audio 2000*1 = 2000, text 50*0.3 = 15 -> 0.2115 cents;
// out 200*2.5 = 500 -> 0.05 cents; 0.2615
Spectra::track('google', 'gemini-2.5-flash', fn () => fixture('gemini/generate_content_audio_input.json'));
show('gemini audio in');
// gemini-2.5-flash-image (in 0.3, text out 2.5, image out 30): 10*0.3 = 3 -> 0.0003 cents; 20*2.5 + 1290*30 = 38750 -> 3.875
Spectra::track('google', 'gemini-2.5-flash-image', fn () => fixture('gemini/generate_content_image.json'));
show('gemini image out');
// gemini-2.5-flash-preview-tts (in 0.5, out 10, no audio rate of its own: audio output is output): 9*0.5 + 181*10 = 1814.5
// -> 0.18145 cents
Spectra::track('google', 'gemini-2.5-flash-preview-tts', fn () => fixture('gemini/generate_content_tts.json'));
show('gemini tts');
// sonar-deep-research (in 2, out 8, reasoning 3, citations 2, 5 $ per 1 000 searches): completion_tokens leaves out the
// 50000 reasoning and 10000 citation tokens (total_tokens = prompt + completion), so output = 64000:
// in 20*2 = 40 -> 0.004 cents; out 4000*8 + 50000*3 + 10000*2 = 202000 -> 20.2 cents; 20 searches = 10 cents; 30.204
Spectra::track('perplexity', 'sonar-deep-research', fn () => fixture('perplexity/chat_deep_research.json'));
show('perplexity deep research');

// bad modality entries: a numeric string counts, a negative, NaN, array or unknown modality is skipped, an entry that is
// not an object too: 1000 audio of 3050 (was 3000), all 1000 cached tokens audio: cached audio 1000*0.1 = 100, no uncached
// audio, text 2050*0.3 = 615 -> 0.0715 cents; + 0.05 out = 0.1215
$bad = fixture('gemini/generate_content_audio_input.json');
$bad['usageMetadata']['promptTokensDetails'] = [['modality' => 'TEXT', 'tokenCount' => 50], ['modality' => 'AUDIO', 'tokenCount' => '1000'],
    ['modality' => 'AUDIO', 'tokenCount' => -5], ['modality' => 'VIDEO', 'tokenCount' => NAN], ['modality' => 'IMAGE', 'tokenCount' => [1]],
    ['modality' => ['AUDIO'], 'tokenCount' => 7], ['modality' => 'SMELL', 'tokenCount' => 9], 'AUDIO', null];
$bad['usageMetadata']['cacheTokensDetails'] = [['modality' => 'AUDIO', 'tokenCount' => 1000], 'AUDIO'];
Spectra::track('google', 'gemini-2.5-flash', fn () => $bad);
show('bad entries');
// a cache breakdown that is not a list: audio input and cache reads without the cached audio are ambiguous (as in
// genai-prices): no cost rather than a guess
$ambiguous = $bad;
$ambiguous['usageMetadata']['cacheTokensDetails'] = 'AUDIO';
Spectra::track('google', 'gemini-2.5-flash', fn () => $ambiguous);
show('cache list a string');
// audio larger than the whole prompt: no cost rather than a wrong one
$bad['usageMetadata']['promptTokensDetails'] = [['modality' => 'AUDIO', 'tokenCount' => 9e15]];
Spectra::track('google', 'gemini-2.5-flash', fn () => $bad);
show('too much audio');
// OpenAI audio_tokens as a float and a string are read as counts, as a negative not at all
$audio = fixture('openai/chat_completion_audio.json');
$audio['usage']['prompt_tokens_details']['audio_tokens'] = 100.0;
$audio['usage']['completion_tokens_details']['audio_tokens'] = '500';
Spectra::track('openai', 'gpt-audio', fn () => $audio);
show('audio float/string');
$audio['usage']['completion_tokens_details']['audio_tokens'] = -500;
// out: 600 text tokens at 10 = 6000 -> 0.6 cents; 0.925
Spectra::track('openai', 'gpt-audio', fn () => $audio);
show('audio negative');
?>
--EXPECT--
gpt-audio: chat in=120 out=600 reasoning=0 cents=0.325/3.3/3.625 known=true
gpt-image-1.5: image_generation in=50 out=1100 reasoning=0 cents=0.025/3.3/3.325 known=true
gemini audio in: generate_content in=3050 out=200 reasoning=0 cents=0.2115/0.05/0.2615 known=true
gemini image out: generate_content in=10 out=1310 reasoning=0 cents=0.0003/3.875/3.8753 known=true
gemini tts: generate_content in=9 out=181 reasoning=0 cents=0.00045/0.181/0.18145 known=true
perplexity deep research: chat in=20 out=64000 reasoning=50000 cents=0.004/20.2/30.204 known=true
bad entries: generate_content in=3050 out=200 reasoning=0 cents=0.0715/0.05/0.1215 known=true
cache list a string: generate_content in=3050 out=200 reasoning=0 cents=0.0/0.0/0.0 known=false reason=inconsistent usage: cache_read_tokens and input_audio_tokens reported without cache_audio_read_tokens
too much audio: generate_content in=3050 out=200 reasoning=0 cents=0.0/0.0/0.0 known=false reason=inconsistent usage: the parts of input_tokens (9000000000000000) exceed it (3050)
audio float/string: chat in=120 out=600 reasoning=0 cents=0.325/3.3/3.625 known=true
audio negative: chat in=120 out=600 reasoning=0 cents=0.325/0.6/0.925 known=true
