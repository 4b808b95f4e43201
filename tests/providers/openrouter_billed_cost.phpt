--TEST--
OpenRouter usage.cost (US dollars, the credits billed; a bring-your-own-key call adds cost_details.upstream_inference_cost) and Perplexity usage.cost.total_cost are the cost: cost_known, with cost_reason saying it is the billed amount; a cost that is not a finite number from 0 to 1e6 dollars is ignored and the catalog prices the call
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
    printf("%s: in=%d out=%d cents=%s/%s/%s known=%s reason=%s\n", $label, $record['prompt_tokens'], $record['completion_tokens'],
        var_export(round($record['prompt_cost'], 8), true), var_export(round($record['completion_cost'], 8), true),
        var_export(round($record['total_cost_in_cents'], 8), true), var_export($record['cost_known'], true), var_export($record['cost_reason'], true));
}
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name"), true);
}

// billed 0.0004 $ = 0.04 cents; the catalog (0.15/0.6 $ per 1M) has 1200*0.15/1e6 = 0.018 and 300*0.6/1e6 = 0.018 cents,
// so each part is scaled by 0.04/0.036: 0.02 and 0.02
$body = fixture('openrouter/chat_cost.json');
Spectra::track('openrouter', 'openai/gpt-4o-mini', fn () => $body, ['url' => 'https://openrouter.ai/api/v1/chat/completions']);
show('openrouter');
// bring your own key: 0.0002 $ OpenRouter fee + 0.0036 $ upstream = 0.0038 $ = 0.38 cents; catalog 2000*0.8/1e6 = 0.16
// and 500*4/1e6 = 0.2 cents (0.36), scaled by 0.38/0.36: 0.16888889 and 0.21111111
Spectra::track('openrouter', 'anthropic/claude-3.5-haiku', fn () => fixture('openrouter/chat_cost_byok.json'));
show('byok');
// the same without is_byok: only the 0.0002 $ fee was billed = 0.02 cents
$free = fixture('openrouter/chat_cost_byok.json');
unset($free['usage']['is_byok']);
Spectra::track('openrouter', 'anthropic/claude-3.5-haiku', fn () => $free);
show('fee only');
// a model the catalog lacks: the billed total is known, its parts are not
$unlisted = $body;
$unlisted['model'] = 'acme/unlisted-model';
$unlisted['usage']['cost'] = 0.0012;
Spectra::track('openrouter', 'acme/unlisted-model', fn () => $unlisted);
show('unlisted');
// usage.cost that is not a usable number: ignored, the catalog's 0.036 cents
foreach (['string' => '0.0004', 'negative' => -0.5, 'NaN' => NAN, 'INF' => INF, 'huge' => 1e300, 'array' => [0.0004], 'null' => null] as $label => $bad) {
    $b = $body;
    $b['usage']['cost'] = $bad;
    Spectra::track('openrouter', 'openai/gpt-4o-mini', fn () => $b);
    show("cost $label");
}
// Perplexity sonar-pro with its cost breakdown (low search context: 6 $ per 1 000 requests): billed 0.00753 $ = 0.753
// cents, input 0.003, output 0.15 cents as the response splits them (the catalog's 14 $ request fee is the high-context one)
Spectra::track('perplexity', 'sonar-pro', fn () => fixture('perplexity/chat_sonar_cost.json'));
show('perplexity');
?>
--EXPECTF--
span chat openai/gpt-4o-mini %s spectra.cost.reason="billed amount reported by the provider"%s
openrouter: in=1200 out=300 cents=0.02/0.02/0.04 known=true reason='billed amount reported by the provider'
span chat anthropic/claude-3.5-haiku %s
byok: in=2000 out=500 cents=0.16888889/0.21111111/0.38 known=true reason='billed amount reported by the provider'
span chat anthropic/claude-3.5-haiku %s
fee only: in=2000 out=500 cents=0.00888889/0.01111111/0.02 known=true reason='billed amount reported by the provider'
span chat acme/unlisted-model %s
unlisted: in=1200 out=300 cents=0.0/0.0/0.12 known=true reason='billed amount reported by the provider'
span chat openai/gpt-4o-mini %s
cost string: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost negative: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost NaN: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost INF: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost huge: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost array: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat openai/gpt-4o-mini %s
cost null: in=1200 out=300 cents=0.018/0.018/0.036 known=true reason=NULL
span chat sonar-pro %s
perplexity: in=10 out=100 cents=0.003/0.15/0.753 known=true reason='billed amount reported by the provider'
