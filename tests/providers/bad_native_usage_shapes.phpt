--TEST--
Bad input: a usage block that looks like a provider's own (Bedrock's inputTokens/outputTokens, Cohere's billed_units) but is not whole, in a response body or given to setUsage(), is read by its GenAI keys; it crashed the process before (each read wrapped it in a body that was again of unknown shape, without end). Bedrock documents TokenUsage with inputTokens, outputTokens and totalTokens all required (Amazon Bedrock API reference, TokenUsage)
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });

function show(string $label, array $r): void
{
    printf("%s: prompt %d, completion %d, cached %d, usage reported: %s\n", $label, $r['prompt_tokens'],
        $r['completion_tokens'], $r['cached_tokens'], $r['cost_known'] || $r['cost_reason'] === null ? 'yes' : 'no');
}

foreach ([
    'outputTokens only' => ['usage' => ['outputTokens' => 5]],
    'inputTokens null' => ['usage' => ['inputTokens' => null, 'outputTokens' => 5]],
    'billed_units null' => ['usage' => ['billed_units' => null, 'input_tokens' => 7]],
    'with GenAI keys' => ['usage' => ['outputTokens' => 5, 'prompt_tokens' => 3, 'completion_tokens' => 2]],
] as $label => $body) {
    Spectra::track('openai', 'gpt-4o-mini', fn () => $body);
    show("response, $label", $record);
}

$ctx = Spectra::startRequest('openai', 'gpt-4o-mini');
$ctx->setUsage(['outputTokens' => 5, 'prompt_tokens' => 3]);
show('setUsage, outputTokens and prompt_tokens', Spectra::recordSuccess($ctx, null));

// a whole Bedrock block is still read by Bedrock's rules (cache reads are input beside inputTokens)
$ctx = Spectra::startRequest('bedrock', 'anthropic.claude-3-5-sonnet-20240620-v1:0');
$ctx->setUsage(['inputTokens' => 10, 'outputTokens' => 4, 'totalTokens' => 16, 'cacheReadInputTokens' => 2]);
show('setUsage, whole Bedrock block', Spectra::recordSuccess($ctx, null));
echo "done\n";
?>
--EXPECT--
response, outputTokens only: prompt 0, completion 0, cached 0, usage reported: no
response, inputTokens null: prompt 0, completion 0, cached 0, usage reported: no
response, billed_units null: prompt 7, completion 0, cached 0, usage reported: yes
response, with GenAI keys: prompt 3, completion 2, cached 0, usage reported: yes
setUsage, outputTokens and prompt_tokens: prompt 3, completion 0, cached 0, usage reported: yes
setUsage, whole Bedrock block: prompt 12, completion 4, cached 2, usage reported: yes
done
