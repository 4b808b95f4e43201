--TEST--
Input form: a stdClass tree from json_decode() without assoc is read like the array, nested objects included; the object is returned unchanged
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$dir = __DIR__ . '/../fixtures';

$object = json_decode(file_get_contents("$dir/openai/chat_completion.json"));
$record = tracked('openai', 'gpt-4o-mini', $object);
check('stdClass chat', $record, [
    'response_id' => 'chatcmpl-BqT4vLr8ZkHn2WcQe7sYdJfA1mXpG',
    'snapshot' => 'gpt-4o-mini-2024-07-18',
    'operation' => 'chat',
    'prompt_tokens' => 1117,
    'cached_tokens' => 1024,
    'completion_tokens' => 46,
    'finish_reason' => 'stop',
]);
// The application's object is not modified.
echo 'usage still an object: ', var_export($object->usage instanceof stdClass, true), "\n";

$object = json_decode(file_get_contents("$dir/anthropic/message_tool_use.json"));
check('stdClass anthropic', tracked('anthropic', 'claude-sonnet-4-5', $object), [
    'prompt_tokens' => 512,
    'completion_tokens' => 301,
    'tool_call_counts' => ['tool_use' => 2],
    'is_reasoning' => true,
]);

// A plain object of another class: its public properties are read.
final class PlainResponse
{
    public string $type = 'message';
    public array $usage = ['input_tokens' => 10, 'output_tokens' => 20];
    private array $secret = ['usage' => ['input_tokens' => 999]];
}
check('public properties', tracked('anthropic', 'claude-sonnet-4-5-20250929', new PlainResponse()), [
    'prompt_tokens' => 10,
    'completion_tokens' => 20,
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
stdClass chat: ok
usage still an object: true
stdClass anthropic: ok
public properties: ok
