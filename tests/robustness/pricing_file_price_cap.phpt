--TEST--
Pricing file: a price of 1e308 (which gave INF costs) is above the 1e9-cent cap and rejected with the file's one warning naming the line and key; built-in prices stay in force and every cost is finite
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/price_too_large.json
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });
$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 9000000000000000, 'completion_tokens' => 9000000000000000]];
foreach (['acme-huge', 'acme-ok', 'gpt-4o-mini'] as $model) {
    Spectra::track('openai', $model, fn () => $chat);
    $r = array_pop($records);
    printf("%s: known=%s finite=%s\n", $model, var_export($r['cost_known'], true),
        var_export(is_finite($r['total_cost_in_cents']) && is_finite($r['prompt_cost']) && is_finite($r['completion_cost']), true));
}
?>
--EXPECTF--
Warning: PHP Startup: Spectra: spectra.pricing_file not loaded: %sfixtures/pricing/price_too_large.json:5: "output" must be at most 1000000000 cents in Unknown on line 0
acme-huge: known=false finite=true
acme-ok: known=false finite=true
gpt-4o-mini: known=true finite=true
