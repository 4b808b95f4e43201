--TEST--
Replicate predictions billed by hardware time: metrics.predict_time of a succeeded prediction is its compute_seconds, priced by a pricing file's compute_seconds_each (the rate of the model's hardware, which the response does not name); without that rate the model stays unpriced (cost_known false); a prediction still processing is a known 0; a bad predict_time is not read
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/replicate_hardware.json
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    printf("%s: cents=%s known=%s%s\n", $label, var_export(round($record['total_cost_in_cents'], 8), true),
        var_export($record['cost_known'], true), $record['cost_reason'] === null ? '' : " reason={$record['cost_reason']}");
}
$prediction = json_decode(file_get_contents(__DIR__ . '/../fixtures/replicate/prediction_llm.json'), true);

// predict_time 0.419 s at 0.14 cents a second (Nvidia A100 80GB, $0.0014/s): 0.05866 cents
Spectra::track('replicate', 'meta/meta-llama-3-8b-instruct', fn () => $prediction);
show('priced by the file');
// another model on hardware the file does not price
Spectra::track('replicate', 'acme/unpriced-model', fn () => $prediction);
show('no rate');
$processing = $prediction;
$processing['status'] = 'processing';
unset($processing['metrics']);
Spectra::track('replicate', 'meta/meta-llama-3-8b-instruct', fn () => $processing);
show('processing');
foreach (['a string' => '0.419', 'negative' => -1, 'NaN' => NAN, 'huge' => 1e300, 'an array' => [0.4]] as $label => $bad) {
    $odd = $prediction;
    $odd['metrics']['predict_time'] = $bad;
    Spectra::track('replicate', 'meta/meta-llama-3-8b-instruct', fn () => $odd);
    show("predict_time $label");
}
?>
--EXPECT--
priced by the file: cents=0.05866 known=true
no rate: cents=0.0 known=false reason=model not in the price catalog
processing: cents=0.0 known=true
predict_time a string: cents=0.0 known=false reason=no usage reported for meta/meta-llama-3-8b-instruct
predict_time negative: cents=0.0 known=false reason=no usage reported for meta/meta-llama-3-8b-instruct
predict_time NaN: cents=0.0 known=false reason=no usage reported for meta/meta-llama-3-8b-instruct
predict_time huge: cents=0.0 known=false reason=no usage reported for meta/meta-llama-3-8b-instruct
predict_time an array: cents=0.0 known=false reason=no usage reported for meta/meta-llama-3-8b-instruct
