--TEST--
Together AI and Fireworks AI (OpenAI-shaped chat completions): tokens, cache reads and reasoning read, priced from the catalog, provider taken from the API host or an alias, gen_ai.provider.name on the span
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name.json"), true);
}
function show(string $label, array $r): void
{
    printf("%s: provider=%s model=%s in=%d (cached %d) out=%d (reasoning %d) finish=%s id=%s cents=%s known=%s\n", $label,
        $r['provider'], $r['model'], $r['prompt_tokens'], $r['cached_tokens'], $r['completion_tokens'], $r['reasoning_tokens'],
        $r['finish_reason'], $r['response_id'], var_export(round($r['total_cost_in_cents'], 10), true), var_export($r['cost_known'], true));
}

// Together, Llama 3.3 70B Instruct Turbo at 0.88 $ per 1M tokens in and out:
// (49 + 34) * 0.88 / 1e6 $ = 7.304e-5 $ = 0.007304 cents
Spectra::track('together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', fn () => fixture('together/chat_completion'));
show('together', $record);
// the provider from the URL's host (api.together.ai, Together's newer domain), and an alias
Spectra::track('auto', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', fn () => fixture('together/chat_completion'),
    ['url' => 'https://api.together.ai/v1/chat/completions']);
show('together by host', $record);
Spectra::track('together_ai', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', fn () => fixture('together/chat_completion'));
echo 'alias together_ai: ', $record['provider'], "\n"; // the record keeps the caller's name; the span and the price use the table's

// Fireworks, gpt-oss-120b at 0.15 $ per 1M input, 0.014 cached, 0.6 output; reasoning is billed as output:
// (200 * 0.15 + 1000 * 0.014 + 300 * 0.6) / 1e6 $ = 224e-6 $ = 0.0224 cents
Spectra::track('auto', 'accounts/fireworks/models/gpt-oss-120b', fn () => fixture('fireworks/chat_completion_cached'),
    ['url' => 'https://api.fireworks.ai/inference/v1/chat/completions']);
show('fireworks by host', $record);
echo 'operation: ', $record['operation'], ', endpoint: ', $record['endpoint'], ', server: ', $record['server_address'], "\n";
?>
--EXPECTF--
%Sgen_ai.provider.name="together"%S
together: provider=together model=meta-llama/Llama-3.3-70B-Instruct-Turbo in=49 (cached 0) out=34 (reasoning 0) finish=stop id=oBUtaEp-62bZhn-9801a2718d0ed123 cents=0.007304 known=true
%Sgen_ai.provider.name="together"%Sserver.address="api.together.ai"%S
together by host: provider=together model=meta-llama/Llama-3.3-70B-Instruct-Turbo in=49 (cached 0) out=34 (reasoning 0) finish=stop id=oBUtaEp-62bZhn-9801a2718d0ed123 cents=0.007304 known=true
%Sgen_ai.provider.name="together"%Sserver.address="api.together.xyz"%Sspectra.cost.total_cents=0.007304%S
alias together_ai: together_ai
%Sgen_ai.provider.name="fireworks"%Sgen_ai.usage.cache_read.input_tokens=1000 gen_ai.usage.reasoning.output_tokens=120 server.address="api.fireworks.ai"%S
fireworks by host: provider=fireworks model=accounts/fireworks/models/gpt-oss-120b in=1200 (cached 1000) out=300 (reasoning 120) finish=stop id=5b1c2d8e-7f3a-4e6b-9c0d-1a2b3c4d5e6f cents=0.0224 known=true
operation: chat, endpoint: /inference/v1/chat/completions, server: api.fireworks.ai
