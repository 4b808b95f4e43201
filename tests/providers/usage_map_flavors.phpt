--TEST--
Data-driven extraction (src/php/extract/usage_map.c) from documented response shapes: Cohere v2 chat billed_units, embed meta.billed_units and rerank search units, Bedrock Converse (cache reads and writes added to inputTokens), Ollama native chat/generate/embed counts, DeepSeek prompt_cache_hit_tokens, xAI reasoning outside completion_tokens; priced from a pricing file
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/providers.json
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function run(string $provider, string $model, string $fixture): array
{
    global $record;
    $body = json_decode(file_get_contents(__DIR__ . "/../fixtures/$fixture"), true);
    Spectra::track($provider, $model, fn () => $body);
    printf("%s: %s in=%d cached=%d written=%d out=%d reasoning=%d finish=%s id=%s cents=%s known=%s\n", $fixture, $record['operation'],
        $record['prompt_tokens'], $record['cached_tokens'], $record['cache_write_tokens'], $record['completion_tokens'], $record['reasoning_tokens'],
        json_encode($record['finish_reasons']), var_export($record['response_id'], true), var_export(round($record['total_cost_in_cents'], 8), true),
        var_export($record['cost_known'], true));
    return $record;
}
// 5 billed input at 250 + 418 output at 1000 cents/1M = 0.00125 + 0.418 = 0.41925 (not the 71 prompt-template tokens)
run('cohere', 'fixture-command', 'cohere/chat.json');
// 2 billed input at 12 = 0.000024
run('cohere', 'fixture-embed', 'cohere/embed.json');
// rerank-v3.5 (built in): 2 search units at 0.2 cents = 0.4
run('cohere', 'rerank-v3.5', 'cohere/rerank.json');
// input 30 + 200 cache reads + 100 cache writes = 330: 30*300 + 200*30 + 100*375 + 628*1500 = 9000 + 6000 + 37500 + 942000 -> 0.9945
run('bedrock', 'fixture-claude', 'bedrock/converse.json');
// a local model priced at 0 by the file: a known 0
run('ollama', 'llama3.2', 'ollama/chat.json');
run('ollama', 'llama3.2', 'ollama/generate.json');
run('ollama', 'all-minilm', 'ollama/embed.json');
// 640 of 1000 prompt tokens were cache hits (prompt_tokens_details.cached_tokens says 0):
// 360*27 + 640*7 + 10*110 = 9720 + 4480 + 1100 -> 0.0153
run('deepseek', 'fixture-deepseek', 'deepseek/chat_cache_hit.json');
// total 135 = 32 + 9 + 94: reasoning is outside completion_tokens, so output = 103
// 26*30 + 6*7.5 + 103*50 = 780 + 45 + 5150 -> 0.005975
run('xai', 'fixture-grok', 'xai/chat_reasoning.json');
?>
--EXPECT--
cohere/chat.json: chat in=5 cached=0 written=0 out=418 reasoning=0 finish=["COMPLETE"] id='c14c80c3-18eb-4519-9460-6c92edd8cfb4' cents=0.41925 known=true
cohere/embed.json: embeddings in=2 cached=0 written=0 out=0 reasoning=0 finish=[] id='da6e531f-54c6-4a73-bf92-f60566d8d753' cents=2.4E-5 known=true
cohere/rerank.json: rerank in=0 cached=0 written=0 out=0 reasoning=0 finish=[] id='07734bd2-2473-4f07-94e1-0d9f0e6843cf' cents=0.4 known=true
bedrock/converse.json: chat in=330 cached=200 written=100 out=628 reasoning=0 finish=["end_turn"] id=NULL cents=0.9945 known=true
ollama/chat.json: chat in=26 cached=0 written=0 out=298 reasoning=0 finish=["stop"] id=NULL cents=0.0 known=true
ollama/generate.json: text_completion in=26 cached=0 written=0 out=259 reasoning=0 finish=["stop"] id=NULL cents=0.0 known=true
ollama/embed.json: embeddings in=8 cached=0 written=0 out=0 reasoning=0 finish=[] id=NULL cents=0.0 known=false
deepseek/chat_cache_hit.json: chat in=1000 cached=640 written=0 out=10 reasoning=0 finish=["stop"] id='930c60df-bf64-41c9-a88e-3ec75f81e00e' cents=0.0153 known=true
xai/chat_reasoning.json: chat in=32 cached=6 written=0 out=103 reasoning=94 finish=["stop"] id='a3d1008e-4544-40d4-d075-11527e794e4a' cents=0.005975 known=true
