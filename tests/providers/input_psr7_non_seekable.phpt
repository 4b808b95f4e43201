--TEST--
Input form: a PSR-7 response whose body is not seekable (a live stream) is not consumed by tracking: the application can still read the whole body
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

final class LiveStream
{
    public int $position = 0;

    public function __construct(private string $data) {}

    public function __toString(): string
    {
        $rest = substr($this->data, $this->position);
        $this->position = strlen($this->data);
        return $rest;
    }

    public function isSeekable(): bool
    {
        return false;
    }

    public function rewind(): void
    {
        throw new RuntimeException('stream is not seekable');
    }

    public function getContents(): string
    {
        return $this->__toString();
    }
}

final class HttpResponse
{
    public function __construct(private int $status, private LiveStream $body) {}

    public function getStatusCode(): int
    {
        return $this->status;
    }

    public function getBody(): LiveStream
    {
        return $this->body;
    }
}

$json = file_get_contents(__DIR__ . '/../fixtures/openai/chat_completion.json');
$body = new LiveStream($json);
$record = tracked('openai', 'gpt-4o-mini', new HttpResponse(200, $body));
check('status only', $record, ['status_code' => 200, 'is_failed' => false]);
echo 'application reads the whole body: ', var_export($body->getContents() === $json, true), "\n";

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
status only: ok
application reads the whole body: true
