--TEST--
Pricing: a tiered genai-prices price (gemini-2.5-pro: 1.25 $/M input up to 200k input tokens, 2.5 above; output 10 / 15) prices the whole request at the tier its total input exceeds, cache reads included
--FILE--
<?php
use Spectra\Spectra;

function priced(int $prompt, int $cached, int $completion): array
{
    return Spectra::recordSuccess(Spectra::startRequest('google', 'gemini-2.5-pro'), null,
        ['prompt_tokens' => $prompt, 'cached_tokens' => $cached, 'completion_tokens' => $completion]);
}

function show(string $label, array $r): void
{
    printf("%s: prompt=%s completion=%s total=%s known=%s\n", $label, round($r['prompt_cost'], 8),
        round($r['completion_cost'], 8), round($r['total_cost_in_cents'], 8), var_export($r['cost_known'], true));
}

// 200000 in (not above the start): 200000 x 125 / 1e6 = 25 cents; 1000 out x 1000 / 1e6 = 1 cent
show('at 200000', priced(200000, 0, 1000));
// 200001 in: every token at 250 -> 50.00025; output at 1500 -> 1.5
show('at 200001', priced(200001, 0, 1000));
// 200001 in of which 1000 cached (cache reads 12.5 / 25): 199001 x 250 + 1000 x 25 = 49750250 + 25000 -> 49.77525
show('cached above', priced(200001, 1000, 0));
?>
--EXPECT--
at 200000: prompt=25 completion=1 total=26 known=true
at 200001: prompt=50.00025 completion=1.5 total=51.50025 known=true
cached above: prompt=49.77525 completion=0 total=49.77525 known=true
