--TEST--
Input form: a PSR-7-like response (getStatusCode, getBody with __toString/isSeekable/rewind): body read, status code recorded, seekable body rewound so the application can still read it
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

final class MemoryStream
{
    public int $position = 0;
    public int $rewinds = 0;

    public function __construct(private string $data) {}

    public function __toString(): string
    {
        // PSR-7: reads from the beginning to the end, leaving the pointer at the end
        $this->position = strlen($this->data);
        return $this->data;
    }

    public function isSeekable(): bool
    {
        return true;
    }

    public function rewind(): void
    {
        $this->rewinds++;
        $this->position = 0;
    }

    public function getContents(): string
    {
        $rest = substr($this->data, $this->position);
        $this->position = strlen($this->data);
        return $rest;
    }
}

final class HttpResponse
{
    public function __construct(private int $status, private MemoryStream $body) {}

    public function getStatusCode(): int
    {
        return $this->status;
    }

    public function getBody(): MemoryStream
    {
        return $this->body;
    }
}

$json = file_get_contents(__DIR__ . '/../fixtures/openai/chat_completion.json');
$body = new MemoryStream($json);
$response = new HttpResponse(200, $body);
$record = tracked('openai', 'gpt-4o-mini', $response);
check('psr-7', $record, [
    'status_code' => 200,
    'is_failed' => false,
    'response_id' => 'chatcmpl-BqT4vLr8ZkHn2WcQe7sYdJfA1mXpG',
    'snapshot' => 'gpt-4o-mini-2024-07-18',
    'prompt_tokens' => 1117,
    'cached_tokens' => 1024,
    'completion_tokens' => 46,
]);
echo 'position after: ', $body->position, ', rewinds: ', $body->rewinds, "\n";
echo 'application reads the whole body: ', var_export($body->getContents() === $json, true), "\n";

// Anthropic body through PSR-7, with a non-2xx status: the status is kept and marks a failure.
$json = file_get_contents(__DIR__ . '/../fixtures/anthropic/message.json');
$body = new MemoryStream($json);
$record = tracked('anthropic', 'claude-sonnet-4-5-20250929', new HttpResponse(529, $body));
check('psr-7 529', $record, [
    'status_code' => 529,
    'is_failed' => true,
    'prompt_tokens' => 21,
    'completion_tokens' => 305,
]);
echo 'position after: ', $body->position, "\n";

// An HTML error page as the body: status kept, no usage, still rewound.
$body = new MemoryStream('<html><body><h1>502 Bad Gateway</h1></body></html>');
$record = tracked('openai', 'gpt-4o-mini', new HttpResponse(502, $body));
check('psr-7 html', $record, ['status_code' => 502, 'is_failed' => true, 'prompt_tokens' => 0, 'response_id' => null]);
echo 'position after: ', $body->position, "\n";

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
psr-7: ok
position after: 0, rewinds: 1
application reads the whole body: true
psr-7 529: ok
position after: 0
psr-7 html: ok
position after: 0
