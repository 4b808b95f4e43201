--TEST--
Spectra::stream(): the amount a stream says was billed (OpenRouter's usage.cost in its last chunk, a bring-your-own-key call's upstream cost added; Perplexity's usage.cost.total_cost) is the cost, as for the same response not streamed; an amount that is not a finite number from 0 to 1e6 dollars is ignored and the catalog prices the call
--FILE--
<?php
use Spectra\Spectra;

require __DIR__ . '/stream.inc';
$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
$sse = file_get_contents(STREAM_FIXTURES . '/openrouter_chat.sse');
function streamed(string $sse, string $provider, string $model): array
{
    global $record;
    foreach (Spectra::stream(preg_split('/(?<=\n\n)/', $sse, -1, PREG_SPLIT_NO_EMPTY), $provider, $model) as $chunk) {
    }
    return $record;
}
function show(string $label, array $r): void
{
    printf("%s: in=%d out=%d cents=%s known=%s reason=%s\n", $label, $r['prompt_tokens'], $r['completion_tokens'],
        var_export(round($r['total_cost_in_cents'], 10), true), var_export($r['cost_known'], true), var_export($r['cost_reason'], true));
}
// billed 0.0000033 $ = 0.00033 cents (the catalog: 14 * 0.15 / 1e6 + 2 * 0.6 / 1e6 $ = 0.0000033 $ too, so the
// cases below change the billed amount to tell them apart)
show('openrouter', streamed($sse, 'openrouter', 'openai/gpt-4o-mini'));
$billed = fn (string $usage) => str_replace('"cost":0.0000033,"is_byok":false', $usage, $sse);
show('billed 0.01 $', streamed($billed('"cost":0.01,"is_byok":false'), 'openrouter', 'openai/gpt-4o-mini'));
show('byok', streamed($billed('"cost":0.0002,"is_byok":true,"cost_details":{"upstream_inference_cost":0.0036}'), 'openrouter', 'openai/gpt-4o-mini'));
foreach (['negative' => '-1', 'string' => '"0.01"', 'huge' => '1e300', 'null' => 'null'] as $label => $bad) {
    show("cost $label", streamed($billed("\"cost\":$bad,\"is_byok\":false"), 'openrouter', 'openai/gpt-4o-mini'));
}
// the same body not streamed: the same cost
$last = json_decode(substr(explode("\n\n", trim($billed('"cost":0.01,"is_byok":false')))[4], 6), true);
$body = ['id' => $last['id'], 'object' => 'chat.completion', 'created' => $last['created'], 'model' => $last['model'],
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'Hi there'], 'finish_reason' => 'stop']],
    'usage' => $last['usage']];
Spectra::track('openrouter', 'openai/gpt-4o-mini', fn () => $body);
show('not streamed', $record);
// Perplexity: usage.cost.total_cost
$perplexity = "data: " . json_encode(['id' => 'pplx-1', 'model' => 'sonar-pro', 'object' => 'chat.completion.chunk', 'created' => 1752000000,
    'choices' => [['index' => 0, 'delta' => ['content' => 'Hi'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 10, 'completion_tokens' => 2, 'total_tokens' => 12, 'search_context_size' => 'low',
        'cost' => ['input_tokens_cost' => 0.00003, 'output_tokens_cost' => 0.00003, 'request_cost' => 0.006, 'total_cost' => 0.00606]]]) . "\n\n";
show('perplexity', streamed($perplexity, 'perplexity', 'sonar-pro'));
?>
--EXPECT--
openrouter: in=14 out=2 cents=0.00033 known=true reason='billed amount reported by the provider'
billed 0.01 $: in=14 out=2 cents=1.0 known=true reason='billed amount reported by the provider'
byok: in=14 out=2 cents=0.38 known=true reason='billed amount reported by the provider'
cost negative: in=14 out=2 cents=0.00033 known=true reason=NULL
cost string: in=14 out=2 cents=0.00033 known=true reason=NULL
cost huge: in=14 out=2 cents=0.00033 known=true reason=NULL
cost null: in=14 out=2 cents=0.00033 known=true reason=NULL
not streamed: in=14 out=2 cents=1.0 known=true reason='billed amount reported by the provider'
perplexity: in=10 out=2 cents=0.606 known=true reason='billed amount reported by the provider'
