--TEST--
Replicate predictions: a succeeded prediction of an image model counts the files its output lists (a list of URLs, or one URL), priced per image; a video file is a video; a language model's text pieces are not files; failed and canceled predictions are failures with Replicate's error; a prediction still starting or processing has produced no file (0 images, 0 videos: a known 0); bad outputs
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    printf("%s: id=%s images=%s videos=%s finish=%s cents=%s known=%s failed=%s error=%s%s\n", $label, var_export($record['response_id'], true),
        var_export($record['image_count'], true), var_export($record['video_count'], true), json_encode($record['finish_reasons']),
        var_export(round($record['total_cost_in_cents'], 8), true), var_export($record['cost_known'], true), var_export($record['is_failed'], true),
        var_export($record['error_type'], true), $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

// flux-schnell, 0.3 cents an image: 4 images = 1.2 cents
Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => fixture('replicate/prediction_flux_schnell.json'));
show('flux-schnell');
// flux-1.1-pro answers one URL: 4 cents
Spectra::track('replicate', 'black-forest-labs/flux-1.1-pro', fn () => fixture('replicate/prediction_flux_pro.json'));
show('flux-1.1-pro');
// a language model streams text pieces: no files, and the catalog has no price for it
Spectra::track('replicate', 'meta/meta-llama-3-8b-instruct', fn () => fixture('replicate/prediction_llm.json'));
show('llm');
Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => fixture('replicate/prediction_failed.json'));
show('failed');
echo $record['error_message'], "\n";
$canceled = fixture('replicate/prediction_failed.json');
$canceled['status'] = 'canceled';
$canceled['error'] = null;
Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => $canceled);
show('canceled');
// still processing: no file produced yet, a known 0 (billed once, when it has succeeded)
Spectra::track('replicate', 'wavespeedai/wan-2.1-i2v-480p', fn () => fixture('replicate/prediction_processing.json'));
show('processing');
// the same prediction done: one .mp4 is a video; the model is priced per second of video (9 cents), which the caller
// gives: 5 s = 45 cents
$done = fixture('replicate/prediction_processing.json');
$done['status'] = 'succeeded';
$done['output'] = 'https://replicate.delivery/yhqm/c3/output.mp4';
$context = Spectra::startRequest('replicate', 'wavespeedai/wan-2.1-i2v-480p');
$record = Spectra::recordSuccess($context, $done, ['duration_seconds' => 5]);
show('video, 5 s');

// bad outputs: a list mixing a file and a number, a URL without https, an empty list are no files; an object of files
// counts them; a query string does not make a video; a huge list of files
foreach (['mixed' => ['https://replicate.delivery/x/out-0.png', 7], 'http' => 'http://example.invalid/out.png', 'empty' => [],
    'object' => ['url' => 'https://replicate.delivery/x/out-0.png'], 'query' => ['https://replicate.delivery/x/out.mp4?sig=1', 'https://replicate.delivery/x/out.png?v=.mp4']] as $label => $output) {
    $bad = fixture('replicate/prediction_flux_schnell.json');
    $bad['output'] = $output;
    Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => $bad);
    show("output $label");
}
$bad = fixture('replicate/prediction_flux_schnell.json');
$bad['output'] = array_fill(0, 100000, 'https://replicate.delivery/x/out.webp');
Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => $bad);
show('100 000 files');
$bad['status'] = ['succeeded'];
Spectra::track('replicate', 'black-forest-labs/flux-schnell', fn () => $bad);
show('status an array');
?>
--EXPECT--
flux-schnell: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=4 videos=NULL finish=["succeeded"] cents=1.2 known=true failed=false error=NULL
flux-1.1-pro: id='z1x3c5v7b9n1m3a5s7d9f1g3h5' images=1 videos=NULL finish=["succeeded"] cents=4.0 known=true failed=false error=NULL
llm: id='m4n6b8v0c2x4z6l8k0j2h4g6f8' images=NULL videos=NULL finish=["succeeded"] cents=0.0 known=false failed=false error=NULL reason=model not in the price catalog
failed: id='f5d7s9a1p3o5i7u9y1t3r5e7w9' images=NULL videos=NULL finish=[] cents=0.0 known=true failed=true error='prediction_failed'
Prediction input failed validation: prompt: String should have at least 1 character
canceled: id='f5d7s9a1p3o5i7u9y1t3r5e7w9' images=NULL videos=NULL finish=[] cents=0.0 known=true failed=true error='prediction_canceled'
processing: id='p0o9i8u7y6t5r4e3w2q1a2s3d4' images=0 videos=0 finish=["processing"] cents=0.0 known=true failed=false error=NULL
video, 5 s: id='p0o9i8u7y6t5r4e3w2q1a2s3d4' images=NULL videos=1 finish=["succeeded"] cents=45.0 known=true failed=false error=NULL
output mixed: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=NULL videos=NULL finish=["succeeded"] cents=0.0 known=false failed=false error=NULL reason=black-forest-labs/flux-schnell is priced by output_images, none of which was reported
output http: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=NULL videos=NULL finish=["succeeded"] cents=0.0 known=false failed=false error=NULL reason=black-forest-labs/flux-schnell is priced by output_images, none of which was reported
output empty: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=NULL videos=NULL finish=["succeeded"] cents=0.0 known=false failed=false error=NULL reason=black-forest-labs/flux-schnell is priced by output_images, none of which was reported
output object: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=1 videos=NULL finish=["succeeded"] cents=0.3 known=true failed=false error=NULL
output query: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=1 videos=1 finish=["succeeded"] cents=0.3 known=true failed=false error=NULL
100 000 files: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=100000 videos=NULL finish=["succeeded"] cents=30000.0 known=true failed=false error=NULL
status an array: id='q8w2e4r6t8y0u2i4o6p8a0s2d4' images=NULL videos=NULL finish=[] cents=0.0 known=false failed=false error=NULL reason=no usage reported for black-forest-labs/flux-schnell
