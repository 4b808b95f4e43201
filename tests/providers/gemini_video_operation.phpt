--TEST--
Gemini and Vertex AI long-running video operations (Veo): the predictLongRunning call and the polls that are not done produced no video (video_count 0, a known 0); the operation that is done carries the videos (Gemini generatedSamples, Vertex videos) and is priced by the seconds of video, which the response does not give (cost unknown until the caller says it); a failed operation is a failure; tuning and batch operations are not videos
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
    printf("%s: %s %s model_type=%s videos=%s seconds=%s cents=%s known=%s failed=%s%s\n", $label, $record['operation'], $record['model'],
        var_export($record['model_type'], true), var_export($record['video_count'], true), var_export($record['duration_seconds'], true),
        var_export(round($record['total_cost_in_cents'], 8), true), var_export($record['cost_known'], true), var_export($record['is_failed'], true),
        $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

$base = 'https://generativelanguage.googleapis.com/v1beta/';
// starting the operation, then a poll before it is done: nothing billed yet
Spectra::track('google', 'veo-3.0-generate-001', fn () => fixture('gemini/video_operation_pending.json'), ['url' => $base . 'models/veo-3.0-generate-001:predictLongRunning']);
show('started');
$poll = fixture('gemini/video_operation_pending.json') + ['done' => false];
Spectra::track('google', 'veo-3.0-generate-001', fn () => $poll, ['url' => $base . 'models/veo-3.0-generate-001/operations/k9v2q7x4m1pz']);
show('poll');
// done: one video; Veo 3 is 40 cents a second and the response has no duration
Spectra::track('google', 'veo-3.0-generate-001', fn () => fixture('gemini/video_operation_done.json'));
show('done');
// the caller knows the duration it asked for (8 s): 8 * 40 = 320 cents
$context = Spectra::startRequest('google', 'veo-3.0-generate-001');
$record = Spectra::recordSuccess($context, fixture('gemini/video_operation_done.json'), ['duration_seconds' => 8]);
show('done, 8 s');
// Vertex AI, two samples of veo-3.0-fast-generate-001 (15 cents a second), 4 s given: 4 * 15 = 60 cents (named
// gcp.gen_ai, priced from the Gemini API's rows: the catalog has no Veo rows for Vertex)
$context = Spectra::startRequest('gcp.gen_ai', 'veo-3.0-fast-generate-001');
$record = Spectra::recordSuccess($context, fixture('gemini/video_operation_vertex_done.json'), ['duration_seconds' => 4]);
show('vertex done, 4 s');
// a failed operation
Spectra::track('google', 'veo-3.0-generate-001', fn () => fixture('gemini/video_operation_failed.json'));
show('failed');
echo $record['error_type'], "\n";
// other long-running operations and look-alikes are not video operations
foreach (['tunedModels/my-model-x1/operations/abc', 'batches/123', 'mymodels/x/operations/y', 'models/veo-3.0-generate-001'] as $name) {
    Spectra::track('google', 'veo-3.0-generate-001', fn () => ['name' => $name, 'done' => false]);
    printf("%s: %s\n", $name, var_export($record['operation'], true));
}
// bad input: done as a string reads as not done, samples that are not a list give no count
Spectra::track('google', 'veo-3.0-generate-001', fn () => ['name' => 'models/veo-3.0-generate-001/operations/q', 'done' => 'true']);
show('done "true"');
Spectra::track('google', 'veo-3.0-generate-001', fn () => ['name' => 'models/veo-3.0-generate-001/operations/q', 'done' => true,
    'response' => ['generateVideoResponse' => ['generatedSamples' => 'many']]]);
show('samples a string');
?>
--EXPECTF--
span video_generation veo-3.0-generate-001 %s gen_ai.operation.name="video_generation" %s
started: video_generation veo-3.0-generate-001 model_type='video' videos=0 seconds=NULL cents=0.0 known=true failed=false
span video_generation veo-3.0-generate-001 %s
poll: video_generation veo-3.0-generate-001 model_type='video' videos=0 seconds=NULL cents=0.0 known=true failed=false
span video_generation veo-3.0-generate-001 %s
done: video_generation veo-3.0-generate-001 model_type='video' videos=1 seconds=NULL cents=0.0 known=false failed=false reason=veo-3.0-generate-001 is priced by video_seconds, none of which was reported
span video_generation veo-3.0-generate-001 %s
done, 8 s: video_generation veo-3.0-generate-001 model_type='video' videos=1 seconds=8.0 cents=320.0 known=true failed=false
span video_generation veo-3.0-fast-generate-001 %s
vertex done, 4 s: video_generation veo-3.0-fast-generate-001 model_type='video' videos=2 seconds=4.0 cents=60.0 known=true failed=false
span %s
failed:  veo-3.0-generate-001 model_type='video' videos=NULL seconds=NULL cents=0.0 known=true failed=true
INVALID_ARGUMENT
span %s
tunedModels/my-model-x1/operations/abc: NULL
span %s
batches/123: NULL
span %s
mymodels/x/operations/y: NULL
span %s
models/veo-3.0-generate-001: NULL
span video_generation veo-3.0-generate-001 %s
done "true": video_generation veo-3.0-generate-001 model_type='video' videos=0 seconds=NULL cents=0.0 known=true failed=false
span video_generation veo-3.0-generate-001 %s
samples a string: video_generation veo-3.0-generate-001 model_type='video' videos=NULL seconds=NULL cents=0.0 known=false failed=false reason=no usage reported for veo-3.0-generate-001
