--TEST--
Input form: an SDK-style response object with toArray() is converted through it; the same object is returned; toArray() wins over jsonSerialize()
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

final class CreateResponse
{
    public int $calls = 0;

    public function __construct(private array $attributes) {}

    public function toArray(): array
    {
        $this->calls++;
        return $this->attributes;
    }
}

$response = new CreateResponse(fixture('openai/responses'));
$record = tracked('openai', 'o4-mini', $response);
check('toArray', $record, [
    'response_id' => 'resp_6870a3f1c2d48193a7e5b1f04c9d2e7a0b6f8c3d1e2a4b57',
    'snapshot' => 'o4-mini-2025-04-16',
    'prompt_tokens' => 1280,
    'cached_tokens' => 1024,
    'completion_tokens' => 962,
    'reasoning_tokens' => 704,
    'is_reasoning' => true,
]);
echo 'toArray() calls: ', $response->calls, "\n";

final class BothForms implements JsonSerializable
{
    public function toArray(): array
    {
        return fixture('anthropic/message');
    }

    public function jsonSerialize(): array
    {
        return ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]];
    }
}

check('toArray first', tracked('anthropic', 'claude-sonnet-4-5-20250929', new BothForms()), [
    'response_id' => 'msg_01Hq7ZrT4kYvW3nB8cXe5mPd',
    'prompt_tokens' => 21,
    'completion_tokens' => 305,
]);

// toArray() that returns something else than an array: nothing is read, nothing breaks.
final class NotAnArray
{
    public function toArray(): string
    {
        return '{"usage":{"prompt_tokens":5}}';
    }
}
check('toArray not array', tracked('openai', 'gpt-4o-mini', new NotAnArray()), [
    'prompt_tokens' => 0,
    'completion_tokens' => 0,
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
toArray: ok
toArray() calls: 1
toArray first: ok
toArray not array: ok
