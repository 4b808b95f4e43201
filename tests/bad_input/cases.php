<?php
// The bad-input generator: runs cases [from, from + count) of a seeded, reproducible stream of
// hostile calls into the extension. Each case draws everything from mt_rand() seeded with
// (seed, case number), so `--seed S --from N --count 1` replays case N alone.
//
//   php -d extension=modules/spectra.so tests/bad_input/cases.php --seed 1 --from 0 --count 200
//
// It prints "case N <scenario>" before each case (so a crash names its case), a summary line
// "cases: ran=N caught=N warnings=N exits=N", memory figures, and "chunk done". A case may
// end the process with exit(): it is then the last case of the chunk and prints
// "exiting in case N" first. tools/bad-input.sh runs chunks of these against the ASan+UBSan
// build and fails on a sanitizer report, a fatal error, a crash or unbounded growth.
use Spectra\Spectra;
use Spectra\RequestContext;

$options = getopt('', ['seed:', 'from:', 'count:', 'quiet', 'pricing-file:']);
$seed = (int) ($options['seed'] ?? 1);
$from = (int) ($options['from'] ?? 0);
$count = (int) ($options['count'] ?? 100);
$quiet = isset($options['quiet']);

final class Hostile
{
    public static int $warnings = 0;
    public static int $caught = 0;
    public static bool $throwing_error_handler = false;

    public static function chance(int $percent): bool
    {
        return mt_rand(1, 100) <= $percent;
    }

    public static function pick(array $items): mixed
    {
        return $items[array_rand($items)];
    }

    // random_bytes() is not seeded: everything here comes from mt_rand(), so a case replays
    public static function hex(int $digits): string
    {
        $hex = '';
        while (strlen($hex) < $digits) {
            $hex .= sprintf('%08x', mt_rand(0, 0x7fffffff));
        }
        return substr($hex, 0, $digits);
    }

    public static function invalidUtf8(): string
    {
        return self::pick(["\xff\xfe", "\xc3\x28", "\xe2\x82", "\xf0\x90\x28\xbc", "\xed\xa0\x80", "a\x80b", "\xc0\xaf"]);
    }

    public static function string(): string
    {
        switch (mt_rand(0, 13)) {
            case 0: return '';
            case 1: return "\0";
            case 2: return "standard\0x";
            case 3: return self::invalidUtf8() . 'gpt-4o';
            case 4: return str_repeat('x', mt_rand(1000, 70000));
            case 5: return self::chance(10) ? str_repeat('y', 3 * 1024 * 1024) : str_repeat('y', 4096);
            case 6: return (string) mt_rand(PHP_INT_MIN, PHP_INT_MAX);
            case 7: return '18446744073709551616';
            case 8: return "line\r\nX-Injected: 1";
            case 9: return '[DONE]';
            case 10: return "\u{1F600}\u{FEFF}";
            case 11: return '-1';
            case 12: return self::pick(['gpt-4o-mini', 'claude-3-5-haiku-20241022', 'gemini-2.0-flash', 'gpt-4o-2024-08-06']);
            default: return self::hex(mt_rand(0, 48));
        }
    }

    public static function number(): int|float
    {
        return self::pick([0, -1, 1, PHP_INT_MAX, PHP_INT_MIN, 9000000000000001, 2 ** 53, INF, -INF, NAN, 1e308, -0.0, 0.5, 1e-300, mt_rand()]);
    }

    // Nested arrays: usually shallow, sometimes thousands of levels deep.
    public static function deep(int $levels): array
    {
        $value = ['leaf' => self::string()];
        for ($i = 0; $i < $levels; $i++) {
            $value = [$value];
        }
        return $value;
    }

    public static function value(int $depth = 0): mixed
    {
        switch (mt_rand(0, $depth > 2 ? 6 : 12)) {
            case 0: return null;
            case 1: return self::chance(50);
            case 2: case 3: return self::number();
            case 4: case 5: case 6: return self::string();
            case 7: return self::deep(self::chance(10) ? mt_rand(1000, 20000) : mt_rand(1, 200));
            case 8: $list = []; for ($i = mt_rand(0, 8); $i > 0; $i--) { $list[self::string()] = self::value($depth + 1); } return $list;
            case 9: return self::object();
            case 10: $self = ['a' => 1]; $self['self'] = &$self; return $self;
            case 11: return fopen('php://memory', 'r');
            default: return range(0, mt_rand(0, 20000));
        }
    }

    public static function object(): object
    {
        switch (mt_rand(0, 7)) {
            case 0: return new stdClass();
            case 1: return new ArrayObject(['usage' => ['prompt_tokens' => self::number()]]);
            case 2: return new ThrowingAccessor(self::pick(['exception', 'error', 'array message', 'object message']));
            case 3: return new class { public function toArray(): mixed { return Hostile::value(3); } };
            case 4: return new class implements JsonSerializable { public function jsonSerialize(): mixed { return Hostile::value(3); } };
            case 5: return new class { public function __toString(): string { throw new RuntimeException('no string'); } };
            case 6: return fn () => Hostile::value(3);
            default: return new DateTimeImmutable('@0');
        }
    }

    // A provider-shaped response, then mutated: leaves replaced, keys dropped, types wrong.
    public static function response(): mixed
    {
        $shapes = [
            ['id' => 'chatcmpl-1', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini',
             'choices' => [['index' => 0, 'finish_reason' => 'tool_calls', 'message' => ['role' => 'assistant', 'content' => 'hi',
                 'tool_calls' => [['id' => 'c1', 'type' => 'function', 'function' => ['name' => 'f', 'arguments' => '{}']]]]]],
             'usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5, 'total_tokens' => 15,
                 'prompt_tokens_details' => ['cached_tokens' => 4, 'audio_tokens' => 0],
                 'completion_tokens_details' => ['reasoning_tokens' => 2]]],
            ['id' => 'resp_1', 'object' => 'response', 'model' => 'gpt-4o', 'status' => 'completed',
             'output' => [['type' => 'web_search_call', 'id' => 'ws'], ['type' => 'message', 'content' => [['type' => 'output_text', 'text' => 'x']]]],
             'usage' => ['input_tokens' => 7, 'output_tokens' => 3, 'input_tokens_details' => ['cached_tokens' => 1], 'output_tokens_details' => ['reasoning_tokens' => 1]]],
            ['id' => 'msg_1', 'type' => 'message', 'model' => 'claude-3-5-haiku-20241022', 'stop_reason' => 'tool_use',
             'content' => [['type' => 'tool_use', 'id' => 't', 'name' => 'n', 'input' => []]],
             'usage' => ['input_tokens' => 20, 'output_tokens' => 8, 'cache_read_input_tokens' => 5, 'cache_creation_input_tokens' => 3,
                 'cache_creation' => ['ephemeral_5m_input_tokens' => 2, 'ephemeral_1h_input_tokens' => 1]]],
            ['candidates' => [['finishReason' => 'STOP', 'content' => ['parts' => [['text' => 'x'], ['functionCall' => ['name' => 'f']]]]]],
             'modelVersion' => 'gemini-2.0-flash', 'responseId' => 'g1',
             'usageMetadata' => ['promptTokenCount' => 9, 'candidatesTokenCount' => 4, 'thoughtsTokenCount' => 2, 'cachedContentTokenCount' => 1, 'totalTokenCount' => 15]],
            ['data' => [['embedding' => [0.1, 0.2]]], 'model' => 'text-embedding-3-small', 'usage' => ['prompt_tokens' => 3, 'total_tokens' => 3]],
            // OpenRouter billed cost, Perplexity search usage and cost breakdown
            ['id' => 'gen-1', 'object' => 'chat.completion', 'model' => 'openai/gpt-4o-mini', 'choices' => [['index' => 0, 'finish_reason' => 'stop', 'message' => ['role' => 'assistant', 'content' => 'x']]],
             'usage' => ['prompt_tokens' => 12, 'completion_tokens' => 3, 'cost' => 0.0004, 'is_byok' => true, 'cost_details' => ['upstream_inference_cost' => 0.001],
                 'prompt_tokens_details' => ['audio_tokens' => 2], 'completion_tokens_details' => ['audio_tokens' => 1]]],
            ['id' => 'p1', 'model' => 'sonar-deep-research', 'object' => 'chat.completion', 'choices' => [['index' => 0, 'finish_reason' => 'stop', 'message' => ['content' => 'x']]],
             'usage' => ['prompt_tokens' => 2, 'completion_tokens' => 4, 'citation_tokens' => 5, 'reasoning_tokens' => 6, 'num_search_queries' => 2,
                 'cost' => ['input_tokens_cost' => 0.1, 'output_tokens_cost' => 0.2, 'request_cost' => 0.005, 'total_cost' => 0.305]]],
            // Gemini modality lists, a Veo operation, Mistral OCR and transcription, fal.ai, ElevenLabs
            ['candidates' => [['finishReason' => 'STOP', 'content' => ['parts' => [['inlineData' => ['mimeType' => 'image/png', 'data' => 'AA']]]]]], 'modelVersion' => 'gemini-2.5-flash-image',
             'usageMetadata' => ['promptTokenCount' => 30, 'candidatesTokenCount' => 20, 'cachedContentTokenCount' => 5,
                 'promptTokensDetails' => [['modality' => 'TEXT', 'tokenCount' => 10], ['modality' => 'AUDIO', 'tokenCount' => 20]],
                 'cacheTokensDetails' => [['modality' => 'AUDIO', 'tokenCount' => 5]], 'candidatesTokensDetails' => [['modality' => 'IMAGE', 'tokenCount' => 20]]]],
            ['name' => 'models/veo-3.0-generate-001/operations/op1', 'done' => true,
             'response' => ['generateVideoResponse' => ['generatedSamples' => [['video' => ['uri' => 'https://example.invalid/v']]]]]],
            ['pages' => [['index' => 0, 'markdown' => 'x']], 'model' => 'mistral-ocr-2512', 'document_annotation' => null, 'usage_info' => ['pages_processed' => 1, 'doc_size_bytes' => 10]],
            ['model' => 'voxtral-mini-2507', 'text' => 'x', 'language' => 'en', 'segments' => [], 'usage' => ['prompt_audio_seconds' => 3, 'prompt_tokens' => 1, 'completion_tokens' => 2]],
            ['images' => [['url' => 'https://example.invalid/i.png', 'content_type' => 'image/png']], 'seed' => 1],
            ['audio_base64' => 'AA', 'alignment' => ['characters' => ['h', 'i'], 'character_start_times_seconds' => [0, 0.1], 'character_end_times_seconds' => [0.1, 0.2]]],
        ];
        $response = self::pick($shapes);
        for ($mutations = mt_rand(0, 6); $mutations > 0; $mutations--) {
            self::mutate($response);
        }
        if (self::chance(15)) {
            $response = self::pick([json_encode($response, JSON_PARTIAL_OUTPUT_ON_ERROR), substr((string) json_encode($response), 0, mt_rand(0, 60)), self::string()]);
        } elseif (self::chance(10)) {
            $data = $response;
            $response = self::pick([new ArrayObject($data), new Psr7Like(self::pick([200, 429, 500, -1, 999999]), json_encode($data, JSON_PARTIAL_OUTPUT_ON_ERROR) ?: '{')]);
        } elseif (self::chance(5)) {
            $response = self::value();
        }
        return $response;
    }

    private static function mutate(array &$node, int $depth = 0): void
    {
        if ($node === [] || $depth > 6) {
            return;
        }
        $key = array_rand($node);
        if (is_array($node[$key]) && self::chance(60)) {
            self::mutate($node[$key], $depth + 1);
        } elseif (self::chance(20)) {
            unset($node[$key]);
        } else {
            $node[$key] = self::value(2);
        }
    }

    public static function options(): array
    {
        $keys = ['tags', 'metadata', 'trace_id', 'pricing_tier', 'conversation_id', 'trackable', 'stream', 'time_to_first_token_ms',
            'endpoint', 'operation', 'status_code', 'server_address', 'request', 'unknown_option', 'user_id', 'url', self::string()];
        $options = [];
        for ($i = mt_rand(0, 4); $i > 0; $i--) {
            $key = self::pick($keys);
            // mostly the right type with hostile content; sometimes the wrong type
            $options[$key] = self::chance(25) ? self::value(1) : match ($key) {
                'tags' => array_map(fn () => self::string(), range(0, mt_rand(0, 300))),
                'metadata' => self::manyKeys(mt_rand(0, 300)),
                'stream' => self::chance(50),
                'time_to_first_token_ms', 'status_code' => mt_rand(-10, 100000),
                'trackable' => ['type' => self::string(), 'id' => self::chance(50) ? mt_rand() : self::string()],
                'trace_id' => self::chance(50) ? Hostile::hex(32) : self::string(),
                // a provider API URL (provider from its host, operation from its path) or garbage
                'url' => self::chance(60) ? self::pick(['https://acme.openai.azure.com/openai/deployments/d/chat/completions?api-version=1',
                    'https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse', 'http://[::1]:8/v1/images/generations',
                    'https://api.anthropic.com/v1/messages', 'https://' . str_repeat('a.', 3000) . 'com/v1/audio/speech']) : self::string(),
                default => self::string(),
            };
        }
        return $options;
    }

    public static function manyKeys(int $count): array
    {
        $keys = [];
        for ($i = 0; $i < $count; $i++) {
            $keys["k$i" . (self::chance(10) ? self::string() : '')] = self::value(2);
        }
        return $keys;
    }

    public static function exception(): Throwable
    {
        $exception = self::pick([new RuntimeException(self::string(), mt_rand()), new TypeError('t'), new Exception('e')]);
        if (self::chance(30)) {
            set_message($exception, Hostile::value(2)); // user code may set any type as the message
        }
        return $exception;
    }
}

function set_message(Throwable $throwable, mixed $message): void
{
    (new ReflectionProperty($throwable instanceof Exception ? Exception::class : Error::class, 'message'))->setValue($throwable, $message);
}

class ThrowingAccessor
{
    public function __construct(private string $how) {}
    public function toArray(): array
    {
        $exception = new RuntimeException('toArray failed');
        if ($this->how === 'array message') {
            set_message($exception, ['not', 'a', 'string']);
        } elseif ($this->how === 'object message') {
            set_message($exception, new stdClass());
        } elseif ($this->how === 'error') {
            throw new Error('toArray error');
        }
        throw $exception;
    }
}

// Just enough of PSR-7's shape for the extension's duck typing.
class Psr7Like
{
    public function __construct(private int $status, private string $body) {}
    public function getStatusCode(): int { return $this->status; }
    public function getBody(): object
    {
        $body = $this->body;
        return new class ($body) {
            public function __construct(private string $body) {}
            public function isSeekable(): bool { return Hostile::chance(50); }
            public function rewind(): void { if (Hostile::chance(10)) { throw new RuntimeException('rewind'); } }
            public function __toString(): string { return $this->body; }
        };
    }
}

// ---- the scenarios: each returns nothing, may throw (caught by the runner) --------------

function random_callback(int $depth = 0): callable
{
    return match (mt_rand(0, 9)) {
        0 => fn () => throw Hostile::exception(),
        1 => fn () => Hostile::value(),
        2 => function (...$args) use ($depth) { if ($depth < 3) { random_api_call($depth + 1); } return $args[0] ?? null; },
        3 => 'strlen',
        4 => [new ArrayObject([]), 'count'],
        5 => function () { $fiber = new Fiber(function () { Spectra::withoutTracking(function () { Fiber::suspend(1); }); }); $fiber->start(); if (Hostile::chance(50)) { $fiber->resume(); } },
        6 => fn (...$args) => $args[0] ?? [],
        default => fn () => Hostile::response(),
    };
}

function random_api_call(int $depth = 0): void
{
    $provider = Hostile::chance(70) ? Hostile::pick(['openai', 'anthropic', 'google', 'gemini', 'groq', 'mistral', 'xai', 'azure', 'ollama', 'deepseek', '', 'auto', 'cohere', 'bedrock']) : Hostile::string();
    $model = Hostile::chance(70) ? Hostile::pick(['gpt-4o-mini', 'gpt-4o', 'claude-3-5-haiku-20241022', 'gemini-2.0-flash', 'o3-mini', 'text-embedding-3-small']) : Hostile::string();
    switch (mt_rand(0, 16)) {
        case 0: case 1: case 2: case 3:
            $response = Hostile::response();
            Spectra::track($provider, $model, function ($context) use ($response, $depth) {
                if (Hostile::chance(30)) {
                    context_calls($context);
                }
                if ($depth < 3 && Hostile::chance(15)) {
                    random_api_call($depth + 1);
                }
                if (Hostile::chance(10)) {
                    throw Hostile::exception();
                }
                return $response;
            }, Hostile::options());
            break;
        case 4: case 5:
            $context = Spectra::startRequest($provider, $model, Hostile::options());
            context_calls($context);
            if (Hostile::chance(50)) {
                Spectra::recordSuccess($context, Hostile::response(), Hostile::chance(50) ? ['prompt_tokens' => Hostile::number(), 'completion_tokens' => Hostile::value()] : []);
            } else {
                Spectra::recordFailure($context, Hostile::exception(), Hostile::chance(50) ? mt_rand(-5, 700) : null);
            }
            if (Hostile::chance(20)) {
                Spectra::recordSuccess($context, Hostile::response()); // twice
            }
            break;
        case 6: Spectra::withMetadata(Hostile::chance(70) ? [Hostile::string() => Hostile::value()] : Hostile::value()); break;
        case 7: Spectra::addGlobalTags(Hostile::chance(70) ? [Hostile::string(), Hostile::value()] : Hostile::value()); break;
        case 8: Spectra::withTraceId(Hostile::chance(30) ? Hostile::hex(32) : Hostile::string()); break;
        case 9: Spectra::withPricingTier(Hostile::string()); break;
        case 10: Spectra::forTrackable(Hostile::string(), Hostile::chance(50) ? mt_rand() : Hostile::string()); break;
        case 11: Spectra::listen(random_callback($depth)); break;
        case 12: Spectra::useTransformer(Hostile::chance(20) ? null : random_callback($depth)); break;
        case 13: Spectra::useSpanBuilder(Hostile::chance(20) ? null : random_span_builder()); break;
        case 14: Spectra::withoutTracking(function () use ($depth) { if ($depth < 3) { random_api_call($depth + 1); } }); break;
        case 15: Spectra::clearGlobals(); Spectra::stats(); Spectra::currentTraceId(); break;
        default: Spectra::flush(mt_rand(0, 1) ? 0 : null); break;
    }
}

function context_calls(mixed $context): void
{
    if (!$context instanceof RequestContext) {
        return;
    }
    for ($i = mt_rand(1, 4); $i > 0; $i--) {
        try {
            match (mt_rand(0, 5)) {
                0 => $context->addTag(Hostile::string()),
                1 => $context->addMetadata(Hostile::string(), Hostile::value()),
                2 => $context->forTrackable(Hostile::string(), Hostile::chance(50) ? mt_rand() : Hostile::string()),
                3 => $context->inConversation(Hostile::string()),
                4 => $context->withPricingTier(Hostile::string()),
                default => $context->setUsage(['prompt_tokens' => Hostile::number(), 'cached_tokens' => Hostile::value(), 'completion_tokens' => Hostile::number(), 'reasoning_tokens' => Hostile::number()]),
            };
        } catch (TypeError|ValueError $expected) {
            Hostile::$caught++;
        }
    }
}

function random_span_builder(): mixed
{
    $span = fn () => array_filter([
        'name' => Hostile::chance(80) ? 'x' : Hostile::value(),
        'kind' => Hostile::chance(50) ? mt_rand(-1, 7) : null,
        'startTimeUnixNano' => Hostile::chance(50) ? Hostile::value(1) : null,
        'endTimeUnixNano' => Hostile::chance(50) ? Hostile::value(1) : null,
        'attributes' => Hostile::chance(60) ? array_map(fn () => Hostile::chance(70) ? ['key' => Hostile::string(), 'value' => [Hostile::pick(['stringValue', 'intValue', 'doubleValue', 'boolValue', 'arrayValue', 'bogus']) => Hostile::value(1)]] : Hostile::value(1), range(0, mt_rand(0, 50))) : Hostile::value(),
        'status' => Hostile::chance(30) ? ['code' => Hostile::value(), 'message' => Hostile::value()] : null,
        'events' => Hostile::chance(30) ? [['name' => Hostile::value(), 'timeUnixNano' => Hostile::value(), 'attributes' => Hostile::value()]] : null,
    ], fn ($v) => $v !== null);
    return match (mt_rand(0, 4)) {
        0 => new \Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder(),
        1 => fn (array $data) => $span(),
        2 => fn () => throw Hostile::exception(),
        3 => function () { Spectra::useSpanBuilder(null); return ['name' => 'replaced itself']; },
        default => fn () => Hostile::value(),
    };
}

// A pricing file for spectra.pricing_file: valid, large, or broken in one of many ways. The
// extension must load it or refuse it with one warning, never crash or hang.
function write_pricing_file(string $path): void
{
    $rows = [];
    for ($i = mt_rand(0, Hostile::chance(10) ? 20000 : 50); $i > 0; $i--) {
        $short = fn () => substr(Hostile::string(), 0, Hostile::chance(5) ? 100000 : 300);
        $row = ['provider' => Hostile::chance(80) ? 'openai' : $short(), 'model' => Hostile::chance(50) ? "m$i" : $short(),
            'input' => Hostile::chance(80) ? mt_rand(0, 1000) : Hostile::value(1), 'output' => mt_rand(0, 1000)];
        foreach (['tier', 'unit', 'type', 'cached_input', 'cache_write_5m', 'price_per_unit', 'display_name', $short()] as $key) {
            if (Hostile::chance(15)) {
                $row[$key] = Hostile::chance(50) ? $short() : Hostile::number();
            }
        }
        $rows[] = $row;
    }
    $text = json_encode(['models' => $rows], JSON_PARTIAL_OUTPUT_ON_ERROR | JSON_INVALID_UTF8_IGNORE | JSON_PRESERVE_ZERO_FRACTION) ?: '{';
    $text = match (mt_rand(0, 9)) {
        0 => substr($text, 0, mt_rand(0, strlen($text))),
        1 => str_repeat('[', mt_rand(1, 100000)),
        2 => Hostile::invalidUtf8() . $text,
        3 => str_replace('"models"', '"models", "models"', $text),
        4 => "\xEF\xBB\xBF" . $text,
        5 => str_replace(':', ": 1e99999,", $text),
        default => $text,
    };
    file_put_contents($path, $text);
}

if (isset($options['pricing-file'])) {
    mt_srand($seed * 1000003 + $from);
    write_pricing_file($options['pricing-file']);
    exit(0);
}

// ---- the runner -------------------------------------------------------------------------

set_error_handler(function (int $level, string $message) {
    Hostile::$warnings++;
    if (Hostile::$throwing_error_handler) {
        throw new ErrorException($message, 0, $level); // as Laravel's handler does
    }
    return true;
});

$memory_after_warmup = null;
$ran = 0;
for ($case = $from; $case < $from + $count; $case++) {
    mt_srand($seed * 1000003 + $case);
    Hostile::$throwing_error_handler = Hostile::chance(25);
    $last = $case === $from + $count - 1;
    if ($last && Hostile::chance(30)) {
        echo "exiting in case $case\n";
        printf("cases: ran=%d caught=%d warnings=%d exits=1\n", $ran, Hostile::$caught, Hostile::$warnings);
        // exit() from a listener (when tracking is on) or from the tracked callback itself
        if (Spectra::isEnabled() && Hostile::chance(70)) {
            Spectra::listen(function () { exit(0); });
            Spectra::track('openai', 'gpt-4o-mini', fn () => Hostile::response());
        }
        Spectra::track('openai', 'gpt-4o-mini', fn () => exit(0));
        echo "exit() in a listener did not exit\n";
        exit(3);
    }
    if (!$quiet) {
        echo "case $case\n";
    }
    for ($calls = mt_rand(1, 6); $calls > 0; $calls--) {
        try {
            random_api_call();
        } catch (Throwable $thrown) {
            Hostile::$caught++; // the application's own exceptions, TypeError/ValueError for bad arguments
            if (getenv('SPECTRA_BAD_INPUT_WHY')) {
                fprintf(STDERR, "caught %s: %s\n", get_class($thrown), substr(is_string($m = $thrown->getMessage()) ? $m : '?', 0, 100));
            }
        }
    }
    $ran++;
    if ($ran === intdiv($count, 4)) {
        gc_collect_cycles();
        $memory_after_warmup = getrusage()['ru_maxrss'];
    }
}
gc_collect_cycles();
Hostile::$throwing_error_handler = false;
printf("cases: ran=%d caught=%d warnings=%d exits=0\n", $ran, Hostile::$caught, Hostile::$warnings);
printf("maxrss_kb: warmup=%d end=%d\n", $memory_after_warmup ?? 0, getrusage()['ru_maxrss']);
$stats = Spectra::stats();
printf("spans: pending=%d queued=%d dropped=%d queue_bytes=%d\n", $stats['pending'], $stats['queued'], $stats['dropped'], $stats['queue_bytes']);
echo "chunk done\n";
