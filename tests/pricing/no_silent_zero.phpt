--TEST--
Pricing: no silent zero — a known model without usage, a unit-priced model without its quantity, an unknown model or tier each cost 0 with cost_known false and a cost_reason saying why; a priced call has cost_reason null
--FILE--
<?php
use Spectra\Spectra;

function show(string $label, array $record): void
{
    printf("%s: cost_known=%s cents=%s reason=%s\n", $label, var_export($record['cost_known'], true),
        round($record['total_cost_in_cents'], 6), var_export($record['cost_reason'], true));
}

$tokens = ['prompt_tokens' => 100, 'completion_tokens' => 50];
// gpt-4o-mini (genai-prices 0.15 / 0.6 $ per 1M = 15 / 60 cents): 0.0015 + 0.003 = 0.0045
show('priced', Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-4o-mini'), null, $tokens));
show('no usage', Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-4o-mini'), ['id' => 'x']));
// dall-e-3 is priced per image (4 cents, data/pricing-catalog.csv); tokens are not its quantity
show('image model, no image count', Spectra::recordSuccess(Spectra::startRequest('openai', 'dall-e-3'), null, $tokens));
show('unknown model', Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-nonexistent'), null, $tokens));
show('unknown provider', Spectra::recordSuccess(Spectra::startRequest('acme', 'gpt-4o-mini'), null, $tokens));
// genai-prices has no batch prices; data/pricing-catalog.csv has none for deepseek-chat
show('no batch price', Spectra::recordSuccess(Spectra::startRequest('deepseek', 'deepseek-chat')->withPricingTier('batch'), null, $tokens));
// a free model of the data (an empty price mapping) is a known 0
show('free model', Spectra::recordSuccess(Spectra::startRequest('azure', 'phi-4-reasoning:free'), null, $tokens));
?>
--EXPECT--
priced: cost_known=true cents=0.0045 reason=NULL
no usage: cost_known=false cents=0 reason='no usage reported for gpt-4o-mini'
image model, no image count: cost_known=false cents=0 reason='dall-e-3 is priced by output_images, none of which was reported'
unknown model: cost_known=false cents=0 reason='model not in the price catalog'
unknown provider: cost_known=false cents=0 reason='model not in the price catalog'
no batch price: cost_known=false cents=0 reason='no batch-tier price for this model'
free model: cost_known=true cents=0 reason=NULL
