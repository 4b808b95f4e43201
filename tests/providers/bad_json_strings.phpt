--TEST--
Bad input: malformed JSON, non-JSON text, empty and scalar JSON strings and non-array return values are still recorded (no usage), without a warning, and returned unchanged
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$nothing = [
    'prompt_tokens' => 0,
    'completion_tokens' => 0,
    'cached_tokens' => 0,
    'total_tokens' => 0,
    'response_id' => null,
    'snapshot' => null,
    'finish_reasons' => [],
    'has_tool_calls' => false,
    'status_code' => 200,
    'is_failed' => false,
    'model' => 'gpt-4o-mini',
];

$truncated = substr(file_get_contents(__DIR__ . '/../fixtures/openai/chat_completion.json'), 0, 700);
$inputs = [
    'truncated JSON' => $truncated,
    'trailing garbage' => '{"object":"chat.completion","usage":{"prompt_tokens":10,"completion_tokens":5}} trailing',
    'single quotes' => "{'object':'chat.completion','usage':{'prompt_tokens':10}}",
    'html' => '<html><body><h1>502 Bad Gateway</h1></body></html>',
    'plain text' => 'upstream connect error or disconnect/reset before headers',
    'empty string' => '',
    'whitespace' => " \n\t ",
    'json scalar' => '"chat.completion"',
    'json number' => '42',
    'json list' => '[{"usage":{"prompt_tokens":10}}]',
    'int' => 42,
    'float' => 4.2,
    'bool' => true,
    'null' => null,
];
foreach ($inputs as $label => $input) {
    check($label, tracked('openai', 'gpt-4o-mini', $input), $nothing);
}
echo count($records), " records\n";

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
truncated JSON: ok
trailing garbage: ok
single quotes: ok
html: ok
plain text: ok
empty string: ok
whitespace: ok
json scalar: ok
json number: ok
json list: ok
int: ok
float: ok
bool: ok
null: ok
14 records
