--TEST--
Pricing: one provider table gives an alias (x.ai, open_ai, fal-ai, gcp.gen_ai) both its catalog price and its gen_ai.provider.name, in the PHP-built and in the exported native span
--FILE--
<?php
require __DIR__ . '/../export/export.inc';
use Spectra\Spectra;
use Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder;

$builder = new DefaultSpanBuilder();
$usage = ['prompt_tokens' => 100, 'completion_tokens' => 50];
// grok-4-0709 (300 / 1500): 0.03 + 0.075 = 0.105; gpt-4o-mini (15 / 60): 0.0015 + 0.003 = 0.0045;
// gemini-2.5-flash (30 / 250): 0.003 + 0.0125 = 0.0155; flux-pro/kontext: 4 cents per image, no image counted, so
// its cost is unknown (never a silent 0)
foreach ([['x.ai', 'grok-4-0709'], ['X.AI', 'grok-4-0709'], ['open_ai', 'gpt-4o-mini'], ['fal-ai', 'fal-ai/flux-pro/kontext'],
          ['gcp.gen_ai', 'gemini-2.5-flash'], ['acme', 'gpt-4o']] as [$provider, $model]) {
    $record = Spectra::recordSuccess(Spectra::startRequest($provider, $model), null, $usage);
    $attributes = array_column($builder->build($record)['attributes'], 'value', 'key');
    printf("%s: cost_known=%s cents=%s gen_ai.provider.name=%s server.address=%s\n", $provider, var_export($record['cost_known'], true),
        round($record['total_cost_in_cents'], 6), $attributes['gen_ai.provider.name']['stringValue'] ?? '(none)',
        $record['server_address'] ?? 'null');
}

// the exported span (native builder on the export path), through the console exporter
$r = spectra_child('Spectra\Spectra::track("x.ai", "grok-4-0709", fn () => ["usage" => ["prompt_tokens" => 100, "completion_tokens" => 50]]);',
    ['spectra.otel.exporter' => 'console']);
preg_match_all('/ (gen_ai\.provider\.name|spectra\.cost\.total_cents|spectra\.cost\.known|server\.address)=(\S+)/', $r['stderr'], $m, PREG_SET_ORDER);
echo 'exported x.ai span:', implode('', array_map(fn ($a) => " $a[1]=$a[2]", $m)), "\n";
?>
--EXPECT--
x.ai: cost_known=true cents=0.105 gen_ai.provider.name=x_ai server.address=api.x.ai
X.AI: cost_known=true cents=0.105 gen_ai.provider.name=x_ai server.address=api.x.ai
open_ai: cost_known=true cents=0.0045 gen_ai.provider.name=openai server.address=api.openai.com
fal-ai: cost_known=false cents=0 gen_ai.provider.name=falai server.address=fal.run
gcp.gen_ai: cost_known=true cents=0.0155 gen_ai.provider.name=gcp.gen_ai server.address=null
acme: cost_known=false cents=0 gen_ai.provider.name=acme server.address=null
exported x.ai span: gen_ai.provider.name="x_ai" server.address="api.x.ai" spectra.cost.total_cents=0.105 spectra.cost.known=true
