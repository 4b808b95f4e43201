--TEST--
Mistral OCR usage_info.pages_processed billed per page (a document annotation at the annotation rate), Mistral transcription usage.prompt_audio_seconds, Groq Whisper verbose_json duration with its 10-second minimum, Gemini embedContent/batchEmbedContents recognised as embeddings (no usage in the response: no silent zero); page counts as strings, floats, negatives, NaN, huge and arrays
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    printf("%s: %s %s model_type=%s seconds=%s tokens=%d/%d cents=%s known=%s%s\n", $label, $record['operation'], $record['model'],
        $record['model_type'], var_export($record['duration_seconds'], true), $record['prompt_tokens'], $record['completion_tokens'],
        var_export(round($record['total_cost_in_cents'], 8), true), var_export($record['cost_known'], true),
        $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

// mistral-ocr-2512: 2 $ per 1 000 pages: 3 pages = 0.006 $ = 0.6 cents
Spectra::track('mistral', 'mistral-ocr-2512', fn () => fixture('mistral/ocr.json'), ['url' => 'https://api.mistral.ai/v1/ocr']);
show('ocr');
// with a document annotation the 3 pages are annotated pages, 3 $ per 1 000: 0.9 cents
Spectra::track('mistral', 'mistral-ocr-2512', fn () => fixture('mistral/ocr_annotated.json'));
show('ocr annotated');
// voxtral-mini-latest, 0.003 $ a minute: 203 s = 203/60*0.3 = 1.015 cents (its tokens are not what is billed)
Spectra::track('mistral', 'voxtral-mini-latest', fn () => fixture('mistral/transcription.json'), ['url' => 'https://api.mistral.ai/v1/audio/transcriptions']);
show('mistral transcription');
// Groq whisper-large-v3-turbo, 0.04 $ an hour, at least 10 s billed: 4.2 s -> 10/3600*4 = 0.01111111 cents
Spectra::track('groq', 'whisper-large-v3-turbo', fn () => fixture('groq/transcription_verbose.json'), ['url' => 'https://api.groq.com/openai/v1/audio/transcriptions']);
show('groq whisper');
// whisper-large-v3, 0.111 $ an hour: 30.5 s -> 30.5/3600*11.1 = 0.09404167 cents
$long = fixture('groq/transcription_verbose.json');
$long['duration'] = 30.5;
Spectra::track('groq', 'whisper-large-v3', fn () => $long);
show('groq whisper 30.5 s');
// Gemini embeddings: the vectors only; a known model without usage is not a known 0
Spectra::track('google', 'gemini-embedding-001', fn () => fixture('gemini/embed_content.json'));
show('gemini embedContent');
Spectra::track('google', 'gemini-embedding-001', fn () => fixture('gemini/batch_embed_contents.json'),
    ['url' => 'https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents']);
show('gemini batchEmbedContents');

// bad page counts: a numeric string is a count, a float is cut to whole pages, the rest reads as no quantity
foreach (['string' => '3', 'float' => 3.9, 'negative' => -3, 'NaN' => NAN, 'huge' => 1e300, 'array' => [3], 'null' => null] as $label => $pages) {
    $ocr = fixture('mistral/ocr.json');
    $ocr['usage_info']['pages_processed'] = $pages;
    Spectra::track('mistral', 'mistral-ocr-2512', fn () => $ocr);
    show("pages $label");
}
// bad audio seconds: the duration is not read, so the model's quantity is missing
$bad = fixture('mistral/transcription.json');
$bad['usage']['prompt_audio_seconds'] = '203';
Spectra::track('mistral', 'voxtral-mini-latest', fn () => $bad);
show('seconds string');
?>
--EXPECTF--
span ocr mistral-ocr-2512 %s gen_ai.operation.name="ocr" %s
ocr: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.6 known=true
span ocr mistral-ocr-2512 %s
ocr annotated: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.9 known=true
span transcription voxtral-mini-latest %s
mistral transcription: transcription voxtral-mini-latest model_type=audio seconds=203.0 tokens=4/635 cents=1.015 known=true
span transcription whisper-large-v3-turbo %s
groq whisper: transcription whisper-large-v3-turbo model_type=audio seconds=4.2 tokens=0/0 cents=0.01111111 known=true
span transcription whisper-large-v3 %s
groq whisper 30.5 s: transcription whisper-large-v3 model_type=audio seconds=30.5 tokens=0/0 cents=0.09404167 known=true
span embeddings gemini-embedding-001 %s
gemini embedContent: embeddings gemini-embedding-001 model_type=embedding seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for gemini-embedding-001
span embeddings gemini-embedding-001 %s
gemini batchEmbedContents: embeddings gemini-embedding-001 model_type=embedding seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for gemini-embedding-001
span ocr mistral-ocr-2512 %s
pages string: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.6 known=true
span ocr mistral-ocr-2512 %s
pages float: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.6 known=true
span ocr mistral-ocr-2512 %s
pages negative: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for mistral-ocr-2512
span ocr mistral-ocr-2512 %s
pages NaN: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for mistral-ocr-2512
span ocr mistral-ocr-2512 %s
pages huge: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for mistral-ocr-2512
span ocr mistral-ocr-2512 %s
pages array: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for mistral-ocr-2512
span ocr mistral-ocr-2512 %s
pages null: ocr mistral-ocr-2512 model_type=ocr seconds=NULL tokens=0/0 cents=0.0 known=false reason=no usage reported for mistral-ocr-2512
span transcription voxtral-mini-latest %s
seconds string: transcription voxtral-mini-latest model_type=audio seconds=NULL tokens=4/635 cents=0.0 known=false reason=voxtral-mini-2602 is priced by input_audio_seconds, audio_seconds, none of which was reported
