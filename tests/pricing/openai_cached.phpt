--TEST--
Pricing: OpenAI cached prompt tokens are a subset billed at the cached-input rate, the rest at the input rate; reasoning tokens are inside completion_tokens and not billed twice; an empty cached price falls back to the input price
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

// gpt-4o-mini standard: input 15, cached 7.5, output 60 cents per 1M.
// prompt 1117 of which 1024 cached, completion 46.
check('chat cached', tracked('openai', 'gpt-4o-mini', fixture('openai/chat_completion')), [
    // (93 x 15 + 1024 x 7.5) / 1e6 = (1395 + 7680) / 1e6 = 0.009075
    'prompt_cost' => 0.009075,
    // 46 x 60 / 1e6 = 0.00276
    'completion_cost' => 0.00276,
    // 0.009075 + 0.00276 = 0.011835
    'total_cost_in_cents' => 0.011835,
    'cost_known' => true,
]);

// o4-mini standard: input 110, cached 27.5, output 440 cents per 1M.
// prompt 2350 of which 1920 cached; completion 1210 of which 1024 reasoning.
check('reasoning', tracked('openai', 'o4-mini', fixture('openai/chat_completion_reasoning')), [
    // (430 x 110 + 1920 x 27.5) / 1e6 = (47300 + 52800) / 1e6 = 0.1001
    'prompt_cost' => 0.1001,
    // 1210 x 440 / 1e6 = 0.5324 (reasoning tokens are already in the 1210)
    'completion_cost' => 0.5324,
    // 0.1001 + 0.5324 = 0.6325
    'total_cost_in_cents' => 0.6325,
]);

// Responses API, o4-mini: input 1280 of which 1024 cached, output 962 of which 704 reasoning.
check('responses', tracked('openai', 'o4-mini', fixture('openai/responses')), [
    // (256 x 110 + 1024 x 27.5) / 1e6 = (28160 + 28160) / 1e6 = 0.05632
    'prompt_cost' => 0.05632,
    // 962 x 440 / 1e6 = 0.42328
    'completion_cost' => 0.42328,
    // 0.05632 + 0.42328 = 0.4796
    'total_cost_in_cents' => 0.4796,
]);

// Everything cached: gpt-4o-mini, prompt 1000 all cached, completion 0.
$all_cached = ['object' => 'chat.completion', 'usage' => ['prompt_tokens' => 1000, 'completion_tokens' => 0,
    'prompt_tokens_details' => ['cached_tokens' => 1000]]];
check('all cached', tracked('openai', 'gpt-4o-mini', $all_cached), [
    // 1000 x 7.5 / 1e6 = 0.0075
    'prompt_cost' => 0.0075,
    'total_cost_in_cents' => 0.0075,
]);

// gpt-4o-mini batch has no cached price in the catalog (input 7.5, output 30): cached tokens pay the input rate.
$some_cached = ['object' => 'chat.completion', 'usage' => ['prompt_tokens' => 1000, 'completion_tokens' => 100,
    'prompt_tokens_details' => ['cached_tokens' => 600]]];
check('batch without cached price', tracked('openai', 'gpt-4o-mini', $some_cached, ['pricing_tier' => 'batch']), [
    'pricing_tier' => 'batch',
    // (400 x 7.5 + 600 x 7.5) / 1e6 = 7500 / 1e6 = 0.0075
    'prompt_cost' => 0.0075,
    // 100 x 30 / 1e6 = 0.003
    'completion_cost' => 0.003,
    // 0.0075 + 0.003 = 0.0105
    'total_cost_in_cents' => 0.0105,
]);

/** Prints "label: ok", or one line per record key that differs from the expected value. */
function check(string $label, array $record, array $expected): void
{
    $problems = [];
    foreach ($expected as $key => $want) {
        if (!array_key_exists($key, $record)) {
            $problems[] = "$key is missing";
            continue;
        }
        $got = $record[$key];
        $same = is_float($want) ? is_float($got) && abs($got - $want) < 1e-9 : $got === $want;
        if (!$same) {
            $problems[] = "$key: expected " . var_export($want, true) . ', got ' . var_export($got, true);
        }
    }
    echo $label, ': ', $problems ? "\n  " . implode("\n  ", $problems) : 'ok', "\n";
}

function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name.json"), true, 512, JSON_THROW_ON_ERROR);
}

/** Spectra::track() with a callback that returns $response; returns the one record published. */
function tracked(string $provider, string $model, mixed $response, array $options = []): array
{
    $before = count($GLOBALS['records']);
    $returned = \Spectra\Spectra::track($provider, $model, fn () => $response, $options);
    if ($returned !== $response) {
        echo "track() changed the callback's return value\n";
    }
    if (count($GLOBALS['records']) !== $before + 1) {
        echo 'expected one record, got ', count($GLOBALS['records']) - $before, "\n";
        return [];
    }
    return $GLOBALS['records'][$before];
}
?>
--EXPECT--
chat cached: ok
reasoning: ok
responses: ok
all cached: ok
batch without cached price: ok
