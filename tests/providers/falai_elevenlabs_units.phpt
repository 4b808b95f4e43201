--TEST--
fal.ai results (images[] of File objects: image_count, priced per image; one video File: video_count) and ElevenLabs text-to-speech with timestamps (the alignment's characters: input_characters); unit counts from lists that are not lists, empty or missing
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    printf("%s: %s %s model_type=%s images=%s videos=%s characters=%s cents=%s known=%s%s\n", $label, var_export($record['operation'], true),
        $record['model'], var_export($record['model_type'], true), var_export($record['image_count'], true), var_export($record['video_count'], true),
        var_export($record['input_characters'], true), var_export(round($record['total_cost_in_cents'], 8), true), var_export($record['cost_known'], true),
        $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

// fal-ai/flux-pro/v1.1-ultra, 6 cents an image: 2 images = 12 cents
Spectra::track('falai', 'fal-ai/flux-pro/v1.1-ultra', fn () => fixture('falai/flux_pro_ultra.json'), ['url' => 'https://fal.run/fal-ai/flux-pro/v1.1-ultra']);
show('fal images');
// a video model the catalog has no price for: the video is counted, the cost is not known
Spectra::track('fal', 'fal-ai/acme-video/v1', fn () => fixture('falai/video.json'));
show('fal video');
// ElevenLabs: "Hello world." is 12 characters; the catalog has no ElevenLabs price
Spectra::track('elevenlabs', 'eleven_multilingual_v2', fn () => fixture('elevenlabs/speech_with_timestamps.json'),
    ['url' => 'https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/with-timestamps?output_format=mp3_44100_128']);
show('elevenlabs');

// bad input: images as a map with string keys is not the documented list (no fal result then), a list with a
// string in it counts what it lists, an empty list is 0, characters as a string gives no count
$fal = fixture('falai/flux_pro_ultra.json');
$fal['images'] = ['first' => $fal['images'][0]];
Spectra::track('falai', 'fal-ai/flux-pro/v1.1-ultra', fn () => $fal);
show('images keyed');
$fal = fixture('falai/flux_pro_ultra.json');
$fal['images'][] = 'not a file';
Spectra::track('falai', 'fal-ai/flux-pro/v1.1-ultra', fn () => $fal);
show('images with a string');
$eleven = fixture('elevenlabs/speech_with_timestamps.json');
$eleven['alignment']['characters'] = [];
Spectra::track('elevenlabs', 'eleven_multilingual_v2', fn () => $eleven);
show('no characters');
$eleven['alignment']['characters'] = 'Hello world.';
Spectra::track('elevenlabs', 'eleven_multilingual_v2', fn () => $eleven);
show('characters a string');
?>
--EXPECT--
fal images: 'image_generation' fal-ai/flux-pro/v1.1-ultra model_type='image' images=2 videos=NULL characters=NULL cents=12.0 known=true
fal video: 'video_generation' fal-ai/acme-video/v1 model_type='video' images=NULL videos=1 characters=NULL cents=0.0 known=false reason=model not in the price catalog
elevenlabs: 'speech' eleven_multilingual_v2 model_type='audio' images=NULL videos=NULL characters=12 cents=0.0 known=false reason=model not in the price catalog
images keyed: NULL fal-ai/flux-pro/v1.1-ultra model_type='image' images=NULL videos=NULL characters=NULL cents=0.0 known=false reason=no usage reported for fal-ai/flux-pro/v1.1-ultra
images with a string: 'image_generation' fal-ai/flux-pro/v1.1-ultra model_type='image' images=3 videos=NULL characters=NULL cents=18.0 known=true
no characters: 'speech' eleven_multilingual_v2 model_type='audio' images=NULL videos=NULL characters=0 cents=0.0 known=false reason=model not in the price catalog
characters a string: 'speech' eleven_multilingual_v2 model_type='audio' images=NULL videos=NULL characters=NULL cents=0.0 known=false reason=model not in the price catalog
