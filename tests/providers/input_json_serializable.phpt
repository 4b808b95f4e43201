--TEST--
Input form: a JsonSerializable response is converted through jsonSerialize(); the same object is returned
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

final class GeminiResponse implements JsonSerializable
{
    public int $calls = 0;

    public function __construct(private array $data) {}

    public function jsonSerialize(): array
    {
        $this->calls++;
        return $this->data;
    }
}

$response = new GeminiResponse(fixture('gemini/generate_content_thinking'));
$record = tracked('google', 'gemini-2.5-flash', $response);
check('jsonSerialize', $record, [
    'response_id' => 'Kp9xaNWbGfG_1MkP0tSq6Ao',
    'operation' => 'generate_content',
    'prompt_tokens' => 2154,
    'cached_tokens' => 2048,
    'completion_tokens' => 1210,
    'reasoning_tokens' => 1023,
    'is_reasoning' => true,
]);
echo 'jsonSerialize() calls: ', $response->calls, "\n";

$response = new GeminiResponse(fixture('openai/chat_completion_tool_calls'));
check('jsonSerialize openai', tracked('openai', 'gpt-4o', $response), [
    'prompt_tokens' => 182,
    'completion_tokens' => 57,
    'tool_call_counts' => ['function' => 2],
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
jsonSerialize: ok
jsonSerialize() calls: 1
jsonSerialize openai: ok
