--TEST--
Anthropic message with prompt caching: input_tokens excludes cache reads and writes, so prompt_tokens = input + cache_read + cache_creation; both cache counts kept as subsets
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message_cache'));
check('cache', $record, [
    'response_id' => 'msg_01Lx2PcV9sDk6TnR4wJa8yHf',
    // 8 uncached + 4096 cache reads + 1536 cache writes
    'prompt_tokens' => 5640,
    'cached_tokens' => 4096,
    'cache_write_tokens' => 1536,
    'completion_tokens' => 512,
    'reasoning_tokens' => 0,
    'total_tokens' => 6152,
    'finish_reason' => 'end_turn',
]);

// Cache counts missing (older API versions) count as 0.
$body = fixture('anthropic/message_cache');
unset($body['usage']['cache_read_input_tokens'], $body['usage']['cache_creation_input_tokens'], $body['usage']['cache_creation']);
check('no cache fields', tracked('anthropic', 'claude-sonnet-4-5-20250929', $body), [
    'prompt_tokens' => 8,
    'cached_tokens' => 0,
    'cache_write_tokens' => 0,
    'completion_tokens' => 512,
]);

// Only cache reads, nothing uncached.
$body = fixture('anthropic/message_cache');
$body['usage']['input_tokens'] = 0;
$body['usage']['cache_creation_input_tokens'] = 0;
check('all cached', tracked('anthropic', 'claude-sonnet-4-5-20250929', $body), [
    'prompt_tokens' => 4096,
    'cached_tokens' => 4096,
    'cache_write_tokens' => 0,
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
cache: ok
no cache fields: ok
all cached: ok
