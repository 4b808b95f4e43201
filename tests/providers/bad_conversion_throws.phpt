--TEST--
Bad input: toArray(), jsonSerialize() or PSR-7 methods that throw give exactly one warning naming the method and the exception; the application's value is returned untouched and the request is still recorded
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

final class ThrowingToArray
{
    public array $untouched = ['kept' => true];

    public function toArray(): array
    {
        throw new RuntimeException('cannot map response');
    }
}

final class ThrowingJson implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        throw new TypeError('bad type in jsonSerialize');
    }
}

final class ThrowingBody
{
    public function __toString(): string
    {
        throw new RuntimeException('connection reset');
    }

    public function isSeekable(): bool
    {
        return true;
    }

    public function rewind(): void
    {
        echo "rewind called\n";
    }
}

final class ThrowingResponse
{
    public function __construct(private string $fail) {}

    public function getStatusCode(): int
    {
        if ($this->fail === 'status') {
            throw new LogicException('no status');
        }
        return 503;
    }

    public function getBody(): object
    {
        if ($this->fail === 'body') {
            throw new RuntimeException('body detached');
        }
        return new ThrowingBody();
    }
}

$object = new ThrowingToArray();
$record = tracked('openai', 'gpt-4o-mini', $object);
// nothing could be read, so no usage: the cost is unknown, not a silent 0
check('toArray throws', $record, ['prompt_tokens' => 0, 'completion_tokens' => 0, 'status_code' => 200, 'is_failed' => false, 'cost_known' => false,
    'cost_reason' => 'no usage reported for gpt-4o-mini']);
var_dump($object->untouched);

$record = tracked('openai', 'gpt-4o-mini', new ThrowingJson());
check('jsonSerialize throws', $record, ['prompt_tokens' => 0, 'is_failed' => false]);

$record = tracked('openai', 'gpt-4o-mini', new ThrowingResponse('body'));
check('getBody throws', $record, ['prompt_tokens' => 0, 'status_code' => 503, 'is_failed' => true]);

$record = tracked('openai', 'gpt-4o-mini', new ThrowingResponse('status'));
check('getStatusCode and __toString throw', $record, ['prompt_tokens' => 0, 'status_code' => 200]);

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
--EXPECTF--
Warning: Spectra\Spectra::track(): Spectra: response toArray() threw RuntimeException: cannot map response in %s on line %d
toArray throws: ok
array(1) {
  ["kept"]=>
  bool(true)
}

Warning: Spectra\Spectra::track(): Spectra: response jsonSerialize() threw TypeError: bad type in jsonSerialize in %s on line %d
jsonSerialize throws: ok

Warning: Spectra\Spectra::track(): Spectra: PSR-7 getBody() threw RuntimeException: body detached in %s on line %d
getBody throws: ok

Warning: Spectra\Spectra::track(): Spectra: PSR-7 getStatusCode() threw LogicException: no status in %s on line %d

Warning: Spectra\Spectra::track(): Spectra: PSR-7 body __toString() threw RuntimeException: connection reset in %s on line %d
rewind called
getStatusCode and __toString throw: ok
4 records
