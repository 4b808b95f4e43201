--TEST--
Pricing: spectra.pricing_file accepts genai-prices price keys (cents per the key's unit size): a tiered price by total input tokens and a per-request fee; modality rates need the quantities the response carries, and tokens alone leave the audio part at the text rate
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/price_keys.json
--FILE--
<?php
use Spectra\Spectra;

function show(string $label, array $r): void
{
    printf("%s: prompt=%s completion=%s total=%s known=%s\n", $label, round($r['prompt_cost'], 8),
        round($r['completion_cost'], 8), round($r['total_cost_in_cents'], 8), var_export($r['cost_known'], true));
}

// long-context: 100000 in (not above the start) x 100 / 1e6 = 10; 1000 out x 400 / 1e6 = 0.4;
// one request: 100 cents per 1000 requests = 0.1 -> 10.5
show('at the start', Spectra::recordSuccess(Spectra::startRequest('acme', 'long-context'), null,
    ['prompt_tokens' => 100000, 'completion_tokens' => 1000]));
// 100001 in: 100001 x 200 / 1e6 = 20.0002; output at 800: 0.8; + 0.1 -> 20.9002
show('above it', Spectra::recordSuccess(Spectra::startRequest('acme', 'long-context'), null,
    ['prompt_tokens' => 100001, 'completion_tokens' => 1000]));
// acme-voice: tokens only (no audio split reported): 1000 x 250 / 1e6 = 0.25; 100 x 1000 / 1e6 = 0.1
show('voice, tokens only', Spectra::recordSuccess(Spectra::startRequest('openai', 'acme-voice'), null,
    ['prompt_tokens' => 1000, 'completion_tokens' => 100]));
?>
--EXPECT--
at the start: prompt=10 completion=0.4 total=10.5 known=true
above it: prompt=20.0002 completion=0.8 total=20.9002 known=true
voice, tokens only: prompt=0.25 completion=0.1 total=0.35 known=true
